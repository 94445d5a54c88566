// Debug-mode code generation (transpile(..., {debug: true})): the statement hooks, frame entry and
// exit with a variable accessor per function, and the error hooks the debug agent needs. Only the
// generators call it, and only when `debug` is on: run-mode output never contains any of this.
import type { FnScope } from './scopes.js';
import { varName, type FnState } from './context.js';

/** One ML function (or a unit's top level) as the debugger sees it. */
export interface DebugFunctionInfo {
  /** ML name (`<module>` for the top level, `<lambda>` for arrow functions). */
  name: string;
  /** 0-based position of the definition. */
  line: number;
  column: number;
  /** Parameters and locals, in accessor order. */
  own: string[];
  /** Names of enclosing functions this one can see (after `own` in accessor order). */
  closure: string[];
}

/** What debug-mode transpilation adds to the result: where hooks are and what each frame holds. */
export interface DebugUnitInfo {
  /** Position indices (into the unit's position table) that have a statement hook, in source order. */
  hooks: number[];
  /** The position table: `positions[2k]`, `positions[2k+1]` = 0-based line, column of position k. */
  positions: number[];
  /** Function index (as passed to the frame-entry hook) → function; index 0 is the top level. */
  functions: DebugFunctionInfo[];
}

/**
 * Names emitted by debug mode (all `$`-prefixed, so no ML name can collide): `$D` the agent handle
 * passed to the unit, `$H` statement hook, `$E`/`$X` frame entry/exit, `$T` error leaving a
 * function, `$C` error caught by an `except`, `$c` the function's count of active `try` blocks
 * that have a handler.
 *
 * A frame is its accessor closure: `acc(-1)` returns `[function index, $p, $c, ...variables]`, and
 * `acc(i, x)` sets variable i. The agent pays nothing per call beyond pushing the accessor.
 */
export class DebugGen {
  private readonly hookSet = new Set<number>();
  readonly functions: DebugFunctionInfo[] = [];
  private readonly withTry = new Set<FnState>();

  /** ` $H(k);` — a statement hook at position k, recorded as a hook site. */
  hook(k: number): string {
    this.hookSet.add(k);
    return ` $H(${k});`;
  }

  /** `$H(k)` as an expression (inside a loop or elif condition). */
  hookExpr(k: number): string {
    this.hookSet.add(k);
    return `$H(${k})`;
  }

  /** Notes that function `fn` counts `try` blocks in `$c` (so its entry declares it). */
  markTry(fn: FnState): void {
    this.withTry.add(fn);
  }

  /** Registers a function; returns its index (the top level registers first, as index 0). */
  register(name: string, line: number, column: number, scope: FnScope, params: readonly string[]): number {
    const own = [...new Set([...params, ...scope.locals])];
    const closure: string[] = [];
    const seen = new Set(own);
    for (let s = scope.parent; s !== null && s.parent !== null; s = s.parent) {
      for (const n of [...s.params, ...s.locals]) {
        if (!seen.has(n)) {
          seen.add(n);
          closure.push(n);
        }
      }
    }
    this.functions.push({ name, line, column, own, closure });
    return this.functions.length - 1;
  }

  /** The frame-entry statement of registered function `index` (generated after its body). */
  entry(index: number, fn: FnState): string {
    const f = this.functions[index]!;
    const counted = this.withTry.has(fn);
    return `${counted ? 'let $c = 0; ' : ''}$E(${index}, ${accessor(index, [...f.own, ...f.closure], counted)});`;
  }

  /** Registers a function and returns its frame-entry statement. */
  enter(name: string, line: number, column: number, scope: FnScope, params: readonly string[], fn: FnState): string {
    return this.entry(this.register(name, line, column, scope, params), fn);
  }

  /** The error-leaving-a-function wrapper: `$T(err)` reports it and returns it. */
  thrown(errorCode: string): string {
    return `$T(${errorCode})`;
  }

  /** The `except` binding wrapper: `$C(caught)`. */
  caught(valueCode: string): string {
    return `$C(${valueCode})`;
  }

  /** The unit prelude line binding the hooks for this unit. */
  prelude(file: string, moduleName: string | null): string {
    const meta = JSON.stringify(
      this.functions.map((f) => ({ name: f.name, own: f.own.length, names: [...f.own, ...f.closure] })),
    );
    return `const {h: $H, e: $E, x: $X, t: $T, c: $C} = $D.unit(${JSON.stringify(file)}, ${JSON.stringify(moduleName)}, $P, ${meta});`;
  }

  info(positions: readonly number[]): DebugUnitInfo {
    const hooks = [...this.hookSet].sort((a, b) => {
      const la = positions[2 * a]! - positions[2 * b]!;
      return la !== 0 ? la : positions[2 * a + 1]! - positions[2 * b + 1]!;
    });
    return { hooks, positions: positions.slice(), functions: this.functions };
  }
}

/**
 * A frame's accessor: `($i, $x) => {...}` sets variable i to $x when i >= 0, and always returns
 * `[function index, position, try count, ...variables]` (undefined = not assigned yet).
 */
function accessor(index: number, names: readonly string[], counted: boolean): string {
  const head = `${index}, $p, ${counted ? '$c' : '0'}`;
  if (names.length === 0) return `($i, $x) => [${head}]`;
  const cases = names.map((n, i) => `case ${i}: ${varName(n)} = $x; break;`).join(' ');
  return `($i, $x) => { switch ($i) { ${cases} } return [${head}, ${names.map(varName).join(', ')}]; }`;
}
