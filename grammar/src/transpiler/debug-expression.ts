// Compiles ML text typed into a debugger (hover, watch, REPL, breakpoint conditions, logpoint
// messages) into a small plain-data tree that the debug agent interprets inside the sandbox — the
// isolate can generate no code. Pure: parses and checks, never evaluates anything.
import type { Expression } from '../syntax/ast.js';
import { parse } from '../syntax/api.js';
import { numberValue } from '../syntax/literals.js';
import { isForbiddenName } from '../reserved-names.js';
import { BINARY_HELPERS } from './expressions.js';

/** An ML expression as the debug agent evaluates it (JSON-safe: big ints travel as text). */
export type DebugExpr =
  | { k: 'lit'; v: null | boolean | number | string }
  | { k: 'int'; v: string }
  | { k: 'float'; v: number }
  | { k: 'name'; n: string }
  | { k: 'array'; items: DebugExpr[] }
  | { k: 'object'; keys: string[]; values: DebugExpr[] }
  | { k: 'not'; e: DebugExpr }
  | { k: 'neg'; e: DebugExpr }
  /** Arithmetic or comparison through the runtime helper `op` (`add`, `lt`, ...). */
  | { k: 'op'; op: string; l: DebugExpr; r: DebugExpr }
  | { k: 'and' | 'or'; l: DebugExpr; r: DebugExpr }
  | { k: 'cond'; t: DebugExpr; c: DebugExpr; a: DebugExpr }
  | { k: 'member'; o: DebugExpr; n: string }
  | { k: 'index'; o: DebugExpr; i: DebugExpr }
  | { k: 'slice'; o: DebugExpr; a: DebugExpr | null; b: DebugExpr | null; c: DebugExpr | null }
  | { k: 'call'; n: string; args: DebugExpr[] }
  | { k: 'method'; o: DebugExpr; n: string; args: DebugExpr[] };

/** A REPL input: an expression, or an assignment to a variable, member or index. */
export type DebugStatement =
  | { k: 'expr'; e: DebugExpr }
  | { k: 'assign'; target: Extract<DebugExpr, { k: 'name' | 'member' | 'index' }>; value: DebugExpr };

export interface DebugCompileOptions {
  /** Hover: refuse anything that could have an effect (calls, assignments). */
  sideEffectFree?: boolean;
  /** REPL: also accept `target = value`. */
  allowAssignment?: boolean;
}

export type DebugCompileResult<T> = { ok: true; value: T } | { ok: false; message: string };

class Refusal {
  constructor(readonly message: string) {}
}

function convert(e: Expression, pure: boolean): DebugExpr {
  const go = (x: Expression): DebugExpr => convert(x, pure);
  switch (e.kind) {
    case 'NumberLiteral': {
      const v = numberValue(e);
      if ('float' in v) return Number.isInteger(v.float) ? { k: 'float', v: v.float } : { k: 'lit', v: v.float };
      return v.int >= BigInt(Number.MIN_SAFE_INTEGER) && v.int <= BigInt(Number.MAX_SAFE_INTEGER)
        ? { k: 'lit', v: Number(v.int) }
        : { k: 'int', v: v.int.toString() };
    }
    case 'StringLiteral':
      return { k: 'lit', v: e.value };
    case 'BooleanLiteral':
      return { k: 'lit', v: e.value };
    case 'Identifier':
      return { k: 'name', n: e.name };
    case 'ArrayLiteral':
      return { k: 'array', items: e.elements.map(go) };
    case 'ObjectLiteral':
      return { k: 'object', keys: e.properties.map((p) => p.keyName), values: e.properties.map((p) => go(p.value)) };
    case 'ArrowFunction':
      throw new Refusal('functions cannot be defined in the debugger');
    case 'ParenExpr':
      return go(e.expression);
    case 'UnaryExpr':
      return e.operator === '!' ? { k: 'not', e: go(e.operand) } : { k: 'neg', e: go(e.operand) };
    case 'BinaryExpr':
      if (e.operator === '&&' || e.operator === '||')
        return { k: e.operator === '&&' ? 'and' : 'or', l: go(e.left), r: go(e.right) };
      return { k: 'op', op: BINARY_HELPERS[e.operator]!, l: go(e.left), r: go(e.right) };
    case 'ConditionalExpr':
      return { k: 'cond', t: go(e.test), c: go(e.consequent), a: go(e.alternate) };
    case 'MemberExpr':
      checkMember(e.property.name);
      return { k: 'member', o: go(e.object), n: e.property.name };
    case 'IndexExpr':
      return { k: 'index', o: go(e.object), i: go(e.index) };
    case 'SliceExpr': {
      const part = (x: Expression | null): DebugExpr | null => (x ? go(x) : null);
      return { k: 'slice', o: go(e.object), a: part(e.start), b: part(e.stop), c: part(e.step) };
    }
    case 'CallExpr':
      if (pure) throw new Refusal('calls are not evaluated on hover (they could have side effects)');
      if (e.callee.kind === 'MemberExpr') {
        checkMember(e.callee.property.name);
        return { k: 'method', o: go(e.callee.object), n: e.callee.property.name, args: e.args.map(go) };
      }
      return { k: 'call', n: e.callee.name, args: e.args.map(go) };
    case 'ErrorExpr':
      throw new Refusal('the expression has a syntax error');
  }
}

