import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// The default ticket system (BFCL's TicketAPI defaults) is empty and nobody is logged in, so every
// task logs in first (any non-empty username works) and opens its own tickets. Ticket ids come
// from one shared counter, so a task opening two tickets orders them with `after`. No task logs
// out: that would break every other task's session.

const USERS = ["mia", "noah", "olga", "pavel", "quinn", "rosa", "sam", "tariq", "uma", "viktor"];
const PROBLEMS = [
  { title: "Printer offline", description: "The office printer on floor 2 does not respond." },
  { title: "VPN drops", description: "The VPN disconnects every few minutes." },
  { title: "Email bounce", description: "Messages to the finance team bounce back." },
  { title: "Laptop battery", description: "The battery drains within an hour." },
  { title: "Password reset", description: "The reset link in the email has expired." },
  { title: "Slow wifi", description: "Wifi in the meeting rooms is very slow." },
  { title: "Broken monitor", description: "The second monitor flickers and goes black." },
  { title: "License expired", description: "The design software says the licence expired." },
];
const RESOLUTIONS = [
  "Restarted the device",
  "Replaced the faulty part",
  "Reset the account settings",
  "Renewed the licence",
  "Updated the driver",
];

const loginStep = (username: string) => ({
  id: "s1",
  tool: "ticket_login",
  args: { username, password: `${username}-pass` },
});
const account = (username: string) => `(username ${username}, password ${username}-pass)`;
const problem = (rng: Rng) => rng.pick(PROBLEMS);

