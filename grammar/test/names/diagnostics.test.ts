// Name-resolution diagnostics as a table: each source marks the expected ranges with ⟦⟧, in order,
// and lists the code, severity and exact message expected there (ML-LANGUAGE.md §5).
import { describe, expect, test } from 'vitest';
import { parse, resolve } from '@mlsec/grammar';
import { marked } from './marks.js';

type Expected = [code: string, severity: 'error' | 'warning', message: string];

const cases: { name: string; src: string; expect: Expected[] }[] = [
  // --- unknown identifiers (ML301) --------------------------------------------------------------
  { name: 'reading an unbound name', src: 'print(⟦y⟧);', expect: [['ML301', 'error', "Unknown identifier 'y'"]] },
  {
    name: 'did you mean, from visible names',
    src: 'count = 1;\nprint(⟦cout⟧);',
    expect: [['ML301', 'error', "Unknown identifier 'cout'. Did you mean 'count'?"]],
  },
  {
    name: 'did you mean a builtin',
    src: 'x = ⟦lenn⟧;',
    expect: [['ML301', 'error', "Unknown identifier 'lenn'. Did you mean 'len'?"]],
  },
  {
    name: 'top level: assigned only later in the file',
    src: 'print(⟦total⟧);\ntotal = 1;',
    expect: [
      [
        'ML301',
        'error',
        "Unknown identifier 'total': it is assigned only later in the file (line 2), and the top level runs in order",
      ],
    ],
  },
  {
    name: 'top level: a self-referencing first assignment reads before binding',
    src: 'n = ⟦n⟧ + 1;',
    expect: [
      [
        'ML301',
        'error',
        "Unknown identifier 'n': it is assigned only later in the file (line 1), and the top level runs in order",
      ],
    ],
  },
  {
    name: 'a function body sees top-level names bound later (it runs later)',
    src: 'function f() { return g(limit); }\nlimit = 3;\nfunction g(a) { return a; }\nprint(f());',
    expect: [],
  },
  {
    name: 'an arrow body sees top-level names bound later',
    src: 'h = fn() => later + 1;\nlater = 1;\nprint(h());',
    expect: [],
  },
  {
    name: 'function local read before its assignment',
    src: 'function f() {\n  print(⟦v⟧);\n  v = 1;\n}',
    expect: [
      [
        'ML301',
        'error',
        "Unknown identifier 'v': it is assigned only later in function 'f' (line 3), which makes it local there",
      ],
    ],
  },
  {
    name: 'a local shadows the top-level name for the whole function',
    src: 'v = 0;\nfunction f() {\n  print(⟦v⟧);\n  v = 1;\n}',
    expect: [
      [
        'ML301',
        'error',
        "Unknown identifier 'v': it is assigned only later in function 'f' (line 4), which makes it local there",
      ],
    ],
  },
  {
    name: 'arrow function local read before its assignment',
    src: 'g = fn() => { print(⟦w⟧); w = 1; };',
    expect: [
      [
        'ML301',
        'error',
        "Unknown identifier 'w': it is assigned only later in this arrow function (line 1), which makes it local there",
      ],
    ],
  },
  {
    name: 'loop: a binding later in the same loop is visible (a later iteration sees it)',
    src: 'i = 0;\nwhile (i < 3) {\n  if (i > 0) { print(prev); }\n  prev = i;\n  i = i + 1;\n}',
    expect: [],
  },
  {
    name: 'loop: the while condition is part of the loop',
    src: 'first = true;\nwhile (first || n < 3) { n = 5; first = false; }',
    expect: [],
  },
  {
    name: 'loop: the for iterable is evaluated before the loop',
    src: 'for (x in ⟦x⟧) { print(x); }',
    expect: [
      [
        'ML301',
        'error',
        "Unknown identifier 'x': it is assigned only later in the file (line 1), and the top level runs in order",
      ],
    ],
  },
  {
    name: 'an earlier branch binding counts (the rule is textual, not flow-sensitive)',
    src: 'if (true) { a = 1; } else { b = 2; }\nprint(a, b);',
    expect: [],
  },
  {
    name: 'a builtin name read before a later top-level assignment is the builtin',
    src: 'p = str;\n⟦str⟧ = 1;',
    expect: [['ML305', 'warning', "'str' shadows the builtin 'str': a call str(...) still calls the builtin"]],
  },
  { name: 'null and undefined are implicit', src: 'a = null;\nb = undefined;\nprint(a, b);', expect: [] },
  {
    name: 'member names and object keys are not references',
    src: 'o = {k: 1, "s": 2};\nprint(o.k, o.missing.deep);',
    expect: [],
  },
  {
    name: 'parameter annotations are not references',
    src: 'function f(a: int, b: whatever) { return a + b; }',
    expect: [],
  },
  { name: 'stdlib import binds its name', src: 'import math;\nprint(math.pi);', expect: [] },
  { name: 'dotted import binds the last component', src: 'import lib.stats;\nprint(stats.mean([1]));', expect: [] },
  {
    name: 'aliased import binds only the alias',
    src: 'import lib.stats as s;\nprint(s.mean([1]), ⟦lib⟧);',
    expect: [['ML301', 'error', "Unknown identifier 'lib'"]],
  },
  { name: 'except variable is bound in the handler', src: 'try { x = 1 / 0; } except (e) { print(e); }', expect: [] },
  {
    name: 'destructuring binds every name',
    src: '[a, b] = [1, 2];\n{c, d} = {c: 3, d: 4};\nprint(a, b, c, d);',
    expect: [],
  },
  {
    name: 'closures see enclosing bindings made after the closure (late binding)',
    src: 'function outer() {\n  function inner() { return v; }\n  v = 1;\n  return inner();\n}',
    expect: [],
  },
  {
    name: 'unknown name inside an arrow',
    src: 'f = fn(x) => x + ⟦y⟧;',
    expect: [['ML301', 'error', "Unknown identifier 'y'. Did you mean 'x'?"]],
  },
  {
    name: 'capability names are their own namespace',
    src: 'capability FileAccess { allow read "data/*"; }\nprint(1);',
    expect: [],
  },
  // --- calls (ML302) --------------------------------------------------------------------------
  {
    name: 'calling an unknown name is a warning (run-time NameError)',
    src: '⟦frobnicate⟧(1);',
    expect: [['ML302', 'warning', "Unknown function 'frobnicate': calling it raises NameError at run time"]],
  },
  {
    name: 'calling a misspelt function suggests it',
    src: 'function compute(a) { return a; }\n⟦compte⟧(1);',
    expect: [
      [
        'ML302',
        'warning',
        "Unknown function 'compte': calling it raises NameError at run time. Did you mean 'compute'?",
      ],
    ],
  },
  {
    name: 'calling a function before its definition at the top level',
    src: '⟦later⟧();\nfunction later() { return 1; }',
    expect: [
      [
        'ML302',
        'warning',
        "'later' is called before it exists: it is defined only later in the file (line 2), and the top level runs in order; the call raises NameError",
      ],
    ],
  },
  {
    name: 'recursion is fine',
    src: 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }\nprint(fact(5));',
    expect: [],
  },
  { name: 'calling a variable holding a function', src: 'p = fn(x) => x;\nprint(p(1));', expect: [] },
  // --- loop control (ML303) -------------------------------------------------------------------
  {
    name: 'break at the top level',
    src: '⟦break;⟧',
    expect: [['ML303', 'error', "'break' is only allowed inside a loop ('while' or 'for') of the same function"]],
  },
  {
    name: 'continue in a function inside a loop (a function resets the loop context)',
    src: 'while (true) {\n  function f() { ⟦continue;⟧ }\n  break;\n}',
    expect: [['ML303', 'error', "'continue' is only allowed inside a loop ('while' or 'for') of the same function"]],
  },
  {
    name: 'break in an arrow block inside a loop',
    src: 'for (i in [1]) { g = fn() => { ⟦break;⟧ }; }',
    expect: [['ML303', 'error', "'break' is only allowed inside a loop ('while' or 'for') of the same function"]],
  },
  { name: 'break inside try inside a loop', src: 'while (true) { try { break; } finally { print(1); } }', expect: [] },
  { name: 'loop inside a function', src: 'function f() { for (x in [1]) { if (x) { continue; } } }', expect: [] },
  // --- nonlocal (ML304, ML306, ML308) ---------------------------------------------------------
  {
    name: 'nonlocal with no enclosing binding',
    src: 'function f() {\n  nonlocal ⟦z⟧;\n  z = 1;\n}',
    expect: [['ML304', 'error', "No binding for nonlocal 'z' in an enclosing function or at the top level"]],
  },
  {
    name: 'nonlocal of a top-level binding',
    src: 'total = 0;\nfunction add(n) { nonlocal total; total = total + n; }',
    expect: [],
  },
  {
    name: 'nonlocal chains through an intermediate nonlocal',
    src: 'function a() {\n  level = 1;\n  function b() {\n    nonlocal level;\n    function c() { nonlocal level; level = 2; }\n  }\n}',
    expect: [],
  },
  {
    name: 'nonlocal at the top level',
    src: 'x = 1;\n⟦nonlocal x;⟧',
    expect: [['ML306', 'error', "'nonlocal' is only allowed inside a function"]],
  },
  {
    name: 'nonlocal of a parameter',
    src: 'a = 1;\nfunction f(a) { nonlocal ⟦a⟧; }',
    expect: [['ML308', 'error', "'a' is a parameter of this function and cannot also be declared nonlocal"]],
  },
  // --- builtin shadowing (ML305) and parameters (ML307) ----------------------------------------
  {
    name: 'a function shadowing a builtin',
    src: 'function ⟦len⟧(x) { return 0; }\nprint(len([1, 2]));',
    expect: [['ML305', 'warning', "Function 'len' shadows the builtin 'len': a call len(...) still calls the builtin"]],
  },
  {
    name: 'an assignment shadowing a builtin is reported once per scope',
    src: '⟦max⟧ = 1;\nmax = 2;\nprint(max);',
    expect: [['ML305', 'warning', "'max' shadows the builtin 'max': a call max(...) still calls the builtin"]],
  },
  {
    name: 'a parameter named like a builtin is fine while it is only used as a value',
    src: 'function render(template, values) { return [template, values]; }',
    expect: [],
  },
  {
    name: 'a parameter named like a builtin and called: the call goes to the builtin',
    src: 'f = fn(⟦str⟧) => str(1);',
    expect: [['ML305', 'warning', "'str' shadows the builtin 'str': a call str(...) still calls the builtin"]],
  },
  {
    name: 'a for variable named like a builtin and called in a nested function',
    src: 'for (⟦len⟧ in [1]) { g = fn() => len([]); }',
    expect: [['ML305', 'warning', "'len' shadows the builtin 'len': a call len(...) still calls the builtin"]],
  },
  {
    name: 'duplicate parameter',
    src: 'function f(a, b, ⟦a⟧) { return a + b; }',
    expect: [['ML307', 'error', "Duplicate parameter 'a'"]],
  },
  {
    name: 'several diagnostics come out in source order',
    src: 'print(⟦a⟧);\n⟦b⟧();\n⟦break;⟧',
    expect: [
      ['ML301', 'error', "Unknown identifier 'a'"],
      ['ML302', 'warning', "Unknown function 'b': calling it raises NameError at run time"],
      ['ML303', 'error', "'break' is only allowed inside a loop ('while' or 'for') of the same function"],
    ],
  },
];

