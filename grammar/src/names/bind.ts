// Second step of name resolution: turns raw bindings into symbols, scope by scope from the root down.
// A name assigned anywhere in a function is local to it unless the function declares it `nonlocal`,
// in which case the writes are declarations of the enclosing binding (ML-LANGUAGE.md §5).
import type { Diagnostic } from '../diagnostics.js';
import type { Collected } from './collect.js';
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

/** The scope's binding indices ordered by identifier offset (already so, except in recovery copies). */
function sortedBindings(indices: number[], offsets: readonly number[]): number[] {
  for (let i = 1; i < indices.length; i++) {
    if (offsets[indices[i]!]! < offsets[indices[i - 1]!]!) {
      return [...indices].sort((a, b) => offsets[a]! - offsets[b]!);
    }
  }
  return indices;
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

  // Scopes are in pre-order, so every enclosing scope is complete before its children look into it.
  for (const scope of collected.scopes) {
    const indices = sortedBindings(collected.bindingsByScope[scope.id]!, collected.bindingOffsets);
    const nonlocalIds = collected.nonlocalsByScope[scope.id]!;
    if (nonlocalIds.length > 0) declareNonlocals(scope, nonlocalIds, collected, indices, diagnostics);

    for (const i of indices) {
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

    for (const i of nonlocalIds) {
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
  nonlocalIds: readonly number[],
  collected: Collected,
  bindingIndices: readonly number[],
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
