import { createHash } from "node:crypto";

/** Escaping for the two ways data enters the page: HTML text/attributes, and the JSON data block. */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Safe in element content and in quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>` and `&` become `\u003c` etc., so
 * no `</script>` or `<!--` can end or confuse the block, and U+2028/U+2029 are escaped too.
 * JSON.parse of the block's text gives back the original data.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => {
    const code = character.charCodeAt(0).toString(16).padStart(4, "0");
    return `\\u${code}`;
  });
}

/** The CSP source for an inline script: only this exact script may run on the page. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}
