// Float code: what the transpiler knows about numbers, and code that keeps floats unboxed.
//
// Kinds. Every ML float operation gives a float or raises, whatever the other operand is: `/`
// always; `-`, `*`, `//`, `%` with a float operand (a string or list operand raises); `+` with a
// float and a number (with a string it concatenates). Ints are closed under `+ - * // %`. So an
// expression is of kind 'int' (a safe-integer JS number or a bigint), 'float' (a JS number or an
// MLFloat box), 'num' (int, float or boolean) or 'any', from its literals, operators and the
// builtins `float`/`int`/`len` (a builtin wins at a call site, ML-LANGUAGE.md §5).
//
// Float locals (run mode only). A variable of a function or of the program that is bound only by
// plain assignments of float expressions, and that no nested function mentions, holds a raw JS
// double instead of an ML value: `x = x * 2.0` is `$v_x = $v_x * 2`. It is boxed (`$boxf`: integral
// doubles become MLFloat) where its value leaves float code, and unboxed values never reach the
// runtime. The debugger reads and writes variables, so debug mode keeps ML values everywhere.
//
// List locals: bound only by `name = [...]`, so they always hold an array once assigned.
//
// Float code of a float expression is a JS expression giving its value as a double. Operands that
// are not float expressions are tested to be JS numbers (ints up to 2^53 and non-integral floats,
// whose double is their exact value); when a test fails, or a divisor is zero, the runtime helper
// computes the result from the boxed operands, so values and errors are exactly the helper's.
import type { BinaryExpr, Expression, FunctionDef, Node, Program, ArrowFunction } from '../syntax/ast.js';
import { numberValue } from '../syntax/literals.js';
import { walk } from '../syntax/visit.js';
import { BUILTIN_NAMES } from '../stdlib/names.js';
import type { GenContext } from './context.js';
import type { FnScope } from './scopes.js';
import { importBinding } from './scopes.js';
import { expression, identifier } from './expressions.js';
import { PLAIN_CODE } from './fast-ops.js';
import { ARITH_HELPERS, COMPARE_HELPERS } from './operator-helpers.js';

export type Kind = 'int' | 'float' | 'num' | 'any';

/** The float and numeric variables of one function (both empty in debug mode). */
export interface NumberVars {
  /** Variables that hold raw doubles. */
  readonly floats: ReadonlySet<string>;
  /** Variables that always hold an ML int once assigned. */
  readonly ints: ReadonlySet<string>;
  /** Variables that always hold an ML number (or boolean) once assigned; includes `floats`, `ints`. */
  readonly nums: ReadonlySet<string>;
  /** Variables that always hold an array once assigned. */
  readonly lists: ReadonlySet<string>;
  /** Kinds computed so far, once the variables are final (code generation asks repeatedly). */
  readonly kinds: WeakMap<Expression, Kind> | null;
}

/** No number variables (debug mode); kinds still come from literals and operators. */
export function noNumberVars(): NumberVars {
  return { floats: new Set(), ints: new Set(), nums: new Set(), lists: new Set(), kinds: new WeakMap() };
}

const ARITH = new Set(Object.keys(ARITH_HELPERS));
const COMPARE = new Set(Object.keys(COMPARE_HELPERS));

function join(a: Kind, b: Kind): Kind {
  if (a === b) return a;
  return a === 'any' || b === 'any' ? 'any' : 'num';
}

/** The kind of `e`, given the current function's number variables. */
export function kindOf(e: Expression, vars: NumberVars): Kind {
  const known = vars.kinds?.get(e);
  if (known !== undefined) return known;
  const kind = computeKind(e, vars);
  vars.kinds?.set(e, kind);
  return kind;
}

function computeKind(e: Expression, vars: NumberVars): Kind {
  switch (e.kind) {
    case 'NumberLiteral': {
      const v = numberValue(e);
      return e.isFloat || !('int' in v) ? 'float' : 'int';
    }
    case 'BooleanLiteral':
      return 'num';
    case 'Identifier':
      if (vars.floats.has(e.name)) return 'float';
      if (vars.ints.has(e.name)) return 'int';
      return vars.nums.has(e.name) ? 'num' : 'any';
    case 'ParenExpr':
      return kindOf(e.expression, vars);
    case 'UnaryExpr': {
      // `-x` raises unless x is a number; `!x` is a boolean.
      const k = e.operator === '-' ? kindOf(e.operand, vars) : 'num';
      return k === 'float' || k === 'int' ? k : 'num';
    }
    case 'BinaryExpr':
      return binaryKind(e, vars);
    case 'ConditionalExpr':
      return join(kindOf(e.consequent, vars), kindOf(e.alternate, vars));
    case 'CallExpr':
      if (e.callee.kind !== 'Identifier') return 'any';
      if (e.callee.name === 'float' && e.args.length <= 1) return 'float';
      if ((e.callee.name === 'int' || e.callee.name === 'len') && e.args.length <= 2) return 'int';
      return 'any';
    default:
      return 'any';
  }
}

