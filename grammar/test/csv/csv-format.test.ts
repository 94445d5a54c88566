// The shared CSV format (grammar/src/csv) and the runtime's read_string/write_string over it, on the
// cases of cases.ts (CPython's results). debug-adapter/test/bridges/csv.test.ts runs the same cases
// through the host's csv file bridges and a sandboxed program: every path gives the same rows.
import { describe, expect, it } from 'vitest';
import { CsvError, csvDictRows, parseCsv } from '../../src/csv/index.js';
import { createCsvModule } from '../../src/runtime/modules/csv.js';
import { MLError, MLObject, type Value } from '../../src/runtime/values.js';
import { call, testContext } from '../runtime-modules/context.js';
import { READING, WRITING, delimiterOf } from './cases.js';

/** An ML result as plain data: objects as their entries, so key order is compared too. */
function plain(v: Value): unknown {
  if (v instanceof MLObject) return [...v.map].map(([k, x]) => [k, plain(x)]);
  if (Array.isArray(v)) return v.map(plain);
  return v;
}

/** JSON data as the ML values a program would build (objects are ML objects, numbers as parsed). */
function mlValue(v: unknown): Value {
  if (Array.isArray(v)) return v.map(mlValue);
  if (typeof v === 'object' && v !== null) return new MLObject(Object.entries(v).map(([k, x]) => [k, mlValue(x)]));
  return v as Value;
}

/** The outcome of `f`: its value as plain data, or `Kind: message` for an ML or CSV error. */
function outcome(f: () => unknown): unknown {
  try {
    return f();
  } catch (e) {
    if (e instanceof MLError || e instanceof CsvError) return `${e.kind}: ${e.message}`;
    throw e;
  }
}

const csv = createCsvModule(testContext());

describe('shared CSV reader', () => {
  it.each(READING)('$name', (c) => {
    expect(outcome(() => parseCsv(c.text, delimiterOf(c)))).toEqual(c.records ?? c.error);
    if (c.rows) expect(csvDictRows(c.records!)).toEqual(c.rows);
  });
});

describe('csv.read_string', () => {
  it.each(READING)('$name', (c) => {
    const read = (headers: boolean) => outcome(() => plain(call(csv, 'read_string', c.text, delimiterOf(c), headers)));
    expect(read(false)).toEqual(c.records ?? c.error);
    expect(read(true)).toEqual(c.rows ?? c.error);
  });
});

describe('csv.write_string', () => {
  it.each(WRITING)('$name', (c) => {
    const written = outcome(() => call(csv, 'write_string', mlValue(c.data), delimiterOf(c), c.headers ?? true));
    expect(written).toEqual(c.text ?? c.error);
  });
});
