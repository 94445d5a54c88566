// The pure part of the `csv` module: Python's csv reader/writer (excel dialect, QUOTE_MINIMAL) on
// strings. The file-based functions are host bridges; they reuse parseCsv/formatCsv exported here.
import { MLObject, type Value } from '../values.js';
import { pyStr, raise } from '../ops.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, absent, items, listArg, strArg } from './util.js';

type State = 'startRecord' | 'startField' | 'inField' | 'inQuoted' | 'quoteInQuoted' | 'eatCrnl';

const EOL = '';

/**
 * Splits CSV text into records exactly as Python's csv.reader over io.StringIO(text) does (lines end
 * at "\n"; a blank line is an empty record; an unterminated quote ends with the text).
 */
export function parseCsv(text: string, delimiter = ','): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let state: State = 'startRecord';
  const save = () => {
    fields.push(field);
    field = '';
  };
  const add = (c: string) => {
    field += c;
  };
  const feed = (c: string): void => {
    const newline = c === '\n' || c === '\r';
    switch (state) {
      case 'startRecord':
        if (c === EOL) return;
        if (newline) {
          state = 'eatCrnl';
          return;
        }
        state = 'startField';
        feed(c);
        return;
      case 'startField':
        if (newline || c === EOL) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else if (c === '"') state = 'inQuoted';
        else if (c === delimiter) save();
        else {
          add(c);
          state = 'inField';
        }
        return;
      case 'inField':
        if (newline || c === EOL) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else if (c === delimiter) {
          save();
          state = 'startField';
        } else add(c);
        return;
      case 'inQuoted':
        if (c === EOL) return;
        if (c === '"') state = 'quoteInQuoted';
        else add(c);
        return;
      case 'quoteInQuoted':
        if (c === '"') {
          add(c);
          state = 'inQuoted';
        } else if (c === delimiter) {
          save();
          state = 'startField';
        } else if (newline || c === EOL) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else {
          add(c);
          state = 'inField';
        }
        return;
      case 'eatCrnl':
        if (newline) return;
        if (c === EOL) {
          state = 'startRecord';
          return;
        }
        raise(
          'ValueError',
          'new-line character seen in unquoted field - do you need to open the file in universal-newline mode?',
        );
    }
  };
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    for (let i = start; i < end; i++) feed(text[i]!);
    feed(EOL);
    if (state === 'startRecord') {
      records.push(fields);
      fields = [];
    }
    start = end;
  }
  // Only a quoted field left open by the end of the text can still be pending here.
  if ((state as State) === 'inQuoted') {
    save();
    records.push(fields);
  }
  return records;
}

/** csv.DictReader over parsed records: the first non-empty record names the columns. */
export function recordsToObjects(records: readonly string[][]): MLObject[] {
  const rows = records.filter((r) => r.length > 0);
  const header = rows[0];
  if (header === undefined) return [];
  return rows.slice(1).map((row) => {
    const o = new MLObject();
    header.forEach((key, i) => o.map.set(key, row[i] ?? null));
    if (row.length > header.length) o.map.set('None', row.slice(header.length));
    return o;
  });
}

/** One field as Python's csv writer writes it (QUOTE_MINIMAL). */
function formatField(v: Value, delimiter: string, only: boolean): string {
  const s = v === null ? '' : typeof v === 'string' ? v : pyStr(v);
  if (s === '' && only) return '""';
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r')) {
    return '"' + s.replaceAll('"', '""') + '"';
  }
  return s;
}

/** Rows of values → CSV text, each record ending with "\r\n" (Python's default lineterminator). */
export function formatCsv(rows: readonly (readonly Value[])[], delimiter = ','): string {
  let out = '';
  for (const row of rows) out += row.map((v) => formatField(v, delimiter, row.length === 1)).join(delimiter) + '\r\n';
  return out;
}

/**
 * The rows csv.write_string writes for `data`: a list of objects becomes a header (when `headers`)
 * plus one row per object in the first object's key order; a list of lists is written as it is.
 */
export function dataToRows(data: readonly Value[], headers: boolean): Value[][] {
  const first = data[0];
  if (!(first instanceof MLObject)) return data.map((row) => [...items(row)]);
  const names = [...first.map.keys()];
  const rows: Value[][] = headers ? [names] : [];
  for (const row of data) {
    if (!(row instanceof MLObject)) return raise('TypeError', 'every row must be an object when the first one is');
    const extra = [...row.map.keys()].filter((k) => !names.includes(k));
    if (extra.length > 0)
      raise('ValueError', `dict contains fields not in fieldnames: ${extra.map((k) => `'${k}'`).join(', ')}`);
    rows.push(names.map((k) => row.map.get(k) ?? ''));
  }
  return rows;
}

export function delimiterArg(v: Value | undefined): string {
  if (absent(v)) return ',';
  if (typeof v !== 'string' || Array.from(v).length !== 1)
    raise('TypeError', '"delimiter" must be a 1-character string');
  if (v === '\n' || v === '\r' || v === '"') raise('ValueError', 'bad delimiter value');
  return v;
}

const headersArg = (v: Value | undefined) => (v === undefined || v === null ? true : v !== false && v !== 0);

/** csv.read_string: objects keyed by the header row, or the raw rows when `headers` is false. */
export function readCsvString(text: string, delimiter: string, headers: boolean): Value[] {
  const records = parseCsv(text, delimiter);
  return headers ? recordsToObjects(records) : records;
}

export function createCsvModule(_ctx: ModuleContext): MLModule {
  return new ModuleBuilder('csv')
    .fn('read_string', 1, 3, (s, d, h) => readCsvString(strArg(s, 'csv_string'), delimiterArg(d), headersArg(h)))
    .fn('write_string', 1, 3, (data, d, h) =>
      formatCsv(dataToRows(listArg(data, 'data'), headersArg(h)), delimiterArg(d)),
    )
    .build();
}
