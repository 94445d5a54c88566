// Expression code generation: every ML expression becomes a JS expression over mangled variables
// and runtime helpers (operators, member access, calls). Emits no JS operator on ML values except
// where the operands are known booleans; never emits property access by an ML-chosen name.
import type { BinaryExpr, CallExpr, Expression, FunctionDef, Identifier } from '../syntax/ast.js';
import { numberValue } from '../syntax/literals.js';
import { BUILTIN_NAMES } from '../stdlib/names.js';
import { lookupBuiltin } from '../stdlib/index.js';
import { varName, type GenContext } from './context.js';
import type { FnScope } from './scopes.js';
import { directName, functionExpression } from './functions.js';
import { fastAppend, fastBinary, fastIndex, fastLen, fastNeg } from './fast-ops.js';
import { boxed, floatAddAny, floatCode, floatCompare, isFloatArithmetic, isFloatVar } from './float-code.js';
import { ARITH_HELPERS as ARITH, BINARY_HELPERS, COMPARE_HELPERS as COMPARE } from './operator-helpers.js';

/** Runtime helper of each binary operator except `&&`/`||` (also used by debugger expressions). */
export { BINARY_HELPERS };

/** Where a name resolves from the current function. */
type Resolution = { kind: 'var'; scope: FnScope } | { kind: 'builtin' } | { kind: 'null' } | { kind: 'unknown' };

export function resolveName(ctx: GenContext, name: string): Resolution {
  for (let s: FnScope | null = ctx.fn.scope; s; s = s.parent) {
    if (s === ctx.fn.scope && s.nonlocals.has(name)) continue;
    if (s.has(name)) return { kind: 'var', scope: s };
  }
  if (BUILTIN_NAMES.has(name)) return { kind: 'builtin' };
  if (name === 'null' || name === 'undefined') return { kind: 'null' };
  return { kind: 'unknown' };
}

/** True when the expression certainly evaluates to a JS boolean. */
export function isBoolean(e: Expression): boolean {
  switch (e.kind) {
    case 'BooleanLiteral':
      return true;
    case 'ParenExpr':
      return isBoolean(e.expression);
    case 'UnaryExpr':
      return e.operator === '!';
    case 'BinaryExpr':
      if (e.operator in COMPARE) return true;
      return (e.operator === '&&' || e.operator === '||') && isBoolean(e.left) && isBoolean(e.right);
    default:
      return false;
  }
}

/** The expression as a JS boolean condition (truthiness). */
export function condition(ctx: GenContext, e: Expression): string {
  const code = expression(ctx, e);
  return isBoolean(e) ? code : `${ctx.helper('truthy')}(${code})`;
}

/** True when evaluating `e` may call a function (used to keep Python's evaluation order). */
export function mayCall(e: Expression): boolean {
  switch (e.kind) {
    case 'CallExpr':
      return true;
    case 'NumberLiteral':
    case 'StringLiteral':
    case 'BooleanLiteral':
    case 'Identifier':
    case 'ArrowFunction':
    case 'ErrorExpr':
      return false;
    case 'ParenExpr':
      return mayCall(e.expression);
    case 'UnaryExpr':
      return mayCall(e.operand);
    case 'BinaryExpr':
      return mayCall(e.left) || mayCall(e.right);
    case 'ConditionalExpr':
      return mayCall(e.test) || mayCall(e.consequent) || mayCall(e.alternate);
    case 'MemberExpr':
      return mayCall(e.object);
    case 'IndexExpr':
      return mayCall(e.object) || mayCall(e.index);
    case 'SliceExpr':
      return [e.object, e.start, e.stop, e.step].some((x) => x !== null && mayCall(x));
    case 'ArrayLiteral':
      return e.elements.some(mayCall);
    case 'ObjectLiteral':
      return e.properties.some((p) => mayCall(p.value));
  }
}

function numberLiteral(ctx: GenContext, raw: string, isFloat: boolean): string {
  const v = numberValue(raw);
  if ('int' in v && !isFloat) {
    const n = v.int;
    const text = n >= -(2n ** 53n) + 1n && n <= 2n ** 53n - 1n ? String(n) : `${n}n`;
    return n < 0n ? `(${text})` : text;
  }
  const f = 'float' in v ? v.float : Number(raw);
  if (Number.isNaN(f)) return '(0/0)';
  if (!Number.isFinite(f)) return f > 0 ? '(1/0)' : '(-1/0)';
  if (Number.isInteger(f)) {
    return ctx.constant(`${ctx.helper('float')}(${Object.is(f, -0) ? '-0' : String(f)})`);
  }
  return f < 0 ? `(${String(f)})` : String(f);
}

