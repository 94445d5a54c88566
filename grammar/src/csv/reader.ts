// Python's csv reader (excel dialect) over a whole text, and csv.DictReader's rows, on plain strings.
// Shared by the runtime's `csv` module and the host's file-based csv bridges; knows no value model.
import { CsvError } from './error.js';

type State = 'startRecord' | 'startField' | 'inField' | 'inQuoted' | 'quoteInQuoted' | 'eatCrnl';

/** The end of one line of input (CPython feeds '\0' there), never a character of the text. */
const EOL = '';

const STRAY_NEWLINE =
  'new-line character seen in unquoted field - do you need to open the file in universal-newline mode?';

/**
 * Splits CSV text into records exactly as Python's csv.reader over io.StringIO(text) does: lines end
 * at "\n" only, so "\r\n" ends a record, a lone "\r" ends one only at the end of a line (anything
 * after it on the same line is a CsvError, as in CPython), a blank line is an empty record, and a
 * quoted field left open by the end of the text ends with it.
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
          field += c;
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
        } else field += c;
        return;
      case 'inQuoted':
        if (c === EOL) return;
        if (c === '"') state = 'quoteInQuoted';
        else field += c;
        return;
      case 'quoteInQuoted':
        if (c === '"') {
          field += c;
          state = 'inQuoted';
        } else if (c === delimiter) {
          save();
          state = 'startField';
        } else if (newline || c === EOL) {
          save();
          state = c === EOL ? 'startRecord' : 'eatCrnl';
        } else {
          field += c;
          state = 'inField';
        }
        return;
      case 'eatCrnl':
        if (newline) return;
        if (c === EOL) {
          state = 'startRecord';
          return;
        }
        throw new CsvError('ValueError', STRAY_NEWLINE);
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

/** One csv.DictReader row: [column name, value] in header order; `None` holds the extra fields. */
export type CsvDictRow = [key: string, value: string | null | string[]][];

/**
 * csv.DictReader over parsed records: the first non-empty record names the columns, empty records
 * are skipped, a short row fills the missing columns with null and a long row keeps its extra
 * fields as a list under 'None'. A repeated column name keeps its first place and its last value.
 */
export function csvDictRows(records: readonly string[][]): CsvDictRow[] {
  const rows = records.filter((r) => r.length > 0);
  const header = rows[0];
  if (header === undefined) return [];
  return rows.slice(1).map((row) => {
    const dict = new Map<string, string | null | string[]>(header.map((key, i) => [key, row[i] ?? null]));
    if (row.length > header.length) dict.set('None', row.slice(header.length));
    return [...dict];
  });
}
