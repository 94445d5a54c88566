// The order in which the data-flow engine takes up queued functions: callees before their callers
// (the call graph's strongly connected components in reverse topological order), so that a function
// is mostly evaluated once its callees' return summaries are complete. Only speed depends on it: the
// engine's result does not depend on the order of work (see flow-taint.ts).
import type { FunctionDef } from '../syntax/ast.js';
import type { ScanUnit } from './capability-scan.js';

/**
 * By named function (null: the top level), its component's number: callees' components have lower
 * numbers than their callers'. Iterative Tarjan over the scan's local call edges.
 */
export function calleeFirstRanks(units: readonly ScanUnit[]): Map<FunctionDef | null, number> {
  const n = units.length;
  const numberOf = new Map<FunctionDef | null, number>();
  units.forEach((u, i) => numberOf.set(u.node, i));
  const successors: number[][] = units.map((u) => {
    const out: number[] = [];
    for (const e of u.edges) {
      if (e.kind !== 'local') continue;
      const j = numberOf.get(e.node);
      if (j !== undefined) out.push(j);
    }
    return out;
  });
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const component = new Int32Array(n);
  const stack: number[] = [];
  const frames: number[] = []; // pairs: node, next successor position
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    frames.push(root, 0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (frames.length > 0) {
      const v = frames[frames.length - 2]!;
      const pos = frames[frames.length - 1]!;
      const succ = successors[v]!;
      if (pos < succ.length) {
        frames[frames.length - 1] = pos + 1;
        const w = succ[pos]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          frames.push(w, 0);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frames.length -= 2;
      if (frames.length > 0) {
        const parent = frames[frames.length - 2]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
      if (low[v] === index[v]) {
        // Components are completed callees first.
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  const ranks = new Map<FunctionDef | null, number>();
  units.forEach((u, i) => ranks.set(u.node, component[i]!));
  return ranks;
}
