// textDocument/prepareRename and textDocument/rename: scope-correct renaming of the program's own
// names (locals, parameters, `nonlocal` uses, functions, imports' aliases), and of a module's
// top-level names together with their `alias.name` uses in importing files. Refuses builtins,
// stdlib members and names that would clash, with a message saying why.
import { importBindingIdentifier, type Identifier, type ImportStmt } from '@mlsec/grammar';
import {
  ResponseError,
  ErrorCodes,
  type CancellationToken,
  type Position,
  type Range,
  type TextEdit,
  type WorkDoneProgressReporter,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { pathToUri, toRange } from './convert.js';
import { entityOf, type CrossModuleDeps } from './cross-module.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { occurrencesAt } from './references.js';
import { targetAt, type Target } from './target.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Words that can never be names (`fn` is always the arrow keyword; booleans are literals). */
const RESERVED = new Set(['fn', 'true', 'false']);
const RENAMABLE = new Set([
  'variable',
  'parameter',
  'function',
  'import',
  'for-variable',
  'except-variable',
  'destructured',
]);

function refuse(message: string): ResponseError<never> {
  return new ResponseError<never>(ErrorCodes.InvalidRequest, message);
}

/** Why the target cannot be renamed, or undefined when it can. */
function refusal(a: DocumentAnalysis, t: Target | undefined): string | undefined {
  if (!t) return 'Only names can be renamed.';
  if (t.kind === 'capability') return t.identifier ? undefined : 'Only the declaration name can be renamed.';
  if (t.kind === 'import') {
    const binding = importBindingIdentifier(t.stmt);
    return binding === t.identifier
      ? undefined
      : 'A module path names a file or a standard module; it cannot be renamed here.';
  }
  if (t.kind === 'member')
    return entityOf(a, t) ? undefined : `'${t.identifier.name}' is a member, not a name of this program.`;
  if (t.symbol.kind === 'builtin') return `'${t.symbol.name}' is a builtin and cannot be renamed.`;
  if (!RENAMABLE.has(t.symbol.kind)) return `'${t.symbol.name}' is not bound by this program.`;
  return undefined;
}

export function prepareRename(
  a: DocumentAnalysis,
  position: Position,
): { range: Range; placeholder: string } | ResponseError<never> {
  const t = targetAt(a, a.offsetAt(position));
  const why = refusal(a, t);
  if (why !== undefined || !t) return refuse(why ?? 'Only names can be renamed.');
  const id = t.kind === 'capability' ? t.decl.name : t.identifier;
  return { range: toRange(id.range), placeholder: id.name };
}

function validName(name: string): string | undefined {
  if (!IDENTIFIER.test(name))
    return `'${name}' is not a valid ML name (letters, digits and _, not starting with a digit).`;
  if (RESERVED.has(name)) return `'${name}' is reserved and cannot be a name.`;
  if (name.startsWith('__')) return `'${name}' starts with __, which the security rules forbid (SEC003).`;
  return undefined;
}

/** A different program symbol named `name` visible where an occurrence is: renaming would capture it. */
function clash(a: DocumentAnalysis, ids: readonly Identifier[], name: string, own: unknown): string | undefined {
  for (const id of ids) {
    const other = a.resolution.visibleNames(id.range.start.offset).find((s) => s.name === name);
    if (
      other &&
      other !== own &&
      other.kind !== 'builtin' &&
      other.kind !== 'implicit' &&
      other.kind !== 'unresolved'
    ) {
      return `'${name}' is already a name visible at line ${id.range.start.line + 1}; renaming would change what that code refers to.`;
    }
  }
  return undefined;
}

function importEdit(stmt: ImportStmt, newName: string): TextEdit {
  if (stmt.alias) return { range: toRange(stmt.alias.range), newText: newName };
  const last = stmt.path[stmt.path.length - 1]!;
  return { range: toRange({ start: last.range.end, end: last.range.end }), newText: ` as ${newName}` };
}

export async function rename(
  a: DocumentAnalysis,
  position: Position,
  newName: string,
  deps: CrossModuleDeps,
  reporter: WorkDoneProgressReporter | undefined,
  token: CancellationToken | undefined,
): Promise<WorkspaceEdit | ResponseError<never>> {
  const t = targetAt(a, a.offsetAt(position));
  const why = refusal(a, t) ?? validName(newName);
  if (why !== undefined || !t) return refuse(why ?? 'Only names can be renamed.');
  const changes: Record<string, TextEdit[]> = {};
  const add = (uri: string, edit: TextEdit): void => {
    (changes[uri] ??= []).push(edit);
  };
  if (t.kind === 'capability') {
    add(a.uri, { range: toRange(t.decl.name.range), newText: newName });
    return { changes };
  }
  const symbol = t.kind === 'import' ? a.resolution.symbolOf(t.identifier) : t.kind === 'symbol' ? t.symbol : undefined;
  if (symbol?.kind === 'import') {
    // The binding is the path's last component unless aliased: rename by adding or changing `as`.
    const uses = a.resolution.referencesOf(symbol, { includeDeclarations: false });
    const problem = clash(
      a,
      uses.map((o) => o.identifier),
      newName,
      symbol,
    );
    if (problem) return refuse(problem);
    add(a.uri, importEdit(symbol.declarations[0]!.node as ImportStmt, newName));
    for (const o of uses) add(a.uri, { range: toRange(o.identifier.range), newText: newName });
    return { changes };
  }
  const found = (await occurrencesAt(a, position, deps, reporter, token)) ?? [];
  const local = found.filter((o) => o.file === a.context.file).map((o) => o.identifier);
  const problem = clash(a, local, newName, symbol);
  if (problem) return refuse(problem);
  for (const o of found)
    add(o.file === a.context.file ? a.uri : pathToUri(o.file), {
      range: toRange(o.identifier.range),
      newText: newName,
    });
  return { changes };
}
