// Python's csv writer (excel dialect, QUOTE_MINIMAL, "\r\n" records) and the row shaping of
// csv.DictWriter, shared by the runtime's `csv` module and the host's csv file bridges. Fields come
// in as text: turning a value into text (Python's str()) belongs to the caller's value model.
import { CsvError } from './error.js';

/** One field as Python's csv writer writes it; `only` = it is the record's single field. */
function formatField(s: string, delimiter: string, only: boolean): string {
  if (s === '' && only) return '""';
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) {
    return '"' + s.replaceAll('"', '""') + '"';
  }
  return s;
}

/** Records of field texts → CSV text, each record ending with "\r\n" (Python's lineterminator). */
export function formatCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  let out = '';
  for (const row of rows) out += row.map((s) => formatField(s, delimiter, row.length === 1)).join(delimiter) + '\r\n';
  return out;
}

/** How a caller's values look as CSV rows: a dict-like row's entries, a list-like row's fields. */
export interface CsvRowShape<V> {
  /** The ordered [key, value] entries of `v` when it is a dict-like value, else undefined. */
  entries(v: V): Iterable<readonly [string, V]> | undefined;
  /** The fields of `v` written as one record (its items, as Python's writerow iterates it). */
  fields(v: V): readonly V[];
}

/**
 * One csv.DictWriter record: the values of `entries` in the order of `names` (missing keys and null
 * values are empty); a key that is not one of `names` is an error.
 */
export function csvDictRecord<V>(names: readonly string[], entries: Iterable<readonly [string, V]>): (V | string)[] {
  const values = new Map(entries);
  const extra = [...values.keys()].filter((k) => !names.includes(k));
  if (extra.length > 0) {
    const list = extra.map((k) => `'${k}'`).join(', ');
    throw new CsvError('ValueError', `dict contains fields not in fieldnames: ${list}`);
  }
  return names.map((k) => values.get(k) ?? '');
}

/**
 * The records written for `data`: when its first row is dict-like, a header row of the first row's
 * keys (when `headers`) and one csvDictRecord per row in that key order; otherwise each row's
 * fields as they are.
 */
export function csvTableRows<V>(data: readonly V[], headers: boolean, shape: CsvRowShape<V>): (V | string)[][] {
  const first = data[0];
  const firstEntries = first === undefined ? undefined : shape.entries(first);
  if (firstEntries === undefined) return data.map((row) => [...shape.fields(row)]);
  const names = [...firstEntries].map(([k]) => k);
  const rows: (V | string)[][] = headers ? [names] : [];
  for (const row of data) {
    const entries = shape.entries(row);
    if (entries === undefined) throw new CsvError('TypeError', 'every row must be an object when the first one is');
    rows.push(csvDictRecord(names, entries));
  }
  return rows;
}

/** The `delimiter` argument: ',' when absent, else one character that is not a quote or line break. */
export function csvDelimiter(v: unknown): string {
  if (v === undefined || v === null) return ',';
  if (typeof v !== 'string' || Array.from(v).length !== 1) {
    throw new CsvError('TypeError', '"delimiter" must be a 1-character string');
  }
  if (v === '\n' || v === '\r' || v === '"') throw new CsvError('ValueError', 'bad delimiter value');
  return v;
}

/** The `headers` argument: true when absent, false for false and 0, true for anything else. */
export function csvHeaders(v: unknown): boolean {
  return v === undefined || v === null ? true : v !== false && v !== 0;
}
