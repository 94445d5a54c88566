// Literal helpers: number text to int (bigint) or float, and string escape decoding (§1 [fix]).
import { describe, expect, test } from 'vitest';
import { decodeString, numberValue } from '../../src/syntax/literals.js';
import { parse } from '../../src/syntax/api.js';

describe('numberValue', () => {
  test.each([
    ['42', { int: 42n }],
    ['007', { int: 7n }],
    ['-7', { int: -7n }],
    ['+5', { int: 5n }],
    ['123456789012345678901234567890', { int: 123456789012345678901234567890n }],
    ['3.14', { float: 3.14 }],
    ['3.', { float: 3 }],
    ['.5', { float: 0.5 }],
    ['1e10', { float: 1e10 }],
    ['1.e5', { float: 100000 }],
    ['1E-5', { float: 0.00001 }],
    ['-0.5', { float: -0.5 }],
    ['+2.5', { float: 2.5 }],
    ['6.022e23', { float: 6.022e23 }],
  ])('%s', (raw, expected) => {
    expect(numberValue(raw)).toEqual(expected);
  });

  test('reads a NumberLiteral node', () => {
    const stmt = parse('x = -12345678901234567890;').program.body[0];
    const lit = stmt?.kind === 'AssignStmt' && stmt.value.kind === 'NumberLiteral' ? stmt.value : undefined;
    expect(lit && numberValue(lit)).toEqual({ int: -12345678901234567890n });
  });
});

describe('decodeString', () => {
  test.each([
    ['"plain"', 'plain'],
    ["'a\\nb\\tc'", 'a\nb\tc'],
    ['"\\\\"', '\\'],
    ['"\\"q\\""', '"q"'],
    ["'\\''", "'"],
    ['"\\0"', '\0'],
    ['"\\u263A"', '\u263a'],
    ['"\\uZZZZ"', '\\uZZZZ'],
    ['"\\d\\w"', '\\d\\w'],
    ['"unterminated', 'unterminated'],
    ['"ends with backslash\\', 'ends with backslash\\'],
    ['"escaped quote at end\\"', 'escaped quote at end"'],
  ])('%s', (raw, value) => {
    expect(decodeString(raw)).toBe(value);
  });
});
