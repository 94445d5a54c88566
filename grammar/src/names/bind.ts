// Second step of name resolution: turns raw bindings into symbols, scope by scope from the root down.
// A name assigned anywhere in a function is local to it unless the function declares it `nonlocal`,
// in which case the writes are declarations of the enclosing binding (ML-LANGUAGE.md §5).
import type { Diagnostic } from '../diagnostics.js';
import type { Collected, RawBinding } from './collect.js';
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
    const target = s.nonlocals.get(name);
    if (target) return { symbol: target, scope: s, local: false };
    const local = s.symbols.get(name);
    if (local) return { symbol: local, scope: s, local: true };
  }
  return undefined;
}

export function bindScopes(collected: Collected, table: SymbolTable, diagnostics: Diagnostic[]): void {
  const bindingsByScope = groupBy(collected.bindings, (b) => b.scope);
  const nonlocalsByScope = groupBy(collected.nonlocals, (n) => n.scope);

  // Scopes are in pre-order, so every enclosing scope is complete before its children look into it.
  for (const scope of collected.scopes) {
    const bindings = (bindingsByScope.get(scope) ?? []).sort(
      (a, b) => a.identifier.range.start.offset - b.identifier.range.start.offset,
    );
    const parameters = new Set(bindings.filter((b) => b.kind === 'parameter').map((b) => b.identifier.name));
    const nonlocalIds = nonlocalsByScope.get(scope) ?? [];

    for (const { identifier } of nonlocalIds) {
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

    for (const raw of bindings) declare(raw, scope, table);

    for (const { identifier } of nonlocalIds) {
      const symbol = scope.nonlocals.get(identifier.name) ?? scope.symbols.get(identifier.name);
      table.addOccurrence(identifier, symbol ?? table.global(identifier.name), 'nonlocal', scope);
    }
  }
  const root = collected.scopes[0]!;
  for (const identifier of collected.strayNonlocals) {
    table.addOccurrence(identifier, root.symbols.get(identifier.name) ?? table.global(identifier.name), 'nonlocal', root);
  }
}

function declare(raw: RawBinding, scope: Scope, table: SymbolTable): void {
  const name = raw.identifier.name;
  const symbol =
    scope.nonlocals.get(name) ?? scope.symbols.get(name) ?? table.local(name, raw.kind, scope, raw.importInfo);
  symbol.declarations.push({
    identifier: raw.identifier,
    kind: raw.kind,
    node: raw.node,
    scope,
    effectiveOffset: raw.effectiveOffset,
    outerLoop: raw.outerLoop,
  });
  table.addOccurrence(raw.identifier, symbol, 'declaration', scope);
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