function checkMember(name: string): void {
  if (isForbiddenName(name)) throw new Refusal(`'.${name}' is not accessible`);
}

function guard<T>(f: () => T): DebugCompileResult<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, message: e.message };
    throw e;
  }
}

function clean(text: string): string {
  return text
    .trim()
    .replace(/;+\s*$/, '')
    .trim();
}

/** The first syntax error of `source`, with its column counted in the user's text. */
function syntaxMessage(
  diagnostics: readonly { message: string; severity: string; range: { start: { column: number } } }[],
  shift: number,
): string | null {
  const d = diagnostics.find((x) => x.severity === 'error');
  if (!d) return null;
  return `${d.message} (column ${Math.max(1, d.range.start.column + 1 - shift)})`;
}

/** Compiles one ML expression (`len(xs) + 1`). */
export function compileDebugExpression(text: string, options: DebugCompileOptions = {}): DebugCompileResult<DebugExpr> {
  const src = clean(text);
  if (src === '') return { ok: false, message: 'empty expression' };
  const parsed = parse(`(${src}\n);`);
  const error = syntaxMessage(parsed.diagnostics, 1);
  const stmt = parsed.program.body[0];
  if (error !== null || parsed.program.body.length !== 1 || stmt?.kind !== 'ExpressionStmt') {
    return { ok: false, message: error ?? 'not a single ML expression' };
  }
  return guard(() => convert(stmt.expression, options.sideEffectFree === true));
}

/** Compiles a REPL input: an expression, or (with allowAssignment) `x = v`, `o.k = v`, `a[i] = v`. */
export function compileDebugStatement(
  text: string,
  options: DebugCompileOptions = {},
): DebugCompileResult<DebugStatement> {
  const src = clean(text);
  const asStatement = parse(`${src};`);
  const first = asStatement.program.body[0];
  if (
    options.allowAssignment === true &&
    options.sideEffectFree !== true &&
    syntaxMessage(asStatement.diagnostics, 0) === null &&
    asStatement.program.body.length === 1 &&
    first?.kind === 'AssignStmt'
  ) {
    const assign = first;
    return guard(() => {
      const target = convert(assign.target, false) as Extract<DebugExpr, { k: 'name' | 'member' | 'index' }>;
      return { k: 'assign' as const, target, value: convert(assign.value, false) };
    });
  }
  const expr = compileDebugExpression(src, options);
  return expr.ok ? { ok: true, value: { k: 'expr', e: expr.value } } : expr;
}

/** A logpoint message: literal text and `{expression}` parts (`{{` and `}}` are literal braces). */
export type LogPart = string | DebugExpr;

export function compileLogMessage(message: string): DebugCompileResult<LogPart[]> {
  const parts: LogPart[] = [];
  let text = '';
  let i = 0;
  while (i < message.length) {
    const ch = message[i]!;
    if ((ch === '{' || ch === '}') && message[i + 1] === ch) {
      text += ch;
      i += 2;
      continue;
    }
    if (ch !== '{') {
      text += ch;
      i++;
      continue;
    }
    const end = matchingBrace(message, i);
    if (end < 0) return { ok: false, message: `unclosed '{' at column ${i + 1} of the log message` };
    const expr = compileDebugExpression(message.slice(i + 1, end));
    if (!expr.ok) return { ok: false, message: `in {${message.slice(i + 1, end)}}: ${expr.message}` };
    if (text !== '') parts.push(text);
    text = '';
    parts.push(expr.value);
    i = end + 1;
  }
  if (text !== '') parts.push(text);
  return { ok: true, value: parts };
}

/** Index of the `}` closing the `{` at `open`, skipping braces inside string literals and nested objects. */
function matchingBrace(s: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < s.length; i++) {
    const ch = s[i]!;
    if (quote !== null) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}
