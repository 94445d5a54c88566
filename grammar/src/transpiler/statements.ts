// Statement code generation: one generated line per ML statement header, mapped to its position,
// each starting with `$p = k;` so run-time errors know where they happened.
import type { Block, ForStmt, Statement, TopLevelStatement, TryStmt } from '../syntax/ast.js';
import { STDLIB_MODULE_NAMES } from '../stdlib/names.js';
import { varName, type GenContext } from './context.js';
import { condition, expression, mayCall } from './expressions.js';
import { functionExpression } from './functions.js';
import { elementTest, operand, PLAIN_CODE } from './fast-ops.js';
import { importBinding } from './scopes.js';
import { floatCode, isFloatVar } from './float-code.js';

/** Generates a statement list; names assigned inside nested blocks do not leak out as "assigned". */
export function statements(ctx: GenContext, list: readonly TopLevelStatement[]): void {
  for (const s of list) statement(ctx, s);
}

function block(ctx: GenContext, b: Block, extraAssigned: string[] = []): void {
  const saved = ctx.fn.assigned;
  ctx.fn.assigned = new Set([...saved, ...extraAssigned]);
  ctx.indent();
  statements(ctx, b.body);
  ctx.dedent();
  ctx.fn.assigned = saved;
}

function assign(ctx: GenContext, name: string): string {
  ctx.fn.assigned.add(name);
  return varName(name);
}

/** `$p = k;` for the statement's position, plus its statement hook in debug mode. */
function at(ctx: GenContext, s: { range: Statement['range'] }): string {
  const k = ctx.position(s.range);
  return `$p = ${k};${ctx.debug ? ctx.debug.hook(k) : ''}`;
}

/** A loop or elif condition preceded by `$p = k` (and the statement hook in debug mode). */
function atExpr(ctx: GenContext, range: Statement['range'], cond: () => string): string {
  const k = ctx.position(range);
  return `($p = ${k}, ${ctx.debug ? `${ctx.debug.hookExpr(k)}, ` : ''}${cond()})`;
}

