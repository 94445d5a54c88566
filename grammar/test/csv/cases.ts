// The CSV cases every reading and writing path must agree on (reading.json, writing.json), loaded
// for the grammar's tests and the host bridges' tests. Expected records, DictReader rows and written
// text come from CPython 3.11's csv module: reader over io.StringIO, DictReader with the first
// non-empty record as header, writer/DictWriter; error texts are the runtime's. Not a test itself.
import { readFileSync } from 'node:fs';

export interface ReadCase {
  name: string;
  text: string;
  delimiter?: string;
  /** csv.reader's records; absent when reading fails with `error` (`Kind: message`). */
  records?: string[][];
  error?: string;
  /** DictReader rows as [key, value] entries in order (extra fields under 'None'). */
  rows?: [string, string | null | string[]][][];
}

export interface WriteCase {
  name: string;
  /** JSON data as the program builds it (objects are ML objects, numbers as JSON.parse reads them). */
  data: unknown[];
  delimiter?: string;
  headers?: boolean;
  /** The text written; absent when writing fails with `error` (`Kind: message`). */
  text?: string;
  error?: string;
}

const load = <T>(file: string): T[] => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8')) as T[];

export const READING = load<ReadCase>('./reading.json');
export const WRITING = load<WriteCase>('./writing.json');

export const delimiterOf = (c: { delimiter?: string }): string => c.delimiter ?? ',';
