/**
 * Signature check against BFCL v3 function docs (peer data): same function names, parameter
 * names, required parameters and JSON types as upstream's docs. Shared by the conformance tests.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { AnyDomain } from "../../domain.ts";
import { toolJsonSchema } from "../../tool.ts";

/** The doc file, or undefined when the peer data is not on this machine. */
export function findFuncDoc(fileName: string): string | undefined {
  const root = process.env.ASYNCTOOL_PEER_DATA ?? path.resolve(process.cwd(), "../shared/peer-data");
  const file = path.join(root, "bfcl_v3/data/multi_turn_func_doc", fileName);
  return existsSync(file) ? file : undefined;
}

interface FuncDoc {
  name: string;
  parameters: { properties: Record<string, { type: string }>; required: string[] };
}

/** Upstream's Python-flavoured type names in JSON Schema terms. */
const JSON_TYPE: Record<string, string> = { dict: "object", float: "number", any: "" };

export interface Signature {
  name: string;
  parameters: Record<string, string>;
  required: string[];
}

export function docSignatures(file: string): Signature[] {
  const docs = readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as FuncDoc);
  return docs
    .map((doc) => ({
      name: doc.name,
      parameters: Object.fromEntries(
        Object.entries(doc.parameters.properties).map(([name, property]) => [
          name,
          JSON_TYPE[property.type] ?? property.type,
        ]),
      ),
      required: [...doc.parameters.required].sort(),
    }))
    .sort((left, right) => left.name.localeCompare(right.name));
}

/** Our tools' signatures; a parameter that accepts several types is listed by its first. */
export function domainSignatures(domain: AnyDomain): Signature[] {
  return domain.tools
    .map((tool) => {
      const schema = toolJsonSchema(tool) as {
        properties?: Record<string, { type?: string; anyOf?: { type?: string }[] }>;
        required?: string[];
      };
      const parameters = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          property.type ?? property.anyOf?.[0]?.type ?? "",
        ]),
      );
      return { name: tool.name, parameters, required: [...(schema.required ?? [])].sort() };
    })
    .sort((left, right) => left.name.localeCompare(right.name));
}
