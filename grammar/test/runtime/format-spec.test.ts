// format(value, spec): Python's format-spec mini-language, and round() half-even on exact values.
import { describe, expect, test } from 'vitest';
import { show } from './harness.js';

const FORMAT: [string, string, string][] = [
  ['3.14159', '.2f', '3.14'],
  ['2', '.3f', '2.000'],
  ['1234567.891', ',.2f', '1,234,567.89'],
  ['42', '5d', '   42'],
  ['42', '05d', '00042'],
  ['-42', '05d', '-0042'],
  ['-42', '+d', '-42'],
  ['42', '+d', '+42'],
  ['42', ' d', ' 42'],
  ['255', 'x', 'ff'],
  ['255', '#X', '0XFF'],
  ['255', '#o', '0o377'],
  ['5', '#b', '0b101'],
  ['1000000', ',', '1,000,000'],
  ['1000000', '_', '1_000_000'],
  ['65535', '_x', 'ffff'],
  ['1048575', '_x', 'f_ffff'],
  ['"left"', '<8', 'left    '],
  ['"right"', '>8', '   right'],
  ['"mid"', '^9', '   mid   '],
  ['"mid"', '*^8', '**mid***'],
  ['"abcdef"', '.3', 'abc'],
  ['7', '*>4', '***7'],
  ['0.25', '.1%', '25.0%'],
  ['12345.678', '.3e', '1.235e+04'],
  ['12345.678', 'E', '1.234568E+04'],
  ['3.0', 'g', '3'],
  ['0.00001234', 'g', '1.234e-05'],
  ['123456789.0', 'g', '1.23457e+08'],
  ['100000.0', 'g', '100000'],
  ['1000000.0', 'g', '1e+06'],
  ['3.0', '#g', '3.00000'],
  ['123', '', '123'],
  ['2.5', '', '2.5'],
  ['true', '', 'True'],
  ['true', 'd', '1'],
  ['null', '', 'None'],
  ['0.125', '.2f', '0.12'],
  ['0.375', '.2f', '0.38'],
  ['2.675', '.2f', '2.67'],
  ['-0.0', '.1f', '-0.0'],
  ['-0.0001', 'z.1f', '0.0'],
  ['1.5', '10.3f', '     1.500'],
  ['1.5', '<10.3f', '1.500     '],
  ['-1.5', '=+10.2f', '-     1.50'],
  ['1e300 * 1e300', 'f', 'inf'],
  ['65', 'c', 'A'],
  ['2.5', '.0f', '2'],
  ['3.5', '.0f', '4'],
  ['123456789012345678901234567890', ',', '123,456,789,012,345,678,901,234,567,890'],
  ['1.5', 'd', "ValueError: Unknown format code 'd' for object of type 'float'"],
  ['"s"', 'd', "ValueError: Unknown format code 'd' for object of type 'str'"],
  ['1', '.2d', 'ValueError: Precision not allowed in integer format specifier'],
  ['1', '!!', 'ValueError: Invalid format specifier'],
];

const ROUND: [string, string][] = [
  ['round(2.5), round(3.5), round(-0.5), round(-1.5)', '2.0 4.0 -0.0 -2.0'],
  ['round(7), round(-3), round(true)', '7 -3 1'],
  ['round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2)', '2.67 1.0 0.12 0.38'],
  ['round(1234.5678, 1), round(1234.5678, 0), round(1234.5678, -2)', '1234.6 1235.0 1200.0'],
  ['round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1)', '1200 1400 -1200 20'],
  ['round(123456789012345678901234567890, -20)', '123456789000000000000000000000'],
  ['round(1e300, 2), round(0.5e-300, 2)', '1e+300 0.0'],
  ['round("x")', "TypeError: type str doesn't define __round__ method"],
];

describe('format()', () => {
  test.each(FORMAT)('format(%s, "%s")', (value, spec, expected) => {
    expect(show(`format(${value}, "${spec}")`)).toBe(expected);
  });
});

describe('round()', () => {
  test.each(ROUND)('%s', (expr, expected) => {
    expect(show(expr)).toBe(expected);
  });
});
