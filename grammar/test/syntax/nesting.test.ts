// Pathological nesting never overflows the stack or hangs: past 100 open brackets the parser
// reports ML220 before recursing; nesting up to the limit still parses.
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/api.js';

describe('deep nesting', () => {
  test.each([
    ['(', 'x = ' + '('.repeat(50_000) + '1' + ')'.repeat(50_000) + ';'],
    ['[', 'x = ' + '['.repeat(50_000) + ']'.repeat(50_000) + ';'],
    ['{', 'x = ' + '{a: '.repeat(50_000) + '1' + '}'.repeat(50_000) + ';'],
    ['( unclosed', 'f(' + '('.repeat(50_000)],
    ['if blocks', 'if (x) { '.repeat(50_000)],
  ])('50,000 levels of %s give ML220 quickly', (_what, source) => {
    const t0 = performance.now();
    const result = parse(source);
    const ms = performance.now() - t0;
    expect(result.diagnostics.map((d) => d.code)).toEqual(['ML220']);
    const d = result.diagnostics[0]!;
    expect(d.range.end.offset - d.range.start.offset).toBe(1);
    expect(source.charAt(d.range.start.offset)).toMatch(/[([{]/);
    expect(ms).toBeLessThan(2000);
  });

  test.each([
    ['parentheses', 'x = ' + '('.repeat(100) + '1' + ')'.repeat(100) + ';'],
    ['arrays', 'x = ' + '['.repeat(100) + ']'.repeat(100) + ';'],
    ['objects', 'x = ' + '{a: '.repeat(100) + '1' + '}'.repeat(100) + ';'],
    ['blocks', 'if (x) { '.repeat(100) + '}'.repeat(100)],
    ['arrow blocks', 'f = fn() => { '.repeat(100) + 'return 1; ' + '};'.repeat(100)],
    ['mixed', 'x = ' + '([{a: '.repeat(33) + '1' + '}])'.repeat(33) + ';'],
  ])('100 levels of %s parse normally', (_what, source) => {
    expect(parse(source).diagnostics).toEqual([]);
  });

  test('101 levels are refused at the 101st bracket', () => {
    const source = 'x = ' + '('.repeat(101) + '1' + ')'.repeat(101) + ';';
    const [d] = parse(source).diagnostics;
    expect(d).toMatchObject({ code: 'ML220', range: { start: { offset: 4 + 100 }, end: { offset: 4 + 101 } } });
  });

  test('long flat inputs are not limited', () => {
    const source = 'x = 1' + ' + 1'.repeat(100_000) + ';\n' + 'f(x);\n'.repeat(20_000);
    const result = parse(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.program.body.length).toBe(20_001);
  });
});
