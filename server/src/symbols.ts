// textDocument/documentSymbol (an outline: capability declarations, imports, functions with their
// nested functions and locals, top-level variables) and workspace/symbol (top-level names of every
// ML file in the workspace, matched by subsequence).
import type { MlSymbol, Program, Resolution, Scope } from '@mlsec/grammar';
import path from 'node:path';
import {
  SymbolKind,
  type CancellationToken,
  type DocumentSymbol,
  type SymbolInformation,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { pathToUri, toRange } from './convert.js';
import type { CrossModuleDeps } from './cross-module.js';
import { forEachWithProgress } from './progress.js';

const VARIABLE_KINDS = new Set(['variable', 'destructured', 'for-variable', 'except-variable']);

function symbolEntry(symbol: MlSymbol, scopes: Map<unknown, Scope>): DocumentSymbol | undefined {
  const decl = symbol.declarations[0];
  if (!decl) return undefined;
  const id = decl.identifier;
  if (symbol.kind === 'function' && decl.node.kind === 'FunctionDef') {
    const fn = decl.node;
    const inner = scopes.get(fn);
    return {
      name: symbol.name,
      kind: SymbolKind.Function,
      detail: `(${fn.params.map((p) => p.name.name).join(', ')})`,
      range: toRange(fn.range),
      selectionRange: toRange(id.range),
      children: inner ? scopeEntries(inner, scopes) : [],
    };
  }
  if (symbol.kind === 'import') {
    const node = decl.node;
    const range = node.kind === 'ImportStmt' ? node.range : id.range;
    return {
      name: symbol.name,
      kind: SymbolKind.Module,
      detail: `import ${symbol.importInfo?.path.join('.') ?? symbol.name}`,
      range: toRange(range),
      selectionRange: toRange(id.range),
    };
  }
  if (VARIABLE_KINDS.has(symbol.kind)) {
    const range = decl.node.kind === 'AssignStmt' ? decl.node.range : id.range;
    return { name: symbol.name, kind: SymbolKind.Variable, range: toRange(range), selectionRange: toRange(id.range) };
  }
  return undefined;
}

function scopeEntries(scope: Scope, scopes: Map<unknown, Scope>): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const symbol of scope.symbols.values()) {
    const entry = symbolEntry(symbol, scopes);
    if (entry) out.push(entry);
  }
  return out;
}

function byStart(a: DocumentSymbol, b: DocumentSymbol): number {
  return (
    a.selectionRange.start.line - b.selectionRange.start.line ||
    a.selectionRange.start.character - b.selectionRange.start.character
  );
}

function sortDeep(list: DocumentSymbol[]): DocumentSymbol[] {
  for (const s of list) if (s.children) sortDeep(s.children);
  return list.sort(byStart);
}

export function documentSymbols(program: Program, resolution: Resolution): DocumentSymbol[] {
  const scopes = new Map<unknown, Scope>(resolution.scopes.map((s) => [s.node, s]));
  const out = scopeEntries(resolution.root, scopes);
  for (const stmt of program.body) {
    if (stmt.kind !== 'CapabilityDecl') continue;
    out.push({
      name: stmt.name.name,
      kind: SymbolKind.Interface,
      detail: 'capability',
      range: toRange(stmt.range),
      selectionRange: toRange(stmt.name.range),
    });
  }
  return sortDeep(out);
}

/** Whether the letters of `query` appear in `name` in order (case-insensitive). */
export function fuzzyMatch(query: string, name: string): boolean {
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const ch of n) if (i < q.length && ch === q[i]) i++;
  return i === q.length;
}

const MAX_RESULTS = 1000;

export async function workspaceSymbols(
  query: string,
  deps: CrossModuleDeps,
  reporter: WorkDoneProgressReporter | undefined,
  token: CancellationToken | undefined,
): Promise<SymbolInformation[]> {
  const out: SymbolInformation[] = [];
  const files = await deps.index.mlFiles();
  await forEachWithProgress(files, reporter, 'Indexing ML files', token, async (file) => {
    if (out.length >= MAX_RESULTS) return;
    const mod = await deps.modules.get(file);
    if (!mod) return;
    const uri = pathToUri(file);
    const root = deps.workspace.rootFor(file);
    const container = path.relative(root, file);
    for (const s of documentSymbols(mod.program, mod.resolution)) {
      if (s.kind === SymbolKind.Module || !fuzzyMatch(query, s.name)) continue;
      out.push({ name: s.name, kind: s.kind, location: { uri, range: s.selectionRange }, containerName: container });
    }
  });
  return out.slice(0, MAX_RESULTS);
}