function statement(ctx: GenContext, s: TopLevelStatement): void {
  switch (s.kind) {
    case 'CapabilityDecl':
    case 'NonlocalStmt':
      return;
    case 'ImportStmt': {
      const dotted = s.path.map((p) => p.name).join('.');
      const source =
        s.path.length === 1 && STDLIB_MODULE_NAMES.has(dotted)
          ? `$rt.module(${JSON.stringify(dotted)})`
          : `$rt.importUser(${JSON.stringify(dotted)})`;
      ctx.line(`${at(ctx, s)} ${assign(ctx, importBinding(s.path, s.alias))} = ${source};`, s.range);
      return;
    }
    case 'ExpressionStmt': {
      ctx.statementCall = s.expression.kind === 'CallExpr' ? s.expression : null;
      const code = expression(ctx, s.expression);
      ctx.statementCall = null;
      ctx.line(`${at(ctx, s)} ${code};`, s.range);
      return;
    }
    case 'AssignStmt': {
      const t = s.target;
      if (t.kind === 'Identifier') {
        const value = isFloatVar(ctx, t.name) ? floatCode(ctx, s.value) : expression(ctx, s.value);
        ctx.line(`${at(ctx, s)} ${assign(ctx, t.name)} = ${value};`, s.range);
        return;
      }
      if (t.kind === 'IndexExpr') {
        // Python evaluates the value, then the target's object, then its index.
        const mark = ctx.scratchMark();
        const [v, o, i] = [operand(ctx, s.value), operand(ctx, t.object), operand(ctx, t.index)];
        const inits = [v, o, i].flatMap((x) => (x.init === null ? [] : [`${x.init};`]));
        const slow = `${ctx.helper('setIndex')}(${o.ref}, ${i.ref}, ${v.ref});`;
        const test = elementTest(ctx, o, i, null);
        const store = test === null ? slow : `if (${test}) ${o.ref}[${i.ref}] = ${v.ref}; else ${slow}`;
        ctx.releaseScratch(mark);
        ctx.line(`${at(ctx, s)} ${[...inits, store].join(' ')}`, s.range);
        return;
      }
      // Python evaluates the right-hand side before the target's object.
      const targetCalls = mayCall(t.object);
      let value = expression(ctx, s.value);
      let pre = '';
      if (targetCalls && mayCall(s.value)) {
        const tmp = ctx.temp();
        pre = `${tmp} = ${value}; `;
        value = tmp;
      }
      const obj = expression(ctx, t.object);
      const code = `${ctx.helper('setMember')}(${obj}, ${JSON.stringify(t.property.name)}, ${value})`;
      ctx.line(`${at(ctx, s)} ${pre}${code};`, s.range);
      return;
    }
    case 'ArrayDestructureStmt': {
      const tmp = ctx.temp();
      const value = expression(ctx, s.value);
      const parts = s.names.map((n, i) => `${assign(ctx, n.name)} = ${tmp}[${i}];`);
      ctx.line(
        `${at(ctx, s)} ${tmp} = ${ctx.helper('unpack')}(${value}, ${s.names.length}); ${parts.join(' ')}`,
        s.range,
      );
      return;
    }
    case 'ObjectDestructureStmt': {
      const tmp = ctx.temp();
      const value = expression(ctx, s.value);
      const parts = s.names.map(
        (n) => `${assign(ctx, n.name)} = ${ctx.helper('destructKey')}(${tmp}, ${JSON.stringify(n.name)});`,
      );
      ctx.line(`${at(ctx, s)} ${tmp} = ${value}; ${parts.join(' ')}`, s.range);
      return;
    }
    case 'FunctionDef': {
      const fn = functionExpression(ctx, s, s.name.name);
      ctx.line(`${at(ctx, s)} ${assign(ctx, s.name.name)} = ${fn};`, s.range);
      return;
    }
    case 'IfStmt': {
      ctx.line(`${at(ctx, s)} if (${condition(ctx, s.condition)}) {`, s.range);
      block(ctx, s.then);
      for (const e of s.elifs) {
        ctx.line(`} else if (${atExpr(ctx, e.range, () => condition(ctx, e.condition))}) {`, e.range);
        block(ctx, e.body);
      }
      if (s.else) {
        ctx.line('} else {');
        block(ctx, s.else);
      }
      ctx.line('}');
      return;
    }
    case 'WhileStmt':
      ctx.line(`while (${atExpr(ctx, s.range, () => condition(ctx, s.condition))}) {`, s.range);
      block(ctx, s.body);
      ctx.line('}');
      return;
    case 'ForStmt':
      forStatement(ctx, s);
      return;
    case 'ReturnStmt': {
      const value = s.value ? expression(ctx, s.value) : 'null';
      if (ctx.fn.isProgram) {
        ctx.topReturn = true;
        ctx.line(`${at(ctx, s)} ${value === 'null' ? '' : `${value}; `}break $top;`, s.range);
      } else {
        ctx.line(`${at(ctx, s)} ${returnCode(ctx, value)}`, s.range);
      }
      return;
    }
    case 'ThrowStmt':
      ctx.line(`${at(ctx, s)} throw ${ctx.helper('throwUser')}(${expression(ctx, s.value)});`, s.range);
      return;
    case 'TryStmt':
      tryStatement(ctx, s);
      return;
    case 'BreakStmt':
      ctx.line(ctx.debug ? `${at(ctx, s)} break;` : 'break;', s.range);
      return;
    case 'ContinueStmt':
      ctx.line(ctx.debug ? `${at(ctx, s)} continue;` : 'continue;', s.range);
      return;
  }
}

/**
 * `return value;` from a function. With an explicit depth count the frame is left here: the value
 * is computed first (an error in it is counted by the catch clause), then the depth goes down.
 */
