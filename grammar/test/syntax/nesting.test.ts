// Pathological nesting never overflows the stack or hangs: past 100 open brackets the parser
// reports ML220 before recursing; nesting up to the limit still parses. Operator chains past 1,000
// per statement give ML229.
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/api.js';
import { resolve } from '../../src/names/index.js';
import { analyze } from '../../src/analysis/index.js';
import { format } from '../../src/format/index.js';
import { transpile } from '../../src/transpiler/index.js';

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

  test('many statements and long flat lists are not limited', () => {
    const source =
      'x = [' + Array.from({ length: 5_000 }, (_, i) => `o.k${i} + 1`).join(', ') + '];\n' + 'f(x);\n'.repeat(20_000);
    const result = parse(source);
    expect(result.diagnostics).toEqual([]);
    expect(result.program.body.length).toBe(20_001);
  });
});

// Regression: `a + a + ...` with 10,000 terms parsed, then overflowed the stack in resolve() and
// analyze() (and the transpiler from 1,500 terms). Operator chains are now capped at 1,000 per
// statement (ML229), below which every later pass runs.
describe('long operator chains', () => {
  const chain = (n: number, op = ' + ') => 'a = 1;\nx = ' + Array.from({ length: n + 1 }, () => 'a').join(op) + ';\n';

  test.each([
    ['+', chain(1_000)],
    ['&&', chain(1_000, ' && ')],
    ['member access', 'a = 1;\nx = a' + '.b'.repeat(1_000) + ';\n'],
    ['unary', 'a = 1;\nx = ' + '!'.repeat(1_000) + 'a;\n'],
  ])('1,000 operators (%s) parse, resolve, analyze, format and transpile', (_what, source) => {
    const parsed = parse(source);
    expect(parsed.diagnostics).toEqual([]);
    const resolution = resolve(parsed.program);
    expect(() => analyze(parsed.program, resolution, { text: source })).not.toThrow();
    expect(format(source)).not.toBeNull();
    expect(transpile(parsed.program, { file: 'chain.ml' }).code.length).toBeGreaterThan(0);
  });

  test.each([
    // The 1,001st `+` of `x = a + a + ...` (after `a = 1;\nx = `, 11 characters, each term 4 wide).
    ['+', chain(1_001), 11 + 1_000 * 4 + 2],
    ['10,000 terms', chain(10_000), 11 + 1_000 * 4 + 2],
    [
      'a chain split by parentheses',
      'a = 1;\nx = (' + chain(600).slice(11, -2) + ') + ' + chain(600).slice(11, -2) + ';\n',
      -1,
    ],
  ])('%s: ML229 at the operator past the limit, and later passes do not throw', (_what, source, offset) => {
    const t0 = performance.now();
    const parsed = parse(source);
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['ML229']);
    const d = parsed.diagnostics[0]!;
    if (offset >= 0) expect(d.range.start.offset).toBe(offset);
    expect(source.slice(d.range.start.offset, d.range.end.offset)).toMatch(/^[+.!&|(]/);
    expect(() => analyze(parsed.program, resolve(parsed.program), { text: source })).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
