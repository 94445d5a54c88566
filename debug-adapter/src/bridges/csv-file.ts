// Host side of the `csv` functions that touch files. Parsing and formatting CSV is pure and happens
// in the isolate; these move text: read (file:read), write (file:write), append (file:read and
// file:write, as STDLIB.md lists), all on the checked real path.
import { encoding, optStr, str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { checkedPath, encodeText } from './file.js';
import { readChecked, writeChecked } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';

export function csvFileBridges(env: BridgeEnv): Record<string, SyncBridge> {
  const write = (fn: string, mode: 'write' | 'append', args: unknown[]): null => {
    const path = str(args, 0, fn, 'file_path');
    const text = str(args, 1, fn, 'text');
    const data = encodeText(text, encoding(optStr(args, 2, fn, 'encoding', 'utf-8'), fn));
    if (data.length > env.limits.fileWriteBytes) {
      throw new BridgeError('ValueError', `writing ${data.length} bytes to '${path}' exceeds the sandbox's file write limit of ${env.limits.fileWriteBytes} bytes`);
    }
    if (mode === 'append') checkedPath(env, 'read', path, `csv.${fn}`);
    const real = checkedPath(env, 'write', path, `csv.${fn}`);
    writeChecked(env.files, real, path, data, mode);
    return null;
  };
  return {
    /** The file's text for csv.read / count_rows / get_headers (parsed in the isolate). */
    'csv.readText': (args) => {
      const path = str(args, 0, 'read', 'file_path');
      const enc = encoding(optStr(args, 1, 'read', 'encoding', 'utf-8'), 'read');
      const real = checkedPath(env, 'read', path, 'csv.read');
      return readChecked(env.files, real, path, env.limits.fileReadBytes).toString(enc);
    },
    /** csv.write: replaces the file with already formatted CSV text. */
    'csv.writeText': (args) => write('write', 'write', args),
    /** csv.append: appends already formatted CSV rows. */
    'csv.appendText': (args) => write('append', 'append', args),
  };
}
