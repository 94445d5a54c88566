// Float repr, round() and format() compared with CPython 3.11 on random doubles: fixtures/floats-python.json
// pairs each ML expression with what Python prints for `print([expr])` or the error it raises.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { show } from './harness.js';

const CASES = JSON.parse(readFileSync(new URL('./fixtures/floats-python.json', import.meta.url), 'utf8')) as [
  string,
  string,
][];

describe('floats match Python', () => {
  test.each(CASES)('%s', (expr, expected) => {
    expect(show(`[${expr}]`)).toBe(expected);
  });
});
