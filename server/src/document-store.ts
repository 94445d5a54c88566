// The open documents (ML files and mlpy.yaml), kept in sync incrementally. Edits are sanitised first:
// positions past the end, inside a line break or not integral are clamped, never trusted, so a
// misbehaving client cannot crash the server or desynchronise it. Knows nothing of analysis.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Connection, Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { CONFIG_FILE_NAMES } from '@mlsec/grammar';
import { uriToPath } from './convert.js';

export type DocumentKind = 'ml' | 'config' | 'other';

/** `opened`: the event is the document's didOpen (rather than an edit or a close). */
export type DocumentListener = (doc: TextDocument, kind: DocumentKind, opened: boolean) => void;

export function documentKind(uri: string): DocumentKind {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  if (CONFIG_FILE_NAMES.includes(name)) return 'config';
  if (name.endsWith('.ml')) return 'ml';
  return 'other';
}

function cleanNumber(n: unknown): number {
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return 0;
  return Math.min(Math.floor(n), 0x7fffffff);
}

function cleanPosition(p: unknown): Position {
  const q = (typeof p === 'object' && p !== null ? p : {}) as { line?: unknown; character?: unknown };
  return { line: cleanNumber(q.line), character: cleanNumber(q.character) };
}

/** A position inside `doc`: a line past the last one means the end of the document. */
function clampPosition(doc: TextDocument, p: Position): Position {
  if (p.line < doc.lineCount) return p;
  return doc.positionAt(doc.getText().length);
}

/**
 * A change as the client sent it, made safe for `doc` (the document it applies to): a full-text
 * change, or a range change with integral, non-negative positions inside the document.
 */
export function sanitizeChange(doc: TextDocument, change: unknown): TextDocumentContentChangeEvent | undefined {
  if (typeof change !== 'object' || change === null) return undefined;
  const c = change as { text?: unknown; range?: unknown };
  if (typeof c.text !== 'string') return undefined;
  if (c.range === undefined || c.range === null) return { text: c.text };
  const r = c.range as { start?: unknown; end?: unknown };
  return {
    range: { start: clampPosition(doc, cleanPosition(r.start)), end: clampPosition(doc, cleanPosition(r.end)) },
    text: c.text,
  };
}

/** Applies the changes in order, each sanitised against the text the previous ones produced. */
export function applyChanges(doc: TextDocument, changes: unknown, version: number): TextDocument {
  let current = doc;
  for (const raw of Array.isArray(changes) ? changes : []) {
    const change = sanitizeChange(current, raw);
    if (change) current = TextDocument.update(current, [change], version);
  }
  return TextDocument.update(current, [], version);
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();
  private readonly changeListeners: DocumentListener[] = [];
  private readonly closeListeners: DocumentListener[] = [];

  listen(connection: Connection): void {
    connection.onDidOpenTextDocument(({ textDocument: t }) => {
      const doc = TextDocument.create(t.uri, t.languageId, t.version, typeof t.text === 'string' ? t.text : '');
      this.docs.set(t.uri, doc);
      this.emit(this.changeListeners, doc, true);
    });
    connection.onDidChangeTextDocument(({ textDocument: t, contentChanges }) => {
      const doc = this.docs.get(t.uri);
      if (!doc) return;
      const version = typeof t.version === 'number' ? t.version : doc.version + 1;
      this.docs.set(t.uri, applyChanges(doc, contentChanges, version));
      this.emit(this.changeListeners, this.docs.get(t.uri)!, false);
    });
    connection.onDidCloseTextDocument(({ textDocument: t }) => {
      const doc = this.docs.get(t.uri);
      if (!doc) return;
      this.docs.delete(t.uri);
      this.emit(this.closeListeners, doc, false);
    });
  }

  onDidChange(listener: DocumentListener): void {
    this.changeListeners.push(listener);
  }

  onDidClose(listener: DocumentListener): void {
    this.closeListeners.push(listener);
  }

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  /** The open document of a file path, whatever way its URI was encoded by the client. */
  getByPath(file: string): TextDocument | undefined {
    for (const doc of this.docs.values()) if (uriToPath(doc.uri) === file) return doc;
    return undefined;
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  private emit(listeners: DocumentListener[], doc: TextDocument, opened: boolean): void {
    const kind = documentKind(doc.uri);
    for (const l of listeners) l(doc, kind, opened);
  }
}
