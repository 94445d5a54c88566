// Where a cursor is, in token terms: the word being typed, whether it sits in a comment or string,
// and the expression written just before a `.` or `(` (re-parsed on its own, so it works while the
// rest of the line does not parse). Pure; reads the document's tokens and text.
import { parse, tokenIndexAt, type Comment, type Expression, type SyntaxToken } from '@mlsec/grammar';

const WORD_CHAR = /[A-Za-z0-9_]/;

export { tokenIndexAt };

/** The identifier characters right before `offset` (the word being typed). */
export function wordBefore(text: string, offset: number): { start: number; prefix: string } {
  let start = offset;
  while (start > 0 && WORD_CHAR.test(text[start - 1]!)) start--;
  return { start, prefix: text.slice(start, offset) };
}

export function commentAt(comments: readonly Comment[], offset: number): Comment | undefined {
  return comments.find((c) => c.range.start.offset < offset && offset <= c.range.end.offset);
}

/** The string token the cursor is inside (between its quotes), if any. */
export function stringAt(tokens: readonly SyntaxToken[], offset: number): SyntaxToken | undefined {
  const i = tokenIndexAt(tokens, offset) - 1;
  const t = tokens[i];
  if (t?.kind !== 'string') return undefined;
  const closed = t.text.length >= 2 && t.text[t.text.length - 1] === t.text[0] && t.text[t.text.length - 2] !== '\\';
  return t.range.start.offset < offset && (offset < t.range.end.offset || !closed) ? t : undefined;
}

function matching(tokens: readonly SyntaxToken[], close: number, open: string, closeText: string): number {
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const text = tokens[i]!.text;
    if (tokens[i]!.kind !== 'punctuation') continue;
    if (text === closeText) depth++;
    else if (text === open && --depth === 0) return i;
  }
  return -1;
}

/**
 * Start index of the postfix chain (`a.b(c)[d].e`, `"x".upper()`) whose last token is `last`, or -1
 * when the token there cannot end an operand.
 */
export function chainStart(tokens: readonly SyntaxToken[], last: number): number {
  let i = last;
  for (;;) {
    const t = tokens[i];
    if (!t) return -1;
    let start: number;
    if (t.kind === 'identifier' || t.kind === 'string' || t.kind === 'number' || t.kind === 'boolean') start = i;
    else if (t.text === ')' || t.text === ']') {
      const open = matching(tokens, i, t.text === ')' ? '(' : '[', t.text);
      if (open < 0) return -1;
      start = open;
      // A call or index continues the chain to its left (`f(x)`, `a[0]`); a bare `( ... )` starts it.
      const before = tokens[open - 1];
      if (
        before &&
        (before.kind === 'identifier' ||
          before.text === ')' ||
          before.text === ']' ||
          (t.text === ']' && before.kind === 'string'))
      ) {
        i = open - 1;
        continue;
      }
    } else return -1;
    const dot = tokens[start - 1];
    if (dot?.text === '.' && dot.kind === 'punctuation') {
      i = start - 2;
      continue;
    }
    return start;
  }
}

/** The expression spanning tokens `first..last` of `text`, parsed on its own; undefined when it does not parse. */
export function expressionOf(
  text: string,
  tokens: readonly SyntaxToken[],
  first: number,
  last: number,
): Expression | undefined {
  const a = tokens[first];
  const b = tokens[last];
  if (!a || !b) return undefined;
  const snippet = text.slice(a.range.start.offset, b.range.end.offset);
  const parsed = parse(`${snippet};`);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return undefined;
  const stmt = parsed.program.body[0];
  return stmt?.kind === 'ExpressionStmt' && parsed.program.body.length === 1 ? stmt.expression : undefined;
}
