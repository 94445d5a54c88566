// A private copy of the fixture workspace in the system temp folder, for tests that change files on
// disk (mlpy.yaml edits, new modules). Removed by the caller with `remove()`.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WS } from './client.js';

export interface WorkspaceCopy {
  root: string;
  file(name: string): string;
  write(name: string, text: string): string;
  remove(): void;
}

export function copyWorkspace(): WorkspaceCopy {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-'));
  cpSync(WS, root, { recursive: true });
  return {
    root,
    file: (name) => path.join(root, name),
    write: (name, text) => {
      const file = path.join(root, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
