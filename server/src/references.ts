// textDocument/references and textDocument/documentHighlight: every occurrence of the symbol under
// the cursor, scope-correct; top-level bindings also through `alias.name` in the workspace files
// that import the module. Highlights stay within the document.
import {
  DocumentHighlightKind,
  type CancellationToken,
  type DocumentHighlight,
  type Location,
  type Position,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { pathToUri, toRange } from './convert.js';
import { entityOccurrences, entityOf, type CrossModuleDeps, type EntityOccurrence } from './cross-module.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { targetAt } from './target.js';

/** The occurrences the cursor's name has in the workspace (the document's own when it is local). */
export async function occurrencesAt(
  a: DocumentAnalysis,
  position: Position,
  deps: CrossModuleDeps,
  reporter: WorkDoneProgressReporter | undefined,
  token: CancellationToken | undefined,
): Promise<EntityOccurrence[] | undefined> {
  const t = targetAt(a, a.offsetAt(position));
  if (!t) return undefined;
  const entity = entityOf(a, t);
  if (entity) return entityOccurrences(entity, deps, reporter, token);
  if (t.kind !== 'symbol' || t.symbol.kind === 'unresolved') return undefined;
  return a.resolution
    .referencesOf(t.symbol)
    .map((o) => ({ file: a.context.file, identifier: o.identifier, declaration: o.role === 'declaration' }));
}

function uriOf(a: DocumentAnalysis, file: string): string {
  return file === a.context.file ? a.uri : pathToUri(file);
}

export async function references(
  a: DocumentAnalysis,
  position: Position,
  includeDeclaration: boolean,
  deps: CrossModuleDeps,
  reporter: WorkDoneProgressReporter | undefined,
  token: CancellationToken | undefined,
): Promise<Location[]> {
  const found = (await occurrencesAt(a, position, deps, reporter, token)) ?? [];
  return found
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: uriOf(a, o.file), range: toRange(o.identifier.range) }));
}

export function documentHighlights(a: DocumentAnalysis, position: Position): DocumentHighlight[] {
  const t = targetAt(a, a.offsetAt(position));
  if (!t) return [];
  if (t.kind === 'symbol' && t.symbol.kind !== 'unresolved') {
    return a.resolution.referencesOf(t.symbol).map((o) => ({
      range: toRange(o.identifier.range),
      kind: o.role === 'declaration' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  }
  if (t.kind === 'capability') return [{ range: toRange(t.decl.name.range), kind: DocumentHighlightKind.Write }];
  return [];
}
