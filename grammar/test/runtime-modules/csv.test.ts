// csv module (string functions): parsing and writing exactly as CPython's csv reader/DictReader and
// writer/DictWriter do with the excel dialect; expected values come from CPython. The text format's
// own cases (line endings, quoting) are in ../csv/, shared with the host's csv file bridges.
import { describe, expect, it } from 'vitest';
import { MLFloat, MLObject, type Value } from '../../src/runtime/values.js';
import { createCsvModule, writeCsvString } from '../../src/runtime/modules/csv.js';
import { call, outcome, testContext } from './context.js';

const csv = createCsvModule(testContext());
const o = (entries: Record<string, Value>) => new MLObject(Object.entries(entries));

const cases: [string, () => Value, string][] = [
  [
    'read_string with headers',
    () => call(csv, 'read_string', 'name,age\nAlice,30\nBob,25'),
    "[{'name': 'Alice', 'age': '30'}, {'name': 'Bob', 'age': '25'}]",
  ],
  [
    'short and long rows',
    () => call(csv, 'read_string', 'a,b\n1,2,3\n4\n\n5,6'),
    "[{'a': '1', 'b': '2', 'None': ['3']}, {'a': '4', 'b': None}, {'a': '5', 'b': '6'}]",
  ],
  [
    'delimiter without headers',
    () => call(csv, 'read_string', 'a;b;c\n1;2;3', ';', false),
    "[['a', 'b', 'c'], ['1', '2', '3']]",
  ],
  [
    'quoted delimiter',
    () => call(csv, 'read_string', 'id,desc\n1,"hello, world"\n2,plain'),
    "[{'id': '1', 'desc': 'hello, world'}, {'id': '2', 'desc': 'plain'}]",
  ],
  ['header only', () => call(csv, 'read_string', 'only,header'), '[]'],
  [
    'write objects',
    () => call(csv, 'write_string', [o({ x: 1, y: 'two' }), o({ x: 3, y: 'four, five' })]),
    '\'x,y\\r\\n1,two\\r\\n3,"four, five"\\r\\n\'',
  ],
  [
    'write objects without header',
    () => call(csv, 'write_string', [o({ x: 1 }), o({ x: 2 })], ',', false),
    "'1\\r\\n2\\r\\n'",
  ],
  [
    'missing keys are empty',
    () => call(csv, 'write_string', [o({ x: 1, y: 2 }), o({ x: 3 })]),
    "'x,y\\r\\n1,2\\r\\n3,\\r\\n'",
  ],
  [
    'extra keys refused',
    () => call(csv, 'write_string', [o({ x: 1 }), o({ x: 3, z: 4 })]),
    "ValueError: dict contains fields not in fieldnames: 'z'",
  ],
  [
    'write lists',
    () =>
      call(
        csv,
        'write_string',
        [
          ['h1', 'h2'],
          [1, 2],
          [3, 4],
        ],
        '|',
        false,
      ),
    "'h1|h2\\r\\n1|2\\r\\n3|4\\r\\n'",
  ],
  ['write empty', () => call(csv, 'write_string', []), "''"],
  ['bad delimiter', () => call(csv, 'read_string', 'a', '::'), 'TypeError: "delimiter" must be a 1-character string'],
  [
    'round trip',
    () => call(csv, 'read_string', call(csv, 'write_string', [o({ k: 'a "q"', v: 'x\ny' })])),
    "[{'k': 'a \"q\"', 'v': 'x\\ny'}]",
  ],
];

describe('csv writer', () => {
  it('quotes like QUOTE_MINIMAL and writes values with Python str()', () => {
    const rows: Value[][] = [['a,b', 'q"x', 'n\nl', '', null, 1.5, true, new MLFloat(2)], [''], [], [' sp']];
    expect(writeCsvString(rows, ',', false)).toBe('"a,b","q""x","n\nl",,,1.5,True,2.0\r\n""\r\n\r\n sp\r\n');
  });
});

describe('csv module', () => {
  it.each(cases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });
});
