// Host side of the `csv` functions that touch files: read, write, count_rows, get_headers, append.
// Each checks file:read / file:write on the real path first (append needs both, as STDLIB.md
// lists), then reads or writes text with the grammar's CSV format, the one read_string and
// write_string use in the isolate, so a file and a string with the same text give the same rows.
import {
  csvDelimiter,
  csvDictRecord,
  csvDictRows,
  CsvError,
  csvHeaders,
  csvTableRows,
  formatCsv,
  parseCsv,
  type CsvRowShape,
} from '@mlsec/grammar/csv';
import { pyStr, pyTypeName } from '@mlsec/grammar/runtime/text';
import { MLObject, type Value } from '@mlsec/grammar/runtime/values';
import { encoding, optStr, str } from './arg-check.js';
import type { BridgeEnv } from './bridge-env.js';
import { checkedPath, encodeText } from './file.js';
import { readChecked, writeChecked } from './safe-fs.js';
import { BridgeError, type SyncBridge } from './types.js';

/** Runs shared CSV code, failing the ML call with its CsvError's kind and message. */
function csv<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CsvError) throw new BridgeError(e.kind, e.message);
    throw e;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Bridge data (copied ML values: lists, objects, strings, numbers, booleans, null) as an ML value. */
function toValue(v: unknown): Value {
  if (Array.isArray(v)) return v.map(toValue);
  if (isRecord(v)) return new MLObject(Object.entries(v).map(([k, x]) => [k, toValue(x)]));
  return v === undefined ? null : (v as Value);
}

/** Rows of bridge data as the runtime's write_string sees its rows: objects, or what `for` gives. */
const PLAIN_ROWS: CsvRowShape<unknown> = {
  entries: (v) => (isRecord(v) ? Object.entries(v) : undefined),
  fields: (v) => {
    if (Array.isArray(v)) return v;
    if (typeof v === 'string') return Array.from(v);
    if (isRecord(v)) return Object.keys(v);
    throw new BridgeError('TypeError', `'${pyTypeName(toValue(v))}' object is not iterable`);
  },
};

/** Field texts as Python's str() writes them (null as an empty field), like write_string. */
const fieldTexts = (rows: readonly (readonly unknown[])[]): string[][] =>
  rows.map((row) => row.map((v) => (v === null || v === undefined ? '' : pyStr(toValue(v)))));

export function csvFileBridges(env: BridgeEnv): Record<string, SyncBridge> {
  /** The records of the file named by args[0], with the delimiter and the encoding at those places. */
  const readRecords = (fn: string, args: unknown[], delimiterAt: number, encAt: number): string[][] => {
    const path = str(args, 0, fn, 'file_path');
    const delimiter = csv(() => csvDelimiter(args[delimiterAt]));
    const enc = encoding(optStr(args, encAt, fn, 'encoding', 'utf-8'), fn);
    const real = checkedPath(env, 'read', path, `csv.${fn}`);
    const text = readChecked(env.files, real, path, env.limits.fileReadBytes).toString(enc);
    return csv(() => parseCsv(text, delimiter));
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
      const records = readRecords('read', args, 1, 3);
      if (!csvHeaders(args[2])) return records;
      return csvDictRows(records).map((entries) => {
        // No prototype: a column named '__proto__' is an ordinary key, as in an ML object.
        const o = Object.create(null) as Record<string, unknown>;
        for (const [k, v] of entries) o[k] = v;
        return o;
      });
    },
    /** write(file_path, data, delimiter=',', headers=True, encoding='utf-8') → True. */
    'csv.write': (args) => {
      const path = str(args, 0, 'write', 'file_path');
      const data = args[1];
      if (!Array.isArray(data))
        throw new BridgeError('TypeError', `data must be a list, not ${pyTypeName(toValue(data))}`);
      const delimiter = csv(() => csvDelimiter(args[2]));
      const rows = csv(() => csvTableRows(data, csvHeaders(args[3]), PLAIN_ROWS));
      const text = formatCsv(fieldTexts(rows), delimiter);
      store('write', path, text, optStr(args, 4, 'write', 'encoding', 'utf-8'), 'write');
      return true;
    },
    /** count_rows(file_path, delimiter=',', encoding='utf-8'): data rows after the header row. */
    'csv.count_rows': (args) => Math.max(0, nonEmpty(readRecords('count_rows', args, 1, 2)).length - 1),
    /** get_headers(file_path, delimiter=',', encoding='utf-8'): the first non-empty record. */
    'csv.get_headers': (args) => nonEmpty(readRecords('get_headers', args, 1, 2))[0] ?? [],
    /** append(file_path, row, delimiter=',', encoding='utf-8'): a list, or an object in header order. */
    'csv.append': (args) => {
      const path = str(args, 0, 'append', 'file_path');
      const header = nonEmpty(readRecords('append', args, 2, 3))[0] ?? [];
      const row = args[1];
      let values: readonly unknown[];
      if (Array.isArray(row)) values = row;
      else if (isRecord(row)) values = csv(() => csvDictRecord(header, Object.entries(row)));
      else throw new BridgeError('TypeError', 'append() row must be a list or an object');
      const text = formatCsv(
        fieldTexts([values]),
        csv(() => csvDelimiter(args[2])),
      );
      store('append', path, text, optStr(args, 3, 'append', 'encoding', 'utf-8'), 'append');
      return true;
    },
  };
}
