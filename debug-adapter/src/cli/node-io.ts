// The real CliIO over Node's process streams and file system. No logic beyond translating Node's
// error codes into short reasons for users (never a stack trace), and writing output straight to
// the file descriptors: a one-shot command need not load Node's stream modules to print a line.
import { readFileSync, writeFile, writeSync } from 'node:fs';
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

/**
 * Writes to `fd` synchronously, as Node's own stdout does for files, terminals and (on Linux)
 * pipes. A descriptor that would block (a non-blocking pipe) hands this and all later output to
 * Node's stream, which queues it, so the order holds; a reader that went away (EPIPE) ends the
 * output quietly.
 */
function fdWriter(fd: number, stream: () => NodeJS.WritableStream): (text: string) => void {
  let mode: 'direct' | 'stream' | 'closed' = 'direct';
  return (text) => {
    if (mode === 'closed' || text === '') return;
    if (mode === 'stream') {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EAGAIN') {
        mode = 'stream';
        stream().write(bytes.subarray(done));
      } else {
        mode = 'closed';
      }
    }
  };
}

/**
 * Read synchronously: the files are small (programs, mlpy.yaml), and a one-shot command has nothing
 * else to do meanwhile; a first asynchronous read would start libuv's thread pool for it.
 */
function readText(path: string): Promise<string> {
  try {
    return Promise.resolve(readFileSync(path, 'utf8'));
  } catch (error) {
    return Promise.reject(new FileError(path, reason(error)));
  }
}

function writeText(path: string, text: string): Promise<void> {
  return new Promise((resolve, reject) =>
    writeFile(path, text, 'utf8', (error) => (error ? reject(new FileError(path, reason(error))) : resolve())),
  );
}

export function nodeIO(): CliIO {
  return {
    stdout: fdWriter(1, () => process.stdout),
    stderr: fdWriter(2, () => process.stderr),
    readFile: readText,
    writeFile: writeText,
  };
}
