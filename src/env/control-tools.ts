import { z } from "zod";
import type { ToolSpec } from "../core/messages.ts";

/** The control tools every condition offers. They are instantaneous and touch no domain. */
export const WAIT_TOOL = "wait";
export const SUBMIT_TOOL = "submit_answer";

export const WaitParameters = z.strictObject({});

const AnswerScalar = z.union([z.string(), z.number(), z.boolean()]);
export const SubmitParameters = z.strictObject({
  task_id: z.string().describe("The task to close, e.g. T1."),
  answer: z
    .union([AnswerScalar, z.array(AnswerScalar), z.null()])
    .describe("The task's final answer; an empty string for tasks that only ask for actions."),
});

function spec(name: string, description: string, parameters: z.ZodType): ToolSpec {
  const schema = z.toJSONSchema(parameters, { target: "draft-2020-12" }) as Record<string, unknown>;
  delete schema.$schema;
  return { name, description, parameters: schema };
}

export const CONTROL_TOOL_SPECS: readonly ToolSpec[] = [
  spec(
    WAIT_TOOL,
    "Do nothing until the next pending tool result arrives (time jumps forward). Only useful while calls are pending.",
    WaitParameters,
  ),
  spec(
    SUBMIT_TOOL,
    "Submit the final answer of one task and close it. Each task takes exactly one submission.",
    SubmitParameters,
  ),
];

export function isControlTool(name: string): boolean {
  return name === WAIT_TOOL || name === SUBMIT_TOOL;
}