const templates: TaskTemplate[] = [
  {
    id: "tickets/open-and-check",
    pattern: "chain",
    build: (rng) => {
      const user = rng.pick(USERS);
      const issue = problem(rng);
      const priority = rng.int(1, 5);
      return {
        instruction: phrase(
          rng,
          [
            'Log in to the ticket system {account}, open a ticket "{title}" with the description "{description}" and priority {priority}, then fetch it and tell me its status.',
            'Sign in {account} and create a support ticket titled "{title}" ("{description}", priority {priority}). Look the ticket up afterwards: what status does it have?',
            'As {user} {account}, file the ticket "{title}" (description: "{description}"; priority {priority}) and read it back to report its status.',
          ],
          { account: account(user), user, priority, ...issue },
        ),
        plan: [
          loginStep(user),
          { id: "s2", tool: "create_ticket", args: { ...issue, priority }, after: ["s1"] },
          { id: "s3", tool: "get_ticket", args: { ticket_id: ref("s2.result.id") } },
        ],
        answer: ref("s3.result.status"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "tickets/open-and-resolve",
    pattern: "chain",
    build: (rng) => {
      const user = rng.pick(USERS);
      const issue = problem(rng);
      const resolution = rng.pick(RESOLUTIONS);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {account}, open the ticket "{title}" ("{description}"), resolve it with the note "{resolution}", and read the ticket back. What resolution does it record?',
            'Sign in {account}; create a ticket "{title}" described as "{description}", mark it resolved ("{resolution}"), then fetch it to confirm the resolution.',
            'As {user} {account}, file "{title}" ("{description}"), resolve it with "{resolution}" and check the stored resolution text.',
          ],
          { account: account(user), user, resolution, ...issue },
        ),
        plan: [
          loginStep(user),
          { id: "s2", tool: "create_ticket", args: issue, after: ["s1"] },
          { id: "s3", tool: "resolve_ticket", args: { ticket_id: ref("s2.result.id"), resolution } },
          { id: "s4", tool: "get_ticket", args: { ticket_id: ref("s2.result.id") }, after: ["s3"] },
        ],
        answer: ref("s4.result.resolution"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "tickets/triage",
    pattern: "mixed",
    build: (rng) => {
      const user = rng.pick(USERS);
      const issue = problem(rng);
      const priority = rng.int(3, 5);
      const note = `${issue.description} Reported again by ${rng.pick(USERS)}.`;
      return {
        instruction: phrase(
          rng,
          [
            'Log in {account} and open "{title}" ("{description}"). Then, independently, raise its priority to {priority} and change its description to "{note}". Finally fetch the ticket and report its priority.',
            'Sign in {account}, create the ticket "{title}" described as "{description}", and triage it: set priority {priority} in one edit and the description "{note}" in another. Read it back: what priority does it have?',
            'As {user} {account}: file "{title}" ("{description}"), then update it twice (priority → {priority}; description → "{note}") and look at the result. Which priority is stored?',
          ],
          { account: account(user), user, priority, note, ...issue },
        ),
        plan: [
          loginStep(user),
          { id: "s2", tool: "create_ticket", args: issue, after: ["s1"] },
          { id: "s3", tool: "edit_ticket", args: { ticket_id: ref("s2.result.id"), updates: { priority } } },
          {
            id: "s4",
            tool: "edit_ticket",
            args: { ticket_id: ref("s2.result.id"), updates: { description: note } },
          },
          { id: "s5", tool: "get_ticket", args: { ticket_id: ref("s2.result.id") }, after: ["s3", "s4"] },
        ],
        answer: ref("s5.result.priority"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "tickets/close-and-list",
    pattern: "chain",
    build: (rng) => {
      const user = rng.pick(USERS);
      const issue = problem(rng);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {account}, open "{title}" ("{description}"), close it, and list your closed tickets. What is the title of the first one?',
            'Sign in {account}; create the ticket "{title}" with description "{description}", close it right away, then show the tickets you created that have status Closed.',
            'As {user} {account}, file "{title}" ("{description}"), close that ticket, and get your tickets filtered by status "Closed". Report the first title.',
          ],
          { account: account(user), user, ...issue },
        ),
        plan: [
          loginStep(user),
          { id: "s2", tool: "create_ticket", args: issue, after: ["s1"] },
          { id: "s3", tool: "close_ticket", args: { ticket_id: ref("s2.result.id") } },
          { id: "s4", tool: "get_user_tickets", args: { status: "Closed" }, after: ["s3"] },
        ],
        answer: ref("s4.result.0.title"),
        answerMatch: "text",
      };
    },
  },
  {
    id: "tickets/match-priority",
    pattern: "fan-in",
    build: (rng) => {
      const user = rng.pick(USERS);
      const [first, second] = rng.shuffle(PROBLEMS) as [(typeof PROBLEMS)[number], (typeof PROBLEMS)[number]];
      const low = rng.int(1, 2);
      const high = rng.int(3, 5);
      return {
        instruction: phrase(
          rng,
          [
            'Log in {account}. Open "{first}" with priority {low} and, after it, "{second}" with priority {high} (use each title as its description). Then give the first ticket the same priority as the second and read the first ticket back. What is its priority now?',
            'Sign in {account}; create "{first}" (priority {low}) and then "{second}" (priority {high}), each described by its title. Copy the second ticket\'s priority onto the first ticket and fetch the first one to check it.',
            'As {user} {account}, file two tickets in order: "{first}" at priority {low}, "{second}" at priority {high} (descriptions equal to the titles). Raise the first ticket to the priority of the second and report the first ticket\'s priority.',
          ],
          { account: account(user), user, first: first.title, second: second.title, low, high },
        ),
        plan: [
          loginStep(user),
          {
            id: "s2",
            tool: "create_ticket",
            args: { title: first.title, description: first.title, priority: low },
            after: ["s1"],
          },
          {
            id: "s3",
            tool: "create_ticket",
            args: { title: second.title, description: second.title, priority: high },
            after: ["s2"],
          },
          {
            id: "s4",
            tool: "edit_ticket",
            args: { ticket_id: ref("s2.result.id"), updates: { priority: ref("s3.result.priority") } },
          },
          { id: "s5", tool: "get_ticket", args: { ticket_id: ref("s2.result.id") }, after: ["s4"] },
        ],
        answer: ref("s5.result.priority"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "tickets/quick-fix",
    pattern: "fan-out",
    build: (rng) => {
      const user = rng.pick(USERS);
      const issue = problem(rng);
      const priority = rng.int(2, 5);
      const resolution = rng.pick(RESOLUTIONS);
      const title = `${issue.title} (${rng.pick(["floor 1", "floor 2", "lab", "reception", "warehouse"])})`;
      return {
        instruction: phrase(
          rng,
          [
            'Log in {account} and open "{oldTitle}" ("{description}"). Then, in any order: rename it to "{title}", set its priority to {priority}, and resolve it with "{resolution}".',
            'Sign in {account}; create the ticket "{oldTitle}" described as "{description}". Once it exists, independently retitle it "{title}", change the priority to {priority} and mark it resolved ("{resolution}").',
            'As {user} {account}, file "{oldTitle}" ("{description}") and then do three separate updates on it: title "{title}", priority {priority}, resolution "{resolution}".',
          ],
          {
            account: account(user),
            user,
            oldTitle: issue.title,
            description: issue.description,
            title,
            priority,
            resolution,
          },
        ),
        plan: [
          loginStep(user),
          { id: "s2", tool: "create_ticket", args: issue, after: ["s1"] },
          { id: "s3", tool: "edit_ticket", args: { ticket_id: ref("s2.result.id"), updates: { title } } },
          { id: "s4", tool: "edit_ticket", args: { ticket_id: ref("s2.result.id"), updates: { priority } } },
          { id: "s5", tool: "resolve_ticket", args: { ticket_id: ref("s2.result.id"), resolution } },
        ],
        answer: null,
        answerMatch: "exact",
      };
    },
  },
  {
    id: "tickets/login-check",
    pattern: "single",
    build: (rng) => {
      const user = rng.pick(USERS);
      return {
        instruction: phrase(
          rng,
          [
            "Log in to the ticket system as {user} with the password {user}-pass. Did it succeed?",
            "Sign in to the support desk {account} and report whether the login worked.",
            "Authenticate with the ticket system {account}.",
          ],
          { account: account(user), user },
        ),
        plan: [loginStep(user)],
        answer: ref("s1.result.success"),
        answerMatch: "exact",
      };
    },
  },
];

export const ticketsGenerator: DomainGenerator = {
  domain: "tickets",
  templates,
  // The default system holds no tickets, so the login status is the only read that succeeds.
  probes: [
    {
      tool: "ticket_get_login_status",
      args: {},
      phrase: "check whether you are logged in to the ticket system",
    },
  ],
};
