// Python float repr: shortest round-trip digits and the fixed/exponent thresholds.
import { describe, expect, test } from 'vitest';
import { formatFloat } from '../../src/runtime/float-repr.js';

const CASES: [number, string][] = [
  [0.1 + 0.2, '0.30000000000000004'],
  [1e20, '1e+20'],
  [1e-5, '1e-05'],
  [2, '2.0'],
  [100 / 3, '33.333333333333336'],
  [1e15, '1000000000000000.0'],
  [1e16, '1e+16'],
  [123456789.5, '123456789.5'],
  [1234567890123456, '1234567890123456.0'],
  [0.0001, '0.0001'],
  [0.00001234, '1.234e-05'],
  [1.5e-7, '1.5e-07'],
  [6.022e23, '6.022e+23'],
  [-0.0, '-0.0'],
  [0, '0.0'],
  [-1e20, '-1e+20'],
  [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [NaN, 'nan'],
  [1 / 3, '0.3333333333333333'],
  [9.99 * 100, '999.0'],
  [1e100, '1e+100'],
  [123e-20, '1.23e-18'],
  [9999999999999998, '9999999999999998.0'],
];

describe('formatFloat', () => {
  test.each(CASES)('%s → %s', (x, text) => {
    expect(formatFloat(x)).toBe(text);
  });
});
