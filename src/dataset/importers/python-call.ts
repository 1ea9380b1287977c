/**
 * A small parser for Python call expressions and literals, as BFCL writes its gold calls
 * (`mv(source='a.txt', destination='temp')`) and as upstream prints results (`{'result': mpf('2.0')}`).
 * Tokenizer + recursive descent over a deliberately tiny grammar: one call whose arguments are
 * literals (strings, numbers, True/False/None, lists, tuples, dicts, sets), nothing evaluated.
 */
import { BadInputError } from "../../core/errors.ts";

export interface PythonCall {
  /** Function name as written, dotted names kept whole (`Class.method`). */
  name: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}

export interface LiteralOptions {
  /** Bare names that are values. Default: Python's `True`, `False`, `None`. */
  names?: Readonly<Record<string, unknown>>;
  /** Maps every float literal (it has a `.` or an exponent); lets callers keep Python's float/int split. */
  float?: (value: number, text: string) => unknown;
  /** Calls allowed inside a literal, such as `mpf('2.0')` in an mpmath repr. Default: none. */
  calls?: Readonly<Record<string, (args: unknown[]) => unknown>>;
  /** Also read JSON text: `true`/`false`/`null` and the `\\/` escape (JSON's only escape Python lacks). */
  json?: boolean;
}

/** Bad input, with the 0-based offset of the offending character. */
export class PythonSyntaxError extends BadInputError {
  readonly position: number;
  constructor(reason: string, text: string, position: number) {
    const start = Math.max(0, position - 30);
    const excerpt = text.slice(start, position + 30).replace(/\s/g, " ");
    const caret = `${" ".repeat(position - start)}^`;
    super(`python syntax: ${reason} at position ${position}\n  ${excerpt}\n  ${caret}`);
    this.name = "PythonSyntaxError";
    this.position = position;
  }
}

export const PYTHON_NAMES: Readonly<Record<string, unknown>> = { True: true, False: false, None: null };
const JSON_NAMES: Readonly<Record<string, unknown>> = { true: true, false: false, null: null };

type TokenKind = "name" | "number" | "string" | "punct" | "end";
interface Token {
  kind: TokenKind;
  /** Source text of names, numbers and punctuation; the decoded value of strings. */
  text: string;
  position: number;
}

const PUNCTUATION = new Set(["(", ")", "[", "]", "{", "}", ",", ":", "=", "-", "+", "."]);
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\",
  "'": "'",
  '"': '"',
  n: "\n",
  t: "\t",
  r: "\r",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
  "\n": "",
};
const NUMBER =
  /0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Split `text` into tokens; string tokens carry their decoded value. */
export function tokenize(text: string, json = false): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    NAME.lastIndex = index;
    const name = NAME.exec(text);
    if (name) {
      // A string prefix (r, u, b and combinations) directly before a quote.
      const next = text[index + name[0].length];
      if ((next === "'" || next === '"') && /^[rRuUbB]{1,2}$/.test(name[0])) {
        const raw = name[0].toLowerCase().includes("r");
        const [value, end] = readString(text, index + name[0].length, raw, json);
        tokens.push({ kind: "string", text: value, position: index });
        index = end;
        continue;
      }
      tokens.push({ kind: "name", text: name[0], position: index });
      index += name[0].length;
      continue;
    }
    if (/[0-9]/.test(char) || (char === "." && /[0-9]/.test(text[index + 1] ?? ""))) {
      NUMBER.lastIndex = index;
      const number = NUMBER.exec(text)!;
      tokens.push({ kind: "number", text: number[0], position: index });
      index += number[0].length;
      continue;
    }
    if (char === "'" || char === '"') {
      const [value, end] = readString(text, index, false, json);
      tokens.push({ kind: "string", text: value, position: index });
      index = end;
      continue;
    }
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: "punct", text: char, position: index });
      index += 1;
      continue;
    }
    throw new PythonSyntaxError(`unexpected character ${JSON.stringify(char)}`, text, index);
  }
  tokens.push({ kind: "end", text: "", position: text.length });
  return tokens;
}