/** A name's value as stored (a raw double for a float variable, float-code.ts). */
export function identifier(ctx: GenContext, id: Identifier): string {
  const name = id.name;
  const r = resolveName(ctx, name);
  switch (r.kind) {
    case 'var': {
      const v = varName(name);
      if (r.scope === ctx.fn.scope && (ctx.fn.assigned.has(name) || r.scope.params.includes(name))) return v;
      if (r.scope === ctx.scopes.program && BUILTIN_NAMES.has(name))
        return `(${v} !== undefined ? ${v} : ${ctx.builtin(name)})`;
      return `(${v} !== undefined ? ${v} : ${ctx.helper('unbound')}(${JSON.stringify(name)}))`;
    }
    case 'builtin':
      return ctx.builtin(name);
    case 'null':
      return 'null';
    case 'unknown':
      return `${ctx.helper('nameError')}(${JSON.stringify(name)})`;
  }
}

function binary(ctx: GenContext, e: BinaryExpr): string {
  const op = e.operator;
  const helper = ARITH[op] ?? COMPARE[op];
  if (helper) {
    const code = COMPARE[op] ? floatCompare(ctx, e, ctx.helper(helper)) : floatAddAny(ctx, e, ctx.helper(helper));
    if (code !== null) return code;
  }
  if (helper) return fastBinary(ctx, e, helper, ctx.helper(helper));
  // && and ||: return an operand (ML-LANGUAGE.md §4); plain JS when both sides are booleans.
  if (isBoolean(e.left) && isBoolean(e.right)) return `(${expression(ctx, e.left)} ${op} ${expression(ctx, e.right)})`;
  const t = ctx.temp();
  const left = `(${t} = ${expression(ctx, e.left)})`;
  const test = isBoolean(e.left) ? left : `${ctx.helper('truthy')}(${left})`;
  const right = expression(ctx, e.right);
  return op === '&&' ? `(${test} ? ${right} : ${t})` : `(${test} ? ${t} : ${right})`;
}

/** True for operands whose evaluation has no effect and cannot be reordered observably. */
function isSimple(e: Expression): boolean {
  return (
    e.kind === 'NumberLiteral' || e.kind === 'StringLiteral' || e.kind === 'BooleanLiteral' || e.kind === 'Identifier'
  );
}

/**
 * A call. The position register `$p` must name this call while it runs, so when the callee's
 * object or an argument itself calls something, those operands are evaluated into temporaries
 * first (in source order) and `$p` is set just before the call.
 */
function call(ctx: GenContext, e: CallExpr): string {
  const callee = e.callee;
  const operands: Expression[] = callee.kind === 'MemberExpr' ? [callee.object, ...e.args] : [...e.args];
  const hoist = operands.some(mayCall);
  const pre: string[] = [];
  const codes = operands.map((x) => {
    const code = expression(ctx, x);
    if (!hoist || isSimple(x)) return code;
    const t = ctx.temp();
    pre.push(`${t} = ${code}`);
    return t;
  });
  let code: string;
  const site = siteId(ctx, e);
  if (callee.kind === 'MemberExpr') {
    const [target, ...args] = codes;
    const method = JSON.stringify(callee.property.name);
    const one = (o: string, x: string): string => `${ctx.helper('callMethod1')}(${o}, ${method}, ${x}, ${site})`;
    if (args.length === 1 && callee.property.name === 'append') code = fastAppend(ctx, target!, args[0]!, one);
    else
      code =
        args.length === 1
          ? one(target!, args[0]!)
          : `${ctx.helper('callMethod')}(${target}, ${method}, [${args.join(', ')}], ${site})`;
  } else {
    code = identifierCall(ctx, callee.name, codes, site);
  }
  if (pre.length === 0 && ctx.statementCall === e) return code;
  return `(${[...pre, `$p = ${ctx.position(e.range)}`, code].join(', ')})`;
}

/**
 * `$U + k`: the run-time id of call site `e` (sites.ts), stored for capability checks by calls
 * that may reach one: method calls, calls of variables other than fixed functions (a stdlib
 * function may be stored anywhere), and the builtins that check or call a function argument.
 */
function siteId(ctx: GenContext, e: CallExpr): string {
  ctx.usesSites = true;
  return `$U + ${ctx.position(e.range)}`;
}

