import type { Rng } from "../../core/rng.ts";
import { type DomainGenerator, phrase, ref, type TaskTemplate } from "./contract.ts";

// The default tree is an empty root and the current directory is shared by every task, so tasks
// never `cd`: they create their own entries in the root, named from `unique` (`fil1f-notes.txt`),
// and work only on those. Writes are ordered with `after`, since most of them return null.

const TOPICS = ["budget", "roadmap", "recipes", "travel", "reading", "garden", "launch", "meeting"];
const LINES = [
  "check the invoices",
  "book the venue",
  "call the supplier",
  "update the roadmap",
  "water the tomatoes",
  "renew the licence",
  "order more paper",
  "back up the laptop",
  "review the contract",
  "plan the offsite",
  "fix the login bug",
  "email the auditors",
];
const LEVELS = ["INFO", "WARN", "ERROR"];

const lines = (rng: Rng, min: number, max: number): string[] =>
  rng.shuffle(LINES).slice(0, rng.int(min, max));
const fileName = (unique: string, base: string, extension = "txt") => `${unique}-${base}.${extension}`;
/** File contents shown in an instruction: one quoted line per line, so the agent can type them. */
const quoted = (content: string) => JSON.stringify(content);

const templates: TaskTemplate[] = [
  {
    id: "filesystem/write-and-count",
    pattern: "chain",
    build: (rng, unique) => {
      const file = fileName(unique, rng.pick(TOPICS));
      const content = lines(rng, 2, 5).join(" and ");
      const mode = rng.pick(["w", "c"]);
      const what = mode === "w" ? "words" : "characters";
      return {
        instruction: phrase(
          rng,
          [
            "Write the text {content} into a new file {file} in the current directory, then count the {what} in it.",
            "Save {content} as {file} and tell me how many {what} the file holds.",
            "Create {file} containing {content}; afterwards report its number of {what}.",
          ],
          { file, content: quoted(content), what },
        ),
        plan: [
          { id: "s1", tool: "echo", args: { content, file_name: file } },
          { id: "s2", tool: "wc", args: { file_name: file, mode }, after: ["s1"] },
        ],
        answer: ref("s2.result.count"),
        answerMatch: "number",
      };
    },
  },
  {
    id: "filesystem/edit-with-backup",
    pattern: "chain",
    build: (rng, unique) => {
      const file = fileName(unique, rng.pick(TOPICS));
      const backup = `${file}.bak`;
      const original = lines(rng, 3, 4);
      const edited = [...original];
      const position = rng.int(0, edited.length - 1);
      edited[position] = rng.pick(LINES.filter((line) => !original.includes(line)));
      return {
        instruction: phrase(
          rng,
          [
            "Write {original} to {file}, copy it to {backup}, then overwrite {file} with {edited}, and show the differences between {file} and {backup}.",
            "Create {file} with the content {original} and back it up as {backup}. Next replace the content of {file} by {edited}. What does a diff of {file} against {backup} report?",
            "Put {original} in a new file {file}, make a copy called {backup}, rewrite {file} to {edited}, and compare the two files line by line.",
          ],
          { file, backup, original: quoted(original.join("\n")), edited: quoted(edited.join("\n")) },
        ),
        plan: [
          { id: "s1", tool: "echo", args: { content: original.join("\n"), file_name: file } },
          { id: "s2", tool: "cp", args: { source: file, destination: backup }, after: ["s1"] },
          { id: "s3", tool: "echo", args: { content: edited.join("\n"), file_name: file }, after: ["s2"] },
          { id: "s4", tool: "diff", args: { file_name1: file, file_name2: backup }, after: ["s3"] },
        ],
        answer: ref("s4.result.diff_lines"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/compare-drafts",
    pattern: "fan-in",
    build: (rng, unique) => {
      const topic = rng.pick(TOPICS);
      const first = fileName(unique, `${topic}-v1`);
      const second = fileName(unique, `${topic}-v2`);
      const draft = lines(rng, 3, 4);
      const revised = draft.map((line) => (rng.next() < 0.4 ? rng.pick(LINES) : line));
      return {
        instruction: phrase(
          rng,
          [
            "Write {draft} to {first} and {revised} to {second}, then diff {first} against {second}.",
            "Create two drafts: {first} with {draft} and {second} with {revised}. Which lines differ between them?",
            "Save {draft} as {first}, save {revised} as {second}, and compare the two files line by line.",
          ],
          { first, second, draft: quoted(draft.join("\n")), revised: quoted(revised.join("\n")) },
        ),
        plan: [
          { id: "s1", tool: "echo", args: { content: draft.join("\n"), file_name: first } },
          { id: "s2", tool: "echo", args: { content: revised.join("\n"), file_name: second } },
          { id: "s3", tool: "diff", args: { file_name1: first, file_name2: second }, after: ["s1", "s2"] },
        ],
        answer: ref("s3.result.diff_lines"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/log-triage",
    pattern: "mixed",
    build: (rng, unique) => {
      const file = fileName(unique, "service", "log");
      const levels = lines(rng, 4, 7).map(() => rng.pick(LEVELS));
      const entries = lines(rng, levels.length, levels.length).map(
        (line, index) => `${levels[index]} ${index + 1} ${line}`,
      );
      // Search for a level the log really contains, so the answer is never trivially empty.
      const level = rng.pick(levels);
      const last = rng.int(1, 3);
      return {
        instruction: phrase(
          rng,
          [
            "Write the log {log} to {file}. Then, independently, find the lines containing {level}, show the last {last} lines, and count all lines. Answer with the {level} lines.",
            "Create {file} holding {log}; afterwards grep it for {level}, tail its last {last} lines and count its lines. Which lines mention {level}?",
            "Save {log} as {file}, then run three checks on it: lines with {level}, the final {last} lines, and the line count. Report the {level} lines.",
          ],
          { file, log: quoted(entries.join("\n")), level, last },
        ),
        plan: [
          { id: "s1", tool: "echo", args: { content: entries.join("\n"), file_name: file } },
          { id: "s2", tool: "grep", args: { file_name: file, pattern: level }, after: ["s1"] },
          { id: "s3", tool: "tail", args: { file_name: file, lines: last }, after: ["s1"] },
          { id: "s4", tool: "wc", args: { file_name: file, mode: "l" }, after: ["s1"] },
        ],
        answer: ref("s2.result.matching_lines"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/sorted-copy",
    pattern: "chain",
    build: (rng, unique) => {
      const source = fileName(unique, "todo");
      const target = fileName(unique, "todo-sorted");
      const content = lines(rng, 3, 6).join("\n");
      return {
        instruction: phrase(
          rng,
          [
            "Write {content} to {source}, sort its lines, save the sorted text as {target}, and tell me the last line of {target}.",
            "Create {source} with {content}. Put its lines in sorted order into a new file {target}, then read the final line of {target}.",
            "Store {content} in {source}; sort it, write the result to {target} and give me the last line of the sorted file.",
          ],
          { content: quoted(content), source, target },
        ),
        plan: [
          { id: "s1", tool: "echo", args: { content, file_name: source } },
          { id: "s2", tool: "sort", args: { file_name: source }, after: ["s1"] },
          { id: "s3", tool: "echo", args: { content: ref("s2.result.sorted_content"), file_name: target } },
          { id: "s4", tool: "tail", args: { file_name: target, lines: 1 }, after: ["s3"] },
        ],
        answer: ref("s4.result.last_lines"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/file-away",
    pattern: "mixed",
    build: (rng, unique) => {
      const folder = `${unique}-${rng.pick(["archive", "drafts", "inbox", "done"])}`;
      const topics = rng.shuffle(TOPICS).slice(0, rng.int(2, 3));
      const files = topics.map((topic) => ({ name: fileName(unique, topic), content: rng.pick(LINES) }));
      const listing = files.map((file) => `${file.name} (${quoted(file.content)})`).join(", ");
      const writes = files.map((file, index) => ({
        id: `s${index + 2}`,
        tool: "echo",
        args: { content: file.content, file_name: file.name },
      }));
      const moves = files.map((file, index) => ({
        id: `s${files.length + index + 2}`,
        tool: "mv",
        args: { source: file.name, destination: folder },
        after: ["s1", `s${index + 2}`],
      }));
      return {
        instruction: phrase(
          rng,
          [
            "Make a directory {folder}, create the files {listing}, and move every one of those files into {folder}.",
            "Create the folder {folder} and the files {listing}; then file each of them away inside {folder}.",
            "I want the files {listing} to end up inside a new directory {folder}: create the folder, write the files, then move them in.",
          ],
          { folder, listing },
        ),
        plan: [{ id: "s1", tool: "mkdir", args: { dir_name: folder } }, ...writes, ...moves],
        answer: null,
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/rename-and-read",
    pattern: "chain",
    build: (rng, unique) => {
      const topic = rng.pick(TOPICS);
      const draft = fileName(unique, `${topic}-draft`);
      const final = fileName(unique, `${topic}-final`);
      const content = lines(rng, 1, 3).join("; ");
      const word = rng.pick(content.split(/[ ;]+/).filter((candidate) => candidate.length > 3));
      return {
        instruction: phrase(
          rng,
          [
            "Create {draft} with the text {content}, rename it to {final}, and show the lines of {final} that contain {word}.",
            "Write {content} into {draft}; once it is written, rename the file to {final} and search it for {word}.",
            "Save {content} as {draft}, move it to the new name {final}, then grep {final} for the word {word}.",
          ],
          { draft, final, content: quoted(content), word: quoted(word) },
        ),
        plan: [
          { id: "s1", tool: "echo", args: { content, file_name: draft } },
          { id: "s2", tool: "mv", args: { source: draft, destination: final }, after: ["s1"] },
          { id: "s3", tool: "grep", args: { file_name: final, pattern: word }, after: ["s2"] },
        ],
        answer: ref("s3.result.matching_lines"),
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/starter-files",
    pattern: "fan-out",
    build: (rng, unique) => {
      const files = rng
        .shuffle(TOPICS)
        .slice(0, rng.int(2, 4))
        .map((topic) => ({ name: fileName(unique, topic, "md"), content: `# ${topic}` }));
      const listing = files.map((file) => `${file.name} containing ${quoted(file.content)}`).join(", ");
      return {
        instruction: phrase(
          rng,
          [
            "Create these files, which do not depend on each other: {listing}.",
            "Set up a few starter notes at once: {listing}.",
            "Write the following independent files in the current directory: {listing}.",
          ],
          { listing },
        ),
        plan: files.map((file, index) => ({
          id: `s${index + 1}`,
          tool: "echo",
          args: { content: file.content, file_name: file.name },
        })),
        answer: null,
        answerMatch: "exact",
      };
    },
  },
  {
    id: "filesystem/empty-file",
    pattern: "single",
    build: (rng, unique) => {
      const file = fileName(unique, rng.pick(TOPICS), rng.pick(["txt", "md", "csv", "log"]));
      return {
        instruction: phrase(
          rng,
          [
            "Create an empty file named {file} in the current directory.",
            "Touch a new, empty file {file}.",
            "I need a blank file called {file} here.",
          ],
          { file },
        ),
        plan: [{ id: "s1", tool: "touch", args: { file_name: file } }],
        answer: null,
        answerMatch: "exact",
      };
    },
  },
];

export const filesystemGenerator: DomainGenerator = {
  domain: "filesystem",
  templates,
  // Read-only calls whose results never depend on what other tasks create in the shared root:
  // no task makes an entry whose name contains an upper-case README or TODO.
  probes: [
    { tool: "pwd", args: {}, phrase: "print the current working directory" },
    { tool: "find", args: { name: "README" }, phrase: "look for any file or folder named like README" },
    { tool: "find", args: { name: "TODO" }, phrase: "search for entries whose name contains TODO" },
  ],
};