function binaryKind(e: BinaryExpr, vars: NumberVars): Kind {
  const op = e.operator;
  if (COMPARE.has(op)) return 'num';
  if (op === '&&' || op === '||') return join(kindOf(e.left, vars), kindOf(e.right, vars));
  if (!ARITH.has(op)) return 'any';
  if (op === '/') return 'float';
  const a = kindOf(e.left, vars);
  const b = kindOf(e.right, vars);
  if (op === '+' && (a === 'any' || b === 'any')) return 'any';
  if (a === 'float' || b === 'float') return 'float';
  if (a === 'int' && b === 'int') return 'int';
  // `*` repeats strings and lists; `-`, `//` and `%` give a number or raise.
  return op === '*' && (a === 'any' || b === 'any') ? 'any' : 'num';
}

/**
 * The number variables of a function (or the program) with scope `scope` and body `node`:
 * candidates are its own locals bound only by `name = value` and not mentioned by a nested
 * function; the kinds are the greatest fixed point over their assignments.
 */
export function numberVars(scope: FnScope, node: Program | FunctionDef | ArrowFunction): NumberVars {
  const assigns = new Map<string, Expression[]>();
  const excluded = new Set<string>();
  const nested = (fn: Node): void =>
    walk(fn, (n) => {
      if (n.kind === 'Identifier') excluded.add(n.name);
    });
  const body: Node[] = node.kind === 'Program' ? node.body : [node.body];
  for (const root of body) {
    walk(root, (n) => {
      switch (n.kind) {
        case 'FunctionDef':
          excluded.add(n.name.name);
          nested(n);
          return false;
        case 'ArrowFunction':
          nested(n);
          return false;
        case 'AssignStmt':
          if (n.target.kind === 'Identifier') {
            const list = assigns.get(n.target.name) ?? [];
            list.push(n.value);
            assigns.set(n.target.name, list);
          }
          return;
        case 'ArrayDestructureStmt':
        case 'ObjectDestructureStmt':
          for (const x of n.names) excluded.add(x.name);
          return;
        case 'ForStmt':
          excluded.add(n.variable.name);
          return;
        case 'ExceptClause':
          if (n.variable) excluded.add(n.variable.name);
          return;
        case 'ImportStmt':
          excluded.add(importBinding(n.path, n.alias));
          return;
        case 'NonlocalStmt':
          for (const x of n.names) excluded.add(x.name);
          return;
      }
    });
  }
  const floats = new Set<string>();
  const lists = new Set<string>();
  for (const name of assigns.keys()) {
    if (!scope.locals.has(name) || excluded.has(name)) continue;
    // Program globals named like builtins, null or undefined are read through a fallback.
    if (scope.parent === null && (BUILTIN_NAMES.has(name) || name === 'null' || name === 'undefined')) continue;
    floats.add(name);
    if (assigns.get(name)!.every((v) => v.kind === 'ArrayLiteral')) lists.add(name);
  }
  // Greatest fixed points: first floats and numbers (ints count as numbers there), then ints with
  // those known. A variable seen as a float cannot also be seen as an int.
  const candidates = [...floats];
  const nums = new Set(floats);
  const ints = new Set<string>();
  const vars: NumberVars = { floats, ints, nums, lists, kinds: null };
  const users = usersOf(candidates, assigns);
  const kindsOf = (name: string): Kind[] => assigns.get(name)!.map((v) => kindOf(v, vars));
  fixpoint(candidates, users, (name) => {
    const kinds = kindsOf(name);
    let demoted = false;
    if (floats.has(name) && kinds.some((k) => k !== 'float')) demoted = floats.delete(name);
    if (nums.has(name) && kinds.some((k) => k === 'any')) demoted = nums.delete(name);
    return demoted;
  });
  for (const name of candidates) if (nums.has(name) && !floats.has(name)) ints.add(name);
  fixpoint([...ints], users, (name) => ints.has(name) && kindsOf(name).some((k) => k !== 'int') && ints.delete(name));
  return { floats, ints, nums, lists, kinds: new WeakMap() };
}

