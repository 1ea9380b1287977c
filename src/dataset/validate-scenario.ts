import type { ToolCatalog } from "../tools/catalog.ts";
import { RefError, referencedSteps, topologicalOrder } from "./refs.ts";
import type { Scenario } from "./schema.ts";
import { isRef, REF_PATTERN } from "./schema.ts";

/**
 * Structural checks the schema cannot express: task ids T1..Tn, known domains and tools, step ids
 * unique, references and `after` pointing at steps of the same task, no cycles. Returns problems as
 * `field.path: reason` strings (empty when the scenario is sound).
 */
export function scenarioProblems(scenario: Scenario, catalog: ToolCatalog): string[] {
  const problems: string[] = [];
  scenario.tasks.forEach((task, taskIndex) => {
    const at = `tasks.${taskIndex}`;
    if (task.id !== `T${taskIndex + 1}`)
      problems.push(`${at}.id: expected T${taskIndex + 1}, got ${task.id}`);
    if (!catalog.findDomain(task.domain)) problems.push(`${at}.domain: unknown domain "${task.domain}"`);
    const ids = new Set<string>();
    task.plan.forEach((step, stepIndex) => {
      const stepAt = `${at}.plan.${stepIndex}`;
      if (ids.has(step.id)) problems.push(`${stepAt}.id: duplicate step id ${step.id}`);
      ids.add(step.id);
      const registered = catalog.findTool(step.tool);
      if (!registered) problems.push(`${stepAt}.tool: unknown tool "${step.tool}"`);
      else if (registered.domain.name !== task.domain) {
        problems.push(
          `${stepAt}.tool: ${step.tool} belongs to ${registered.domain.name}, not ${task.domain}`,
        );
      }
    });
    task.plan.forEach((step, stepIndex) => {
      const stepAt = `${at}.plan.${stepIndex}`;
      const malformed = malformedRefs(step.args);
      if (malformed.length > 0) {
        problems.push(
          `${stepAt}.args: malformed reference(s) ${malformed.join(", ")} (expected s1.result.field)`,
        );
        return;
      }
      for (const id of referencedSteps(step.args)) {
        if (!ids.has(id)) problems.push(`${stepAt}.args: reference to unknown step ${id}`);
        if (id === step.id) problems.push(`${stepAt}.args: step refers to its own result`);
      }
      for (const id of step.after ?? [])
        if (!ids.has(id)) problems.push(`${stepAt}.after: unknown step ${id}`);
    });
    const badAnswer = malformedRefs(task.answer);
    if (badAnswer.length > 0) problems.push(`${at}.answer: malformed reference(s) ${badAnswer.join(", ")}`);
    else
      for (const id of referencedSteps(task.answer)) {
        if (!ids.has(id)) problems.push(`${at}.answer: reference to unknown step ${id}`);
      }
    if (problems.length > 0) return;
    try {
      topologicalOrder(task.plan);
    } catch (error) {
      if (error instanceof RefError) problems.push(`${at}.plan: ${error.message}`);
      else throw error;
    }
  });
  return problems;
}

/** `$ref` strings inside `value` that do not look like `s1.result…`. */
function malformedRefs(value: unknown, into: string[] = []): string[] {
  if (isRef(value)) {
    if (!REF_PATTERN.test(value.$ref)) into.push(JSON.stringify(value.$ref));
  } else if (Array.isArray(value)) for (const item of value) malformedRefs(item, into);
  else if (value !== null && typeof value === "object")
    for (const member of Object.values(value)) malformedRefs(member, into);
  return into;
}
