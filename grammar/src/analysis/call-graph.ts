// Transitive capability needs per user function: the scan units of the analysed file and of every
// user module it imports (through the injected loader), linked by their calls, solved by strongly
// connected components in reverse topological order (recursion needs no iteration to a fixpoint).
import { resolve } from '../names/resolve.js';
import type { Program } from '../syntax/ast.js';
import { scanCapabilities, type ScanResult, type ScanUnit } from './capability-scan.js';
import { StaticValues } from './static-values.js';
import type { LoadedModule, ModuleLoader } from './types.js';

/** Modules beyond this many are not loaded (a bound on work for pathological import graphs). */
const MAX_MODULES = 256;

export interface GraphModule {
  /** undefined for the analysed file. */
  file: string | undefined;
  scan: ScanResult;
  /** Top-level functions by name (the last definition wins, as at run time). */
  functions: Map<string, ScanUnit>;
  /** Imported user modules by dotted path as written. */
  imports: Map<string, GraphModule | undefined>;
}

export interface CallGraph {
  main: GraphModule;
  sets: CapabilitySets;
  /** What each unit needs, itself and through everything it calls (a bitset over `sets`). */
  transitive: Map<ScanUnit, Uint32Array>;
  /** Units reachable from the analysed file's units (its own included). */
  reachable: Set<ScanUnit>;
  calls(unit: ScanUnit): ScanUnit[];
}

function topLevelFunctions(program: Program, scan: ScanResult): Map<string, ScanUnit> {
  const byNode = new Map<unknown, ScanUnit>();
  for (const u of scan.units) if (u.node) byNode.set(u.node, u);
  const map = new Map<string, ScanUnit>();
  for (const stmt of program.body) {
    if (stmt.kind !== 'FunctionDef') continue;
    const unit = byNode.get(stmt);
    if (unit) map.set(stmt.name.name, unit);
  }
  return map;
}

function userImports(program: Program): string[][] {
  const out: string[][] = [];
  for (const stmt of program.body) if (stmt.kind === 'ImportStmt') out.push(stmt.path.map((p) => p.name));
  return out;
}

export function buildCallGraph(
  mainScan: ScanResult,
  mainProgram: Program,
  root: string | undefined,
  file: string | undefined,
  loader: ModuleLoader | undefined,
  stdlibModules: ReadonlySet<string>,
): CallGraph {
  const loaded = new Map<string, GraphModule>();
  const newModule = (f: string | undefined, scan: ScanResult, program: Program): GraphModule => ({
    file: f,
    scan,
    functions: topLevelFunctions(program, scan),
    imports: new Map(),
  });
  const fillImports = (m: GraphModule, program: Program): void => {
    for (const path of userImports(program)) {
      if (path.length === 1 && stdlibModules.has(path[0]!)) continue;
      m.imports.set(path.join('.'), loader && loaded.size < MAX_MODULES ? load(path, m.file) : undefined);
    }
  };
  const load = (path: readonly string[], from: string | undefined): GraphModule | undefined => {
    let mod: LoadedModule | undefined;
    try {
      mod = loader!.load(path, from);
    } catch {
      // A failing host loader means "module not available": the analysis itself must not throw.
      return undefined;
    }
    if (!mod) return undefined;
    const existing = loaded.get(mod.file);
    if (existing) return existing;
    const resolution = mod.resolution ?? resolve(mod.program);
    const m = newModule(
      mod.file,
      scanCapabilities(mod.program, new StaticValues(resolution), root, mod.file),
      mod.program,
    );
    // Registered before its own imports load, so import cycles end here.
    loaded.set(mod.file, m);
    fillImports(m, mod.program);
    return m;
  };
  const main = newModule(file, mainScan, mainProgram);
  if (file !== undefined) loaded.set(file, main);
  fillImports(main, mainProgram);

  const unitModule = new Map<ScanUnit, GraphModule>();
  for (const m of new Set([main, ...loaded.values()])) for (const u of m.scan.units) unitModule.set(u, m);
  const localUnits = new Map<unknown, ScanUnit>();
  for (const u of unitModule.keys()) if (u.node) localUnits.set(u.node, u);

  const callsCache = new Map<ScanUnit, ScanUnit[]>();
  const calls = (unit: ScanUnit): ScanUnit[] => {
    let out = callsCache.get(unit);
    if (out) return out;
    out = [];
    for (const edge of unit.edges) {
      const target =
        edge.kind === 'local'
          ? localUnits.get(edge.node)
          : unitModule.get(unit)?.imports.get(edge.path.join('.'))?.functions.get(edge.name);
      if (target) out.push(target);
    }
    callsCache.set(unit, out);
    return out;
  };

  const sets = new CapabilitySets(unitModule.keys());
  const transitive = solve([...unitModule.keys()], calls, sets);
  const reachable = new Set<ScanUnit>();
  const stack = [...main.scan.units];
  while (stack.length > 0) {
    const u = stack.pop()!;
    if (reachable.has(u)) continue;
    reachable.add(u);
    for (const c of calls(u)) stack.push(c);
  }
  return { main, sets, transitive, reachable, calls };
}