/** Read a quoted string starting at `start` (the opening quote); returns its value and the index after it. */
function readString(text: string, start: number, raw: boolean, json: boolean): [string, number] {
  const quote = text[start]!;
  const triple = text.startsWith(quote.repeat(3), start);
  const closing = triple ? quote.repeat(3) : quote;
  let index = start + closing.length;
  let value = "";
  for (;;) {
    if (index >= text.length) throw new PythonSyntaxError("unterminated string", text, start);
    if (text.startsWith(closing, index)) return [value, index + closing.length];
    const char = text[index]!;
    if (char === "\n" && !triple) throw new PythonSyntaxError("newline inside string", text, index);
    if (char !== "\\") {
      value += char;
      index += 1;
      continue;
    }
    const next = text[index + 1];
    if (next === undefined) throw new PythonSyntaxError("unterminated string", text, start);
    if (raw) {
      value += char + next; // a raw string keeps the backslash, even before a quote
      index += 2;
      continue;
    }
    const [decoded, length] = json && next === "/" ? ["/", 2] : decodeEscape(text, index);
    value += decoded;
    index += length;
  }
}

/** Decode the escape sequence at `index` (a backslash); returns the text and how many characters it used. */
function decodeEscape(text: string, index: number): [string, number] {
  const next = text[index + 1]!;
  const simple = SIMPLE_ESCAPES[next];
  if (simple !== undefined) return [simple, 2];
  const hexLength = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
  if (hexLength > 0) {
    const digits = text.slice(index + 2, index + 2 + hexLength);
    if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== hexLength) {
      throw new PythonSyntaxError(`bad \\${next} escape`, text, index);
    }
    return [String.fromCodePoint(Number.parseInt(digits, 16)), 2 + hexLength];
  }
  const octal = /^[0-7]{1,3}/.exec(text.slice(index + 1, index + 4));
  if (octal) return [String.fromCodePoint(Number.parseInt(octal[0], 8)), 1 + octal[0].length];
  return [`\\${next}`, 2]; // Python keeps unknown escapes as written
}

/** Recursive descent over the token list. */
class Parser {
  private index = 0;
  private readonly tokens: Token[];

