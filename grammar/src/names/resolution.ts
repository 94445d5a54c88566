// Position and identity queries over a finished resolution: what go-to-definition, references,
// rename, highlight and completion ask. Read-only: it never changes symbols or scopes.
import type { Diagnostic } from '../diagnostics.js';
import type { Identifier, Program } from '../syntax/ast.js';
import type { Collected } from './collect.js';
import type { OccurrenceIndex } from './occurrences.js';
import type { SymbolTable } from './symbol-table.js';
import type { Declaration, MlSymbol, Occurrence, ReferenceOptions, Resolution, Scope } from './types.js';
import { outerLoopAt, visibleSymbols } from './visibility.js';

export function createResolution(
  program: Program,
  { scopes, outerLoops }: Pick<Collected, 'scopes' | 'outerLoops'>,
  table: SymbolTable,
  diagnostics: readonly Diagnostic[],
  index: OccurrenceIndex,
): Resolution {
  const root = scopes[0]!;
  const sorted = index.sorted;

  const occurrenceAt = (offset: number): Occurrence | undefined => {
    // Last occurrence starting at or before the offset (identifiers never overlap).
    let lo = 0;
    let hi = sorted.length - 1;
    let found: Occurrence | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const candidate = sorted[mid]!;
      if (candidate.identifier.range.start.offset <= offset) {
        found = candidate;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found && offset <= found.identifier.range.end.offset ? found : undefined;
  };

  // Children in source order (always, unless recovery copied nodes oddly) allow a binary search.
  const ordered = new Set<Scope>();
  for (const scope of scopes) if (inStartOrder(scope.children)) ordered.add(scope);
  const scopeAt = (offset: number): Scope => {
    let scope = root;
    for (;;) {
      const child = ordered.has(scope)
        ? childAt(scope.children, offset)
        : scope.children.find((c) => c.start <= offset && offset < c.end);
      if (!child) return scope;
      scope = child;
    }
  };

  return {
    program,
    root,
    scopes,
    symbols: table.symbols,
    diagnostics,
    occurrenceOf: (identifier: Identifier) => index.get(identifier),
    symbolOf: (identifier: Identifier) => index.symbolOf(identifier),
    occurrenceAt,
    symbolAt: (offset: number) => occurrenceAt(offset)?.symbol,
    definitionOf: (identifier: Identifier): Declaration | undefined => index.symbolOf(identifier)?.declarations[0],
    referencesOf: (symbol: MlSymbol, options?: ReferenceOptions): Occurrence[] =>
      options?.includeDeclarations === false
        ? symbol.occurrences.filter((o) => o.role !== 'declaration')
        : [...symbol.occurrences],
    scopeAt,
    visibleNames: (offset: number): MlSymbol[] => {
      const scope = scopeAt(offset);
      return visibleSymbols(scope, offset, outerLoopAt(outerLoops.get(scope), offset), table);
    },
    builtinSymbol: (name: string) => table.builtin(name),
  };
}

function inStartOrder(children: readonly Scope[]): boolean {
  for (let i = 1; i < children.length; i++) {
    if (children[i]!.start < children[i - 1]!.end && children[i]!.start !== children[i - 1]!.start) return false;
    if (children[i]!.start < children[i - 1]!.start) return false;
  }
  return true;
}

/**
 * The first child scope containing `offset`, for children in start order that are disjoint except
 * for copies with the same range (binary search, then back to the first of equal copies).
 */
function childAt(children: readonly Scope[], offset: number): Scope | undefined {
  let lo = 0;
  let hi = children.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = children[mid]!;
    if (offset < c.start) hi = mid - 1;
    else if (offset >= c.end) lo = mid + 1;
    else {
      let first = mid;
      while (first > 0 && children[first - 1]!.start <= offset && offset < children[first - 1]!.end) first--;
      return children[first];
    }
  }
  return undefined;
}
