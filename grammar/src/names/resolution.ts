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

  const scopeAt = (offset: number): Scope => {
    let scope = root;
    for (;;) {
      const child = scope.children.find((c) => c.start <= offset && offset < c.end);
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
    symbolOf: (identifier: Identifier) => index.get(identifier)?.symbol,
    occurrenceAt,
    symbolAt: (offset: number) => occurrenceAt(offset)?.symbol,
    definitionOf: (identifier: Identifier): Declaration | undefined => index.get(identifier)?.symbol.declarations[0],
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
