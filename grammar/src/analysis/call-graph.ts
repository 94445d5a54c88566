// Transitive capability needs per user function: the scan units of the analysed file and of every
// user module it imports (through the injected loader), linked by their calls, solved by strongly
// connected components in reverse topological order (recursion needs no iteration to a fixpoint).
import { resolve } from '../names/resolve.js';
import type { FunctionDef, Program } from '../syntax/ast.js';
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
  /** What a unit needs, itself and through everything it calls (a bitset over `sets`; shared, never written). */
  transitive(unit: ScanUnit): Uint32Array | undefined;
  /** Units of imported modules reachable from the analysed file's units, in the order they are first reached. */
  moduleUnitsReached: ScanUnit[];
}

function topLevelFunctions(program: Program, byNode: ReadonlyMap<FunctionDef, ScanUnit>): Map<string, ScanUnit> {
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

function unitsByNode(scan: ScanResult): Map<FunctionDef, ScanUnit> {
  const byNode = new Map<FunctionDef, ScanUnit>();
  for (const u of scan.units) if (u.node) byNode.set(u.node, u);
  return byNode;
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
  let mainByNode: Map<FunctionDef, ScanUnit> | undefined;
  const newModule = (f: string | undefined, scan: ScanResult, program: Program): GraphModule => {
    const byNode = unitsByNode(scan);
    mainByNode ??= byNode;
    return { file: f, scan, functions: topLevelFunctions(program, byNode), imports: new Map() };
  };
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

  // Every unit gets a dense number: the solver works on arrays indexed by it.
  const modules = [...new Set([main, ...loaded.values()])];
  const units: ScanUnit[] = [];
  const moduleOf: GraphModule[] = [];
  const number = new Map<ScanUnit, number>();
  for (const m of modules) {
    for (const u of m.scan.units) {
      if (number.has(u)) continue;
      number.set(u, units.length);
      units.push(u);
      moduleOf.push(m);
    }
  }

  // Functions by node over all modules (a later module's entry wins, as for a shared program).
  let localUnits = mainByNode!;
  if (modules.length > 1) {
    localUnits = new Map();
    for (const u of units) if (u.node) localUnits.set(u.node, u);
  }

  const successors: (number[] | undefined)[] = new Array<number[] | undefined>(units.length);
  const successorsOf = (i: number): number[] => {
    let out = successors[i];
    if (out) return out;
    out = [];
    for (const edge of units[i]!.edges) {
      const target =
        edge.kind === 'local'
          ? localUnits.get(edge.node)
          : moduleOf[i]!.imports.get(edge.path.join('.'))?.functions.get(edge.name);
      const t = target === undefined ? undefined : number.get(target);
      if (t !== undefined) out.push(t);
    }
    successors[i] = out;
    return out;
  };

  const sets = new CapabilitySets(units);
  const transitive = solve(units, successorsOf, sets);

  const moduleUnitsReached: ScanUnit[] = [];
  if (modules.length > 1) {
    // Depth-first from the analysed file's units (the last one first), in the order units are first reached.
    const seen = new Uint8Array(units.length);
    const stack: number[] = [];
    for (const u of main.scan.units) stack.push(number.get(u)!);
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (seen[i]) continue;
      seen[i] = 1;
      if (moduleOf[i] !== main) moduleUnitsReached.push(units[i]!);
      for (const c of successorsOf(i)) stack.push(c);
    }
  }
  return {
    main,
    sets,
    transitive: (unit) => {
      const i = number.get(unit);
      return i === undefined ? undefined : transitive[i];
    },
    moduleUnitsReached,
  };
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
    this.none = this.empty();
  }

  empty(): Uint32Array {
    return new Uint32Array(this.words);
  }

  /** The empty set (shared: never written). */
  readonly none: Uint32Array;

  /** Adds the capabilities of the unit's own uses to `bits`. */
  addDirect(unit: ScanUnit, bits: Uint32Array): void {
    for (const use of unit.uses) {
      const i = this.rank.get(use.capability)!;
      bits[i >>> 5]! |= 1 << (i & 31);
    }
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

/**
 * Tarjan's SCCs (iterative, over unit numbers); each component gets the union of its members and
 * their successors.
 */
function solve(units: readonly ScanUnit[], successorsOf: (i: number) => number[], sets: CapabilitySets): Uint32Array[] {
  const n = units.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result = new Array<Uint32Array>(n);
  // The depth-first path: a unit and how many of its successors were visited.
  const work: number[] = [];
  const next: number[] = [];
  let counter = 0;

  for (let start = 0; start < n; start++) {
    if (index[start] !== -1) continue;
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    work.push(start);
    next.push(0);
    while (work.length > 0) {
      const top = work.length - 1;
      const v = work[top]!;
      const succ = successorsOf(v);
      if (next[top]! < succ.length) {
        const w = succ[next[top]!++]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push(w);
          next.push(0);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      work.pop();
      next.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] !== index[v]) continue;
      const from = stack.lastIndexOf(v);
      for (let k = from; k < stack.length; k++) onStack[stack[k]!] = 0;
      const members = stack.splice(from);
      result[v] = componentBits(members, units, successorsOf, result, sets);
      for (const m of members) result[m] = result[v]!;
    }
  }
  return result;
}

function componentBits(
  members: readonly number[],
  units: readonly ScanUnit[],
  successorsOf: (i: number) => number[],
  result: readonly Uint32Array[],
  sets: CapabilitySets,
): Uint32Array {
  // Sets are shared until something has to be added to them (most functions add nothing to what
  // they call, or call nothing and use nothing): only `owned` arrays are ever written.
  let bits: Uint32Array | null = null;
  let owned = false;
  const own = (): Uint32Array => {
    if (!owned) {
      bits = bits ? bits.slice() : sets.empty();
      owned = true;
    }
    return bits!;
  };
  for (const m of members) {
    if (units[m]!.uses.length > 0) sets.addDirect(units[m]!, own());
    for (const c of successorsOf(m)) {
      const done = result[c];
      if (!done || done === bits) continue;
      if (bits === null) bits = done;
      else orInto(own(), done);
    }
  }
  return bits ?? sets.none;
}
