// Barrel of the CSV text format (Python's csv module on strings): shared by the runtime's `csv`
// module inside the isolate and the host's csv file bridges, so both read and write alike. Pure.
export { CsvError } from './error.js';
export { parseCsv, csvDictRows, type CsvDictRow } from './reader.js';
export { formatCsv, csvTableRows, csvDelimiter, csvHeaders, csvDictRecord, type CsvRowShape } from './writer.js';
