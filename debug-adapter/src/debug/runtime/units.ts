// The ML files of a debug session as the debugger knows them: hook sites (executable lines) and
// functions per file, from the run's own debug-mode compilation or, before the run has compiled
// them, from compiling the file on disk the same way. Lines and columns are 0-based here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, transpile, type DebugUnitInfo } from '@mlsec/grammar';

export interface KnownUnit {
  /** Absolute path. */
  file: string;
  /** The file name the unit was transpiled with (the agent's key for it). */
  shown: string;
  moduleName: string | null;
  info: DebugUnitInfo;
  /** Hook sites as (line, column, position index), sorted by line then column. */
  sites: { line: number; column: number; k: number }[];
}

function sitesOf(info: DebugUnitInfo): KnownUnit['sites'] {
  return info.hooks.map((k) => ({ line: info.positions[2 * k]!, column: info.positions[2 * k + 1]!, k }));
}

export function knownUnit(file: string, shown: string, moduleName: string | null, info: DebugUnitInfo): KnownUnit {
  return { file, shown, moduleName, info, sites: sitesOf(info) };
}

export class UnitCatalog {
  /** Units of the current run, by absolute path (authoritative once compiled). */
  private readonly run = new Map<string, KnownUnit>();
  /** Files compiled from disk for breakpoint placement before the run compiled them. */
  private readonly disk = new Map<string, KnownUnit | null>();

  constructor(private readonly root: string) {}

  /** Forgets the run's units (a restart compiles them again). */
  resetRun(): void {
    this.run.clear();
    this.disk.clear();
  }

  addRunUnit(unit: KnownUnit): void {
    this.run.set(unit.file, unit);
  }

  runUnits(): KnownUnit[] {
    return [...this.run.values()];
  }

  byShown(shown: string): KnownUnit | undefined {
    for (const u of this.run.values()) if (u.shown === shown) return u;
    return undefined;
  }

  /** The unit for a file: the run's, else compiled from disk (null when it cannot be compiled). */
  forFile(file: string): KnownUnit | null {
    const abs = path.resolve(file);
    const fromRun = this.run.get(abs);
    if (fromRun) return fromRun;
    if (!this.disk.has(abs)) this.disk.set(abs, this.compileFromDisk(abs));
    return this.disk.get(abs) ?? null;
  }

  private compileFromDisk(file: string): KnownUnit | null {
    let source: string;
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      return null;
    }
    const parsed = parse(source);
    if (parsed.diagnostics.some((d) => d.severity === 'error')) return null;
    const shown = path.relative(this.root, file) || path.basename(file);
    const out = transpile(parsed.program, { file: shown, debug: true });
    return out.debug ? knownUnit(file, shown, null, out.debug) : null;
  }

  /** Every unit known so far (the run's first). */
  all(): KnownUnit[] {
    const out = [...this.run.values()];
    for (const u of this.disk.values()) if (u && !this.run.has(u.file)) out.push(u);
    return out;
  }
}

/** The first hook site on `line` or, failing that, on the next line that has one. */
export function placeLine(unit: KnownUnit, line: number): { line: number; column: number; k: number } | null {
  let best: KnownUnit['sites'][number] | null = null;
  for (const s of unit.sites) {
    if (s.line < line) continue;
    if (best === null || s.line < best.line || (s.line === best.line && s.column < best.column)) best = s;
  }
  return best;
}
