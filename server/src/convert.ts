// Conversions between the language core's values (ranges with offsets, severities, file paths) and
// LSP's (positions, URIs). Pure functions; no state and no protocol traffic here.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic as MlDiagnostic, Range as MlRange, Severity } from '@mlsec/grammar';
import { DiagnosticSeverity, type Position, type Range } from 'vscode-languageserver';

export function toRange(r: MlRange): Range {
  return {
    start: { line: r.start.line, character: r.start.column },
    end: { line: r.end.line, character: r.end.column },
  };
}

export function toSeverity(s: Severity): DiagnosticSeverity {
  switch (s) {
    case 'error':
      return DiagnosticSeverity.Error;
    case 'warning':
      return DiagnosticSeverity.Warning;
    case 'info':
      return DiagnosticSeverity.Information;
    case 'hint':
      return DiagnosticSeverity.Hint;
  }
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Whether `p` lies in `r` (inclusive of the end, as a cursor at a word's end still touches it). */
export function containsPosition(r: Range, p: Position): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}

/** The file path of a `file:` URI; undefined for any other scheme or a malformed URI. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

/** Whether a core diagnostic and an LSP one (as a client sends it back) are the same problem. */
export function matchesDiagnostic(ml: MlDiagnostic, code: unknown, range: Range): boolean {
  return ml.code === code && sameRange(toRange(ml.range), range);
}
