// The real CliIO over Node's process streams and file system. No logic beyond translating Node's
// error codes into short reasons for users (never a stack trace).
import { readFile, writeFile } from 'node:fs/promises';
import { FileError, type CliIO } from './io.js';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  EROFS: 'read-only file system',
};

function reason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return REASONS[code] ?? code;
  return 'cannot be accessed';
}

export function nodeIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readFile: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        throw new FileError(path, reason(error));
      }
    },
    writeFile: async (path, text) => {
      try {
        await writeFile(path, text, 'utf8');
      } catch (error) {
        throw new FileError(path, reason(error));
      }
    },
  };
}