describe('name diagnostics', () => {
  test.each(cases)('$name', ({ src, expect: expected }) => {
    const { source, ranges } = marked(src);
    const parsed = parse(source);
    expect(parsed.diagnostics).toEqual([]);
    const actual = resolve(parsed.program).diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      message: d.message,
      source: d.source,
      start: d.range.start.offset,
      end: d.range.end.offset,
    }));
    expect(actual).toEqual(
      expected.map(([code, severity, message], i) => ({
        code,
        severity,
        message,
        source: 'names',
        start: ranges[i]!.start,
        end: ranges[i]!.end,
      })),
    );
  });

  test('a did-you-mean diagnostic carries a quick fix replacing the name', () => {
    const { source, ranges } = marked('count = 1;\nprint(⟦cout⟧);');
    const [d] = resolve(parse(source).program).diagnostics;
    expect(d?.fixes).toEqual([{ title: "Change to 'count'", edits: [{ range: d!.range, newText: 'count' }] }]);
    expect(d!.range.start.offset).toBe(ranges[0]!.start);
  });

  test('resolution of a recovered (erroneous) program does not throw', () => {
    for (const src of ['x = ;', 'function (a) { return b; }', 'if (x { y = 1; }', 'fn(', '{a, } = 3;', 'nonlocal ;']) {
      const parsed = parse(src);
      expect(parsed.diagnostics.length).toBeGreaterThan(0);
      expect(() => resolve(parsed.program)).not.toThrow();
    }
  });
});
