// Inline fast paths for the hottest ML operations: arithmetic and comparison on small ints and
// plain numbers, array indexing with an in-range index, len() of an array. Each emits a guard built
// from `typeof` tests and falls back to the runtime helper with the same operands, so ML semantics
// (int/float split, big ints past 2^53, errors and messages) are exactly the helper's.
import type { BinaryExpr, Expression } from '../syntax/ast.js';
import { numberValue } from '../syntax/literals.js';
import type { GenContext } from './context.js';
import { expression } from './expressions.js';
import { kindOf, type Kind } from './float-code.js';

/** An operand evaluated exactly once: its code if it has no effect, else a scratch temporary. */
export interface Operand {
  /** Code naming the value: a variable, a literal or a scratch temporary. */
  ref: string;
  /** `$tN = <code>` to run first, or null when `ref` is the operand's own effect-free code. */
  init: string | null;
  /** The value when the operand is an int literal in the int32 range. */
  int: number | null;
  /** The value when the operand is a finite float literal (`ref` is the MLFloat box if it is integral). */
  float: number | null;
  /** True for a number literal whose `ref` is a plain JS number (int, or non-integral float). */
  num: boolean;
  /** True for a string or null literal: `==` with it is JS identity. */
  exact: boolean;
  /** True for a string, boolean or null literal: never a number. */
  other: boolean;
  /** What the transpiler knows of the value (float-code.ts). */
  kind: Kind;
}

/** Code with no effect and no error when evaluated again: a name, a number, a string literal. */
export const PLAIN_CODE = /^(?:[\w$]+|\(-[\d.e+]+\)|[\d.e+]+|"(?:[^"\\\n]|\\.)*")$/;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The literal `e` is (through parentheses and one minus), with its sign applied. */
function literal(
  e: Expression,
): { kind: 'int'; value: bigint } | { kind: 'float'; value: number } | { kind: 'other' } | null {
  let x = e;
  while (x.kind === 'ParenExpr') x = x.expression;
  let negate = false;
  if (x.kind === 'UnaryExpr' && x.operator === '-') {
    negate = true;
    x = x.operand;
    while (x.kind === 'ParenExpr') x = x.expression;
  }
  if (x.kind === 'NumberLiteral') {
    const v = numberValue(x);
    if ('int' in v && !x.isFloat) return { kind: 'int', value: negate ? -v.int : v.int };
    const f = 'float' in v ? v.float : Number(x.raw);
    return { kind: 'float', value: negate ? -f : f };
  }
  if (negate) return null;
  if (x.kind === 'StringLiteral' || x.kind === 'BooleanLiteral') return { kind: 'other' };
  return null;
}

/** Generates `e` as an operand; call it in evaluation order, between a scratch mark and its release. */
export function operand(ctx: GenContext, e: Expression): Operand {
  const code = expression(ctx, e);
  const lit = literal(e);
  const int =
    lit?.kind === 'int' && lit.value >= BigInt(INT32_MIN) && lit.value <= BigInt(INT32_MAX) ? Number(lit.value) : null;
  const float = lit?.kind === 'float' && Number.isFinite(lit.value) && !Object.is(lit.value, -0) ? lit.value : null;
  const num = int !== null || (float !== null && !Number.isInteger(float));
  let inner = e;
  while (inner.kind === 'ParenExpr') inner = inner.expression;
  const exact = inner.kind === 'StringLiteral' || code === 'null';
  const kind = kindOf(e, ctx.fn.numbers);
  const base = { int, float, num, exact, other: exact || inner.kind === 'BooleanLiteral', kind };
  if (PLAIN_CODE.test(code)) return { ref: code, init: null, ...base };
  const t = ctx.scratch();
  return { ref: t, init: `${t} = ${code}`, ...base };
}

/** `typeof x === "number"` unless x is a number literal ('false' for a literal of another type). */
function numTest(x: Operand): string | null {
  if (x.other) return 'false';
  return x.int !== null || x.float !== null ? null : `typeof ${x.ref} === "number"`;
}

/** x as a plain JS number in a number fast path (an integral float literal by its value). */
function numRef(x: Operand): string {
  if (x.float === null) return x.ref;
  return x.float < 0 ? `(${x.float})` : String(x.float);
}

/** x, already known to be a JS number, is an int in the int32 range. */
function int32Of(x: Operand): string | null {
  if (x.float !== null || x.other) return 'false';
  return x.int !== null ? null : `(${x.ref} | 0) === ${x.ref}`;
}

