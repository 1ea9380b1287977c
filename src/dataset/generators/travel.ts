import type { Rng } from "../../core/rng.ts";
import { AIRPORT_BY_CITY, baseFare } from "../../tools/domains/travel/travel-data.ts";
import type { Step } from "../schema.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

/**
 * Travel tasks (BFCL TravelAPI port). The default state has no token, cards or bookings. Fares,
 * airports and currency conversions need no login and touch nothing, so those tasks always
 * compose; anything behind the access token (cards, budget, bookings) shares the one session and
 * the id generator, so at most one such task fits in a scenario.
 */

/** Ordered city pairs with a fare in upstream's one-way table. */
const ROUTES: ReadonlyArray<[string, string]> = Object.entries(AIRPORT_BY_CITY).flatMap(([from, a]) =>
  Object.entries(AIRPORT_BY_CITY)
    .filter(([, b]) => baseFare(a, b) !== undefined)
    .map(([to]) => [from, to] as [string, string]),
);
const CLASSES = ["economy", "business", "first"] as const;
const CURRENCIES = ["EUR", "GBP", "JPY", "CAD", "AUD", "RMB", "INR", "MXN"] as const;
const TRAVELLERS = ["Maya Okafor", "Daniel Reyes", "Lena Fischer", "Arjun Mehta", "Sofia Rossi", "Ken Sato"];

const date = (rng: Rng) => `2024-${String(rng.int(10, 12))}-${String(rng.int(1, 28)).padStart(2, "0")}`;
const airportOf = (city: string) => AIRPORT_BY_CITY[city] as string;

/** Log in as a random traveller (step s1); later steps use `token`. */
function authenticate(rng: Rng) {
  const [first, last] = rng.pick(TRAVELLERS).split(" ") as [string, string];
  const args = {
    client_id: `client-${rng.int(100, 999)}`,
    client_secret: `secret-${rng.int(1000, 9999)}`,
    refresh_token: `refresh-${rng.int(1000, 9999)}`,
    grant_type: "read_write",
    user_first_name: first,
    user_last_name: last,
  };
  return {
    step: { id: "s1", tool: "authenticate_travel", args } as Step,
    first,
    last,
    name: `${first} ${last}`,
  };
}
const token = ref("s1.result.access_token");

const exchange = (id: string, from: string, to: string, value: unknown): Step => ({
  id,
  tool: "compute_exchange_rate",
  args: { base_currency: from, target_currency: to, value },
});

/** nearest_airport(from), nearest_airport(to) → fare, as steps s1..s3. */
function fareSteps(from: string, to: string, day: string, travelClass: string): Step[] {
  return [
    { id: "s1", tool: "get_nearest_airport_by_city", args: { location: from } },
    { id: "s2", tool: "get_nearest_airport_by_city", args: { location: to } },
    {
      id: "s3",
      tool: "get_flight_cost",
      args: {
        travel_from: ref("s1.result.nearest_airport"),
        travel_to: ref("s2.result.nearest_airport"),
        travel_date: day,
        travel_class: travelClass,
      },
    },
  ];
}

/** Authenticate, register a card (its number drawn here), book a flight between two cities' airports: s1..s5. */
function bookingSteps(rng: Rng) {
  const login = authenticate(rng);
  const [from, to] = rng.pick(ROUTES);
  const [day, travelClass] = [date(rng), rng.pick(CLASSES)];
  const steps: Step[] = [
    login.step,
    {
      id: "s2",
      tool: "register_credit_card",
      args: {
        access_token: token,
        card_number: Array.from({ length: 4 }, () => String(rng.int(1000, 9999))).join(""),
        expiration_date: `${String(rng.int(1, 12)).padStart(2, "0")}/${rng.int(2026, 2030)}`,
        cardholder_name: login.name,
        card_verification_number: rng.int(100, 999),
      },
    },
    { id: "s3", tool: "get_nearest_airport_by_city", args: { location: from } },
    { id: "s4", tool: "get_nearest_airport_by_city", args: { location: to } },
    {
      id: "s5",
      tool: "book_flight",
      args: {
        access_token: token,
        card_id: ref("s2.result.card_id"),
        travel_date: day,
        travel_from: ref("s3.result.nearest_airport"),
        travel_to: ref("s4.result.nearest_airport"),
        travel_class: travelClass,
      },
    },
  ];
  return { steps, values: { name: login.name, from, to, day, travelClass } };
}

