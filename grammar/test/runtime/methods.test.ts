// String, array and pair methods compared with CPython: fixtures/methods.json holds each ML
// expression with what Python 3.11 prints for `print([expr])` (or the exception it raises).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { show } from './harness.js';

const CASES = JSON.parse(readFileSync(new URL('./fixtures/methods.json', import.meta.url), 'utf8')) as [
  string,
  string,
][];

describe('methods on built-in values match Python', () => {
  test.each(CASES)('%s', (expr, expected) => {
    const out = show(`[${expr}]`);
    expect(out).toBe(expected);
  });
});