  constructor(
    private readonly text: string,
    private readonly options: LiteralOptions,
  ) {
    this.tokens = tokenize(text, options.json ?? false);
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)]!;
  }

  private fail(reason: string, token = this.peek()): never {
    const found = token.kind === "end" ? "end of input" : `${token.kind} ${JSON.stringify(token.text)}`;
    throw new PythonSyntaxError(`${reason}, found ${found}`, this.text, token.position);
  }

  private isPunct(text: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token.kind === "punct" && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isPunct(text)) this.fail(`expected '${text}'`);
    this.index += 1;
  }

  expectEnd(): void {
    if (this.peek().kind !== "end") this.fail("expected end of input");
  }

  /** `name(.name)* ( arguments )` */
  call(): PythonCall {
    const name = this.dottedName();
    this.expect("(");
    const args: unknown[] = [];
    const kwargs: Record<string, unknown> = {};
    while (!this.isPunct(")")) {
      const token = this.peek();
      if (token.kind === "name" && this.isPunct("=", 1)) {
        if (Object.hasOwn(kwargs, token.text)) this.fail(`repeated keyword argument '${token.text}'`);
        this.index += 2;
        setOwn(kwargs, token.text, this.value());
      } else {
        if (Object.keys(kwargs).length > 0) this.fail("positional argument after keyword argument");
        args.push(this.value());
      }
      if (!this.isPunct(",")) break;
      this.index += 1;
    }
    this.expect(")");
    return { name, args, kwargs };
  }

  private dottedName(): string {
    const parts: string[] = [];
    do {
      if (parts.length > 0) this.index += 1; // the dot
      const token = this.peek();
      if (token.kind !== "name") this.fail("expected a function name");
      parts.push(token.text);
      this.index += 1;
    } while (this.isPunct("."));
    return parts.join(".");
  }

  /** One literal value. */
  value(): unknown {
    const token = this.peek();
    if (token.kind === "string") return this.strings();
    if (token.kind === "number") return this.number(1);
    if (token.kind === "name") return this.named();
    if (token.kind === "punct") {
      if (token.text === "-" || token.text === "+") {
        this.index += 1;
        if (this.peek().kind !== "number") this.fail("expected a number after the sign");
        return this.number(token.text === "-" ? -1 : 1);
      }
      if (token.text === "[") return this.sequence("[", "]").items;
      if (token.text === "(") {
        const { items, trailingComma } = this.sequence("(", ")");
        return items.length === 1 && !trailingComma ? items[0] : items; // (x) is x, (x,) a tuple
      }
      if (token.text === "{") return this.braces();
    }
    return this.fail("expected a value");
  }

  /** Adjacent string literals concatenate, as in Python. */
  private strings(): string {
    let value = "";
    while (this.peek().kind === "string") {
      value += this.peek().text;
      this.index += 1;
    }
    return value;
  }

  private number(sign: number): unknown {
    const token = this.peek();
    this.index += 1;
    const text = token.text.replace(/_/g, "");
    if (/^0[xXoObB]/.test(text)) return sign * Number(text);
    if (/[.eE]/.test(text)) {
      const value = sign * Number(text);
      return this.options.float ? this.options.float(value, sign < 0 ? `-${text}` : text) : value;
    }
    if (/^0\d/.test(text) && /[1-9]/.test(text)) this.fail("leading zeros in an integer", token);
    const integer = BigInt(text) * BigInt(sign);
    const asNumber = Number(integer);
    return Number.isSafeInteger(asNumber) ? asNumber : integer; // big integers stay exact
  }

  private named(): unknown {
    const token = this.peek();
    const names =
      this.options.names ?? (this.options.json ? { ...PYTHON_NAMES, ...JSON_NAMES } : PYTHON_NAMES);
    if (this.isPunct("(", 1)) {
      const handler = this.options.calls?.[token.text];
      if (!handler) this.fail(`call to '${token.text}' is not a literal`);
      const call = this.call();
      if (Object.keys(call.kwargs).length > 0) this.fail(`keyword arguments in '${token.text}(…)'`, token);
      return handler(call.args);
    }
    if (!Object.hasOwn(names, token.text)) this.fail(`unknown name '${token.text}'`);
    this.index += 1;
    return names[token.text];
  }

  private sequence(open: string, close: string): { items: unknown[]; trailingComma: boolean } {
    this.expect(open);
    const items: unknown[] = [];
    let trailingComma = false;
    while (!this.isPunct(close)) {
      items.push(this.value());
      trailingComma = this.isPunct(",");
      if (!trailingComma) break;
      this.index += 1;
    }
    this.expect(close);
    return { items, trailingComma };
  }

  /** `{}` and `{k: v, …}` are dicts (keys become strings, as json.dumps writes them); `{a, b}` is a set. */
  private braces(): unknown {
    this.expect("{");
    const dict: Record<string, unknown> = {};
    const set: unknown[] = [];
    let kind: "dict" | "set" | undefined;
    while (!this.isPunct("}")) {
      const keyToken = this.peek();
      const key = this.value();
      const isPair = this.isPunct(":");
      if (kind !== undefined && (kind === "dict") !== isPair) this.fail("mixed dict and set items", keyToken);
      kind = isPair ? "dict" : "set";
      if (isPair) {
        if (key !== null && typeof key === "object") this.fail("unhashable dict key", keyToken);
        this.index += 1;
        setOwn(dict, String(key), this.value());
      } else {
        set.push(key);
      }
      if (!this.isPunct(",")) break;
      this.index += 1;
    }
    this.expect("}");
    return kind === "set" ? set : dict;
  }
}

/** Set an own property even for keys like `__proto__`, which plain assignment would treat as the prototype. */
function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Parse one call expression such as `sort('final_report.pdf')` or `lockDoors(unlock=False, door=['driver'])`. */
export function parsePythonCall(text: string, options: LiteralOptions = {}): PythonCall {
  const parser = new Parser(text, options);
  const call = parser.call();
  parser.expectEnd();
  return call;
}

/** Parse one literal value such as `{'result': 2.0}` or `['a', 'b']`. */
export function parsePythonLiteral(text: string, options: LiteralOptions = {}): unknown {
  const parser = new Parser(text, options);
  const value = parser.value();
  parser.expectEnd();
  return value;
}
