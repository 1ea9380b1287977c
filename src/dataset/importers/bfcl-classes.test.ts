import { describe, expect, it } from "vitest";
import { BFCL_CLASSES, bfclClass, bindArguments, type FuncDoc } from "./bfcl-classes.ts";
import { parsePythonCall } from "./python-call.ts";

const tail: FuncDoc = {
  name: "tail",
  description: "",
  parameters: { type: "dict", properties: { file_name: {}, lines: {} }, required: ["file_name"] },
};

describe("bindArguments", () => {
  it.each([
    ["tail('log.txt')", { file_name: "log.txt" }],
    ["tail('log.txt', 20)", { file_name: "log.txt", lines: 20 }],
    ["tail('log.txt', lines=5)", { file_name: "log.txt", lines: 5 }],
    ["tail(lines=5, file_name='a')", { lines: 5, file_name: "a" }],
  ])("%s", (text, expected) => {
    expect(bindArguments(parsePythonCall(text), tail)).toEqual(expected);
  });

  it.each([
    ["tail('a', 1, 2)", /3 positional arguments, but the func doc declares 2/],
    ["tail('a', file_name='b')", /argument "file_name" given twice/],
  ])("rejects %s", (text, message) => {
    expect(() => bindArguments(parsePythonCall(text), tail)).toThrow(message);
  });
});

describe("BFCL class table", () => {
  it("covers the 8 classes with distinct domains and doc files", () => {
    expect(BFCL_CLASSES).toHaveLength(8);
    expect(new Set(BFCL_CLASSES.map((spec) => spec.domain)).size).toBe(8);
    expect(new Set(BFCL_CLASSES.map((spec) => spec.funcDocFile)).size).toBe(8);
    expect(bfclClass("TwitterAPI").domain).toBe("social");
  });

  it("names the known classes for an unknown one", () => {
    expect(() => bfclClass("WeatherAPI")).toThrow(
      /unknown BFCL class "WeatherAPI" \(known: GorillaFileSystem, MathAPI/,
    );
  });
});
