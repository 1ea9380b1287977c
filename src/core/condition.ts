import { z } from "zod";
import { LatencyClass, LatencyModel } from "./latency.ts";

/** How the environment behaves in an episode (DESIGN §4). Everything here is data. */
export const Condition = z.strictObject({
  name: z.string().min(1),
  description: z.string().default(""),
  /** sync: results come back in the tool message and the turn blocks; async: ack now, notify later. */
  protocol: z.enum(["sync", "async"]),
  /** Ticks one agent turn costs. */
  turnCost: z.number().int().positive().default(1),
  /** Latency distribution per latency class. */
  latency: z.record(LatencyClass, LatencyModel),
  contention: z
    .strictObject({
      /** queue: extra calls wait for a free slot; reject: extra calls fail at once with a retryable `busy` error. */
      mode: z.enum(["queue", "reject"]),
      /** Slots per tool; a tool's own `capacity` is used where this is silent. */
      capacity: z.record(z.string(), z.number().int().positive()).default({}),
      /** Slots for tools that declare none and are not named above; unlimited when absent. */
      defaultCapacity: z.number().int().positive().optional(),
    })
    .optional(),
  faults: z
    .strictObject({
      /** Probability that a call completes with a retryable error and no effect. */
      probability: z.number().min(0).max(1),
      /** Only these tools fail; all tools when absent. */
      tools: z.array(z.string()).optional(),
    })
    .optional(),
  budgets: z
    .strictObject({
      /** Turn limit; default 4 × gold steps + 10. */
      maxTurns: z.number().int().positive().optional(),
      maxTicks: z.number().int().positive().optional(),
      /** Consecutive reminders sent before an idle episode ends. */
      maxReminders: z.number().int().nonnegative().default(2),
    })
    .prefault({}),
  /** Echo each call's arguments in its notification (off by default: tracking calls is measured). */
  echoArguments: z.boolean().default(false),
  /** Sleep this many real milliseconds per tick (wall-clock mode). The protocol is unchanged. */
  wallClockMsPerTick: z.number().positive().optional(),
});
export type Condition = z.infer<typeof Condition>;
export type ConditionInput = z.input<typeof Condition>;
