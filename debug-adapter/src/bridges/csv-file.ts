// Host side of the `csv` functions that touch files: read, write, count_rows, get_headers, append.
// Each checks file:read / file:write on the real path first (append needs both, as STDLIB.md
// lists), then reads or writes text and parses or formats it with Python's csv rules.
import { encoding, optStr, str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { dataToRows, delimiterArg, formatCsv, headersArg, parseCsv, recordsToObjects } from './csv-text.js';
import { checkedPath, encodeText } from './file.js';
import { readChecked, writeChecked } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';

export function csvFileBridges(env: BridgeEnv): Record<string, SyncBridge> {
  const readRecords = (fn: string, path: string, delimiter: string, enc: string): string[][] => {
    const real = checkedPath(env, 'read', path, `csv.${fn}`);
    return parseCsv(
      readChecked(env.files, real, path, env.limits.fileReadBytes).toString(encoding(enc, fn)),
      delimiter,
    );
  };
  const store = (fn: string, path: string, text: string, enc: string, mode: 'write' | 'append'): void => {
    const data = encodeText(text, encoding(enc, fn));
    if (data.length > env.limits.fileWriteBytes) {
      throw new BridgeError(
        'ValueError',
        `writing ${data.length} bytes to '${path}' exceeds the sandbox's file write limit of ${env.limits.fileWriteBytes} bytes`,
      );
    }
    writeChecked(env.files, checkedPath(env, 'write', path, `csv.${fn}`), path, data, mode);
  };
  const nonEmpty = (records: string[][]): string[][] => records.filter((r) => r.length > 0);

  return {
    /** read(file_path, delimiter=',', headers=True, encoding='utf-8'): objects or lists of strings. */
    'csv.read': (args) => {
      const records = readRecords(
        'read',
        str(args, 0, 'read', 'file_path'),
        delimiterArg(args[1]),
        optStr(args, 3, 'read', 'encoding', 'utf-8'),
      );
      return headersArg(args[2]) ? recordsToObjects(records) : records;
    },
    /** write(file_path, data, delimiter=',', headers=True, encoding='utf-8') → True. */
    'csv.write': (args) => {
      const path = str(args, 0, 'write', 'file_path');
      const text = formatCsv(dataToRows(args[1], headersArg(args[3])), delimiterArg(args[2]));
      store('write', path, text, optStr(args, 4, 'write', 'encoding', 'utf-8'), 'write');
      return true;
    },
    /** count_rows(file_path, delimiter=',', encoding='utf-8'): data rows after the header row. */
    'csv.count_rows': (args) => {
      const records = readRecords(
        'count_rows',
        str(args, 0, 'count_rows', 'file_path'),
        delimiterArg(args[1]),
        optStr(args, 2, 'count_rows', 'encoding', 'utf-8'),
      );
      return Math.max(0, nonEmpty(records).length - 1);
    },
    /** get_headers(file_path, delimiter=',', encoding='utf-8'): the first non-empty record. */
    'csv.get_headers': (args) => {
      const records = readRecords(
        'get_headers',
        str(args, 0, 'get_headers', 'file_path'),
        delimiterArg(args[1]),
        optStr(args, 2, 'get_headers', 'encoding', 'utf-8'),
      );
      return nonEmpty(records)[0] ?? [];
    },
    /** append(file_path, row, delimiter=',', encoding='utf-8'): a list, or an object in header order. */
    'csv.append': (args) => {
      const path = str(args, 0, 'append', 'file_path');
      const delimiter = delimiterArg(args[2]);
      const enc = optStr(args, 3, 'append', 'encoding', 'utf-8');
      const row = args[1];
      const header = nonEmpty(readRecords('append', path, delimiter, enc))[0] ?? [];
      let values: unknown[];
      if (Array.isArray(row)) values = row;
      else if (typeof row === 'object' && row !== null) {
        const o = row as Record<string, unknown>;
        const extra = Object.keys(o).filter((k) => !header.includes(k));
        if (extra.length > 0)
          throw new BridgeError(
            'ValueError',
            `dict contains fields not in fieldnames: ${extra.map((k) => `'${k}'`).join(', ')}`,
          );
        values = header.map((k) => o[k] ?? '');
      } else throw new BridgeError('TypeError', 'append() row must be a list or an object');
      store('append', path, formatCsv([values], delimiter), enc, 'append');
      return true;
    },
  };
}
