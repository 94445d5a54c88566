// Breakpoints of a debug session: line breakpoints placed on executable lines (moved to the next
// one otherwise), conditions, hit conditions and logpoint messages compiled for the agent,
// function breakpoints by ML name, and the exception filters. Lines are 0-based. No DAP types.
import { compileDebugExpression, compileLogMessage, type DebugExpr, type LogPart } from '@mlsec/grammar';
import type { AgentBreakpoint, AgentConfig, AgentFunctionBreakpoint, HitCondition } from '../protocol.js';
import { placeLine, type UnitCatalog } from './units.js';

export interface LineBreakpointSpec {
  line: number;
  condition?: string | undefined;
  hitCondition?: string | undefined;
  logMessage?: string | undefined;
}

export interface FunctionBreakpointSpec {
  name: string;
  condition?: string | undefined;
  hitCondition?: string | undefined;
}

/** What the client is told about a breakpoint (line/column 0-based). */
export interface BreakpointState {
  id: number;
  verified: boolean;
  line?: number;
  column?: number;
  message?: string;
}

export type ExceptionFilterId = 'uncaught' | 'all' | 'denied';

interface Compiled {
  cond?: DebugExpr;
  hit?: HitCondition;
  log?: LogPart[];
  error?: string;
}

interface LineEntry {
  spec: LineBreakpointSpec;
  id: number;
  compiled: Compiled;
}

interface FunctionEntry {
  spec: FunctionBreakpointSpec;
  id: number;
  compiled: Compiled;
}

/** `>= 3`, `% 2`, `== 5`, `5` (the 5th hit, as in VS Code's JavaScript debugger). */
export function parseHitCondition(text: string): HitCondition | null {
  const m = /^\s*(>=|>|===?|=|<=|<|%)?\s*(\d+)\s*$/.exec(text);
  if (!m) return null;
  const op = m[1] === undefined || m[1].startsWith('=') ? '==' : (m[1] as HitCondition['op']);
  return { op, n: Number(m[2]) };
}

function compile(spec: {
  condition?: string | undefined;
  hitCondition?: string | undefined;
  logMessage?: string | undefined;
}): Compiled {
  const out: Compiled = {};
  if (spec.condition !== undefined && spec.condition.trim() !== '') {
    const c = compileDebugExpression(spec.condition);
    if (!c.ok) return { error: `condition: ${c.message}` };
    out.cond = c.value;
  }
  if (spec.hitCondition !== undefined && spec.hitCondition.trim() !== '') {
    const h = parseHitCondition(spec.hitCondition);
    if (!h) return { error: `hit count '${spec.hitCondition}' is not understood (use e.g. '>= 3', '% 2', '== 5')` };
    out.hit = h;
  }
  if (spec.logMessage !== undefined && spec.logMessage !== '') {
    const l = compileLogMessage(spec.logMessage);
    if (!l.ok) return { error: `log message: ${l.message}` };
    out.log = l.value;
  }
  return out;
}

const sameSpec = (a: object, b: object): boolean => JSON.stringify(a) === JSON.stringify(b);

export class BreakpointStore {
  private readonly lines = new Map<string, LineEntry[]>();
  private functions: FunctionEntry[] = [];
  private nextId = 1;
  readonly exceptions = { all: false, uncaught: true, denied: true };

  /** Replaces the line breakpoints of `file` (absolute); keeps ids (and hit counts) of unchanged ones. */
  setLines(file: string, specs: readonly LineBreakpointSpec[], catalog: UnitCatalog): BreakpointState[] {
    const old = this.lines.get(file) ?? [];
    const entries = specs.map((spec) => {
      const kept = old.find((e) => sameSpec(e.spec, spec));
      return kept ?? { spec, id: this.nextId++, compiled: compile(spec) };
    });
    this.lines.set(file, entries);
    return entries.map((e) => this.lineState(file, e, catalog));
  }

  setFunctions(specs: readonly FunctionBreakpointSpec[], catalog: UnitCatalog): BreakpointState[] {
    const old = this.functions;
    this.functions = specs.map(
      (spec) => old.find((e) => sameSpec(e.spec, spec)) ?? { spec, id: this.nextId++, compiled: compile(spec) },
    );
    return this.functions.map((e) => this.functionState(e, catalog));
  }

  setExceptionFilters(filters: readonly string[]): void {
    this.exceptions.all = filters.includes('all');
    this.exceptions.uncaught = filters.includes('uncaught');
    this.exceptions.denied = filters.includes('denied');
  }

  /** Current state of every breakpoint (after the run compiled its units, placement may change). */
  states(catalog: UnitCatalog): BreakpointState[] {
    const out: BreakpointState[] = [];
    for (const [file, entries] of this.lines) for (const e of entries) out.push(this.lineState(file, e, catalog));
    for (const e of this.functions) out.push(this.functionState(e, catalog));
    return out;
  }

  private lineState(file: string, e: LineEntry, catalog: UnitCatalog): BreakpointState {
    if (e.compiled.error) return { id: e.id, verified: false, line: e.spec.line, message: e.compiled.error };
    const unit = catalog.forFile(file);
    if (!unit)
      return { id: e.id, verified: false, line: e.spec.line, message: 'this file cannot be compiled (syntax errors?)' };
    const site = placeLine(unit, e.spec.line);
    if (!site)
      return {
        id: e.id,
        verified: false,
        line: e.spec.line,
        message: 'no executable ML statement at or after this line',
      };
    return { id: e.id, verified: true, line: site.line, column: site.column };
  }

  private functionState(e: FunctionEntry, catalog: UnitCatalog): BreakpointState {
    if (e.compiled.error) return { id: e.id, verified: false, message: e.compiled.error };
    for (const unit of catalog.all()) {
      const fn = unit.info.functions.find((f) => f.name === e.spec.name);
      if (fn) return { id: e.id, verified: true, line: fn.line, column: fn.column };
    }
    return { id: e.id, verified: false, message: `no ML function named '${e.spec.name}' has been found yet` };
  }

  /** The agent's configuration for the run's units. */
  agentConfig(catalog: UnitCatalog): AgentConfig {
    const breakpoints: Record<string, AgentBreakpoint[]> = {};
    for (const unit of catalog.runUnits()) {
      const list: AgentBreakpoint[] = [];
      for (const e of this.lines.get(unit.file) ?? []) {
        if (e.compiled.error) continue;
        const site = placeLine(unit, e.spec.line);
        if (!site) continue;
        list.push({ id: e.id, k: site.k, ...withoutError(e.compiled) });
      }
      if (list.length > 0) breakpoints[unit.shown] = list;
    }
    const functionBreakpoints: AgentFunctionBreakpoint[] = this.functions
      .filter((e) => !e.compiled.error)
      .map((e) => ({ id: e.id, name: e.spec.name, ...withoutError(e.compiled) }));
    return { breakpoints, functionBreakpoints, exceptions: { ...this.exceptions } };
  }
}

function withoutError(c: Compiled): Omit<Compiled, 'error'> {
  return {
    ...(c.cond ? { cond: c.cond } : {}),
    ...(c.hit ? { hit: c.hit } : {}),
    ...(c.log ? { log: c.log } : {}),
  };
}
