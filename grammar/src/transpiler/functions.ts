// Code generation for ML functions (`function` statements and `fn` arrows): argument-count checks,
// local declarations, the recursion-depth counter, and the catch clause that records ML frames.
import type { ArrowFunction, FunctionDef } from '../syntax/ast.js';
import { MAX_DEPTH } from '../runtime/call.js';
import { varName, type FnState, type GenContext } from './context.js';
import { expression } from './expressions.js';
import { statements } from './statements.js';

/** A JS function expression implementing `node`; `mlName` names it in errors. */
export function functionExpression(ctx: GenContext, node: FunctionDef | ArrowFunction, mlName: string): string {
  const scope = ctx.scopes.byNode.get(node);
  if (!scope) throw new Error('transpiler: function without scope analysis');
  const outer = ctx.fn;
  const fn: FnState = { scope, temps: [], assigned: new Set(), isProgram: false, name: mlName };
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
        ctx.line('return null;');
      } else {
        const k = ctx.position(node.body.range);
        ctx.line(`$p = ${k};${ctx.debug ? ctx.debug.hook(k) : ''} return ${expression(ctx, node.body)};`, node.body.range);
      }
    });
    const head = ctx.capture(() => {
      ctx.indent();
      ctx.line(`if ($more.length !== 0) ${ctx.helper('tooMany')}(${quoted}, ${arity}, ${arity} + $more.length);`);
      // Arguments are positional, so when any is missing the last one is.
      const last = params[params.length - 1];
      if (last !== undefined) {
        const names = JSON.stringify(node.params.map((p) => p.name.name));
        ctx.line(`if (${last} === undefined) ${ctx.helper('missing')}(${quoted}, ${names}, ${params.join(', ')});`);
      }
      const decls = [...[...scope.locals].map(varName), ...fn.temps];
      if (decls.length > 0) ctx.line(`let ${decls.join(', ')};`);
      ctx.line(`let $p = ${ctx.position(node.range)};`);
      ctx.line(`if ($S.depth >= ${MAX_DEPTH}) ${ctx.helper('recursionError')}();`);
      ctx.line('$S.depth++;');
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
      ctx.line(`  throw ${ctx.debug ? ctx.debug.thrown(frame) : frame};`);
      ctx.line('} finally {');
      ctx.line(ctx.debug ? '  $S.depth--; $X();' : '  $S.depth--;');
      ctx.line('}');
    });
    const jsName = node.kind === 'FunctionDef' ? ` $f_${node.name.name}` : '';
    const closing = ctx.capture(() => ctx.line('}'));
    return `function${jsName}(${[...params, '...$more'].join(', ')}) {\n${head}\n${body}\n${tail}\n${closing}`;
  } finally {
    ctx.fn = outer;
  }
}
