import { createHash } from "node:crypto";
import { canonicalJson } from "../core/canonical-json.ts";

/** Short stable digest of a JSON value (key order does not matter). */
export function digest(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value)).digest("hex").slice(0, 16);
}
