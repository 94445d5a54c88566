// Operators compared with CPython 3.11 on generated expressions: fixtures/operators-python.json
// pairs each ML expression with what Python prints for `print([expr])` or the error it raises.
// (Cases where ML-LANGUAGE.md deliberately differs — `%` by zero's message — are not included.)
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { show } from './harness.js';

const CASES = JSON.parse(readFileSync(new URL('./fixtures/operators-python.json', import.meta.url), 'utf8')) as [
  string,
  string,
][];

describe('operators match Python', () => {
  test.each(CASES)('%s', (expr, expected) => {
    expect(show(`[${expr}]`)).toBe(expected);
  });
});
