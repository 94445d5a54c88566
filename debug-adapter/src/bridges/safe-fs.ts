// File access by resolved real path, re-checked at use: files are opened with O_NOFOLLOW and, on
// Linux, the opened descriptor's path (/proc/self/fd) must equal the checked real path, so nothing
// can be swapped in between the capability check and the use. Also holds the open-files counter.
import {
  closeSync,
  constants,
  fstatSync,
  ftruncateSync,
  openSync,
  readSync,
  readlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { BridgeError } from './types.js';

const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const CLOEXEC = (constants as Record<string, number>)['O_CLOEXEC'] ?? 0;

/** Counts descriptors a run holds; the limit is SANDBOX.md's "open files". */
export class OpenFiles {
  private count = 0;
  constructor(private readonly limit: number) {}

  acquire(): void {
    if (this.count >= this.limit) {
      throw new BridgeError('OSError', `too many open files (the sandbox allows ${this.limit})`);
    }
    this.count++;
  }

  release(): void {
    if (this.count > 0) this.count--;
  }
}

/** Maps a node:fs error to the ML error Python would raise, naming the path as the program wrote it. */
export function fsError(e: unknown, shown: string): BridgeError {
  if (e instanceof BridgeError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const quoted = `'${shown}'`;
  switch (code) {
    case 'ENOENT':
      return new BridgeError('FileNotFoundError', `No such file or directory: ${quoted}`);
    case 'EISDIR':
      return new BridgeError('IsADirectoryError', `Is a directory: ${quoted}`);
    case 'ENOTDIR':
      return new BridgeError('NotADirectoryError', `Not a directory: ${quoted}`);
    case 'EEXIST':
      return new BridgeError('FileExistsError', `File exists: ${quoted}`);
    case 'ENOTEMPTY':
      return new BridgeError('OSError', `Directory not empty: ${quoted}`);
    case 'EACCES':
    case 'EPERM':
      return new BridgeError('PermissionError', `Permission denied: ${quoted}`);
    case 'ELOOP':
      return new BridgeError('CapabilityError', `${quoted} changed into a symbolic link after it was checked`);
    default:
      return new BridgeError('OSError', `cannot access ${quoted}`);
  }
}

/** Opens `real` (a checked, symlink-free real path) and verifies the descriptor really is it. */
export function openChecked(files: OpenFiles, real: string, flags: number, shown: string): number {
  files.acquire();
  let fd: number;
  try {
    fd = openSync(real, flags | NOFOLLOW | CLOEXEC, 0o666);
  } catch (e) {
    files.release();
    throw fsError(e, shown);
  }
  if (process.platform === 'linux') {
    let actual: string | null = null;
    try {
      actual = readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      actual = null;
    }
    if (actual !== real) {
      closeSync(fd);
      files.release();
      throw new BridgeError('CapabilityError', `'${shown}' changed after its capability check`);
    }
  }
  return fd;
}

export function closeChecked(files: OpenFiles, fd: number): void {
  try {
    closeSync(fd);
  } finally {
    files.release();
  }
}

/** Reads a whole file (at most `maxBytes`; /proc-style files with size 0 are read until EOF). */
export function readChecked(files: OpenFiles, real: string, shown: string, maxBytes: number): Buffer {
  const fd = openChecked(files, real, constants.O_RDONLY, shown);
  try {
    const st: Stats = fstatSync(fd);
    if (st.isDirectory()) throw new BridgeError('IsADirectoryError', `Is a directory: '${shown}'`);
    if (st.size > maxBytes) throw tooLarge(shown, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(65536, maxBytes + 1 - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(shown, maxBytes);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw fsError(e, shown);
  } finally {
    closeChecked(files, fd);
  }
}

/** Writes (truncating) or appends `data` to `real`, creating the file when needed. */
export function writeChecked(
  files: OpenFiles,
  real: string,
  shown: string,
  data: Buffer,
  mode: 'write' | 'append',
): void {
  // Truncation happens only after the descriptor is verified (O_TRUNC would act before the check).
  const flags = constants.O_WRONLY | constants.O_CREAT | (mode === 'append' ? constants.O_APPEND : 0);
  const fd = openChecked(files, real, flags, shown);
  try {
    if (fstatSync(fd).isDirectory()) throw new BridgeError('IsADirectoryError', `Is a directory: '${shown}'`);
    if (mode === 'write') ftruncateSync(fd, 0);
    let off = 0;
    while (off < data.length) off += writeSync(fd, data, off, data.length - off);
  } catch (e) {
    throw fsError(e, shown);
  } finally {
    closeChecked(files, fd);
  }
}

function tooLarge(shown: string, maxBytes: number): BridgeError {
  return new BridgeError('MemoryError', `'${shown}' is larger than the sandbox's read limit of ${maxBytes} bytes`);
}
