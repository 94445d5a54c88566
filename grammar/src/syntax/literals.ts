// Values of ML literals: number text to int/float and string escape decoding (ML-LANGUAGE.md §1).
// Pure functions over literal text; they never throw on any input.
import type { NumberLiteral } from './ast.js';

export type NumberValue = { int: bigint } | { float: number };

/** Evaluates a number literal (or its raw text): ints are arbitrary precision, floats IEEE doubles. */
export function numberValue(lit: NumberLiteral | string): NumberValue {
  const raw = typeof lit === 'string' ? lit : lit.raw;
  const isFloat = typeof lit === 'string' ? /[.eE]/.test(raw) : lit.isFloat;
  if (isFloat) return { float: Number(raw) };
  try {
    return { int: BigInt(raw) };
  } catch {
    // Only reachable for text that is not a lexer-produced literal.
    return { float: Number(raw) };
  }
}

/** True when number text has a `.` or an exponent. */
export function isFloatText(raw: string): boolean {
  return /[.eE]/.test(raw);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  "'": "'",
  '0': '\0',
};

/**
 * Interprets the escapes of a string literal's source text (with its quotes; a missing closing
 * quote is tolerated). `\n \t \r \\ \" \' \0 \uXXXX` are decoded; any other `\c` keeps both characters.
 */
export function decodeString(raw: string): string {
  const quote = raw.charAt(0);
  // Fast path: a closed literal without backslashes is its text between the quotes.
  if (
    raw.length >= 2 &&
    (quote === '"' || quote === "'") &&
    raw.charAt(raw.length - 1) === quote &&
    raw.indexOf('\\') < 0
  )
    return raw.slice(1, -1);
  let body = raw.slice(1);
  if ((quote === '"' || quote === "'") && body.length > 0 && body.endsWith(quote) && !endsEscaped(body)) {
    body = body.slice(0, -1);
  }
  if (body.indexOf('\\') < 0) return body;
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body.charAt(i);
    if (c !== '\\' || i + 1 >= body.length) {
      out += c;
      continue;
    }
    const next = body.charAt(i + 1);
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      out += simple;
      i++;
    } else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(body.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(body.slice(i + 2, i + 6), 16));
      i += 5;
    } else {
      out += c + next;
      i++;
    }
  }
  return out;
}

/** Whether the final character of `body` is escaped by an odd run of backslashes. */
function endsEscaped(body: string): boolean {
  let n = 0;
  for (let i = body.length - 2; i >= 0 && body.charAt(i) === '\\'; i--) n++;
  return n % 2 === 1;
}