/** Builtins whose call may reach a capability check. */
function checkingBuiltin(name: string): boolean {
  const spec = lookupBuiltin(name);
  return spec !== undefined && (spec.capabilities.length > 0 || spec.params.some((p) => p.name === 'func'));
}

function identifierCall(ctx: GenContext, name: string, args: string[], site: string): string {
  // At a call site a builtin wins over a user binding of the same name (ML-LANGUAGE.md §5).
  if (name === 'len' && args.length === 1) return fastLen(ctx, args[0]!, ctx.builtin(name));
  if (BUILTIN_NAMES.has(name)) {
    const call = `${ctx.builtin(name)}(${args.join(', ')})`;
    return checkingBuiltin(name) ? `($S.site = ${site}, ${call})` : call;
  }
  const r = resolveName(ctx, name);
  if (r.kind !== 'var') return `${ctx.helper('nameError')}(${JSON.stringify(name)})`;
  const v = varName(name);
  // A fixed function called with all its parameters is entered past its argument checks (run
  // mode); being ML code, it needs no call site of its own.
  const fixed = r.scope.fixedFunctions.get(name);
  const direct =
    ctx.debug === null && fixed !== undefined && fixed.params.length === args.length && !hasDuplicates(fixed);
  // Inside the fixed function's own body the name certainly holds it: it was bound before the body could run.
  if (direct && within(ctx, fixed)) return `${directName(name)}(${args.join(', ')})`;
  const target = direct ? directName(name) : fixed !== undefined ? v : `($S.site = ${site}, ${v})`;
  return `(typeof ${v} === "function" ? ${target} : ${ctx.helper('callee')}(${v}, ${JSON.stringify(name)}))(${args.join(', ')})`;
}

/** True when code is being generated inside `f` (or a function nested in it). */
function within(ctx: GenContext, f: FunctionDef): boolean {
  for (let s: FnScope | null = ctx.fn.scope; s !== null; s = s.parent) if (s.node === f) return true;
  return false;
}

function hasDuplicates(f: FunctionDef): boolean {
  return new Set(f.params.map((p) => p.name.name)).size !== f.params.length;
}

export function expression(ctx: GenContext, e: Expression): string {
  // Float arithmetic runs on doubles and is boxed once at the end.
  if (isFloatArithmetic(ctx, e)) return boxed(ctx, floatCode(ctx, e));
  switch (e.kind) {
    case 'NumberLiteral':
      return numberLiteral(ctx, e.raw, e.isFloat);
    case 'StringLiteral':
      return JSON.stringify(e.value);
    case 'BooleanLiteral':
      return e.value ? 'true' : 'false';
    case 'Identifier':
      return isFloatVar(ctx, e.name) ? boxed(ctx, identifier(ctx, e)) : identifier(ctx, e);
    case 'ArrayLiteral':
      return `[${e.elements.map((x) => expression(ctx, x)).join(', ')}]`;
    case 'ObjectLiteral': {
      const kv = e.properties.map((p) => `${JSON.stringify(p.keyName)}, ${expression(ctx, p.value)}`);
      return `${ctx.helper('obj')}([${kv.join(', ')}])`;
    }
    case 'ArrowFunction':
      return functionExpression(ctx, e, '<lambda>');
    case 'ParenExpr':
      return `(${expression(ctx, e.expression)})`;
    case 'UnaryExpr':
      if (e.operator === '!')
        return `!${isBoolean(e.operand) ? expression(ctx, e.operand) : `${ctx.helper('truthy')}(${expression(ctx, e.operand)})`}`;
      return fastNeg(ctx, e.operand, ctx.helper('neg'));
    case 'BinaryExpr':
      return binary(ctx, e);
    case 'ConditionalExpr':
      return `(${condition(ctx, e.test)} ? ${expression(ctx, e.consequent)} : ${expression(ctx, e.alternate)})`;
    case 'MemberExpr':
      return `${ctx.helper('getMember')}(${expression(ctx, e.object)}, ${JSON.stringify(e.property.name)})`;
    case 'IndexExpr':
      return fastIndex(ctx, e.object, e.index, ctx.helper('getIndex'));
    case 'SliceExpr': {
      const part = (x: Expression | null): string => (x ? expression(ctx, x) : 'null');
      return `${ctx.helper('getSlice')}(${expression(ctx, e.object)}, ${part(e.start)}, ${part(e.stop)}, ${part(e.step)})`;
    }
    case 'CallExpr':
      return call(ctx, e);
    case 'ErrorExpr':
      ctx.error('cannot transpile a program with syntax errors', e.range);
      return `${ctx.helper('invalid')}()`;
  }
}
