// Navigation queries as tables: a ‸ cursor and the ⟦⟧ ranges the query must return (definition,
// references incl. declarations, rename scope), plus symbol kinds, scopes and visible names.
import { describe, expect, test } from 'vitest';
import { parse, resolve, type Resolution } from '@mlsec/grammar';
import { marked } from './marks.js';

function setup(annotated: string): { r: Resolution; ranges: { start: number; end: number }[]; cursor: number } {
  const { source, ranges, cursor } = marked(annotated);
  const parsed = parse(source);
  expect(parsed.diagnostics).toEqual([]);
  return { r: resolve(parsed.program), ranges, cursor: cursor! };
}

const definitions: { name: string; src: string }[] = [
  { name: 'variable', src: '⟦x⟧ = 1;\nprint(x‸);' },
  { name: 'first of several assignments', src: '⟦x⟧ = 1;\nx = 2;\nprint(x‸);' },
  { name: 'from a reassignment to the first binding', src: '⟦x⟧ = 1;\nx‸ = 2;' },
  { name: 'parameter', src: 'function f(⟦a⟧) { return a‸ + 1; }' },
  { name: 'function, called inside itself', src: 'function ⟦f⟧(n) { return n == 0 ? 0 : f‸(n - 1); }' },
  {
    name: 'nonlocal write goes to the enclosing binding',
    src: 'function mk() {\n  ⟦count⟧ = 0;\n  function inc() { nonlocal count; count = count‸ + 1; }\n}',
  },
  { name: 'nonlocal name itself', src: 'function mk() {\n  ⟦count⟧ = 0;\n  function inc() { nonlocal count‸; }\n}' },
  { name: 'local shadowing the top level', src: 'v = 1;\nfunction f() { ⟦v⟧ = 2; return v‸; }' },
  { name: 'closure reads the enclosing local', src: 'function f() { ⟦v⟧ = 2; g = fn() => v‸; }' },
  { name: 'for variable', src: 'for (⟦item⟧ in [1]) { print(item‸); }' },
  { name: 'except variable', src: 'try { x = 1; } except (⟦err⟧) { print(err‸); }' },
  { name: 'destructured name', src: '[⟦a⟧, b] = [1, 2];\nprint(a‸);' },
  { name: 'object destructured name', src: '{p, ⟦q⟧} = {p: 1, q: 2};\nprint(q‸);' },
  { name: 'import alias', src: 'import lib.stats as ⟦s⟧;\nprint(s‸.mean([1]));' },
  { name: 'dotted import without alias', src: 'import lib.⟦stats⟧;\nprint(stats‸.mean([1]));' },
  { name: 'cursor at the end of the identifier', src: '⟦abc⟧ = 1;\nprint(abc‸);' },
  { name: 'arrow parameter', src: 'f = fn(⟦k⟧) => k‸ * 2;' },
];

const references: { name: string; src: string }[] = [
  {
    name: 'top-level variable, not the function local of the same name',
    src: '⟦v⟧ = 1;\nfunction f() { v = 2; return v; }\nprint(⟦v‸⟧);',
  },
  {
    name: 'nonlocal makes one symbol across functions',
    src: 'function mk() {\n  ⟦c⟧ = 0;\n  function inc() { nonlocal ⟦c⟧; ⟦c⟧ = ⟦c⟧ + 1; return ⟦c⟧; }\n  return ⟦c‸⟧;\n}',
  },
  { name: 'parameter stays in its function', src: 'a = 0;\nfunction f(⟦a‸⟧) { return ⟦a⟧; }\nprint(a);' },
  { name: 'function name: definition and calls', src: 'function ⟦f⟧() { return 1; }\n⟦f⟧();\ng = ⟦f‸⟧;' },
  {
    name: 'a name used before its binding still belongs to it (rename stays consistent)',
    src: 'function f() { print(⟦t⟧); ⟦t‸⟧ = 1; }',
  },
  { name: 'unknown names group by name', src: 'print(⟦zz‸⟧);\nprint(⟦zz⟧);' },
  {
    name: 'a (reported) top-level nonlocal still names the top-level binding',
    src: '⟦x⟧ = 1;\nnonlocal ⟦x‸⟧;\nprint(⟦x⟧);',
  },
];

describe('definitionOf', () => {
  test.each(definitions)('$name', ({ src }) => {
    const { r, ranges, cursor } = setup(src);
    const occurrence = r.occurrenceAt(cursor);
    expect(occurrence).toBeDefined();
    const def = r.definitionOf(occurrence!.identifier);
    expect(def && { start: def.identifier.range.start.offset, end: def.identifier.range.end.offset }).toEqual(
      ranges[0],
    );
  });

  test('builtins and unknown names have no definition', () => {
    const { r } = setup('print(len, nope);');
    const ids = r.symbols.flatMap((s) => s.occurrences);
    for (const o of ids) expect(r.definitionOf(o.identifier)).toBeUndefined();
    expect(ids.map((o) => `${o.identifier.name}:${o.symbol.kind}:${o.role}`)).toEqual([
      'print:builtin:call',
      'len:builtin:read',
      'nope:unresolved:read',
    ]);
  });
});

