import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { escapeHtml, jsonForScript, scriptHash } from "./escape.ts";

describe("escapeHtml", () => {
  it.each([
    ["plain", "plain"],
    ["<script>", "&lt;script&gt;"],
    [`"quoted" & 'single'`, "&quot;quoted&quot; &amp; &#39;single&#39;"],
    ["&amp;", "&amp;amp;"],
    [42, "42"],
  ])("%j → %j", (value, expected) => {
    expect(escapeHtml(value)).toBe(expected);
  });
});

describe("jsonForScript", () => {
  const hostile = {
    closing: "</script><script>alert(1)</script>",
    comment: "<!-- <script>",
    amp: "a & b > c",
    separators: "line\u2028para\u2029end",
    nested: [{ "</script>": "<img src=x onerror=alert(1)>" }],
  };

  it("leaves no character that can end or confuse a script block", () => {
    const text = jsonForScript(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain("\\u003c/script\\u003e");
  });

  it("parses back to the same value", () => {
    expect(JSON.parse(jsonForScript(hostile))).toEqual(hostile);
  });
});

describe("scriptHash", () => {
  it("is the CSP sha256 source of the exact text", () => {
    const script = "console.log('é')";
    const digest = createHash("sha256").update(Buffer.from(script, "utf8")).digest("base64");
    expect(scriptHash(script)).toBe(`'sha256-${digest}'`);
    expect(scriptHash(`${script} `)).not.toBe(scriptHash(script));
  });
});
