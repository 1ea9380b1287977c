import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PythonSyntaxError, parsePythonCall, parsePythonLiteral } from "./python-call.ts";

describe("parsePythonCall", () => {
  it.each([
    ["ls()", { name: "ls", args: [], kwargs: {} }],
    ["sort('final_report.pdf')", { name: "sort", args: ["final_report.pdf"], kwargs: {} }],
    [
      "mv(source='final_report.pdf', destination='temp')",
      { name: "mv", args: [], kwargs: { source: "final_report.pdf", destination: "temp" } },
    ],
    [
      "lockDoors(unlock=False, door=['driver','passenger'])",
      { name: "lockDoors", args: [], kwargs: { unlock: false, door: ["driver", "passenger"] } },
    ],
    ["f(1, 'x', b=None)", { name: "f", args: [1, "x"], kwargs: { b: null } }],
    ["f(a=True,)", { name: "f", args: [], kwargs: { a: true } }],
    ["  f ( a = 1 , b = 2 )  ", { name: "f", args: [], kwargs: { a: 1, b: 2 } }],
    ["Class.method(1)", { name: "Class.method", args: [1], kwargs: {} }],
    [
      "place_order(order_type='Buy', symbol='AAPL', price=150.0, amount=100)",
      {
        name: "place_order",
        args: [],
        kwargs: { order_type: "Buy", symbol: "AAPL", price: 150, amount: 100 },
      },
    ],
    [
      "f(d={'a': [1, (2, 3)], 'b': {'c': None}}, t=(1,), e=(), p=(5))",
      { name: "f", args: [], kwargs: { d: { a: [1, [2, 3]], b: { c: null } }, t: [1], e: [], p: 5 } },
    ],
  ])("%s", (text, expected) => {
    expect(parsePythonCall(text)).toEqual(expected);
  });

  it("keeps __proto__ as an ordinary key", () => {
    const call = parsePythonCall("f(__proto__=1, d={'__proto__': 2})");
    expect(Object.keys(call.kwargs)).toEqual(["__proto__", "d"]);
    expect(Object.getPrototypeOf(call.kwargs)).toBe(Object.prototype);
    expect(Object.entries(call.kwargs.d as object)).toEqual([["__proto__", 2]]);
  });
});

describe("parsePythonLiteral: strings", () => {
  it.each([
    [`'single'`, "single"],
    [`"double"`, "double"],
    [`'it\\'s'`, "it's"],
    [`"say \\"hi\\""`, 'say "hi"'],
    [`'a"b'`, 'a"b'],
    [`'line\\nbreak\\ttab\\\\slash'`, "line\nbreak\ttab\\slash"],
    [`'\\x41\\u00e9\\U0001F600\\101'`, "Aé😀A"],
    [`'keep \\d unknown'`, "keep \\d unknown"],
    [`r'raw\\n'`, "raw\\n"],
    [`u'unicode'`, "unicode"],
    [`'con' "cat"`, "concat"],
    [`'''tri'ple'''`, "tri'ple"],
    [`'ünïcödé 日本'`, "ünïcödé 日本"],
  ])("%s", (text, expected) => {
    expect(parsePythonLiteral(text)).toBe(expected);
  });
});

describe("parsePythonLiteral: numbers and names", () => {
  it.each([
    ["0", 0],
    ["42", 42],
    ["-7", -7],
    ["+3", 3],
    ["1_000", 1000],
    ["3.14", 3.14],
    ["-0.5", -0.5],
    [".5", 0.5],
    ["5.", 5],
    ["1e3", 1000],
    ["2.5E-3", 0.0025],
    ["-1.5e+2", -150],
    ["0x1F", 31],
    ["0o17", 15],
    ["0b101", 5],
    ["True", true],
    ["False", false],
    ["None", null],
  ])("%s", (text, expected) => {
    expect(parsePythonLiteral(text)).toBe(expected);
  });

  it("keeps integers beyond 2^53 exact as bigint", () => {
    expect(parsePythonLiteral("93326215443944152681699238856266700490715968264381621468")).toBe(
      93326215443944152681699238856266700490715968264381621468n,
    );
  });

  it("reports float literals with their text so callers can keep Python's float/int split", () => {
    const seen: string[] = [];
    const value = parsePythonLiteral("[6400.0, 6400, -1e-05]", {
      float: (number, text) => {
        seen.push(text);
        return { float: number };
      },
    });
    expect(value).toEqual([{ float: 6400 }, 6400, { float: -0.00001 }]);
    expect(seen).toEqual(["6400.0", "-1e-05"]);
  });
});

