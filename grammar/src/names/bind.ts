// Second step of name resolution: turns raw bindings into symbols, scope by scope from the root down.
// A name assigned anywhere in a function is local to it unless the function declares it `nonlocal`,
// in which case the writes are declarations of the enclosing binding (ML-LANGUAGE.md §5).
import type { Diagnostic } from '../diagnostics.js';
import type { Collected } from './collect.js';
import type { IntColumn } from './columns.js';
import { NAME_CODES, nameDiagnostic } from './messages.js';
import type { SymbolTable } from './symbol-table.js';
import type { MlSymbol, Scope } from './types.js';

export interface ChainHit {
  symbol: MlSymbol;
  /** The scope where the name was found. */
  scope: Scope;
  /** True when found as a local of `scope`, false when through its `nonlocal` declaration. */
  local: boolean;
}

/** The binding of `name` visible from `scope` through locals and `nonlocal` declarations, if any. */
export function lookupInChain(scope: Scope | null, name: string): ChainHit | undefined {
  for (let s = scope; s; s = s.parent) {
    const target = s.nonlocals.size > 0 ? s.nonlocals.get(name) : undefined;
    if (target) return { symbol: target, scope: s, local: false };
    const local = s.symbols.get(name);
    if (local) return { symbol: local, scope: s, local: true };
  }
  return undefined;
}

/**
 * The symbols bind.ts gave the binding and `nonlocal` occurrences, by their index in Collected,
 * with the rank of each occurrence in the order bindings are declared (scopes in pre-order, each
 * scope's bindings by offset, then its `nonlocal` names; stray ones last).
 */
export interface Bound {
  bindingSymbols: MlSymbol[];
  bindingRanks: number[];
  nonlocalSymbols: MlSymbol[];
  nonlocalRanks: number[];
  straySymbols: MlSymbol[];
  strayRanks: number[];
  /** Number of ranks given out. */
  ranks: number;
}

/** Indices 0..count-1 grouped by scope id, in index order within each scope (a counting sort). */
interface ByScope {
  /** Scope s owns items[starts[s]] .. items[starts[s + 1] - 1]. */
  starts: Int32Array;
  items: Int32Array;
}

function groupByScope(count: number, scopes: number, scopeOf: (i: number) => number): ByScope {
  const starts = new Int32Array(scopes + 1);
  for (let i = 0; i < count; i++) starts[scopeOf(i) + 1]!++;
  for (let s = 0; s < scopes; s++) starts[s + 1]! += starts[s]!;
  const next = starts.slice(0, scopes);
  const items = new Int32Array(count);
  for (let i = 0; i < count; i++) items[next[scopeOf(i)]!++] = i;
  return { starts, items };
}

/**
 * Orders the binding indices of scope `id` by identifier offset in place (they are grouped in
 * traversal order, which is that order except in recovery copies; the sort is stable).
 */
function sortBindings(groups: ByScope, id: number, offsets: IntColumn): void {
  const items = groups.items;
  const from = groups.starts[id]!;
  const to = groups.starts[id + 1]!;
  for (let i = from + 1; i < to; i++) {
    if (offsets.at(items[i]!) < offsets.at(items[i - 1]!)) {
      const sorted = Array.from(items.subarray(from, to)).sort((a, b) => offsets.at(a) - offsets.at(b));
      items.set(sorted, from);
      return;
    }
  }
}

export function bindScopes(collected: Collected, table: SymbolTable, diagnostics: Diagnostic[]): Bound {
  const { bindings, nonlocals } = collected;
  const bound: Bound = {
    bindingSymbols: new Array<MlSymbol>(bindings.length),
    bindingRanks: new Array<number>(bindings.length),
    nonlocalSymbols: new Array<MlSymbol>(nonlocals.length),
    nonlocalRanks: new Array<number>(nonlocals.length),
    straySymbols: [],
    strayRanks: [],
    ranks: 0,
  };

  const scopeCount = collected.scopes.length;
  const bindingsByScope = groupByScope(bindings.length, scopeCount, (i) => bindings[i]!.scope.id);
  const nonlocalsByScope = groupByScope(nonlocals.length, scopeCount, (i) => nonlocals[i]!.scope.id);

  // Scopes are in pre-order, so every enclosing scope is complete before its children look into it.
  for (const scope of collected.scopes) {
    const id = scope.id;
    sortBindings(bindingsByScope, id, collected.bindingOffsets);
    const bindingsFrom = bindingsByScope.starts[id]!;
    const bindingsTo = bindingsByScope.starts[id + 1]!;
    const nonlocalsFrom = nonlocalsByScope.starts[id]!;
    const nonlocalsTo = nonlocalsByScope.starts[id + 1]!;
    if (nonlocalsTo > nonlocalsFrom) {
      declareNonlocals(
        scope,
        nonlocalsByScope.items.subarray(nonlocalsFrom, nonlocalsTo),
        collected,
        bindingsByScope.items.subarray(bindingsFrom, bindingsTo),
        diagnostics,
      );
    }

    for (let k = bindingsFrom; k < bindingsTo; k++) {
      const i = bindingsByScope.items[k]!;
      const raw = bindings[i]!;
      const name = raw.identifier.name;
      const symbol =
        scope.nonlocals.get(name) ??
        scope.symbols.get(name) ??
        table.local(name, raw.kind, scope, raw.kind === 'import' ? collected.importInfo.get(raw) : undefined);
      symbol.declarations.push(raw);
      bound.bindingSymbols[i] = symbol;
      bound.bindingRanks[i] = bound.ranks++;
    }

    for (let k = nonlocalsFrom; k < nonlocalsTo; k++) {
      const i = nonlocalsByScope.items[k]!;
      const { identifier } = nonlocals[i]!;
      const symbol = scope.nonlocals.get(identifier.name) ?? scope.symbols.get(identifier.name);
      bound.nonlocalSymbols[i] = symbol ?? table.global(identifier.name);
      bound.nonlocalRanks[i] = bound.ranks++;
    }
  }
  const root = collected.scopes[0]!;
  for (const identifier of collected.strayNonlocals) {
    bound.straySymbols.push(root.symbols.get(identifier.name) ?? table.global(identifier.name));
    bound.strayRanks.push(bound.ranks++);
  }
  return bound;
}

/** Resolves the scope's `nonlocal` names to the enclosing bindings, reporting those that fail. */
function declareNonlocals(
  scope: Scope,
  nonlocalIds: Int32Array,
  collected: Collected,
  bindingIndices: Int32Array,
  diagnostics: Diagnostic[],
): void {
  const parameters = new Set<string>();
  for (const i of bindingIndices) {
    const b = collected.bindings[i]!;
    if (b.kind === 'parameter') parameters.add(b.identifier.name);
  }
  for (const i of nonlocalIds) {
    const { identifier } = collected.nonlocals[i]!;
    const name = identifier.name;
    if (scope.nonlocals.has(name)) continue;
    if (parameters.has(name)) {
      diagnostics.push(
        nameDiagnostic(
          NAME_CODES.nonlocalParameter,
          'error',
          `'${name}' is a parameter of this function and cannot also be declared nonlocal`,
          identifier.range,
        ),
      );
      continue;
    }
    const found = lookupInChain(scope.parent, name);
    scope.nonlocals.set(name, found?.symbol ?? null);
    if (!found) {
      diagnostics.push(
        nameDiagnostic(
          NAME_CODES.nonlocalUnbound,
          'error',
          `No binding for nonlocal '${name}' in an enclosing function or at the top level`,
          identifier.range,
        ),
      );
    }
  }
}
