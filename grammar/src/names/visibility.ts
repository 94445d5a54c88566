// The source-order rule and the set of names visible at a point.
// Code of a scope runs in source order, so a local of that scope is visible to the scope's own code
// only after a binding of it (or anywhere inside a loop that also binds it: a later iteration sees
// it). Code of nested functions runs later, so it sees every binding of its enclosing scopes.
import type { Node } from '../syntax/ast.js';
import { IMPLICIT_NAMES, type SymbolTable } from './symbol-table.js';
import type { Declaration, MlSymbol, Scope } from './types.js';

/** Per symbol and binding scope: the earliest effective offset and the loops holding a binding. */
interface BindingSummary {
  earliest: number;
  /** Made when a binding sits in a loop. */
  loops: Set<Node> | null;
}

// Declarations are final once bind.ts is done, so the summaries can be cached per symbol; this keeps
// a file with thousands of reassignments of one name linear instead of quadratic.
const summaries = new WeakMap<MlSymbol, Map<Scope, BindingSummary>>();

function summary(symbol: MlSymbol, scope: Scope): BindingSummary | undefined {
  let byScope = summaries.get(symbol);
  if (!byScope) {
    byScope = new Map();
    for (const d of symbol.declarations) {
      let s = byScope.get(d.scope);
      if (!s) byScope.set(d.scope, (s = { earliest: d.effectiveOffset, loops: null }));
      s.earliest = Math.min(s.earliest, d.effectiveOffset);
      if (d.outerLoop) (s.loops ??= new Set()).add(d.outerLoop);
    }
    summaries.set(symbol, byScope);
  }
  return byScope.get(scope);
}

/** Whether code of `scope` at `offset` (inside `outerLoop`, if any) can see `symbol` bound by `scope`. */
export function boundBefore(symbol: MlSymbol, scope: Scope, offset: number, outerLoop: Node | null): boolean {
  const s = summary(symbol, scope);
  return (
    s !== undefined && (s.earliest <= offset || (outerLoop !== null && s.loops !== null && s.loops.has(outerLoop)))
  );
}

/** The first binding of `symbol` made by `scope` (for "assigned only later (line N)" messages). */
export function firstOwnDeclaration(symbol: MlSymbol, scope: Scope): Declaration | undefined {
  return symbol.declarations.find((d) => d.scope === scope);
}

/** The outermost loop of `scope` containing `offset`, from the collected loop lists. */
export function outerLoopAt(loops: readonly Node[] | undefined, offset: number): Node | null {
  for (const loop of loops ?? []) {
    if (loop.range.start.offset <= offset && offset < loop.range.end.offset) return loop;
  }
  return null;
}

/**
 * Symbols visible from code of `scope` at `offset`: innermost binding per name first, then predefined
 * names, builtins and null/undefined. Order: scope chain from inside out, each scope's names in
 * binding order, then the global names sorted.
 */
export function visibleSymbols(scope: Scope, offset: number, outerLoop: Node | null, table: SymbolTable): MlSymbol[] {
  const byName = new Map<string, MlSymbol>();
  for (let s: Scope | null = scope; s; s = s.parent) {
    for (const [name, target] of s.nonlocals) {
      if (target && !byName.has(name)) byName.set(name, target);
    }
    for (const [name, symbol] of s.symbols) {
      if (byName.has(name)) continue;
      if (s === scope && !boundBefore(symbol, scope, offset, outerLoop)) continue;
      byName.set(name, symbol);
    }
  }
  const globals = [...table.predefined, ...table.builtins, ...IMPLICIT_NAMES].sort();
  for (const name of globals) {
    if (!byName.has(name)) byName.set(name, table.global(name));
  }
  return [...byName.values()];
}
