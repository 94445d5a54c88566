// Formatter: fixtures (NAME.input.ml → NAME.expected.ml), idempotence, refusal on syntax errors, and
// round trips over every conformance program and example (same AST ignoring ranges, every comment
// kept, layout-independent output).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { format, parse, sameAst, stripPositions } from '@mlsec/grammar';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string): string => readFileSync(path, 'utf8');
const mlFiles = (dir: string): string[] =>
  readdirSync(root + dir)
    .filter((f) => f.endsWith('.ml'))
    .sort()
    .map((f) => dir + f);
const corpus = [...mlFiles('test/conformance/'), ...mlFiles('examples/'), ...mlFiles('examples/lib/')];

const commentTexts = (src: string): string[] => parse(src).comments.map((c) => c.text.trimEnd());

describe('fixtures', () => {
  const names = readdirSync(fixtures)
    .filter((f) => f.endsWith('.input.ml'))
    .map((f) => f.slice(0, -'.input.ml'.length))
    .sort();

  test('there are fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
  });

  test.each(names)('%s', (name) => {
    const input = read(`${fixtures}${name}.input.ml`);
    const expected = read(`${fixtures}${name}.expected.ml`);
    expect(format(input)).toBe(expected);
    expect(format(expected)).toBe(expected);
  });
});

describe('small cases', () => {
  const cases: { name: string; input: string; output: string }[] = [
    { name: 'empty file', input: '', output: '' },
    { name: 'only whitespace', input: '\n\n  \n', output: '' },
    { name: 'only a comment', input: '   // hi   ', output: '// hi\n' },
    { name: 'CRLF line breaks become LF', input: 'a=1; // c\r\n\r\n\r\nb=2;\r\n', output: 'a = 1; // c\n\nb = 2;\n' },
    { name: 'final newline added', input: 'x = 1;', output: 'x = 1;\n' },
    {
      name: 'comment between function and name',
      input: 'function // odd\nf() {}',
      output: 'function // odd\n  f() {}\n',
    },
    { name: 'trailing comment inside an empty call', input: 'f( // why\n);', output: 'f( // why\n);\n' },
    { name: 'own-line comment inside an empty call', input: 'f(\n// why\n);', output: 'f(\n  // why\n);\n' },
    {
      name: 'own-line comment inside an expression',
      input: 'x = 1 +\n// two\n2;',
      output: 'x = 1 +\n  // two\n  2;\n',
    },
    { name: 'comment after return keyword', input: 'return // nothing\n;', output: 'return // nothing\n  ;\n' },
    {
      name: 'comment between } and else',
      input: 'if (a) { b(); }\n// c\nelse { d(); }',
      output: 'if (a) {\n  b();\n}\n// c\nelse {\n  d();\n}\n',
    },
    { name: 'custom indentation unit', input: 'if (a) { b(); }', output: 'if (a) {\n\tb();\n}\n' },
  ];
  test.each(cases)('$name', ({ name, input, output }) => {
    const actual = format(input, name.startsWith('custom') ? { indent: '\t' } : {});
    expect(actual).toBe(output);
    expect(format(actual!, name.startsWith('custom') ? { indent: '\t' } : {})).toBe(output);
  });

  test.each(['x = ;', 'if (a) { b(); ', 'let x = 1;', 'a = "unterminated', 'x += 1;', '/* block */'])(
    'refuses a source with syntax errors: %s',
    (src) => {
      expect(parse(src).diagnostics.some((d) => d.severity === 'error')).toBe(true);
      expect(format(src)).toBeNull();
    },
  );

  test('accepts a parse result instead of text', () => {
    const source = 'a=1;';
    const { program, tokens } = parse(source);
    expect(format({ source, program, tokens })).toBe('a = 1;\n');
  });
});

describe('round trip over the conformance programs and examples', () => {
  test('the corpus is not empty', () => {
    expect(corpus.length).toBeGreaterThan(45);
  });

  test.each(corpus)('%s', (file) => {
    const src = read(root + file);
    const once = format(src);
    expect(once).not.toBeNull();
    const before = parse(src);
    const after = parse(once!);
    expect(after.diagnostics).toEqual([]);
    if (!sameAst(before.program, after.program)) {
      expect(stripPositions(after.program)).toEqual(stripPositions(before.program));
    }
    expect(commentTexts(once!)).toEqual(commentTexts(src));
    expect(format(once!)).toBe(once);
  });

  test('output does not depend on spaces between tokens', () => {
    const sources = corpus.slice(0, 12).map((f) => read(root + f));
    fc.assert(
      fc.property(
        fc.constantFrom(...sources),
        fc.array(fc.nat(), { minLength: 1, maxLength: 25 }),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 25 }),
        (src, picks, widths) => {
          // Insert spaces at token ends (never inside a token, a string or a comment).
          const ends = parse(src).tokens.map((t) => t.range.end.offset);
          const chosen = picks.map((p, i) => ({ at: ends[p % ends.length]!, width: widths[i % widths.length]! }));
          let text = src;
          for (const { at, width } of chosen.sort((a, b) => b.at - a.at)) {
            text = text.slice(0, at) + ' '.repeat(width) + text.slice(at);
          }
          expect(format(text)).toBe(format(src));
        },
      ),
      { seed: 20240611, numRuns: 60 },
    );
  });
});
