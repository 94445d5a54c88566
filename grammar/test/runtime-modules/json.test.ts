// json module: parse results and errors as CPython's json gives them, stringify/prettyPrint text,
// round trips, depth limits, and `__proto__` staying an ordinary key.
import { describe, expect, it } from 'vitest';
import { MLFloat, MLObject, MLTuple, type Value } from '../../src/runtime/values.js';
import { createJsonModule } from '../../src/runtime/modules/json/module.js';
import { createRegexModule } from '../../src/runtime/modules/regex/module.js';
import { call, outcome, testContext } from './context.js';

const json = createJsonModule(testContext());
const o = (entries: Record<string, Value>) => new MLObject(Object.entries(entries));

const parseCases: [string, string][] = [
  ['[1, 2.5, -3]', '[1, 2.5, -3]'],
  ['7', '7'],
  ['3.0', '3.0'],
  ['-0', '0'],
  ['1E2', '100.0'],
  ['1e400', 'inf'],
  ['NaN', 'nan'],
  ['-Infinity', '-inf'],
  ['123456789012345678901234567890', '123456789012345678901234567890'],
  ['"s"', "'s'"],
  ['"\\ud83d\\ude00 \\u00e9 \\/ \\n"', "'😀 é / \\n'"],
  ['null', 'None'],
  ['{"a":1,"a":2,"b":[true,false,null]}', "{'a': 2, 'b': [True, False, None]}"],
  ['  {"__proto__": {"polluted": 1}, "constructor": 2} ', "{'__proto__': {'polluted': 1}, 'constructor': 2}"],
  [
    '{bad json}',
    'ValueError: JSON parsing failed: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)',
  ],
  ['[1, 2', "ValueError: JSON parsing failed: Expecting ',' delimiter: line 1 column 6 (char 5)"],
  ['', 'ValueError: JSON parsing failed: Expecting value: line 1 column 1 (char 0)'],
  ['  ', 'ValueError: JSON parsing failed: Expecting value: line 1 column 3 (char 2)'],
  ['{"a" 1}', "ValueError: JSON parsing failed: Expecting ':' delimiter: line 1 column 6 (char 5)"],
  [
    '{"a":1,}',
    'ValueError: JSON parsing failed: Expecting property name enclosed in double quotes: line 1 column 8 (char 7)',
  ],
  ['[1,]', 'ValueError: JSON parsing failed: Expecting value: line 1 column 4 (char 3)'],
  ['[1 2]', "ValueError: JSON parsing failed: Expecting ',' delimiter: line 1 column 4 (char 3)"],
  ['12 3', 'ValueError: JSON parsing failed: Extra data: line 1 column 4 (char 3)'],
  ['"abc', 'ValueError: JSON parsing failed: Unterminated string starting at: line 1 column 1 (char 0)'],
  ['"a\\x"', 'ValueError: JSON parsing failed: Invalid \\escape: line 1 column 3 (char 2)'],
  ['"a\\u12g4"', 'ValueError: JSON parsing failed: Invalid \\uXXXX escape: line 1 column 4 (char 3)'],
  ['"a\nb"', 'ValueError: JSON parsing failed: Invalid control character at: line 1 column 3 (char 2)'],
  ['nul', 'ValueError: JSON parsing failed: Expecting value: line 1 column 1 (char 0)'],
  ['-', 'ValueError: JSON parsing failed: Expecting value: line 1 column 1 (char 0)'],
  ['01', 'ValueError: JSON parsing failed: Extra data: line 1 column 2 (char 1)'],
  ['1.', 'ValueError: JSON parsing failed: Extra data: line 1 column 2 (char 1)'],
  ['.5', 'ValueError: JSON parsing failed: Expecting value: line 1 column 1 (char 0)'],
  ['{"a":1}\n\n  x', 'ValueError: JSON parsing failed: Extra data: line 3 column 3 (char 11)'],
  ['["é", x]', 'ValueError: JSON parsing failed: Expecting value: line 1 column 7 (char 6)'],
];

const s = (v: Value) => call(json, 'stringify', v);
const pretty = (v: Value, indent?: Value) =>
  indent === undefined ? call(json, 'prettyPrint', v) : call(json, 'prettyPrint', v, indent);
const pattern = call(createRegexModule(testContext()), 'compile', 'a');
const cyclic: Value[] = [];
cyclic.push(cyclic);

