// Lexical rules of §1: `//` as floor division or comment, contextual keywords, signed numbers,
// strings, booleans, and lexical errors with ranges. Data-driven over small sources.
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/api.js';
import { describeDiagnostic, sexprBody } from './helpers.js';

/** [source, comments expected, tree expected (S-expressions)] */
const SLASH_SLASH: [string, string[], string][] = [
  ['x = f(a // note\n, b);', [], '(= x (call f (// a note) b));'],
  ['x = 1; // c', ['// c'], '(= x 1);'],
  ['// first line\nx = 1;', ['// first line'], '(= x 1);'],
  ['x = 10 // 3;', [], '(= x (// 10 3));'],
  ['x = (a) // b;', [], '(= x (// (paren a) b));'],
  ['x = [1] // 2;', [], '(= x (// [1] 2));'],
  ['x = "s" // 2;', [], '(= x (// "s" 2));'],
  ['x = f(a) // b;', [], '(= x (// (call f a) b));'],
  ['x = a[0] // b;', [], '(= x (// (index a 0) b));'],
  ['x = {a: 1} // b;', [], '(= x (// {a: 1} b));'],
  ['x = true // 2;', [], '(= x (// true 2));'],
  ['if (x) // c\n{ y = 1; }', ['// c'], '(IfStmt x {(= y 1);})'],
  ['while (x) // c\n{ y = 1; }', ['// c'], '(WhileStmt x {(= y 1);})'],
  ['for (v in xs) // c\n{ }', ['// c'], '(ForStmt v xs {})'],
  ['if (x) { y = 1; } elif (z) // c\n{ }', ['// c'], '(IfStmt x {(= y 1);} (ElifClause z {}))'],
  ['try { } except (e) // c\n{ }', ['// c'], '(TryStmt {} (ExceptClause e {}))'],
  ['function f(a) // c\n{ return a; }', ['// c'], '(FunctionDef f (Parameter a) {(ReturnStmt a)})'],
  ['if (x) { y = 1; }\n// c\nz = 2;', ['// c'], '(IfStmt x {(= y 1);}) (= z 2);'],
  ['if (x) { y = 1; } // c\nz = 2;', ['// c'], '(IfStmt x {(= y 1);}) (= z 2);'],
  ['if (x) { y = 1; } else // c\n{ }', ['// c'], '(IfStmt x {(= y 1);} {})'],
  ['f(a, // c\n b);', ['// c'], '(call f a b);'],
  ['f( // c\n a);', ['// c'], '(call f a);'],
  ['x = { // c\n a: 1 };', ['// c'], '(= x {a: 1});'],
  ['x = a + // c\n b;', ['// c'], '(= x (+ a b));'],
  ['x = [ // c\n 1];', ['// c'], '(= x [1]);'],
  ['g = fn(x) // c\n => x;', ['// c'], '(= g (fn (x) x));'],
  ['g = fn(x) => // c\n x;', ['// c'], '(= g (fn (x) x));'],
  ['g = fn(x) => { return x; } // c\n;', ['// c'], '(= g (fn (x) {(ReturnStmt x)}));'],
  ['g = fn() => {} // 2\n;', [], '(= g (fn () (// {} 2)));'],
  ['return // c\n;', ['// c'], '(ReturnStmt)'],
  ['x = "a // b"; // real', ['// real'], '(= x "a // b");'],
];

describe('`//`: floor division after a complete operand, comment elsewhere', () => {
  test.each(SLASH_SLASH)('%j', (source, comments, tree) => {
    const result = parse(source);
    expect(result.diagnostics.map(describeDiagnostic)).toEqual([]);
    expect(result.comments.map((c) => c.text)).toEqual(comments);
    expect(sexprBody(result.program.body)).toBe(tree);
  });

  test('a comment range covers exactly the comment text', () => {
    const source = 'x = 1;   // note here\r\ny = 2;';
    const [c] = parse(source).comments;
    expect(c).toMatchObject({
      text: '// note here',
      range: { start: { line: 0, column: 9, offset: 9 }, end: { line: 0, column: 21 } },
    });
  });
});

/** Contextual keywords: [source, expected tree]; all must parse cleanly. */
const CONTEXTUAL: [string, string][] = [
  ['in = 5;', '(= in 5);'],
  ['elif = 1;', '(= elif 1);'],
  ['read = 2;', '(= read 2);'],
  ['o = {if: 1, true: 2};', '(= o {if: 1, true: 2});'],
  ['x = o.if;', '(= x (. o if));'],
  ['x = o.import;', '(= x (. o import));'],
  ['x = o.true;', '(= x (. o true));'],
  ['while = 1; return = 2;', '(= while 1); (= return 2);'],
  ['function.x = 1;', '(= (. function x) 1);'],
  ['x = null; y = undefined;', '(= x null); (= y undefined);'],
];

