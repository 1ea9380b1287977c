import type { ModelAdapter } from "../agents/llm/adapter.ts";
import type { PoolTask } from "./single-tasks.ts";

/** Rewords one instruction; must keep every value the task needs. */
export type Paraphraser = (instruction: string) => Promise<string>;

export const PARAPHRASE_PROMPT =
  "Rewrite the user's request in different words, as a person would phrase it. Keep its meaning and every number, " +
  "name, quoted text, identifier and unit exactly as written. Reply with the rewritten request only.";

/**
 * The literal values an instruction carries (numbers, quoted strings, identifiers with digits or
 * capitals inside): a paraphrase that drops one would change the task, so it is refused.
 */
export function essentialValues(instruction: string): string[] {
  const values = new Set<string>();
  for (const match of instruction.matchAll(/"([^"]+)"|'([^']+)'/g))
    values.add((match[1] ?? match[2]) as string);
  for (const match of instruction.matchAll(/-?\d+(?:[.,]\d+)*/g)) values.add(match[0]);
  for (const match of instruction.matchAll(/\b[\w-]*(?:[a-z][A-Z]|[A-Za-z]\d|_)[\w-]*\b/g))
    values.add(match[0]);
  return [...values];
}

/** Why a paraphrase is refused, or undefined when it keeps every essential value. */
export function paraphraseProblem(original: string, paraphrase: string): string | undefined {
  if (paraphrase.trim() === "") return "empty paraphrase";
  const missing = essentialValues(original).filter((value) => !paraphrase.includes(value));
  return missing.length > 0 ? `dropped ${missing.join(", ")}` : undefined;
}

/**
 * Paraphrase each pool task in order; a refused or failed paraphrase keeps the original wording.
 * The original is kept in `originalInstruction` either way it changed.
 */
export async function paraphrasePool(
  pool: readonly PoolTask[],
  paraphrase: Paraphraser,
): Promise<PoolTask[]> {
  const out: PoolTask[] = [];
  for (const entry of pool) {
    const original = entry.task.instruction;
    const candidate = (await paraphrase(original)).trim();
    if (paraphraseProblem(original, candidate) !== undefined || candidate === original) {
      out.push(entry);
      continue;
    }
    out.push({ ...entry, task: { ...entry.task, instruction: candidate, originalInstruction: original } });
  }
  return out;
}

/** A paraphraser over any model adapter (temperature 0; the model's text is the new wording). */
export function adapterParaphraser(adapter: ModelAdapter): Paraphraser {
  return async (instruction) => {
    const response = await adapter.complete({
      messages: [
        { role: "system", content: PARAPHRASE_PROMPT },
        { role: "user", content: instruction },
      ],
      tools: [],
      temperature: 0,
    });
    return response.text ?? "";
  };
}