/** x is an int in the int32 range (so sums and differences of two stay safe integers). */
function isInt32(x: Operand): string | null {
  const test = int32Of(x);
  return test === null || test === 'false' ? test : `typeof ${x.ref} === "number" && ${test}`;
}

function all(tests: (string | null)[]): string {
  // The same test twice (x * x) is made once.
  const t = [...new Set(tests.filter((x): x is string => x !== null && x !== 'true'))];
  if (t.includes('false')) return 'false';
  return t.length === 0 ? 'true' : t.join(' && ');
}

/** `(inits, guard ? fast : slow)` as one parenthesised expression. */
function assemble(ops: Operand[], guard: string, fast: string, slow: string): string {
  const inits = ops.map((o) => o.init).filter((x): x is string => x !== null);
  const body = guard === 'true' ? fast : guard === 'false' ? slow : `${guard} ? ${fast} : ${slow}`;
  return `(${[...inits, body].join(', ')})`;
}

const MAX_SAFE = '9007199254740991';
const MAX_SAFE_NUM = 9007199254740991;

/** A binary arithmetic or comparison operator with its fast path; `helper` is its runtime alias. */
export function fastBinary(ctx: GenContext, e: BinaryExpr, name: string, helper: string): string {
  const mark = ctx.scratchMark();
  const a = operand(ctx, e.left);
  const b = operand(ctx, e.right);
  const slow = `${helper}(${a.ref}, ${b.ref})`;
  let code: string;
  switch (name) {
    case 'add':
    case 'sub': {
      const op = name === 'add' ? '+' : '-';
      const counter = intStep(a, b, name === 'add' ? 1 : -1);
      if (counter !== null) code = assemble([a, b], counter, `${a.ref} ${op} ${b.int}`, slow);
      else if (unknownPair(a, b)) code = assemble([a, b], 'true', numberFirst(ctx, a, b, op, slow), '');
      else
        code = assemble(
          [a, b],
          all([isInt32(a), isInt32(b)]),
          `${a.ref} ${op} ${b.ref}`,
          floatOrSlow(ctx, a, b, op, slow),
        );
      break;
    }
    case 'mul':
      code = unknownPair(a, b)
        ? assemble([a, b], 'true', numberFirst(ctx, a, b, '*', slow), '')
        : multiply(ctx, a, b, floatOrSlow(ctx, a, b, '*', slow));
      break;
    case 'floordiv':
      code = assemble([a, b], all([isInt32(a), ...positive(b)]), `${ctx.helper('floor')}(${a.ref} / ${b.ref})`, slow);
      break;
    case 'mod': {
      // For a positive int32 divisor, `a % b` of an int is an exact int32; of anything else it is not.
      const t = ctx.scratch();
      const guard = all([
        a.float !== null ? 'false' : numTest(a),
        ...positive(b),
        `((${t} = ${a.ref} % ${b.ref}) | 0) === ${t}`,
      ]);
      code = assemble([a, b], guard, `(${t} < 0 ? ${t} + ${b.ref} : ${t} + 0)`, slow);
      break;
    }
    case 'div': {
      // Non-integral quotients are plain floats; integral ones need the MLFloat box (slow path).
      // A zero divisor raises (slow path); a literal divisor is known not to be zero.
      const t = ctx.scratch();
      const literal = b.int ?? b.float;
      const nonZero = literal !== null ? (literal !== 0 ? null : 'false') : b.num ? null : `${b.ref} !== 0`;
      const guard = all([
        numTest(a),
        numTest(b),
        nonZero,
        `(${t} = ${numRef(a)} / ${numRef(b)}) !== ${ctx.helper('floor')}(${t})`,
      ]);
      code = assemble([a, b], guard, t, slow);
      break;
    }
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge': {
      const op = { lt: '<', le: '<=', gt: '>', ge: '>=' }[name];
      code = assemble([a, b], all([compareTest(a, b), compareTest(b, a)]), `${numRef(a)} ${op} ${numRef(b)}`, slow);
      break;
    }
    case 'eq':
    case 'ne':
      code = equality(a, b, name === 'eq' ? '===' : '!==', slow);
      break;
    default:
      throw new Error(`transpiler: no fast path for '${name}'`);
  }
  ctx.releaseScratch(mark);
  return code;
}

/**
 * The slow path of `+`, `-` or `*` preceded by the non-integral float case: two JS numbers whose
 * result is not integral give that result (an int operand makes it a float; two ints cannot give
 * a fraction). Integral results of floats need the MLFloat box, so they take the slow path. Not
 * used with an int or non-number literal operand (counters and concatenation).
 */