describe('referencesOf', () => {
  test.each(references)('$name', ({ src }) => {
    const { r, ranges, cursor } = setup(src);
    const symbol = r.symbolAt(cursor);
    expect(symbol).toBeDefined();
    const refs = r
      .referencesOf(symbol!)
      .map((o) => ({ start: o.identifier.range.start.offset, end: o.identifier.range.end.offset }));
    expect(refs).toEqual(ranges);
  });

  test('includeDeclarations: false leaves only uses', () => {
    const { r, ranges, cursor } = setup('x = 1;\nx = 2;\nprint(⟦x‸⟧, ⟦x⟧);');
    const refs = r.referencesOf(r.symbolAt(cursor)!, { includeDeclarations: false });
    expect(refs.map((o) => o.identifier.range.start.offset)).toEqual(ranges.map((x) => x.start));
  });

  test('a builtin collects every use in the file', () => {
    const { r, ranges } = setup('⟦print⟧(1);\nf = fn() => ⟦print⟧(2);\np = ⟦print⟧;');
    const builtin = r.builtinSymbol('print')!;
    expect(builtin.kind).toBe('builtin');
    expect(r.referencesOf(builtin).map((o) => o.identifier.range.start.offset)).toEqual(ranges.map((x) => x.start));
  });

  test('a call of a builtin name resolves to the builtin even where the user binds it (§5)', () => {
    const { r, cursor } = setup('function str(x) { return "mine"; }\nprint(str‸(1));\ns = str;');
    expect(r.symbolAt(cursor)!.kind).toBe('builtin');
    const value = r.occurrenceAt(cursor + '(1));\ns = '.length + 1)!;
    expect(value.symbol.kind).toBe('function');
  });
});

describe('symbols and scopes', () => {
  test('symbol kinds follow the first binding', () => {
    const { r } = setup(
      'import math;\nv = 1;\n[d1] = [1];\nfunction f(p) { return p; }\nfor (i in [1]) { }\ntry { } except (e) { }\nx = null;',
    );
    const kinds = Object.fromEntries(Array.from(r.root.symbols, ([name, s]) => [name, s.kind]));
    expect(kinds).toEqual({
      math: 'import',
      v: 'variable',
      d1: 'destructured',
      f: 'function',
      i: 'for-variable',
      e: 'except-variable',
      x: 'variable',
    });
    expect(r.root.symbols.get('math')!.importInfo).toEqual({ path: ['math'], source: 'stdlib' });
    expect(r.symbolAt(r.program.body[6]!.range.end.offset - 2)!.kind).toBe('implicit');
  });

  test('user module imports are marked as such', () => {
    const { r } = setup('import lib.stats as s;\nimport mymod;');
    expect(r.root.symbols.get('s')!.importInfo).toEqual({ path: ['lib', 'stats'], source: 'user' });
    expect(r.root.symbols.get('mymod')!.importInfo).toEqual({ path: ['mymod'], source: 'user' });
  });

  test('scopeAt: program, function, nested arrow', () => {
    const { r, ranges } = setup('x = 1;\nfunction f(a) {⟦ g = fn(b) => ⟦b + a⟧; ⟧}');
    expect(r.scopeAt(0).kind).toBe('program');
    expect(r.scopeAt(ranges[0]!.start).kind).toBe('function');
    const inner = r.scopeAt(ranges[1]!.start);
    expect(inner.kind).toBe('arrow');
    expect(inner.parent!.kind).toBe('function');
    expect([...inner.symbols.keys()]).toEqual(['b']);
    expect([...inner.parent!.symbols.keys()]).toEqual(['a', 'g']);
  });

  const visible: { name: string; src: string; names: string[] }[] = [
    {
      name: 'inside a function: parameters and locals, then enclosing names',
      src: 'x = 1;\nfunction f(a) { b = 2; print(‸b); }\ny = 3;',
      names: ['a', 'b', 'x', 'f', 'y'],
    },
    { name: 'top level: only names bound earlier', src: 'a = 1;\nprint(‸a);\nb = 2;', names: ['a'] },
    {
      name: 'top level inside a loop: names bound anywhere in the loop',
      src: 'while (true) { print(‸1); later = 1; }\nafter = 2;',
      names: ['later'],
    },
    {
      name: 'inner binding hides outer of the same name',
      src: 'v = 1;\nfunction f(v) { return ‸v; }',
      names: ['v', 'f'],
    },
  ];
  test.each(visible)('visibleNames: $name', ({ src, names }) => {
    const { r, cursor } = setup(src);
    const user = r.visibleNames(cursor).filter((s) => s.scope !== null);
    expect(user.map((s) => s.name)).toEqual(names);
    if (src.includes('function f(v)')) expect(user[0]!.kind).toBe('parameter');
  });

  test('visibleNames always offers builtins and null/undefined', () => {
    const { r, cursor } = setup('‸');
    const names = r.visibleNames(cursor).map((s) => `${s.name}:${s.kind}`);
    expect(names).toContain('len:builtin');
    expect(names).toContain('null:implicit');
    expect(names).toContain('undefined:implicit');
  });

  test('predefined names from the environment are bound (REPL, debugger frames)', () => {
    const parsed = parse('print(seen);');
    const r = resolve(parsed.program, { predefined: ['seen'] });
    expect(r.diagnostics).toEqual([]);
    expect(r.symbolAt(7)!.kind).toBe('predefined');
  });
});
