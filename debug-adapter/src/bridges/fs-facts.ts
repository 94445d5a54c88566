// The capability model's FileSystemFacts backed by node:fs: real paths (symlinks resolved) and
// entry kinds without following a final symlink. Read-only queries; never creates or opens files.
import { lstatSync, realpathSync } from 'node:fs';

/** Mirrors grammar's FileSystemFacts (capabilities/realpath.ts). */
export interface NodeFileSystemFacts {
  realpath(path: string): string | null;
  lstatKind(path: string): 'file' | 'directory' | 'symlink' | 'other' | null;
}

function missing(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

export const NODE_FILE_SYSTEM: NodeFileSystemFacts = {
  realpath(path) {
    try {
      return realpathSync.native(path);
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  },
  lstatKind(path) {
    try {
      const s = lstatSync(path);
      if (s.isSymbolicLink()) return 'symlink';
      if (s.isFile()) return 'file';
      if (s.isDirectory()) return 'directory';
      return 'other';
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  },
};