function floatOrSlow(ctx: GenContext, a: Operand, b: Operand, op: string, slow: string): string {
  if (a.int !== null || b.int !== null || a.other || b.other) return slow;
  const t = ctx.scratch();
  const guard = all([
    numTest(a),
    numTest(b),
    `(${t} = ${numRef(a)} ${op} ${numRef(b)}) !== ${ctx.helper('floor')}(${t})`,
  ]);
  return guard === 'false' ? slow : `${guard} ? ${t} : ${slow}`;
}

/**
 * `a + k` / `a - k` of an int operand and an int32 literal (counters): an int that is a JS number
 * is a safe integer, so one bound test keeps the result safe. Null for other operands.
 */
function intStep(a: Operand, b: Operand, sign: 1 | -1): string | null {
  if (a.kind !== 'int' || a.int !== null || b.int === null) return null;
  const k = b.int * sign;
  const bound = k >= 0 ? `${a.ref} <= ${MAX_SAFE_NUM - k}` : `${a.ref} >= ${-MAX_SAFE_NUM - k}`;
  return `typeof ${a.ref} === "number" && ${bound}`;
}

/** Neither operand is an int (by kind) nor a literal other than a non-integral float. */
function unknownPair(a: Operand, b: Operand): boolean {
  const open = (x: Operand): boolean => x.kind !== 'int' && x.int === null && !x.other;
  return open(a) && open(b);
}

/**
 * `+`, `-` or `*` of operands of unknown kind, floats first: two JS numbers with a non-integral
 * result give it (NaN included); an integral result is an int when both operands are int32 (a
 * product also in the safe range, `+ 0` making -0 the int 0); everything else, integral floats
 * included, is the helper's. One `typeof` per operand and no int tests for the usual float case.
 */
function numberFirst(ctx: GenContext, a: Operand, b: Operand, op: string, slow: string): string {
  const t = ctx.scratch();
  const product = op === '*';
  const ints = [int32Of(a), int32Of(b)];
  if (product) ints.push(`${t} <= ${MAX_SAFE}`, `${t} >= -${MAX_SAFE}`);
  const intCase = all(ints);
  const nonIntegral = `(${t} = ${numRef(a)} ${op} ${numRef(b)}) !== ${ctx.helper('floor')}(${t})`;
  const value = intCase === 'false' ? nonIntegral : `(${nonIntegral} || ${intCase})`;
  const guard = all([numTest(a), numTest(b), value]);
  return guard === 'false' ? slow : `${guard} ? ${product && intCase !== 'false' ? `${t} + 0` : t} : ${slow}`;
}

/** Guards that `b` is a positive int32 (nothing for a positive int literal). */
function positive(b: Operand): (string | null)[] {
  if (b.int !== null) return b.int > 0 ? [] : ['false'];
  return [isInt32(b), `${b.ref} > 0`];
}

function multiply(ctx: GenContext, a: Operand, b: Operand, slow: string): string {
  // int32 × small literal stays below 2^53; `+ 0` turns -0 (0 * -3) into the int 0.
  const small = (x: Operand): boolean => x.int !== null && Math.abs(x.int) <= 2 ** 21;
  if (small(a) || small(b)) {
    return assemble([a, b], all([isInt32(a), isInt32(b)]), `${a.ref} * ${b.ref} + 0`, slow);
  }
  const t = ctx.scratch();
  const guard = all([isInt32(a), isInt32(b), `(${t} = ${a.ref} * ${b.ref}) <= ${MAX_SAFE}`, `${t} >= -${MAX_SAFE}`]);
  return assemble([a, b], guard, `${t} + 0`, slow);
}

/**
 * `==` / `!=`: identity when either side is a string or null literal (nothing else equals them);
 * identity for two plain numbers (NaN included); the helper otherwise (1 == 1.0 == true, arrays...).
 */
function equality(a: Operand, b: Operand, op: string, slow: string): string {
  if (a.exact || b.exact) return assemble([a, b], 'true', `${a.ref} ${op} ${b.ref}`, slow);
  return assemble([a, b], all([compareTest(a, b), compareTest(b, a)]), `${numRef(a)} ${op} ${numRef(b)}`, slow);
}

/**
 * The number test of comparison operand `x` against `other`: none when both are ints, since JS
 * compares a bigint and a number exactly, and ints are normalised (a bigint is never equal to a
 * number), so `===` is ML equality on ints too.
 */
function compareTest(x: Operand, other: Operand): string | null {
  return x.kind === 'int' && other.kind === 'int' ? null : numTest(x);
}