export function returnCode(ctx: GenContext, value: string): string {
  if (!ctx.fn.explicitDepth) return `return ${value};`;
  if (PLAIN_CODE.test(value)) return `$S.depth--; return ${value};`;
  const t = ctx.temp();
  return `${t} = ${value}; $S.depth--; return ${t};`;
}

/** `for (i in range(...))` runs as a counting loop (no array); other iterables through `iterate`. */
function forStatement(ctx: GenContext, s: ForStmt): void {
  const it = s.iterable;
  const name = s.variable.name;
  // Debug mode hooks each iteration (after the variable is set) instead of the header.
  const head = (): string => (ctx.debug ? `$p = ${ctx.position(s.range)};` : at(ctx, s));
  const each = (): string =>
    ctx.debug ? ` $p = ${ctx.position(s.range)};${ctx.debug.hook(ctx.position(s.range))}` : '';
  if (
    it.kind === 'CallExpr' &&
    it.callee.kind === 'Identifier' &&
    it.callee.name === 'range' &&
    it.args.length >= 1 &&
    it.args.length <= 3
  ) {
    const [i, stop, step, b] = [ctx.temp(), ctx.temp(), ctx.temp(), ctx.temp()];
    const args = it.args.map((a) => expression(ctx, a)).join(', ');
    const test = it.args.length < 3 ? `${i} < ${stop}` : `(${step} > 0 ? ${i} < ${stop} : ${i} > ${stop})`;
    ctx.line(
      `${head()} ${b} = ${ctx.helper('rangeBounds')}([${args}]); ${i} = ${b}[0]; ${stop} = ${b}[1]; ${step} = ${b}[2];`,
      s.range,
    );
    ctx.line(`for (; ${test}; ${i} += ${step}) {`);
    ctx.indent();
    ctx.line(`${varName(name)} = ${i};${each()}`);
    ctx.dedent();
  } else {
    // Items come as arrays (a string in chunks of code points): an index loop, no iterator objects.
    const [items, k] = [ctx.temp(), ctx.temp()];
    const more = `(${items} = ${ctx.helper('iterMore')}(${items}), ${k} = 0, ${items}.length !== 0)`;
    ctx.line(
      `${head()} for (${items} = ${ctx.helper('iterStart')}(${expression(ctx, it)}), ${k} = 0; ${k} < ${items}.length || ${more}; ${k}++) {`,
      s.range,
    );
    ctx.indent();
    ctx.line(`${varName(name)} = ${items}[${k}];${each()}`);
    ctx.dedent();
  }
  block(ctx, s.body, [name]);
  ctx.line('}');
}

function tryStatement(ctx: GenContext, s: TryStmt): void {
  // Every except clause catches everything, so only the first one can ever run.
  const handler = s.handlers[0];
  // Debug mode counts the frame's active handlers, so the agent can tell caught errors apart.
  const counted = ctx.debug !== null && handler !== undefined;
  if (counted) ctx.debug!.markTry(ctx.fn);
  ctx.line(`${at(ctx, s)} try {${counted ? ' $c++; try {' : ''}`, s.range);
  block(ctx, s.body);
  if (counted) ctx.line('} finally { $c--; }');
  if (handler) {
    const raw = `${ctx.helper('caught')}($e)`;
    const caught = ctx.debug ? ctx.debug.caught(raw) : raw;
    const bind = handler.variable ? `${varName(handler.variable.name)} = ${caught};` : `${caught};`;
    ctx.line(`} catch ($e) {`, handler.range);
    ctx.indent();
    ctx.line(bind);
    ctx.dedent();
    block(ctx, handler.body, handler.variable ? [handler.variable.name] : []);
  }
  if (s.finally) {
    ctx.line('} finally {');
    block(ctx, s.finally);
  }
  if (!handler && !s.finally) {
    ctx.line('} finally {');
  }
  ctx.line('}');
}
