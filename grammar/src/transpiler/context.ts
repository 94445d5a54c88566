// Code-generation state shared by the expression and statement generators: the output lines with
// their ML positions, the position table, hoisted constants, runtime helpers and builtins in use,
// and per-function state (scope, temporaries, definitely-assigned names). No AST changes.
import type { Diagnostic } from '../diagnostics.js';
import type { CallExpr, Range } from '../syntax/ast.js';
import type { FnScope, ScopeInfo } from './scopes.js';
import type { MappedPosition } from './source-map.js';
import type { DebugGen } from './debug-gen.js';
import type { NumberVars } from './float-code.js';

/** Per-function generation state. */
export interface FnState {
  readonly scope: FnScope;
  /** The `$tN` temporaries this function declares (numbered per file). */
  readonly temps: string[];
  /** Names of this function's own variables that certainly hold a value at the current point. */
  assigned: Set<string>;
  /** True for the program's top level. */
  readonly isProgram: boolean;
  /** The ML name used in error frames. */
  readonly name: string;
  /** Variables holding raw doubles and variables holding numbers (float-code.ts). */
  readonly numbers: NumberVars;
  /**
   * Run mode, no `finally` in the body: the depth counter is decremented at each `return` and in
   * the catch clause instead of a JS `finally` (cheaper in V8's interpreter and baseline code).
   */
  explicitDepth?: boolean;
  /**
   * Run mode: `isArray` of parameters that keep their value, computed once at entry (name →
   * flag variable); index fast paths test the flag instead of calling isArray each time.
   */
  arrayFlags?: Map<string, string>;
  /** Scratch temporaries (reused, stack discipline) and how many are in use. */
  scratch?: string[];
  scratchTop?: number;
}

/**
 * Generated lines carry their ML position as a marker right after the indentation:
 * `\u0001line:column\u0001`. JSON.stringify escapes U+0001 inside string literals, so the marker
 * never occurs in generated code itself; `finish()` strips the markers into the line map.
 */
const MARK = '\u0001';
const MARKED_LINE = new RegExp(`^( *)${MARK}(\\d+):(\\d+)${MARK}`);

export class GenContext {
  private buf: string[] = [];
  readonly positionData: number[] = [];
  private readonly positionIndex = new Map<string, number>();
  readonly constants: string[] = [];
  private readonly constantIndex = new Map<string, string>();
  readonly helpers = new Set<string>();
  readonly builtinsUsed = new Set<string>();
  readonly diagnostics: Diagnostic[] = [];
  private indentLevel = 0;
  private tempCounter = 0;
  /** The call an expression statement consists of: the statement already set `$p` for it. */
  statementCall: CallExpr | null = null;
  /** Set when a top-level `return` needs the `$top` label. */
  topReturn = false;
  /** Set when code stores call-site ids (`$U + k`), so the prelude declares `$U`. */
  usesSites = false;
  /** Debug-mode instrumentation (statement hooks, frames); null in run mode. */
  debug: DebugGen | null = null;
  fn!: FnState;

  constructor(
    readonly scopes: ScopeInfo,
    readonly file: string,
  ) {}

  /** Index of the ML position where `range` starts, in the emitted position table. */
  position(range: Range): number {
    const key = `${range.start.line}:${range.start.column}`;
    let i = this.positionIndex.get(key);
    if (i === undefined) {
      i = this.positionData.length / 2;
      this.positionData.push(range.start.line, range.start.column);
      this.positionIndex.set(key, i);
    }
    return i;
  }

  /** Emits one generated line, mapped to `range`'s start (or unmapped). */
  line(text: string, range: Range | null = null): void {
    const mark = range ? `${MARK}${range.start.line}:${range.start.column}${MARK}` : '';
    this.buf.push('  '.repeat(this.indentLevel) + mark + text);
  }

  /** Runs `gen` with a fresh line buffer and returns what it emitted (lines joined by `\n`). */
  capture(gen: () => void): string {
    const saved = this.buf;
    const level = this.indentLevel;
    this.buf = [];
    try {
      gen();
      return this.buf.join('\n');
    } finally {
      this.buf = saved;
      this.indentLevel = level;
    }
  }

  /** Appends already-indented lines (a captured chunk) as they are. */
  raw(text: string): void {
    this.buf.push(text);
  }

  /** The emitted lines without markers, and the ML position of each. */
  finish(): { lines: string[]; map: (MappedPosition | null)[] } {
    const lines: string[] = [];
    const map: (MappedPosition | null)[] = [];
    for (const chunk of this.buf) {
      for (const raw of chunk.split('\n')) {
        const m = MARKED_LINE.exec(raw);
        if (m) {
          lines.push(m[1] + raw.slice(m[0].length));
          map.push({ line: Number(m[2]), column: Number(m[3]) });
        } else {
          lines.push(raw);
          map.push(null);
        }
      }
    }
    return { lines, map };
  }

  indent(): void {
    this.indentLevel++;
  }

  dedent(): void {
    this.indentLevel--;
  }

  /** Local alias of runtime helper `name` (`add` → `$add`), recorded for the prelude. */
  helper(name: string): string {
    this.helpers.add(name);
    return `$${name}`;
  }

  builtin(name: string): string {
    this.builtinsUsed.add(name);
    return `$b_${name}`;
  }

  /** A hoisted constant expression (integral float literals), deduplicated. */
  constant(expr: string): string {
    let name = this.constantIndex.get(expr);
    if (name === undefined) {
      name = `$c${this.constants.length}`;
      this.constants.push(expr);
      this.constantIndex.set(expr, name);
    }
    return name;
  }

  /** A fresh temporary of the current function. */
  temp(): string {
    const t = `$t${this.tempCounter++}`;
    this.fn.temps.push(t);
    return t;
  }

  /**
   * A scratch temporary of the current function, live until `releaseScratch(mark)` with a mark
   * taken before it: an operand evaluated once inside one expression. Reused across expressions.
   */
  scratch(): string {
    const fn = this.fn;
    const pool = (fn.scratch ??= []);
    const top = fn.scratchTop ?? 0;
    if (top === pool.length) pool.push(this.temp());
    fn.scratchTop = top + 1;
    return pool[top]!;
  }

  scratchMark(): number {
    return this.fn.scratchTop ?? 0;
  }

  releaseScratch(mark: number): void {
    this.fn.scratchTop = mark;
  }

  error(message: string, range: Range): void {
    this.diagnostics.push({ code: 'ML900', severity: 'error', message, range, source: 'transpiler' });
  }
}

/** The JS name of ML variable `name`. */
export function varName(name: string): string {
  return `$v_${name}`;
}
