// Test helper: an in-memory CliIO preloaded with the fixture files, recording stdout and stderr.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FileError, type CliIO } from '../../src/cli/io.js';

const fixtureDir = fileURLToPath(new URL('./fixtures/', import.meta.url));

export interface FakeIO extends CliIO {
  files: Map<string, string>;
  out: string;
  err: string;
}

/** Fixture files are visible under their bare names (`errors.ml`); `dir/` names a directory. */
export function fakeIO(): FakeIO {
  const files = new Map<string, string>();
  for (const f of readdirSync(fixtureDir)) files.set(f, readFileSync(fixtureDir + f, 'utf8'));
  const io: FakeIO = {
    files,
    out: '',
    err: '',
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    readFile: async (path) => {
      if (path.endsWith('/')) throw new FileError(path, 'is a directory');
      const text = files.get(path);
      if (text === undefined) throw new FileError(path, 'no such file');
      return text;
    },
    writeFile: async (path, text) => {
      if (path.startsWith('readonly')) throw new FileError(path, 'permission denied');
      files.set(path, text);
    },
  };
  return io;
}

export function fixture(name: string): string {
  return readFileSync(fixtureDir + name, 'utf8');
}
