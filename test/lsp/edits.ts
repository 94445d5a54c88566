// Applies LSP text edits and workspace edits to fixture texts, so tests can compare whole results.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TextDocument, type TextEdit } from 'vscode-languageserver-textdocument';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'ml', 1, text), [...edits]);
}

/** Each changed file's new text (from `changes`), reading the current text from `texts` or the disk. */
export function applyWorkspaceEdit(
  edit: { changes?: Record<string, TextEdit[]> },
  texts: Record<string, string> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    const before = texts[uri] ?? readFileSync(fileURLToPath(uri), 'utf8');
    out[uri] = applyEdits(before, edits);
  }
  return out;
}
