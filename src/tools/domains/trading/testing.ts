/**
 * Test helpers shared by the trading and travel tests: calling a tool as the environment does,
 * replaying one BFCL class of the recorded gold trace, and comparing our signatures with
 * upstream's function docs. The peer data is optional: helpers return undefined without it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { replayBfclV3 } from "../../../dataset/conformance/bfcl-v3.ts";
import { BFCL_V3_FILES, locatePeerData, PEER_FILES } from "../../../dataset/conformance/peer-data.ts";
import type { BfclMismatch, Tally } from "../../../dataset/conformance/report.ts";
import { loadFuncDocs } from "../../../dataset/importers/bfcl-classes.ts";
import { createCatalog } from "../../catalog.ts";
import type { AnyDomain } from "../../domain.ts";
import { toolJsonSchema } from "../../tool.ts";

/** The BFCL v3 base question file (initial configs), relative to the peer-data folder. */
const QUESTION_FILE = "bfcl_v3/data/BFCL_v3_multi_turn_base.json";

/** Validate `args` against the tool's schema (defaults filled in) and run it, as the executor does. */
export function callTool(domain: AnyDomain, state: unknown, name: string, args: object = {}): unknown {
  const tool = domain.tools.find((candidate) => candidate.name === name);
  if (tool === undefined) throw new Error(`domain ${domain.name} has no tool ${name}`);
  return tool.run(state, tool.parameters.parse(args), { time: 0 });
}

/** The tool's resources for these arguments on this state. */
export function toolResources(domain: AnyDomain, state: unknown, name: string, args: object = {}): string[] {
  const tool = domain.tools.find((candidate) => candidate.name === name);
  if (tool === undefined) throw new Error(`domain ${domain.name} has no tool ${name}`);
  return tool.resources(tool.parameters.parse(args), state);
}

/** The peer-data folder when the BFCL files are on this machine. */
export function bfclPeerDir(): string | undefined {
  const location = locatePeerData([...BFCL_V3_FILES, QUESTION_FILE]);
  return location.found ? location.dir : undefined;
}

export interface ClassReplay {
  calls: Tally;
  states: Tally;
  mismatches: BfclMismatch[];
}

/** Replay every recorded call of `className` on `domain` (the project's BFCL conformance replay). */
export function replayBfclClass(peerDir: string, className: string, domain: AnyDomain): ClassReplay {
  const report = replayBfclV3(peerDir, createCatalog([domain]));
  const tallies = report.byClass[className] ?? {
    calls: { matched: 0, total: 0 },
    states: { matched: 0, total: 0 },
  };
  return { ...tallies, mismatches: report.mismatches.filter((mismatch) => mismatch.class === className) };
}

export interface Signature {
  name: string;
  parameters: Record<string, string>;
  required: string[];
}

/** Upstream's Python-flavoured type names in JSON Schema terms. */
const JSON_TYPES: Readonly<Record<string, string>> = { dict: "object", float: "number" };

export function funcDocSignatures(peerDir: string, className: string): Signature[] {
  return [...loadFuncDocs(peerDir, className).values()]
    .map((doc) => {
      const properties = doc.parameters.properties as Record<string, { type: string }>;
      return {
        name: doc.name,
        parameters: Object.fromEntries(
          Object.entries(properties).map(([name, property]) => [
            name,
            JSON_TYPES[property.type] ?? property.type,
          ]),
        ),
        required: [...((doc.parameters.required as string[] | undefined) ?? [])].sort(),
      };
    })
    .sort((left, right) => left.name.localeCompare(right.name));
}

const nonNullType = (type: string | string[] | undefined): string | undefined =>
  Array.isArray(type) ? type.find((name) => name !== "null") : type;

/** Our tools' signatures; a nullable parameter is listed by its non-null type. */
export function domainSignatures(domain: AnyDomain): Signature[] {
  return domain.tools
    .map((tool) => {
      const schema = toolJsonSchema(tool) as {
        properties?: Record<string, { type?: string | string[]; anyOf?: { type?: string }[] }>;
        required?: string[];
      };
      const parameters = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          nonNullType(property.type) ?? property.anyOf?.find((option) => option.type !== "null")?.type ?? "",
        ]),
      );
      return { name: tool.name, parameters, required: [...(schema.required ?? [])].sort() };
    })
    .sort((left, right) => left.name.localeCompare(right.name));
}

export interface RecordedStart {
  id: string;
  /** `initial_config[className]` of the question file (may be absent: upstream then uses its defaults). */
  config: unknown;
  /** The public state upstream built from it, as the gold trace records it. */
  initialState: Record<string, unknown>;
}

/** For every base entry that involves `className`: its config and the state upstream loaded from it. */
export function recordedStarts(peerDir: string, className: string): RecordedStart[] {
  const lines = (file: string) =>
    readFileSync(join(peerDir, file), "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  const configs = new Map(
    lines(QUESTION_FILE).map((entry) => [
      entry.id as string,
      (entry.initial_config as Record<string, unknown>)[className],
    ]),
  );
  return lines(PEER_FILES.bfclTrace)
    .filter((entry) => className in (entry.initial_state as Record<string, unknown>))
    .map((entry) => ({
      id: entry.id as string,
      config: configs.get(entry.id as string),
      initialState: (entry.initial_state as Record<string, Record<string, unknown>>)[className]!,
    }));
}