describe("parsePythonLiteral: containers and reprs", () => {
  it.each([
    ["[]", []],
    ["[1, [2, [3]]]", [1, [2, [3]]]],
    ["(1, 'a')", [1, "a"]],
    ["{}", {}],
    ["{'k': 1, 2: 'two'}", { k: 1, "2": "two" }],
    ["{'a', 'b'}", ["a", "b"]],
    ["['RMS', 'SBK']", ["RMS", "SBK"]],
  ])("%s", (text, expected) => {
    expect(parsePythonLiteral(text)).toEqual(expected);
  });

  it("evaluates only the calls it is given, e.g. mpmath reprs", () => {
    const calls = { mpf: (args: unknown[]) => Number(args[0]) };
    expect(parsePythonLiteral("{'result': mpf('2.0')}", { calls })).toEqual({ result: 2 });
    expect(() => parsePythonLiteral("{'result': mpf('2.0')}")).toThrow(/call to 'mpf' is not a literal/);
  });

  it("reads JSON when asked, including true/false/null and \\/", () => {
    expect(
      parsePythonLiteral('{"a": [true, false, null], "b": "x\\/y", "c": "\\ud83d\\ude00"}', { json: true }),
    ).toEqual({ a: [true, false, null], b: "x/y", c: "😀" });
    expect(() => parsePythonLiteral("true")).toThrow(/unknown name 'true'/);
  });
});

describe("errors name the position", () => {
  it.each([
    ["f(a=1", 5, /expected '\)'/],
    ["f(a=1, 2)", 7, /positional argument after keyword argument/],
    ["f(a=1, a=2)", 7, /repeated keyword argument 'a'/],
    ["f('unterminated)", 2, /unterminated string/],
    ["f(x)", 2, /unknown name 'x'/],
    ["f(1) extra", 5, /expected end of input/],
    ["f(1 2)", 4, /expected '\)'/],
    ["f(a=[1,)", 7, /expected a value/],
    ["f(a=@)", 4, /unexpected character "@"/],
    ["f(a=-'x')", 5, /expected a number after the sign/],
    ["f(a={[1]: 2})", 5, /unhashable dict key/],
    ["f(a={1: 2, 3})", 11, /mixed dict and set items/],
    ["f(a=007)", 4, /leading zeros/],
    ["(1)", 0, /expected a function name/],
    ["", 0, /expected a function name, found end of input/],
  ])("%s", (text, position, message) => {
    let caught: unknown;
    try {
      parsePythonCall(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(PythonSyntaxError);
    expect((caught as PythonSyntaxError).position).toBe(position);
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain(`at position ${position}`);
  });
});

/** Python source for a JSON-like value, written the way Python's repr would. */
function toPython(value: unknown): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") {
    // A whole double past 2^53 written without a point would be a Python int (read as bigint).
    const text = String(value);
    return Number.isSafeInteger(value) || /[.e]/.test(text) ? text : `${text}.0`;
  }
  if (typeof value === "string") {
    const escaped = [...value]
      .map((char) => {
        const code = char.codePointAt(0)!;
        if (char === "\\" || char === "'") return `\\${char}`;
        if (char === "\n") return "\\n";
        if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, "0")}`;
        if (code > 0xffff) return `\\U${code.toString(16).padStart(8, "0")}`;
        return char;
      })
      .join("");
    return `'${escaped}'`;
  }
  if (Array.isArray(value)) return `[${value.map(toPython).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, member]) => `${toPython(key)}: ${toPython(member)}`).join(", ")}}`;
}

describe("round trip: any literal written in Python syntax parses back to the same value", () => {
  const number = fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value)),
  );
  const leaf = fc.oneof(number, fc.string({ unit: "binary" }), fc.boolean(), fc.constant(null));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      leaf,
      fc.array(tie("node")),
      fc.dictionary(fc.string(), tie("node")),
    ),
  })).node;

  it("as a keyword and a positional argument", () => {
    fc.assert(
      fc.property(value, (literal) => {
        const source = toPython(literal);
        expect(parsePythonLiteral(source)).toEqual(literal);
        expect(parsePythonCall(`f(${source}, k=${source})`)).toEqual({
          name: "f",
          args: [literal],
          kwargs: { k: literal },
        });
      }),
      { numRuns: 300 },
    );
  });
});