/** For each variable, the variables whose assignments mention it. */
function usersOf(names: string[], assigns: Map<string, Expression[]>): Map<string, Set<string>> {
  const known = new Set(names);
  const users = new Map<string, Set<string>>();
  for (const name of names) {
    for (const value of assigns.get(name)!) {
      walk(value, (n) => {
        if (n.kind === 'Identifier' && known.has(n.name)) {
          const set = users.get(n.name) ?? new Set();
          set.add(name);
          users.set(n.name, set);
        }
      });
    }
  }
  return users;
}

/** Runs `demote` on each name until nothing changes; a demoted name re-checks its users. */
function fixpoint(names: string[], users: Map<string, Set<string>>, demote: (name: string) => boolean): void {
  const work = [...names];
  while (work.length > 0) {
    const name = work.pop()!;
    if (demote(name)) for (const user of users.get(name) ?? []) work.push(user);
  }
}

// ---------------------------------------------------------------------------------------------
// Code generation.

/** The operator of an arithmetic expression whose value float code can compute, else null. */
function floatOperator(e: Expression): string | null {
  if (e.kind === 'BinaryExpr' && ARITH.has(e.operator)) return e.operator;
  if (e.kind === 'UnaryExpr' && e.operator === '-') return 'neg';
  return null;
}

/** True when `e` is a float expression that is better generated as float code and then boxed. */
export function isFloatArithmetic(ctx: GenContext, e: Expression): boolean {
  return floatOperator(e) !== null && kindOf(e, ctx.fn.numbers) === 'float';
}

/** True when `name` is a raw-double variable of the current function. */
export function isFloatVar(ctx: GenContext, name: string): boolean {
  return ctx.fn.numbers.floats.has(name);
}

/** `$boxf(code)`: a double as an ML float value. */
export function boxed(ctx: GenContext, code: string): string {
  return `${ctx.helper('boxf')}(${code})`;
}

/** A double literal in JS. */
function doubleLiteral(f: number): string {
  if (Number.isNaN(f)) return '(0/0)';
  if (!Number.isFinite(f)) return f > 0 ? '(1/0)' : '(-1/0)';
  if (Object.is(f, -0)) return '(-0)';
  return f < 0 ? `(${String(f)})` : String(f);
}

/** Float code (a JS double) of an expression of kind 'float'. */
export function floatCode(ctx: GenContext, e: Expression): string {
  switch (e.kind) {
    case 'NumberLiteral': {
      const v = numberValue(e);
      return doubleLiteral('float' in v ? v.float : Number(e.raw));
    }
    case 'ParenExpr':
      return floatCode(ctx, e.expression);
    case 'Identifier':
      // Resolves to the raw double (or raises an unbound-name error).
      if (isFloatVar(ctx, e.name)) return identifier(ctx, e);
      break;
    case 'UnaryExpr':
      if (e.operator === '-') return `(-${floatCode(ctx, e.operand)})`;
      break;
    case 'BinaryExpr':
      if (ARITH.has(e.operator)) return floatBinary(ctx, e);
      break;
  }
  return `${ctx.helper('unboxf')}(${expression(ctx, e)})`;
}

/** One operand of float arithmetic: its double when it is a float expression, else its ML value. */
interface FloatOperand {
  /** A variable, literal or scratch temporary naming the value. */
  ref: string;
  init: string | null;
  /** True when `ref` is a double; false when it is an ML value that still needs a number test. */
  double: boolean;
  /** A non-zero number literal. */
  nonZero: boolean;
}

function floatOperand(ctx: GenContext, e: Expression): FloatOperand {
  const double = kindOf(e, ctx.fn.numbers) === 'float';
  const code = double ? floatCode(ctx, e) : expression(ctx, e);
  let lit: Expression = e;
  while (lit.kind === 'ParenExpr') lit = lit.expression;
  const nonZero = lit.kind === 'NumberLiteral' && Number(lit.raw) !== 0;
  if (PLAIN_CODE.test(code)) return { ref: code, init: null, double, nonZero };
  const t = ctx.scratch();
  return { ref: t, init: `${t} = ${code}`, double, nonZero };
}

const JS_COMPARE: Readonly<Record<string, string>> = {
  '==': '===',
  '!=': '!==',
  '<': '<',
  '>': '>',
  '<=': '<=',
  '>=': '>=',
};

/** Operators with a runtime helper for a double and an ML value (float-ops.ts: addDV, addVD, ...). */
const MIXED = new Set(['+', '-', '*', '/']);