describe('contextual keywords', () => {
  test.each(CONTEXTUAL)('%s', (source, tree) => {
    const result = parse(source);
    expect(result.diagnostics.map(describeDiagnostic)).toEqual([]);
    expect(sexprBody(result.program.body)).toBe(tree);
  });

  test.each([['fn = 1;'], ['x = fn;'], ['o = {fn: 1};'], ['function fn() { }']])(
    '`fn` is always reserved: %s',
    (source) => {
      const codes = parse(source).diagnostics.map((d) => d.code);
      expect(codes.length).toBeGreaterThan(0);
      expect(codes[0]).toMatch(/^ML2/);
    },
  );

  test('`fn = 1;` gets exactly the reserved-word diagnostic on `fn`', () => {
    const result = parse('fn = 1;');
    expect(result.diagnostics.map(describeDiagnostic)).toEqual([
      '1:1-1:3 ML225 `fn` is reserved for arrow functions and cannot be used as a name.',
    ]);
  });

  test('a top-level `import` word starts a declaration', () => {
    expect(parse('import(x);').diagnostics.map((d) => d.code)).toEqual(['ML200']);
  });

  test('semantic token kinds follow the role a word played', () => {
    const { tokens } = parse('if (in) { x = o.if; } o = {while: true, false: 1}; y = trueValue;');
    const kinds = tokens.map((t) => `${t.text}:${t.kind}`);
    expect(kinds).toEqual([
      'if:keyword',
      '(:punctuation',
      'in:identifier',
      '):punctuation',
      '{:punctuation',
      'x:identifier',
      '=:operator',
      'o:identifier',
      '.:punctuation',
      'if:identifier',
      ';:punctuation',
      '}:punctuation',
      'o:identifier',
      '=:operator',
      '{:punctuation',
      'while:identifier',
      '::punctuation',
      'true:boolean',
      ',:punctuation',
      'false:identifier',
      '::punctuation',
      '1:number',
      '}:punctuation',
      ';:punctuation',
      'y:identifier',
      '=:operator',
      'trueValue:identifier',
      ';:punctuation',
    ]);
  });

  test('keywords acting as keywords are classified as such', () => {
    const source =
      'import a as b; capability C { allow read "x"; } function f() { for (v in xs) { return fn(q) => q; } }';
    const keywords = parse(source)
      .tokens.filter((t) => t.kind === 'keyword')
      .map((t) => t.text);
    expect(keywords).toEqual(['import', 'as', 'capability', 'allow', 'read', 'function', 'for', 'in', 'return', 'fn']);
  });
});

describe('strings', () => {
  test.each([
    ['"a\\nb"', 'a\nb'],
    ["'tab\\there'", 'tab\there'],
    ['"\\r\\\\\\"\\\'\\0"', '\r\\"\'\0'],
    ['"\\u00e9\\u0041"', 'éA'],
    ['"\\q\\u12"', '\\q\\u12'],
    ['"line one\nline two"', 'line one\nline two'],
    ['\'say "hi"\'', 'say "hi"'],
    ['""', ''],
  ])('%s decodes', (literal, value) => {
    const { program, diagnostics } = parse(`x = ${literal};`);
    expect(diagnostics).toEqual([]);
    const stmt = program.body[0];
    expect(stmt?.kind === 'AssignStmt' && stmt.value).toMatchObject({ kind: 'StringLiteral', value, raw: literal });
  });
});

describe('lexical errors are diagnostics with ranges', () => {
  test.each([
    ['x = "abc\ny = 2;', ['1:5-1:9 ML101 Unterminated string literal: add the closing quote.']],
    [
      'x = 1; /* no */ y = 2;',
      ['1:8-1:16 ML103 Block comments `/* */` are not part of ML; use `//` at the start of each line.'],
    ],
    ['x = a & b;', ['1:7-1:8 ML102 Unexpected character `&`: ML has no bitwise operators (logical and is `&&`).']],
    ['x = 1 @ 2;', ['1:7-1:8 ML102 Unexpected character `@`.']],
    [
      'x = `t ${a}`;',
      ['1:5-1:13 ML104 Template strings are not part of ML: use a quoted string and `+` to join values.'],
    ],
    [
      'x = 1 ` 2;',
      ['1:7-1:8 ML102 Unexpected character `` ` ``: ML has no template strings; use `+` to join strings.'],
    ],
  ])('%j', (source, expected) => {
    expect(parse(source).diagnostics.map(describeDiagnostic)).toEqual(expected);
  });
});
