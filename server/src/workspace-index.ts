// The ML files of the workspace folders (for workspace symbols and cross-module references): listed
// once, refreshed when files are created or deleted. Skips dependency, build and hidden folders and
// stops at a fixed number of files so a huge folder cannot stall the server.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { uriToPath } from './convert.js';
import type { Workspace } from './workspace.js';

const SKIP = new Set(['node_modules', 'out', 'dist', 'build']);
export const MAX_INDEXED_FILES = 5000;
const MAX_DEPTH = 20;

async function listMlFiles(root: string, out: string[]): Promise<void> {
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  while (queue.length > 0 && out.length < MAX_INDEXED_FILES) {
    const { dir, depth } = queue.shift()!;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !SKIP.has(e.name) && depth < MAX_DEPTH) queue.push({ dir: full, depth: depth + 1 });
      else if (e.isFile() && e.name.endsWith('.ml') && out.length < MAX_INDEXED_FILES) out.push(full);
    }
  }
}

export class WorkspaceIndex {
  private files: Promise<string[]> | undefined;

  constructor(private readonly workspace: Workspace) {}

  /** Every ML file of the workspace folders, plus open ML documents outside them, sorted. */
  async mlFiles(): Promise<string[]> {
    this.files ??= (async () => {
      const out: string[] = [];
      for (const root of this.workspace.roots) await listMlFiles(root, out);
      return out;
    })();
    const listed = await this.files;
    const open = this.workspace.documents.all().flatMap((d) => {
      const p = uriToPath(d.uri);
      return p && p.endsWith('.ml') ? [p] : [];
    });
    return [...new Set([...listed, ...open])].sort();
  }

  /** Files were created or deleted: list again on next use. */
  invalidate(): void {
    this.files = undefined;
  }
}
