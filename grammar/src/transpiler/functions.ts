// Code generation for ML functions (`function` statements and `fn` arrows): argument-count checks,
// local declarations, the recursion-depth counter, and the catch clause that records ML frames.
import type { ArrowFunction, FunctionDef, Statement } from '../syntax/ast.js';
import { MAX_DEPTH } from '../runtime/call.js';
import { varName, type FnState, type GenContext } from './context.js';
import { expression } from './expressions.js';
import { returnCode, statements } from './statements.js';
import { noNumberVars, numberVars } from './float-code.js';

/**
 * The run-mode name of the unchecked entry of a fixed function (FnScope.fixedFunctions): call
 * sites that pass exactly its parameters enter it directly, skipping the argument-count checks.
 */
export function directName(name: string): string {
  return `$i_${name}`;
}

/**
 * A JS function expression implementing `node`; `mlName` names it in errors. In run mode a fixed
 * `function` statement becomes its checked public value wrapping the unchecked entry, which is
 * assigned to `directName(name)` on the way: `(($i) => function $f_f(a, ...$more) {checks; return
 * $i(a);})($i_f = function $i_f(a) {...})`.
 */
export function functionExpression(ctx: GenContext, node: FunctionDef | ArrowFunction, mlName: string): string {
  const scope = ctx.scopes.byNode.get(node);
  if (!scope) throw new Error('transpiler: function without scope analysis');
  const outer = ctx.fn;
  const direct =
    ctx.debug === null && node.kind === 'FunctionDef' && outer.scope.fixedFunctions.get(node.name.name) === node;
  // Run mode counts the depth down at each exit unless a `finally` could run after a `return`.
  const explicitDepth = ctx.debug === null && !(node.body.kind === 'Block' && hasFinally(node.body.body));
  const numbers = ctx.debug === null ? numberVars(scope, node) : noNumberVars();
  const fn: FnState = { scope, temps: [], assigned: new Set(), isProgram: false, name: mlName, explicitDepth, numbers };
  ctx.fn = fn;
  try {
    const quoted = JSON.stringify(mlName);
    const seen = new Set<string>();
    const params = node.params.map((p, i) => {
      const name = p.name.name;
      if (seen.has(name)) {
        ctx.error(`duplicate parameter '${name}'`, p.range);
        return `$dup${i}`;
      }
      seen.add(name);
      return varName(name);
    });
    const arity = node.params.length;
    const body = ctx.capture(() => {
      ctx.indent();
      ctx.indent();
      if (node.body.kind === 'Block') {
        statements(ctx, node.body.body);
        ctx.line(returnCode(ctx, 'null'));
      } else {
        const k = ctx.position(node.body.range);
        ctx.line(
          `$p = ${k};${ctx.debug ? ctx.debug.hook(k) : ''} ${returnCode(ctx, expression(ctx, node.body))}`,
          node.body.range,
        );
      }
    });
    const checks = ctx.capture(() => {
      ctx.indent();
      ctx.line(`if ($more.length !== 0) ${ctx.helper('tooMany')}(${quoted}, ${arity}, ${arity} + $more.length);`);
      // Arguments are positional, so when any is missing the last one is.
      const last = params[params.length - 1];
      if (last !== undefined) {
        const names = JSON.stringify(node.params.map((p) => p.name.name));
        ctx.line(`if (${last} === undefined) ${ctx.helper('missing')}(${quoted}, ${names}, ${params.join(', ')});`);
      }
    });
    const head = ctx.capture(() => {
      ctx.indent();
      const flags = [...(fn.arrayFlags ?? [])].map(
        ([param, flag]) => `${flag} = ${ctx.helper('isArray')}(${varName(param)})`,
      );
      const decls = [...[...scope.locals].map(varName), ...fn.temps, ...flags, `$p = ${ctx.position(node.range)}`];
      ctx.line(`var ${decls.join(', ')};`);
      // recursionError() takes the frame back off the count before raising.
      ctx.line(`if (++$S.depth > ${MAX_DEPTH}) ${ctx.helper('recursionError')}();`);
      if (ctx.debug) {
        const params = node.params.map((p) => p.name.name).filter((n, i, all) => all.indexOf(n) === i);
        ctx.line(ctx.debug.enter(mlName, node.range.start.line, node.range.start.column, scope, params, fn));
      }
      ctx.line('try {');
    });
    const tail = ctx.capture(() => {
      ctx.indent();
      ctx.line('} catch ($e) {');
      const frame = `${ctx.helper('frame')}($e, ${quoted}, $P, $p)`;
      ctx.line(`  ${explicitDepth ? '$S.depth--; ' : ''}throw ${ctx.debug ? ctx.debug.thrown(frame) : frame};`);
      if (!explicitDepth) {
        ctx.line('} finally {');
        ctx.line(ctx.debug ? '  $S.depth--; $X();' : '  $S.depth--;');
      }
      ctx.line('}');
    });
    const closing = ctx.capture(() => ctx.line('}'));
    const publicParams = [...params, '...$more'].join(', ');
    if (node.kind === 'FunctionDef' && direct) {
      const entry = directName(node.name.name);
      outer.temps.push(entry);
      const inner = `${entry} = function ${entry}(${params.join(', ')}) {\n${head}\n${body}\n${tail}\n${closing}`;
      const checked = `function $f_${node.name.name}(${publicParams}) {\n${checks}\n${ctx.capture(() => ctx.line(`  return $i(${params.join(', ')});`))}\n${closing}`;
      return `(($i) => ${checked})(${inner})`;
    }
    const jsName = node.kind === 'FunctionDef' ? ` $f_${node.name.name}` : '';
    return `function${jsName}(${publicParams}) {\n${checks}\n${head}\n${body}\n${tail}\n${closing}`;
  } finally {
    ctx.fn = outer;
  }
}

/** True when a `try ... finally` appears in the function's own statements (not nested functions). */
function hasFinally(list: readonly Statement[]): boolean {
  return list.some((s) => {
    switch (s.kind) {
      case 'TryStmt':
        return s.finally !== null || hasFinally(s.body.body) || s.handlers.some((h) => hasFinally(h.body.body));
      case 'IfStmt':
        return (
          hasFinally(s.then.body) ||
          s.elifs.some((e) => hasFinally(e.body.body)) ||
          (s.else !== null && hasFinally(s.else.body))
        );
      case 'WhileStmt':
      case 'ForStmt':
        return hasFinally(s.body.body);
      default:
        return false;
    }
  });
}