const templates: TaskTemplate[] = [
  {
    id: "travel/fare-by-city",
    pattern: "fan-in",
    build: (rng) => {
      const [from, to] = rng.pick(ROUTES);
      const [day, travelClass] = [date(rng), rng.pick(CLASSES)];
      return {
        instruction: phrase(
          rng,
          [
            "How much is a flight from {from} to {to} on {day} in {travelClass} class? Find the airports nearest to both cities first.",
            "Look up the nearest airports of {from} and {to}, then price a one-way {travelClass}-class ticket for {day}.",
            "I want to fly {from} → {to} on {day} in {travelClass} class. What does it cost?",
          ],
          { from, to, day, travelClass },
        ),
        plan: fareSteps(from, to, day, travelClass),
        answer: ref("s3.result.travel_cost_list.0"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/fare-in-currency",
    pattern: "mixed",
    build: (rng) => {
      const [from, to] = rng.pick(ROUTES);
      const [day, currency] = [date(rng), rng.pick(CURRENCIES)];
      return {
        instruction: phrase(
          rng,
          [
            "Price an economy flight from {from} to {to} on {day} (nearest airports first) and convert the fare from USD to {currency}.",
            "What would an economy ticket {from}–{to} on {day} cost in {currency}? Get the airports, the USD fare, then convert.",
            "Find the one-way economy fare between the airports of {from} and {to} for {day}, expressed in {currency}.",
          ],
          { from, to, day, currency },
        ),
        plan: [
          ...fareSteps(from, to, day, "economy"),
          exchange("s4", "USD", currency, ref("s3.result.travel_cost_list.0")),
        ],
        answer: ref("s4.result.exchanged_value"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/compare-classes",
    pattern: "fan-out",
    build: (rng) => {
      const [from, to] = rng.pick(ROUTES);
      const day = date(rng);
      const wanted = rng.pick(CLASSES);
      const [a, b] = [airportOf(from), airportOf(to)];
      return {
        instruction: phrase(
          rng,
          [
            "Quote economy, business and first class from {a} to {b} on {day}; tell me the {wanted} price.",
            "For {day}, {a} to {b}: get the fare in all three classes. What does {wanted} class cost?",
            "Compare the three travel classes on the {a}→{b} flight of {day} and report the {wanted} fare.",
          ],
          { a, b, day, wanted },
        ),
        plan: CLASSES.map((travelClass, index) => ({
          id: `s${index + 1}`,
          tool: "get_flight_cost",
          args: { travel_from: a, travel_to: b, travel_date: day, travel_class: travelClass },
        })),
        answer: ref(`s${CLASSES.indexOf(wanted) + 1}.result.travel_cost_list.0`),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/cross-currency",
    pattern: "chain",
    build: (rng) => {
      const [source, target] = rng.shuffle(CURRENCIES).slice(0, 2) as [string, string];
      const amount = rng.int(2, 400) * 5;
      return {
        instruction: phrase(
          rng,
          [
            "Convert {amount} {source} to {target}; rates only exist against USD, so go through dollars.",
            "How much is {amount} {source} in {target}? Convert to USD first, then to {target}.",
            "Change {amount} {source} into US dollars and the dollars into {target}. What do I get?",
          ],
          { amount, source, target },
        ),
        plan: [
          exchange("s1", source, "USD", amount),
          exchange("s2", "USD", target, ref("s1.result.exchanged_value")),
        ],
        answer: ref("s2.result.exchanged_value"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/budget-in-foreign-currency",
    pattern: "fan-in",
    build: (rng) => {
      const login = authenticate(rng);
      const [currency, amount] = [rng.pick(CURRENCIES), rng.int(10, 300) * 10];
      return {
        instruction: phrase(
          rng,
          [
            "Log in as {name} and set the travel budget limit to {amount} {currency}, converted to US dollars.",
            "Our budget is {amount} {currency}. Convert it to USD, authenticate as {name}, and store it as the budget limit.",
            "As {name}, set the budget limit: it is {amount} {currency}, but the system wants dollars.",
          ],
          { name: login.name, amount, currency },
        ),
        plan: [
          login.step,
          exchange("s2", currency, "USD", amount),
          {
            id: "s3",
            tool: "set_budget_limit",
            args: { access_token: token, budget_limit: ref("s2.result.exchanged_value") },
          },
        ],
        answer: ref("s3.result.budget_limit"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/verify-traveler",
    pattern: "chain",
    build: (rng) => {
      const login = authenticate(rng);
      const adult = rng.next() < 0.7;
      const birth = `${adult ? rng.int(1950, 2000) : rng.int(2008, 2012)}-${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
      const passport = `${rng.next() < 0.75 ? "US" : rng.pick(["GB", "DE", "IN"])}${rng.int(1000000, 9999999)}`;
      return {
        instruction: phrase(
          rng,
          [
            "Sign in to the travel service as {name}, then check whether {name} (born {birth}, passport {passport}) may travel.",
            "Authenticate as {name} and verify the traveller information: date of birth {birth}, passport number {passport}. Is it valid?",
            "Log {name} in and run the traveller verification with birth date {birth} and passport {passport}.",
          ],
          { name: login.name, birth, passport },
        ),
        plan: [
          login.step,
          {
            id: "s2",
            tool: "verify_traveler_information",
            args: {
              first_name: login.first,
              last_name: login.last,
              date_of_birth: birth,
              passport_number: passport,
            },
            after: ["s1"],
          },
        ],
        answer: ref("s2.result.verification_status"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "travel/book-and-invoice",
    pattern: "mixed",
    build: (rng) => {
      const { steps, values } = bookingSteps(rng);
      return {
        instruction: phrase(
          rng,
          [
            "Log in as {name}, register a credit card, and book a flight from {from} to {to} on {day} in {travelClass} class using the nearest airports. What does the invoice say it cost?",
            "Book {name} on a {travelClass}-class flight {from} → {to} for {day}: authenticate, add a card, find both airports, book, then pull the invoice and report the cost.",
            "As {name}, add a new card and use it to book {day}'s {travelClass}-class flight between the airports nearest {from} and {to}; tell me the invoiced cost.",
          ],
          values,
        ),
        plan: [
          ...steps,
          {
            id: "s6",
            tool: "retrieve_invoice",
            args: { access_token: token, booking_id: ref("s5.result.booking_id") },
          },
        ],
        answer: ref("s6.result.invoice.travel_cost"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/book-and-cancel",
    pattern: "mixed",
    build: (rng) => {
      const { steps, values } = bookingSteps(rng);
      return {
        instruction: phrase(
          rng,
          [
            "As {name}, register a card, book a {travelClass}-class flight {from} to {to} on {day}, then cancel it and tell me the card's balance after the refund.",
            "Book and immediately cancel a {day} {travelClass}-class flight from {from} to {to} for {name} (new card, nearest airports). What is the card balance afterwards?",
            "Log in as {name}, add a card, book {from}→{to} ({travelClass}, {day}), cancel that booking, and check the card balance.",
          ],
          values,
        ),
        plan: [
          ...steps,
          {
            id: "s6",
            tool: "cancel_booking",
            args: { access_token: token, booking_id: ref("s5.result.booking_id") },
          },
          {
            id: "s7",
            tool: "get_credit_card_balance",
            args: { access_token: token, card_id: ref("s2.result.card_id") },
            after: ["s6"],
          },
        ],
        answer: ref("s7.result.card_balance"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "travel/book-and-insure",
    pattern: "mixed",
    build: (rng) => {
      const { steps, values } = bookingSteps(rng);
      const limit = rng.int(10, 50) * 100;
      const cost = rng.int(5, 30) * 10;
      const kind = rng.pick(["comprehensive", "cancellation", "medical", "baggage"]);
      return {
        instruction: phrase(
          rng,
          [
            "Log in as {name}, set a budget limit of {limit} dollars, register a card and book {from} → {to} on {day} in {travelClass} class; then buy {kind} insurance for {cost} dollars on that booking. What is the insurance id?",
            "For {name}: budget limit {limit}, new card, {travelClass}-class flight from {from} to {to} on {day}, and {kind} insurance costing {cost}. Report the insurance id.",
            "Authenticate {name}, cap the budget at {limit}, book the {day} {travelClass}-class flight {from}–{to} with a new card and insure it ({kind}, {cost} dollars).",
          ],
          { ...values, limit, cost, kind },
        ),
        plan: [
          ...steps.map((step) => (step.id === "s5" ? { ...step, after: ["s6"] } : step)),
          { id: "s6", tool: "set_budget_limit", args: { access_token: token, budget_limit: limit } },
          {
            id: "s7",
            tool: "purchase_insurance",
            args: {
              access_token: token,
              insurance_type: kind,
              insurance_cost: cost,
              booking_id: ref("s5.result.booking_id"),
              card_id: ref("s2.result.card_id"),
            },
          },
        ],
        answer: ref("s7.result.insurance_id"),
        answerMatch: "exact",
      };
    },
  },
];

export const travelGenerator: DomainGenerator = {
  domain: "travel",
  templates,
  probes: (
    [
      ["get_nearest_airport_by_city", { location: "Boston" }, "find the airport nearest Boston"],
      [
        "compute_exchange_rate",
        { base_currency: "USD", target_currency: "EUR", value: 100 },
        "convert 100 dollars to euros",
      ],
      [
        "get_flight_cost",
        { travel_from: "SFO", travel_to: "LAX", travel_date: "2024-11-15", travel_class: "economy" },
        "price an economy flight from SFO to LAX on 2024-11-15",
      ],
      ["get_budget_fiscal_year", {}, "tell me the budget fiscal year"],
    ] as const
  ).map(([tool, args, phrase]) => ({ tool, args, phrase })),
};
