import { describe, expect, it } from "vitest";
import { Redactor, redactUrl, urlWasRedacted } from "./redact.ts";

describe("Redactor", () => {
  const redactor = Redactor.fromEnvironment(
    {
      OPENAI_API_KEY: "sk-test-SECRET123",
      ANTHROPIC_API_KEY: "sk-ant-abcdefgh",
      MY_CUSTOM: "custom-secret-value",
      HOME: "/home/someone",
      SHORT_TOKEN: "abc",
      PATH: "/usr/bin",
    },
    ["MY_CUSTOM"],
  );

  it.each([
    ["Bearer sk-test-SECRET123", "Bearer [redacted:OPENAI_API_KEY]"],
    ["x sk-ant-abcdefgh y sk-ant-abcdefgh", "x [redacted:ANTHROPIC_API_KEY] y [redacted:ANTHROPIC_API_KEY]"],
    ["custom-secret-value!", "[redacted:MY_CUSTOM]!"],
    ["/home/someone/abc", "/home/someone/abc"],
    ["nothing here", "nothing here"],
  ])("text(%j) = %j", (input, expected) => {
    expect(redactor.text(input)).toBe(expected);
  });

  it("knows only secret-named or listed variables long enough to scrub", () => {
    expect(redactor.size).toBe(3);
  });

  it("scrubs nested JSON and keeps clean values identical", () => {
    const clean = { a: [1, { b: "ok" }] };
    expect(redactor.json(clean)).toBe(clean);
    expect(redactor.json({ a: [{ error: "key sk-test-SECRET123 refused" }] })).toEqual({
      a: [{ error: "key [redacted:OPENAI_API_KEY] refused" }],
    });
    expect(redactor.leaks("a sk-test-SECRET123")).toBe(true);
    expect(redactor.leaks("a sk-test-SECRET12")).toBe(false);
  });

  it("replaces a longer secret before a secret it contains", () => {
    const nested = new Redactor([
      { name: "A_KEY", value: "12345678" },
      { name: "B_KEY", value: "12345678-more" },
    ]);
    expect(nested.text("12345678-more 12345678")).toBe("[redacted:B_KEY] [redacted:A_KEY]");
  });
});

describe("redactUrl", () => {
  it.each([
    ["http://127.0.0.1:8080/v1", "http://127.0.0.1:8080/v1", false],
    ["https://user:pw@host.example/v1", "https://host.example/v1#redacted", true],
    ["https://host.example/v1?key=abc", "https://host.example/v1#redacted", true],
    ["not a url", "[unparseable url]", true],
  ])("redactUrl(%j) = %j", (input, expected, redacted) => {
    expect(redactUrl(input)).toBe(expected);
    expect(urlWasRedacted(redactUrl(input))).toBe(redacted);
  });
});
