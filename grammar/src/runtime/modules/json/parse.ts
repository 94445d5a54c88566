// JSON text → ML values with Python's json.loads behaviour: `1` is an int, `1.0` a float, big ints
// stay exact, NaN/Infinity accepted, later duplicate keys win, errors carry Python's messages.
import { MLObject, type Value } from '../../values.js';
import { makeFloat, makeInt } from '../../ops.js';

/** A decoding error with Python's message and the code-unit offset where it happened. */
export class JsonDecodeError {
  constructor(
    readonly reason: string,
    readonly offset: number,
  ) {}
}

/** Python's JSONDecodeError text: `msg: line L column C (char N)` (positions in code points). */
export function describeDecodeError(text: string, e: JsonDecodeError): string {
  const before = text.slice(0, e.offset);
  const pos = Array.from(before).length;
  const lastNewline = before.lastIndexOf('\n');
  const line = before.split('\n').length;
  const column = lastNewline < 0 ? pos + 1 : Array.from(before.slice(lastNewline + 1)).length + 1;
  return `${e.reason}: line ${line} column ${column} (char ${pos})`;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly maxDepth: number,
    private readonly depthMessage: string,
  ) {}

  document(): Value {
    this.ws();
    const v = this.value(0);
    this.ws();
    if (this.i < this.s.length) throw new JsonDecodeError('Extra data', this.i);
    return v;
  }

  private ws(): void {
    WHITESPACE.lastIndex = this.i;
    WHITESPACE.test(this.s);
    this.i = WHITESPACE.lastIndex;
  }

  private value(depth: number): Value {
    const s = this.s;
    const c = s[this.i];
    if (c === '"') return this.string();
    if (c === '{' || c === '[') {
      if (depth >= this.maxDepth) throw new JsonDecodeError(this.depthMessage, this.i);
      return c === '{' ? this.object(depth + 1) : this.array(depth + 1);
    }
    for (const [word, v] of KEYWORDS) {
      if (s.startsWith(word, this.i)) {
        this.i += word.length;
        return v;
      }
    }
    NUMBER.lastIndex = this.i;
    const m = NUMBER.exec(s);
    if (m === null) throw new JsonDecodeError('Expecting value', this.i);
    this.i = NUMBER.lastIndex;
    if (m[1] === undefined && m[2] === undefined) return makeInt(BigInt(m[0]));
    return makeFloat(Number(m[0]));
  }

  private object(depth: number): Value {
    const obj = new MLObject();
    this.i++;
    this.ws();
    if (this.s[this.i] === '}') {
      this.i++;
      return obj;
    }
    for (;;) {
      if (this.s[this.i] !== '"') {
        throw new JsonDecodeError('Expecting property name enclosed in double quotes', this.i);
      }
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ':') throw new JsonDecodeError("Expecting ':' delimiter", this.i);
      this.i++;
      this.ws();
      obj.map.set(key, this.value(depth));
      this.ws();
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        return obj;
      }
      if (c !== ',') throw new JsonDecodeError("Expecting ',' delimiter", this.i);
      this.i++;
      this.ws();
    }
  }

  private array(depth: number): Value {
    const out: Value[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === ']') {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth));
      this.ws();
      const c = this.s[this.i];
      if (c === ']') {
        this.i++;
        return out;
      }
      if (c !== ',') throw new JsonDecodeError("Expecting ',' delimiter", this.i);
      this.i++;
      this.ws();
    }
  }

  private string(): string {
    const s = this.s;
    const start = this.i;
    let out = '';
    let i = this.i + 1;
    for (;;) {
      let j = i;
      while (j < s.length) {
        const code = s.charCodeAt(j);
        if (code === 0x22 || code === 0x5c || code < 0x20) break;
        j++;
      }
      out += s.slice(i, j);
      if (j >= s.length) throw new JsonDecodeError('Unterminated string starting at', start);
      const code = s.charCodeAt(j);
      if (code === 0x22) {
        this.i = j + 1;
        return out;
      }
      if (code < 0x20) throw new JsonDecodeError('Invalid control character at', j);
      const e = s[j + 1];
      if (e === undefined) throw new JsonDecodeError('Unterminated string starting at', start);
      if (e === 'u') {
        const hex = s.slice(j + 2, j + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonDecodeError('Invalid \\uXXXX escape', j + 1);
        out += String.fromCharCode(parseInt(hex, 16));
        i = j + 6;
        continue;
      }
      const simple = ESCAPES[e];
      if (simple === undefined) throw new JsonDecodeError('Invalid \\escape', j);
      out += simple;
      i = j + 2;
    }
  }
}

const KEYWORDS: readonly (readonly [string, Value])[] = [
  ['null', null],
  ['true', true],
  ['false', false],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/** Nesting limit of plain `json.parse` (Python's recursion limit plays this role in the reference). */
export const DEFAULT_MAX_DEPTH = 1000;

/** Parses JSON text; throws JsonDecodeError. */
export function parseJson(text: string, maxDepth = DEFAULT_MAX_DEPTH, depthMessage = 'Nesting too deep'): Value {
  return new Parser(text, maxDepth, depthMessage).document();
}