/** `-x`: an int32 negates without leaving the safe range (0 - x also keeps the int 0 from being -0). */
export function fastNeg(ctx: GenContext, e: Expression, helper: string): string {
  const mark = ctx.scratchMark();
  const a = operand(ctx, e);
  if (a.int !== null) {
    ctx.releaseScratch(mark);
    return a.int > 0 ? `(-${a.int})` : String(-a.int);
  }
  const code = assemble([a], all([isInt32(a)]), `0 - ${a.ref}`, `${helper}(${a.ref})`);
  ctx.releaseScratch(mark);
  return code;
}

/** `x.length` (a number literal needs parentheses before `.`). */
function lengthOf(ref: string): string {
  return /^[\d.]/.test(ref) ? `(${ref}).length` : `${ref}.length`;
}

/**
 * The test under which `o[i]` names an existing element of array `o`: `i` is a number (so it
 * can never spell a property name) and the element is there (ML values are never `undefined`, and
 * non-index numbers like -1 or 1.5 find nothing: the array prototypes are frozen and hold no such
 * keys). `read` stores the element in that temporary, for the read's fast path. Null when no fast
 * path applies: the object or index is a literal other than a non-negative int.
 */
export function elementTest(ctx: GenContext, o: Operand, i: Operand, read: string | null): string | null {
  if (!o.ref.startsWith('$')) return null;
  if (i.int !== null ? i.int < 0 : i.float !== null || !i.ref.startsWith('$')) return null;
  const load = read === null ? `${o.ref}[${i.ref}]` : `(${read} = ${o.ref}[${i.ref}])`;
  return all([
    i.int !== null ? null : `typeof ${i.ref} === "number"`,
    isArrayTest(ctx, o.ref),
    `${load} !== undefined`,
  ]);
}

/** `$isArray(ref)`, or the entry-time flag of a parameter that keeps its value (run mode). */
function isArrayTest(ctx: GenContext, ref: string): string {
  const fn = ctx.fn;
  // A list local named directly (so it is assigned) holds an array.
  if (ref.startsWith('$v_') && fn.numbers.lists.has(ref.slice(3))) return 'true';
  const param = ref.startsWith('$v_') ? ref.slice(3) : null;
  if (ctx.debug !== null || fn.isProgram || param === null || !fn.scope.constantParams.has(param)) {
    return `${ctx.helper('isArray')}(${ref})`;
  }
  const flags = (fn.arrayFlags ??= new Map());
  let flag = flags.get(param);
  if (flag === undefined) {
    flag = `$A_${param}`;
    flags.set(param, flag);
  }
  return flag;
}

/** `o[i]`. */
export function fastIndex(ctx: GenContext, object: Expression, index: Expression, helper: string): string {
  const mark = ctx.scratchMark();
  const o = operand(ctx, object);
  const i = operand(ctx, index);
  const t = ctx.scratch();
  const test = elementTest(ctx, o, i, t);
  const slow = `${helper}(${o.ref}, ${i.ref})`;
  const code = assemble([o, i], test ?? 'false', t, slow);
  ctx.releaseScratch(mark);
  return code;
}

/** Already generated code as an operand (a scratch temporary unless it is plain). */
function codeOperand(ctx: GenContext, code: string): Operand {
  if (PLAIN_CODE.test(code))
    return { ref: code, init: null, int: null, float: null, num: false, exact: false, other: false, kind: 'any' };
  const t = ctx.scratch();
  return {
    ref: t,
    init: `${t} = ${code}`,
    int: null,
    float: null,
    num: false,
    exact: false,
    other: false,
    kind: 'any',
  };
}

/** `len(x)` with one argument (already generated): an array's length directly, else the builtin. */
export function fastLen(ctx: GenContext, argCode: string, builtin: string): string {
  const mark = ctx.scratchMark();
  const a = codeOperand(ctx, argCode);
  const test = /^[\d."(]/.test(a.ref) ? 'false' : isArrayTest(ctx, a.ref);
  const code = assemble([a], test, lengthOf(a.ref), `${builtin}(${a.ref})`);
  ctx.releaseScratch(mark);
  return code;
}

/** `o.append(x)` (operands already generated): Array push for an array, else the method call. */
export function fastAppend(
  ctx: GenContext,
  targetCode: string,
  argCode: string,
  slow: (o: string, x: string) => string,
): string {
  const mark = ctx.scratchMark();
  const o = codeOperand(ctx, targetCode);
  const x = codeOperand(ctx, argCode);
  const test = o.ref.startsWith('$') ? isArrayTest(ctx, o.ref) : 'false';
  const code = assemble([o, x], test, `(${o.ref}.push(${x.ref}), null)`, slow(o.ref, x.ref));
  ctx.releaseScratch(mark);
  return code;
}