const stringifyCases: [string, () => Value, string][] = [
  [
    'object',
    () => s(o({ name: 'Widget', price: 9.5, qty: 3, tags: ['a', 'b'], active: true, note: null })),
    '{"name": "Widget", "price": 9.5, "qty": 3, "tags": ["a", "b"], "active": true, "note": null}',
  ],
  ['mixed list', () => s([1, new MLFloat(2), 'x', false, null, o({})]), '[1, 2.0, "x", false, null, {}]'],
  ['scalars', () => [s('text'), s(42), s(true), s(null)].join(' '), '"text" 42 true null'],
  [
    'special floats',
    () => s([NaN, Infinity, -Infinity, new MLFloat(-0), new MLFloat(1e16)]),
    '[NaN, Infinity, -Infinity, -0.0, 1e+16]',
  ],
  ['big int', () => s(10n ** 30n), '1000000000000000000000000000000'],
  ['ensure_ascii escapes', () => s('é😀\x01"\\/\n\t'), '"\\u00e9\\ud83d\\ude00\\u0001\\"\\\\/\\n\\t"'],
  ['pair as list', () => s(new MLTuple([1, 'a'])), '[1, "a"]'],
  ['tuple of three as list', () => s(new MLTuple([1, 'a', true])), '[1, "a", true]'],
  [
    'function',
    () => s([(() => null) as Value]),
    'TypeError: JSON serialization failed: Object of type function is not JSON serializable',
  ],
  [
    'stdlib object',
    () => s(pattern),
    'TypeError: JSON serialization failed: Object of type Pattern is not JSON serializable',
  ],
  ['cycle', () => s(cyclic), 'ValueError: JSON serialization failed: Circular reference detected'],
  [
    'pretty default',
    () => pretty(o({ a: 1, b: [true, null] })),
    '{\n    "a": 1,\n    "b": [\n        true,\n        null\n    ]\n}',
  ],
  [
    'pretty 2',
    () => pretty(o({ a: o({ b: [] }), c: [1, o({})] }), 2),
    '{\n  "a": {\n    "b": []\n  },\n  "c": [\n    1,\n    {}\n  ]\n}',
  ],
  ['pretty 0', () => pretty([1], 0), '[\n1\n]'],
  ['pretty with a string indent', () => pretty([1], '\t'), '[\n\t1\n]'],
  ['pretty empty', () => [pretty([]), pretty(o({}))].join(' '), '[] {}'],
];

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

describe('json.parse', () => {
  it.each(parseCases)('%j', (text, expected) => {
    expect(outcome(() => call(json, 'parse', text))).toBe(expected);
  });

  it('keeps ints and floats apart', () => {
    const v = call(json, 'parse', '[1, 1.0, 2.5]') as Value[];
    expect(v[0]).toBe(1);
    expect(v[1]).toEqual(new MLFloat(1));
    expect(v[2]).toBe(2.5);
  });

  it('limits nesting: safeParse at max_depth, parse at 1000', () => {
    expect(outcome(() => call(json, 'safeParse', deep(100)))).toMatch(/^\[\[/);
    expect(outcome(() => call(json, 'safeParse', deep(101)))).toBe(
      'ValueError: JSON parsing failed: Maximum nesting depth of 100 exceeded: line 1 column 101 (char 100)',
    );
    expect(outcome(() => call(json, 'safeParse', deep(3), 2))).toBe(
      'ValueError: JSON parsing failed: Maximum nesting depth of 2 exceeded: line 1 column 3 (char 2)',
    );
    expect(outcome(() => call(json, 'parse', deep(1000)))).toMatch(/^\[\[/);
    expect(outcome(() => call(json, 'parse', deep(100000)))).toMatch(
      /^ValueError: JSON parsing failed: Maximum nesting depth of 1000/,
    );
  });

  it('requires text', () => {
    expect(outcome(() => call(json, 'parse', 5))).toBe(
      'TypeError: the JSON object must be str, bytes or bytearray, not int',
    );
  });
});

describe('json.stringify and prettyPrint', () => {
  it.each(stringifyCases)('%s', (_name, f, expected) => {
    expect(outcome(f, (v) => String(v))).toBe(expected);
  });

  it.each([
    '{"name": "Widget", "price": 9.5, "qty": 3, "tags": ["a", "b"], "active": true, "note": null}',
    '[1, 2.0, -0.0, 1e+16, 123456789012345678901234567890, "\\u00e9\\ud83d\\ude00", {"__proto__": [[]]}]',
    '{"a": {"b": {"c": [NaN, Infinity]}}}',
  ])('round trips %s', (text) => {
    expect(s(call(json, 'parse', text))).toBe(text);
  });
});

describe('json helpers', () => {
  const cases: [string, Value[], string][] = [
    ['validate', ['{"ok": 1}'], 'True'],
    ['validate', ['{bad json}'], 'False'],
    ['validate', ['[1, 2'], 'False'],
    ['validate', ['12'], 'True'],
    ['validate', [12], 'False'],
    ['isObject', [o({})], 'True'],
    ['isObject', [[]], 'False'],
    ['isArray', [[1]], 'True'],
    ['isString', ['s'], 'True'],
    ['isString', [1], 'False'],
    ['isNumber', [1.5], 'True'],
    ['isNumber', [new MLFloat(2)], 'True'],
    ['isNumber', [10n ** 20n], 'True'],
    ['isNumber', [true], 'False'],
    ['isBoolean', [false], 'True'],
    ['isNull', [null], 'True'],
    ['isNull', [0], 'False'],
    ['keys', [o({ x: 1, y: 2 })], "['x', 'y']"],
    ['values', [o({ x: 1, y: 2 })], '[1, 2]'],
    ['keys', [[1]], 'TypeError: obj must be a dict, not list'],
    ['hasKey', [o({ x: 1 }), 'x'], 'True'],
    ['hasKey', [o({ x: 1 }), 'y'], 'False'],
    ['get', [o({ x: 1 }), 'x'], '1'],
    ['get', [o({ x: 1 }), 'y'], 'None'],
    ['get', [o({ x: 1 }), 'y', 'fallback'], "'fallback'"],
    ['merge', [o({ a: 1, b: 2 }), o({ b: 20, c: 30 })], "{'a': 1, 'b': 20, 'c': 30}"],
  ];
  it.each(cases.map((c, i) => [`${c[0]} #${i}`, ...c] as const))('json.%s', (_label, name, args, expected) => {
    expect(outcome(() => call(json, name, ...args))).toBe(expected);
  });
});
