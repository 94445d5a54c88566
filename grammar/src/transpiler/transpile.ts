// transpile(program, options): an ML AST → the source of one JS function expression
// `(function ($rt) { ... })` that runs the file's top level with runtime `$rt` and returns its
// module object, plus line maps. The output is strict-mode JS using only the fixed subset of
// SANDBOX.md: mangled names, runtime helpers, no eval/Function/import()/with/this/arguments.
import type { Diagnostic } from '../diagnostics.js';
import type { Program } from '../syntax/ast.js';
import { GenContext, varName, type FnState } from './context.js';
import { analyzeScopes } from './scopes.js';
import { statements } from './statements.js';
import { toSourceMapV3, type LineMap, type SourceMapV3 } from './source-map.js';
import { DebugGen, type DebugUnitInfo } from './debug-gen.js';
import { boxed, noNumberVars, numberVars } from './float-code.js';

export interface TranspileOptions {
  /** The ML file's name as errors should show it (relative to the program's root). */
  file: string;
  /** Module name (`lib.stats`) for a user module; the main program uses its file name. */
  moduleName?: string;
  /**
   * Debug mode: the unit becomes `(function ($rt, $D) {...})` with a statement hook at every ML
   * statement and loop iteration, frame entry/exit hooks and variable accessors (debug-gen.ts).
   */
  debug?: boolean;
}

export interface TranspileResult {
  /** Source of a JS function expression taking the runtime and returning the module object. */
  code: string;
  /** Generated line (0-based) → ML position (0-based line/column), or null. */
  sourceMap: LineMap;
  /** The same mapping as a standard Source Map V3 object. */
  sourceMapV3: SourceMapV3;
  diagnostics: Diagnostic[];
  /** Hook sites and frame layouts (debug mode only). */
  debug?: DebugUnitInfo;
}

export function transpile(program: Program, options: TranspileOptions): TranspileResult {
  const scopes = analyzeScopes(program);
  const ctx = new GenContext(scopes, options.file);
  const debug = options.debug === true ? new DebugGen() : null;
  const main: FnState = {
    scope: scopes.program,
    temps: [],
    assigned: new Set(),
    isProgram: true,
    name: '<module>',
    numbers: debug ? noNumberVars() : numberVars(scopes.program, program),
  };
  ctx.fn = main;
  ctx.debug = debug;
  const top = debug ? debug.register('<module>', 0, 0, scopes.program, []) : 0;
  const body = ctx.capture(() => {
    ctx.indent();
    ctx.indent();
    ctx.indent();
    statements(ctx, program.body);
  });

  const globals = [...scopes.program.locals];
  ctx.line(debug ? '(function ($rt, $D) {' : '(function ($rt) {');
  ctx.line('"use strict";');
  ctx.indent();
  const helpers = [...ctx.helpers].sort();
  // `var` throughout: the unit's functions read these names, and `let`/`const` captured by a closure
  // cost a hole check on every read in V8's interpreter and baseline code.
  if (helpers.length > 0) ctx.line(`var {${helpers.map((h) => `${h}: $${h}`).join(', ')}} = $rt;`);
  ctx.line('var $S = $rt.callState;');
  ctx.line(`var $P = $rt.positions(${JSON.stringify(options.file)}, [${ctx.positionData.join(', ')}]);`);
  if (ctx.usesSites) ctx.line('var $U = $P.site;');
  if (debug) ctx.line(debug.prelude(options.file, options.moduleName ?? null));
  for (const b of [...ctx.builtinsUsed].sort()) ctx.line(`var $b_${b} = $rt.builtins[${JSON.stringify(b)}];`);
  ctx.constants.forEach((c, i) => ctx.line(`var $c${i} = ${c};`));
  const decls = [...globals.map(varName), ...main.temps, '$p = 0'];
  ctx.line(`var ${decls.join(', ')};`);
  if (debug) ctx.line(debug.entry(top, main));
  ctx.line('try {');
  ctx.line(ctx.topReturn ? '  $top: {' : '  {');
  ctx.raw(body);
  ctx.line('  }');
  ctx.line('} catch ($e) {');
  const frame = '$rt.frame($e, "<module>", $P, $p)';
  ctx.line(`  throw ${debug ? debug.thrown(frame) : frame};`);
  if (debug) {
    ctx.line('} finally {');
    ctx.line('  $X();');
  }
  ctx.line('}');
  const name = JSON.stringify(options.moduleName ?? options.file);
  // Raw-double globals are boxed into the module object (undefined stays undefined: not exported).
  const exported = globals.map((g) => {
    const v = varName(g);
    const value = main.numbers.floats.has(g) ? `(${v} === undefined ? ${v} : ${boxed(ctx, v)})` : v;
    return `[${JSON.stringify(g)}, ${value}]`;
  });
  ctx.line(`return $rt.exports(${name}, [${exported.join(', ')}]);`);
  ctx.dedent();
  ctx.line('})');

  const { lines, map } = ctx.finish();
  const sourceMap: LineMap = { file: options.file, lines: map };
  return {
    code: lines.join('\n'),
    sourceMap,
    sourceMapV3: toSourceMapV3(sourceMap, `${options.file}.js`),
    diagnostics: ctx.diagnostics,
    ...(debug ? { debug: debug.info(ctx.positionData) } : {}),
  };
}