/**
 * Float code of `a op b`: the JS operator on doubles when both operands are numbers (and a
 * divisor is not zero); otherwise the runtime helper on the ML values, unboxed (for a double and
 * an ML value, one call of the mixed helper, which handles MLFloat boxes itself).
 */
function floatBinary(ctx: GenContext, e: BinaryExpr): string {
  const mark = ctx.scratchMark();
  const a = floatOperand(ctx, e.left);
  const b = floatOperand(ctx, e.right);
  const tests = [a, b].filter((x) => !x.double).map((x) => `typeof ${x.ref} === "number"`);
  const op = e.operator;
  if ((op === '/' || op === '//' || op === '%') && !b.nonZero) tests.push(`${b.ref} !== 0`);
  let fast: string;
  if (op === '//') fast = `${ctx.helper('floorDivF')}(${a.ref}, ${b.ref})`;
  else if (op === '%') fast = `${ctx.helper('modF')}(${a.ref}, ${b.ref})`;
  else fast = `${a.ref} ${op} ${b.ref}`;
  const value = (x: FloatOperand): string => (x.double ? boxed(ctx, x.ref) : x.ref);
  const mixed = a.double !== b.double && MIXED.has(op) ? `${ARITH_HELPERS[op]}${a.double ? 'DV' : 'VD'}` : null;
  const slow =
    mixed !== null
      ? `${ctx.helper(mixed)}(${a.ref}, ${b.ref})`
      : `${ctx.helper('unboxf')}(${ctx.helper(ARITH_HELPERS[op]!)}(${value(a)}, ${value(b)}))`;
  const inits = [a.init, b.init].filter((x): x is string => x !== null);
  const body = tests.length === 0 ? fast : `${tests.join(' && ')} ? ${fast} : ${slow}`;
  ctx.releaseScratch(mark);
  return inits.length === 0 && tests.length === 0 ? `(${body})` : `(${[...inits, body].join(', ')})`;
}

/**
 * A comparison with a float operand: the JS operator on doubles when the other operand is a
 * number, else the runtime helper on the ML values. Null when neither operand is a float expression.
 */
export function floatCompare(ctx: GenContext, e: BinaryExpr, helper: string): string | null {
  const vars = ctx.fn.numbers;
  if (kindOf(e.left, vars) !== 'float' && kindOf(e.right, vars) !== 'float') return null;
  const op = JS_COMPARE[e.operator];
  if (op === undefined) return null;
  const mark = ctx.scratchMark();
  const a = floatOperand(ctx, e.left);
  const b = floatOperand(ctx, e.right);
  const tests = [a, b].filter((x) => !x.double).map((x) => `typeof ${x.ref} === "number"`);
  const value = (x: FloatOperand): string => (x.double ? boxed(ctx, x.ref) : x.ref);
  const fast = `${a.ref} ${op} ${b.ref}`;
  const inits = [a.init, b.init].filter((x): x is string => x !== null);
  const body = tests.length === 0 ? fast : `${tests.join(' && ')} ? ${fast} : ${helper}(${value(a)}, ${value(b)})`;
  ctx.releaseScratch(mark);
  return `(${[...inits, body].join(', ')})`;
}

/**
 * `a + b` with a float operand and an operand that may be a string (so the sum may not be a float):
 * the boxed double sum when the other operand is a JS number, else the runtime helper. Null when
 * neither operand is a float expression.
 */
export function floatAddAny(ctx: GenContext, e: BinaryExpr, helper: string): string | null {
  const vars = ctx.fn.numbers;
  if (e.operator !== '+' || (kindOf(e.left, vars) !== 'float' && kindOf(e.right, vars) !== 'float')) return null;
  const mark = ctx.scratchMark();
  const a = floatOperand(ctx, e.left);
  const b = floatOperand(ctx, e.right);
  const tests = [a, b].filter((x) => !x.double).map((x) => `typeof ${x.ref} === "number"`);
  const value = (x: FloatOperand): string => (x.double ? boxed(ctx, x.ref) : x.ref);
  const fast = boxed(ctx, `${a.ref} + ${b.ref}`);
  const inits = [a.init, b.init].filter((x): x is string => x !== null);
  const body = tests.length === 0 ? fast : `${tests.join(' && ')} ? ${fast} : ${helper}(${value(a)}, ${value(b)})`;
  ctx.releaseScratch(mark);
  return `(${[...inits, body].join(', ')})`;
}
