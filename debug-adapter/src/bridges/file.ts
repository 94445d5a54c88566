// Host side of the `file` module: each operation checks its capability (file:read/write/append/
// delete/stat on the canonical real path) before acting, then acts on the checked real path only.
// Writes are capped (10 MB default), reads too; errors name the path as the program wrote it.
import { copyFileSync, lstatSync, renameSync, unlinkSync, constants, type Stats } from 'node:fs';
import { bytes, encoding, optStr, str, strList } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { fsError, readChecked, writeChecked } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';

type Op = 'read' | 'write' | 'append' | 'delete' | 'stat';

/** Checks `file:<op>:<path>` and returns the real path to act on. */
export function checkedPath(env: BridgeEnv, op: Op, path: string, fn: string): string {
  const real = env.gate.require({ resource: 'file', operation: op, target: path }, { functionName: fn });
  if (real === null) throw new BridgeError('CapabilityError', `no file target for ${fn}`);
  return real;
}

function checkWriteSize(env: BridgeEnv, data: Buffer, shown: string): void {
  if (data.length > env.limits.fileWriteBytes) {
    throw new BridgeError(
      'ValueError',
      `writing ${data.length} bytes to '${shown}' exceeds the sandbox's file write limit of ${env.limits.fileWriteBytes} bytes`,
    );
  }
}

/** Stat without following a final symlink out of the checked real path (it has none). */
function statOrNull(real: string, shown: string): Stats | null {
  try {
    return lstatSync(real);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw fsError(e, shown);
  }
}

/** A float result: integral values are marked `{"$float": n}` so the runtime keeps them floats. */
export function asFloat(n: number): number | { $float: number } {
  return Number.isInteger(n) ? { $float: n } : n;
}

/** Text to bytes, for a file write. */
export function encodeText(content: string, enc: BufferEncoding): Buffer {
  return Buffer.from(content, enc);
}

/** Python's str.splitlines(): \n, \r\n, \r and the other Unicode line boundaries. */
export function splitLines(text: string): string[] {
  // eslint-disable-next-line no-control-regex -- \x1c-\x1e are line boundaries for Python.
  const lines = text.split(/\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

export function fileBridges(env: BridgeEnv): Record<string, SyncBridge> {
  const readText = (fn: string, args: unknown[]): string => {
    const path = str(args, 0, fn, 'path');
    const enc = encoding(optStr(args, 1, fn, 'encoding', 'utf-8'), fn);
    const real = checkedPath(env, 'read', path, `file.${fn}`);
    return readChecked(env.files, real, path, env.limits.fileReadBytes).toString(enc);
  };
  /** Writes and returns what Python's write() returns: characters for text, bytes for bytes. */
  const writeData = (fn: string, op: 'write' | 'append', path: string, data: Buffer, count: number): number => {
    checkWriteSize(env, data, path);
    const real = checkedPath(env, op, path, `file.${fn}`);
    writeChecked(env.files, real, path, data, op);
    return count;
  };
  const chars = (text: string): number => Array.from(text).length;
  const stat = (fn: string, args: unknown[]) => {
    const path = str(args, 0, fn, 'path');
    const real = checkedPath(env, 'stat', path, `file.${fn}`);
    return { path, st: statOrNull(real, path) };
  };

  return {
    'file.read': (args) => readText('read', args),
    'file.readLines': (args) => splitLines(readText('readLines', args)),
    'file.readBytes': (args) => {
      const path = str(args, 0, 'readBytes', 'path');
      const real = checkedPath(env, 'read', path, 'file.readBytes');
      return [...readChecked(env.files, real, path, env.limits.fileReadBytes)];
    },
    'file.write': (args) => {
      const path = str(args, 0, 'write', 'path');
      const content = str(args, 1, 'write', 'content');
      return writeData(
        'write',
        'write',
        path,
        encodeText(content, encoding(optStr(args, 2, 'write', 'encoding', 'utf-8'), 'write')),
        chars(content),
      );
    },
    'file.writeBytes': (args) => {
      const data = bytes(args, 1, 'writeBytes', 'data');
      return writeData('writeBytes', 'write', str(args, 0, 'writeBytes', 'path'), data, data.length);
    },
    'file.writeLines': (args) => {
      const path = str(args, 0, 'writeLines', 'path');
      const lines = strList(args, 1, 'writeLines', 'lines');
      const enc = encoding(optStr(args, 2, 'writeLines', 'encoding', 'utf-8'), 'writeLines');
      const text = lines.map((l) => l + '\n').join('');
      return writeData('writeLines', 'write', path, encodeText(text, enc), chars(text));
    },
    'file.append': (args) => {
      const path = str(args, 0, 'append', 'path');
      const content = str(args, 1, 'append', 'content');
      return writeData(
        'append',
        'append',
        path,
        encodeText(content, encoding(optStr(args, 2, 'append', 'encoding', 'utf-8'), 'append')),
        chars(content),
      );
    },
    'file.exists': (args) => stat('exists', args).st !== null,
    'file.isFile': (args) => stat('isFile', args).st?.isFile() ?? false,
    'file.isDirectory': (args) => stat('isDirectory', args).st?.isDirectory() ?? false,
    'file.size': (args) => {
      const { path, st } = stat('size', args);
      if (st === null) throw fsError({ code: 'ENOENT' }, path);
      return Number(st.size);
    },
    'file.modifiedTime': (args) => {
      const { path, st } = stat('modifiedTime', args);
      if (st === null) throw fsError({ code: 'ENOENT' }, path);
      return asFloat(Number(st.mtimeMs) / 1000);
    },
    'file.delete': (args) => {
      const path = str(args, 0, 'delete', 'path');
      const real = checkedPath(env, 'delete', path, 'file.delete');
      const st = statOrNull(real, path);
      if (st === null) throw fsError({ code: 'ENOENT' }, path);
      if (st.isDirectory()) throw fsError({ code: 'EISDIR' }, path);
      try {
        unlinkSync(real);
      } catch (e) {
        throw fsError(e, path);
      }
      return true;
    },
    'file.copy': (args) => {
      const source = str(args, 0, 'copy', 'source');
      const destination = str(args, 1, 'copy', 'destination');
      const src = checkedPath(env, 'read', source, 'file.copy');
      const dst = checkedPath(env, 'write', destination, 'file.copy');
      const data = readChecked(env.files, src, source, env.limits.fileReadBytes);
      checkWriteSize(env, data, destination);
      writeChecked(env.files, dst, destination, data, 'write');
      return true;
    },
    'file.move': (args) => {
      const source = str(args, 0, 'move', 'source');
      const destination = str(args, 1, 'move', 'destination');
      const src = checkedPath(env, 'read', source, 'file.move');
      const dst = checkedPath(env, 'write', destination, 'file.move');
      checkedPath(env, 'delete', source, 'file.move');
      const st = statOrNull(src, source);
      if (st === null) throw fsError({ code: 'ENOENT' }, source);
      if (!st.isFile()) throw new BridgeError('IsADirectoryError', `Is a directory: '${source}'`);
      if (Number(st.size) > env.limits.fileWriteBytes) {
        throw new BridgeError(
          'ValueError',
          `moving '${source}' exceeds the sandbox's file write limit of ${env.limits.fileWriteBytes} bytes`,
        );
      }
      try {
        renameSync(src, dst);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw fsError(e, source);
        try {
          copyFileSync(src, dst, constants.COPYFILE_EXCL);
          unlinkSync(src);
        } catch (e2) {
          throw fsError(e2, source);
        }
      }
      return true;
    },
  };
}
