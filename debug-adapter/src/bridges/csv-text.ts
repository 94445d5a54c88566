// CSV text on the host for the file-based `csv` functions, with Python's csv semantics (excel
// dialect, QUOTE_MINIMAL, "\r\n" records) matching the runtime's read_string/write_string, whose
// implementation (grammar/src/runtime/modules/csv.ts) is not exported to hosts. Pure functions.
import { BridgeError } from './types.js';

/** Splits CSV text into records like Python's csv.reader over io.StringIO(text). */
export function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let afterQuote = false;
  let inField = false;
  let i = 0;
  const endField = (): void => {
    fields.push(field);
    field = '';
    inField = false;
    afterQuote = false;
  };
  const endRecord = (): void => {
    if (inField || afterQuote || fields.length > 0) endField();
    records.push(fields);
    fields = [];
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        afterQuote = true;
      } else field += c;
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    if (c === delimiter) endField();
    else if (c === '"' && !inField && !afterQuote) {
      quoted = true;
      inField = true;
    } else {
      field += c;
      inField = true;
    }
    i++;
  }
  if (quoted || inField || afterQuote || fields.length > 0) endRecord();
  return records;
}

/** csv.DictReader: the first non-empty record names the columns; extra fields go under 'None'. */
export function recordsToObjects(records: readonly string[][]): Record<string, unknown>[] {
  const rows = records.filter((r) => r.length > 0);
  const header = rows[0];
  if (header === undefined) return [];
  return rows.slice(1).map((row) => {
    const o: Record<string, unknown> = {};
    header.forEach((key, i) => (o[key] = row[i] ?? null));
    if (row.length > header.length) o['None'] = row.slice(header.length);
    return o;
  });
}

/** Text of one value as Python's str() writes it for the plain data that crosses the bridge. */
function text(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan';
  throw new BridgeError('TypeError', 'CSV fields must be strings, numbers, booleans or null');
}

function formatField(v: unknown, delimiter: string, only: boolean): string {
  const s = text(v);
  if (s === '' && only) return '""';
  if (s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r'))
    return `"${s.replaceAll('"', '""')}"`;
  return s;
}

/** Rows → CSV text, each record ending with "\r\n" (Python's default line terminator). */
export function formatCsv(rows: readonly (readonly unknown[])[], delimiter: string): string {
  return rows
    .map((row) => row.map((v) => formatField(v, delimiter, row.length === 1)).join(delimiter) + '\r\n')
    .join('');
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rows for `data`: objects give a header (when `headers`) and rows in the first object's key order. */
export function dataToRows(data: unknown, headers: boolean): unknown[][] {
  if (!Array.isArray(data)) throw new BridgeError('TypeError', 'data must be a list of rows');
  const first = data[0];
  if (!isRecord(first)) {
    return data.map((row) => {
      if (!Array.isArray(row)) throw new BridgeError('TypeError', 'every row must be a list when the first one is');
      return row;
    });
  }
  const names = Object.keys(first);
  const rows: unknown[][] = headers ? [names] : [];
  for (const row of data) {
    if (!isRecord(row)) throw new BridgeError('TypeError', 'every row must be an object when the first one is');
    const extra = Object.keys(row).filter((k) => !names.includes(k));
    if (extra.length > 0) {
      throw new BridgeError(
        'ValueError',
        `dict contains fields not in fieldnames: ${extra.map((k) => `'${k}'`).join(', ')}`,
      );
    }
    rows.push(names.map((k) => row[k] ?? ''));
  }
  return rows;
}

/** The `delimiter` argument: one character, not a quote or line break. */
export function delimiterArg(v: unknown): string {
  if (v === undefined || v === null) return ',';
  if (typeof v !== 'string' || Array.from(v).length !== 1)
    throw new BridgeError('TypeError', '"delimiter" must be a 1-character string');
  if (v === '\n' || v === '\r' || v === '"') throw new BridgeError('ValueError', 'bad delimiter value');
  return v;
}

/** The `headers` argument: true unless false or 0. */
export function headersArg(v: unknown): boolean {
  return v === undefined || v === null ? true : v !== false && v !== 0;
}
