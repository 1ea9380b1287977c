/**
 * The BFCL v3 multi-turn API classes and where each lives in asynctool: the domain that ports it,
 * its function-doc file, and the upstream fields that are Python sets (recorded as sorted lists,
 * so their order carries no meaning). Plus the one piece of upstream calling convention a port
 * needs: positional arguments bind to parameters in the func doc's declared order.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { BadInputError, parseOrThrow } from "../../core/errors.ts";
import type { PythonCall } from "./python-call.ts";

export interface BfclClass {
  /** Class name as BFCL data writes it (`initial_config`, `involved_classes`). */
  readonly className: string;
  /** asynctool domain that ports the class. */
  readonly domain: string;
  /** File under `bfcl_v3/data/multi_turn_func_doc/`. */
  readonly funcDocFile: string;
  /** Public fields that upstream keeps as Python sets. */
  readonly setFields: readonly string[];
}

export const BFCL_CLASSES: readonly BfclClass[] = [
  {
    className: "GorillaFileSystem",
    domain: "filesystem",
    funcDocFile: "gorilla_file_system.json",
    setFields: [],
  },
  { className: "MathAPI", domain: "math", funcDocFile: "math_api.json", setFields: [] },
  {
    className: "MessageAPI",
    domain: "messaging",
    funcDocFile: "message_api.json",
    setFields: ["generated_ids"],
  },
  { className: "TwitterAPI", domain: "social", funcDocFile: "posting_api.json", setFields: [] },
  { className: "TicketAPI", domain: "tickets", funcDocFile: "ticket_api.json", setFields: [] },
  { className: "TradingBot", domain: "trading", funcDocFile: "trading_bot.json", setFields: [] },
  { className: "TravelAPI", domain: "travel", funcDocFile: "travel_booking.json", setFields: [] },
  { className: "VehicleControlAPI", domain: "vehicle", funcDocFile: "vehicle_control.json", setFields: [] },
];

/** The table entry for a BFCL class name; a clear error for an unknown one. */
export function bfclClass(className: string): BfclClass {
  const entry = BFCL_CLASSES.find((candidate) => candidate.className === className);
  if (!entry) {
    const known = BFCL_CLASSES.map((candidate) => candidate.className).join(", ");
    throw new BadInputError(`unknown BFCL class "${className}" (known: ${known})`);
  }
  return entry;
}

/** One line of a func-doc file; only the fields we use are checked, the rest pass through. */
export const funcDocSchema = z.looseObject({
  name: z.string(),
  description: z.string(),
  parameters: z.looseObject({
    type: z.string(),
    properties: z.record(z.string(), z.unknown()),
    required: z.array(z.string()).default([]),
  }),
});
export type FuncDoc = z.infer<typeof funcDocSchema>;

/** Directory of the func docs inside a peer-data folder. */
export function funcDocDirectory(peerDir: string): string {
  return join(peerDir, "bfcl_v3", "data", "multi_turn_func_doc");
}

/** Read one class's func docs (one JSON object per line), keyed by function name. */
export function loadFuncDocs(peerDir: string, className: string): Map<string, FuncDoc> {
  const path = join(funcDocDirectory(peerDir), bfclClass(className).funcDocFile);
  const docs = new Map<string, FuncDoc>();
  const lines = readFileSync(path, "utf8").split("\n");
  lines.forEach((line, index) => {
    if (line.trim() === "") return;
    const doc = parseOrThrow(funcDocSchema, JSON.parse(line), `${path}:${index + 1}`);
    docs.set(doc.name, doc);
  });
  return docs;
}

/**
 * Keyword arguments for a parsed call: positional values bind to the func doc's parameters in
 * declared order (that order mirrors the Python signature), then the keywords are added.
 */
export function bindArguments(call: PythonCall, doc: FuncDoc): Record<string, unknown> {
  const order = Object.keys(doc.parameters.properties);
  if (call.args.length > order.length) {
    throw new BadInputError(
      `${call.name}: ${call.args.length} positional arguments, but the func doc declares ${order.length} (${order.join(", ")})`,
    );
  }
  const bound: Record<string, unknown> = {};
  call.args.forEach((value, index) => {
    bound[order[index]!] = value;
  });
  for (const [key, value] of Object.entries(call.kwargs)) {
    if (Object.hasOwn(bound, key)) throw new BadInputError(`${call.name}: argument "${key}" given twice`);
    bound[key] = value;
  }
  return bound;
}
