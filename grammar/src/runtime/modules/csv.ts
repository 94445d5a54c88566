// The pure part of the `csv` module: read_string and write_string over ML values. The text format
// itself is grammar/src/csv (shared with the host's file-based csv bridges, which must read and
// write exactly alike); this file only maps ML values to and from it.
import { csvDelimiter, csvDictRows, csvHeaders, csvTableRows, CsvError, formatCsv, parseCsv } from '../../csv/index.js';
import { MLFloat, MLObject, type Value } from '../values.js';
import { pyStr, raise } from '../ops.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, items, listArg, strArg } from './util.js';

/** Runs shared CSV code, raising its CsvError as the ML error of the same kind. */
function csv<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CsvError) return raise(e.kind, e.message);
    throw e;
  }
}

/** csv.read_string: objects keyed by the header row, or the raw rows when `headers` is false. */
export function readCsvString(text: string, delimiter: string, headers: boolean): Value[] {
  const records = csv(() => parseCsv(text, delimiter));
  return headers ? csvDictRows(records).map((entries) => new MLObject(entries)) : records;
}

/** ML rows as CSV rows: objects by their entries, anything else by the items `for` gives. */
const ML_ROWS = {
  entries: (v: Value) => (v instanceof MLObject ? v.map : undefined),
  fields: (v: Value) => items(v),
};

/** csv.write_string: each field written as Python's str() writes it (null as an empty field). */
export function writeCsvString(data: readonly Value[], delimiter: string, headers: boolean): string {
  const rows = csv(() => csvTableRows(data, headers, ML_ROWS));
  return formatCsv(
    rows.map((row) => row.map((v) => (v === null ? '' : pyStr(v)))),
    delimiter,
  );
}

/** An ML argument as the shared code reads it: an integral float such as 0.0 is its number. */
const plain = (v: Value | undefined): unknown => (v instanceof MLFloat ? v.value : v);

export function createCsvModule(_ctx: ModuleContext): MLModule {
  return new ModuleBuilder('csv')
    .fn('read_string', 1, 3, (s, d, h) =>
      readCsvString(
        strArg(s, 'csv_string'),
        csv(() => csvDelimiter(d)),
        csvHeaders(plain(h)),
      ),
    )
    .fn('write_string', 1, 3, (data, d, h) =>
      writeCsvString(
        listArg(data, 'data'),
        csv(() => csvDelimiter(d)),
        csvHeaders(plain(h)),
      ),
    )
    .build();
}
