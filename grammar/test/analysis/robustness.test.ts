// The analysis never throws on user input: every truncation of every security fixture (programs the
// parser recovers from) and random token soup analyse cleanly, with ranges inside the text; a
// failing module loader is only a missing module.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { analyze, parse, resolve, type AnalysisResult } from '@mlsec/grammar';
import { expect, test } from 'vitest';
import { analyzeText } from './harness.js';

const root = fileURLToPath(new URL('../fixtures/security/', import.meta.url));
const fixtures = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ml'))
  .sort()
  .map((f) => readFileSync(root + f, 'utf8'));

function checkRanges(text: string, r: AnalysisResult): void {
  for (const f of [...r.findings, ...r.suppressed]) {
    expect(f.range.start.offset).toBeGreaterThanOrEqual(0);
    expect(f.range.start.offset).toBeLessThanOrEqual(f.range.end.offset);
    expect(f.range.end.offset).toBeLessThanOrEqual(text.length);
  }
  expect(r.score).toBeGreaterThanOrEqual(0);
  expect(r.score).toBeLessThanOrEqual(100);
}

test('every truncation of every fixture analyses without throwing', () => {
  expect(fixtures.length).toBeGreaterThan(100);
  for (const full of fixtures) {
    for (let cut = 1; cut < full.length; cut += 9) {
      const text = full.slice(0, cut);
      checkRanges(text, analyzeText(text, {}));
    }
  }
});

const TOKENS = [
  'x',
  'eval',
  '__proto__',
  'file',
  'env',
  'http',
  'import',
  'capability',
  'function',
  'fn',
  'return',
  'if',
  'elif',
  'else',
  'while',
  'for',
  'in',
  'try',
  'except',
  'nonlocal',
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  ',',
  ';',
  '.',
  ':',
  '=',
  '+',
  '//',
  '\n',
  '"../x"',
  '"SELECT * FROM t "',
  '"eval("',
  '1',
  'true',
  'file.read',
  'env.get("K")',
  'call',
];

test('random token sequences analyse without throwing', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }), (tokens) => {
      const text = tokens.join(' ');
      checkRanges(text, analyzeText(text, { grant: [] }));
    }),
    { numRuns: 400, seed: 7 },
  );
});

test('a module loader that fails is treated as "module not available"', () => {
  const text = 'import lib.store as store;\nfunction save() {\n  return store.put("k");\n}\n';
  const { program } = parse(text);
  const loader = {
    load: (): never => {
      throw new Error('disk on fire');
    },
  };
  const result = analyze(program, resolve(program), { text, moduleLoader: loader });
  expect(result.capabilities.functions.map((f) => [f.name, f.transitive])).toEqual([['save', []]]);
});

// The walk recurses down to a bounded depth and continues over an explicit stack below it: a long
// `+` chain (the parser allows up to 1,000 operators in a statement) nests one level per operator,
// its first operand deepest. Whatever the depth, every node is seen: the name and the source call
// at the bottom are found, and the data from there reaches the SQL string.
test.each([10, 300, 600, 997])('a %i-operator chain is walked to its end', (operators) => {
  const chain = `eval(env.get("A"))${' + v'.repeat(operators)}`;
  const text = [
    'import env;',
    'function f(v) {',
    '  if (v) {',
    `    x = ${chain};`,
    '    print(__x__ + "SELECT * FROM t WHERE a = " + x);',
    '  }',
    '  return x;',
    '}',
    'f("b");',
    '',
  ].join('\n');
  const { program, diagnostics } = parse(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const result = analyze(program, resolve(program), { text });
  const at = (needle: string): number => text.indexOf(needle);
  expect(result.findings.map((f) => [f.code, f.range.start.offset])).toEqual([
    ['SEC001', at('eval')],
    ['SEC003', at('__x__')],
    ['SEC011', at('__x__')],
    ['SEC015', at('__x__')],
  ]);
});