/**
 * Capability sets as bitsets over the sorted list of every capability string in the graph: unions
 * are word-wise ORs and listing a set yields its strings already sorted.
 */
export class CapabilitySets {
  readonly names: readonly string[];
  private readonly rank = new Map<string, number>();
  private readonly words: number;

  constructor(units: Iterable<ScanUnit>) {
    const all = new Set<string>();
    for (const u of units) for (const use of u.uses) all.add(use.capability);
    this.names = [...all].sort();
    this.names.forEach((n, i) => this.rank.set(n, i));
    this.words = Math.max(1, Math.ceil(this.names.length / 32));
  }

  empty(): Uint32Array {
    return new Uint32Array(this.words);
  }

  direct(unit: ScanUnit): Uint32Array {
    const bits = this.empty();
    for (const use of unit.uses) {
      const i = this.rank.get(use.capability)!;
      bits[i >>> 5]! |= 1 << (i & 31);
    }
    return bits;
  }

  list(bits: Uint32Array): string[] {
    // Exact size (these lists are a large part of the result for long call chains).
    let n = 0;
    for (let w = 0; w < bits.length; w++) n += popcount(bits[w]!);
    const out = new Array<string>(n);
    let i = 0;
    for (let w = 0; w < bits.length; w++) {
      let x = bits[w]!;
      while (x !== 0) {
        const low = x & -x;
        out[i++] = this.names[w * 32 + 31 - Math.clz32(low)]!;
        x ^= low;
      }
    }
    return out;
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

function orInto(target: Uint32Array, source: Uint32Array): void {
  for (let i = 0; i < target.length; i++) target[i]! |= source[i]!;
}

/** Tarjan's SCCs (iterative); each component gets the union of its members and its successors. */
function solve(
  units: readonly ScanUnit[],
  calls: (u: ScanUnit) => ScanUnit[],
  sets: CapabilitySets,
): Map<ScanUnit, Uint32Array> {
  const index = new Map<ScanUnit, number>();
  const low = new Map<ScanUnit, number>();
  const onStack = new Set<ScanUnit>();
  const stack: ScanUnit[] = [];
  const result = new Map<ScanUnit, Uint32Array>();
  let counter = 0;

  for (const start of units) {
    if (index.has(start)) continue;
    const work: { unit: ScanUnit; next: number }[] = [{ unit: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const succ = calls(frame.unit);
      if (frame.next < succ.length) {
        const w = succ[frame.next++]!;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ unit: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.unit, Math.min(low.get(frame.unit)!, index.get(w)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.unit, Math.min(low.get(parent.unit)!, low.get(frame.unit)!));
      if (low.get(frame.unit) !== index.get(frame.unit)) continue;
      const members: ScanUnit[] = [];
      let w: ScanUnit;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== frame.unit);
      const bits = sets.empty();
      for (const m of members) {
        orInto(bits, sets.direct(m));
        for (const c of calls(m)) {
          const done = result.get(c);
          if (done) orInto(bits, done);
        }
      }
      for (const m of members) result.set(m, bits);
    }
  }
  return result;
}
