// The workspace as the server sees it: its folders, the root a document's capabilities resolve
// against, and reading files (the editor's unsaved text first, then the disk). The only place that
// reads files; it never writes any.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { uriToPath } from './convert.js';
import type { DocumentStore } from './document-store.js';

export class Workspace {
  private folders: string[] = [];

  constructor(readonly documents: DocumentStore) {}

  setFolders(folders: readonly WorkspaceFolder[] | null | undefined, rootUri: string | null | undefined): void {
    const paths = (folders ?? []).flatMap((f) => uriToPath(f.uri) ?? []);
    if (paths.length === 0 && rootUri) {
      const root = uriToPath(rootUri);
      if (root) paths.push(root);
    }
    this.folders = paths.map((p) => path.resolve(p));
  }

  addFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    const gone = new Set(removed.flatMap((f) => uriToPath(f.uri) ?? []).map((p) => path.resolve(p)));
    const kept = this.folders.filter((f) => !gone.has(f));
    for (const f of added) {
      const p = uriToPath(f.uri);
      if (p && !kept.includes(path.resolve(p))) kept.push(path.resolve(p));
    }
    this.folders = kept;
  }

  get roots(): readonly string[] {
    return this.folders;
  }

  /** The workspace folder holding `file` (the innermost), else the file's own folder. */
  rootFor(file: string): string {
    let best: string | undefined;
    for (const folder of this.folders) {
      const rel = path.relative(folder, file);
      if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
      if (best === undefined || folder.length > best.length) best = folder;
    }
    return best ?? path.dirname(file);
  }

  /** The text of a file: the open document's when it is open, else the disk's; undefined when missing. */
  async readText(file: string): Promise<string | undefined> {
    const open = this.documents.getByPath(file);
    if (open) return open.getText();
    try {
      return await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Modification time of a file on disk (for caches), or -1 when it does not exist. */
  async mtime(file: string): Promise<number> {
    try {
      return (await stat(file)).mtimeMs;
    } catch {
      return -1;
    }
  }
}
