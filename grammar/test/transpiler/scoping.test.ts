// Scoping and name resolution in transpiled programs (ML-LANGUAGE.md §5): function locals,
// nonlocal, late-bound closures, no hoisting, builtins vs user bindings, imports, top-level return.
import { describe, expect, test } from 'vitest';
import { runML } from '../runtime/harness.js';

function out(src: string, modules?: Record<string, string>): string {
  const r = runML(src, modules ? { modules } : {});
  if (r.diagnostics.length > 0) return `diagnostics: ${r.diagnostics.join('; ')}`;
  return r.stdout + (r.error ? `${r.error.kind}: ${r.error.message}` : '');
}

const CASES: [string, string, string][] = [
  ['assignment in a function creates a local', 'x = 1; function f() { x = 2; return x; } print(f(), x);', '2 1\n'],
  ['reading a global from a function', 'x = 1; function f() { return x + 1; } print(f());', '2\n'],
  ['globals are late-bound', 'function f() { return x; } x = 5; print(f()); x = 6; print(f());', '5\n6\n'],
  ['a global not yet assigned', 'function f() { return x; } print(f()); x = 1;', "NameError: name 'x' is not defined"],
  [
    'a local read before assignment',
    'x = 1; function f() { print(x); x = 2; } f();',
    "NameError: name 'x' is not defined",
  ],
  [
    'nonlocal rebinding',
    'function mk() { n = 0; function inc() { nonlocal n; n = n + 1; return n; } return inc; } c = mk(); c(); print(c());',
    '2\n',
  ],
  [
    'nonlocal reaching the top level',
    'total = 1; function add(v) { nonlocal total; total = total + v; } add(4); print(total);',
    '5\n',
  ],
  [
    'closures capture variables',
    'fs = []; for (i in range(3)) { fs.append(fn(x) => x + i); } f = fs[0]; print(f(10));',
    '12\n',
  ],
  ['no hoisting of functions', 'print(typeof(g)); function g() { return 1; }', "NameError: name 'g' is not defined"],
  ['a function exists once defined', 'function g() { return 1; } print(g());', '1\n'],
  ['a builtin wins at a call site', 'function len(x) { return "mine"; } print(len([1, 2]));', '2\n'],
  ['a user binding wins as a value', 'function len(x) { return "mine"; } f = len; print(f([1]));', 'mine\n'],
  [
    'a builtin used as a value',
    'p = print; p("via value"); print(typeof(len), [len] == [len]);',
    'via value\nfunction true\n',
  ],
  [
    'a shadowing global unassigned yet falls back to the builtin',
    'function show() { return str; } f = show(); print(f("x")); str = 5;',
    'x\n',
  ],
  ['null and undefined evaluate to null', 'print(null, undefined, typeof(undefined));', 'None None unknown\n'],
  ['null can be rebound by the program', 'undefined = 3; print(undefined);', '3\n'],
  ['for variables live on after the loop', 'for (i in [1, 2, 3]) { } print(i);', '3\n'],
  ['loop variable changes do not affect range iteration', 'for (i in range(3)) { print(i); i = 10; }', '0\n1\n2\n'],
  ['range loops with negative steps', 'for (i in range(5, 0, -2)) { print(i); }', '5\n3\n1\n'],
  ['range loops evaluate their bounds once', 'n = 3; for (i in range(n)) { n = 0; print(i); }', '0\n1\n2\n'],
  [
    'iterating a list while appending sees new items',
    'a = [1]; for (x in a) { if (x < 3) { a.append(x + 1); } } print(a);',
    '[1, 2, 3]\n',
  ],
  [
    'iterating an object snapshots its keys',
    'o = {a: 1}; for (k in o) { o.b = 2; print(k); } print(len(o));',
    'a\n2\n',
  ],
  ['iterating a string by code point', 'for (c in "a🙂") { print(c); }', 'a\n🙂\n'],
  ['iterating a non-iterable', 'for (c in 5) { }', "TypeError: 'int' object is not iterable"],
  ['top-level return ends the program', 'print(1); if (true) { return; } print(2);', '1\n'],
  [
    'top-level return inside a loop and try/finally',
    'for (i in range(5)) { try { if (i == 1) { return; } } finally { print("f", i); } }',
    'f 0\nf 1\n',
  ],
  [
    'except binds a local of the function',
    'function f() { try { x = 1 / 0; } except (err) { return str(err); } } print(f());',
    'division by zero\n',
  ],
  [
    'destructuring binds locals',
    'function f() { [a, b] = [1, 2]; {c} = {c: 3}; return a + b + c; } print(f());',
    '6\n',
  ],
  [
    'object destructuring evaluates its value once',
    'n = 0; function o() { nonlocal n; n = n + 1; return {a: 1, b: 2}; } {a, b} = o(); print(n);',
    '1\n',
  ],
  [
    'array destructuring of too many values',
    '[a, b] = [1, 2, 3];',
    'ValueError: too many values to unpack (expected 2)',
  ],
  [
    'array destructuring of too few values',
    '[a, b, c] = [1, 2];',
    'ValueError: not enough values to unpack (expected 3, got 2)',
  ],
  ['destructuring a non-iterable', '[a] = 5;', 'TypeError: cannot unpack non-iterable int object'],
  ['destructuring a pair and a string', '[a, b] = zip([1], [2])[0]; [c, d] = "xy"; print(a, b, c, d);', '1 2 x y\n'],
  ['object destructuring of a missing key', '{zz} = {a: 1};', "KeyError: 'zz'"],
  [
    'Python evaluates the value before the target',
    'log = []; function t(x) { log.append(x); return x; } a = [0, 0]; a[t(1)] = t(2); print(log);',
    '[2, 1]\n',
  ],
  ['arrow function with a block body', 'f = fn(x) => { y = x * 2; return y + 1; }; print(f(3));', '7\n'],
  ['fn() => {} returns an empty object', 'f = fn() => {}; print(f());', '{}\n'],
  ['keyword-named members', 'o = {if: 1, import: 2}; print(o.if, o.import);', '1 2\n'],
  ['calling a member holding a function', 'o = {f: fn(x) => x + 1}; print(o.f(1));', '2\n'],
  ['calling a missing member', 'o = {}; o.f(1);', "TypeError: 'NoneType' object is not callable"],
  ['module members and capability wrapping', 'import math; m = math; print(m.sqrt(16), math.pi > 3);', '4.0 true\n'],
  [
    'module attributes are read-only',
    'import math; math.pi = 3;',
    "AttributeError: module 'math' attributes are read-only",
  ],
  ['missing module members', 'import math; math.nope(1);', "AttributeError: module 'math' has no attribute 'nope'"],
  ['unknown user module', 'import nothere;', "ImportError: No module named 'nothere'"],
];

describe('scoping and names', () => {
  test.each(CASES)('%s', (_name, src, expected) => {
    expect(out(src)).toBe(expected);
  });
});

describe('user modules', () => {
  const stats =
    'function mean(xs) { return sum(xs) / len(xs); }\ncount = 0;\nfunction bump() { nonlocal count; count = count + 1; return count; }';
  test('import a.b as c binds the module object', () => {
    expect(out('import lib.stats as s;\nprint(s.mean([1, 2, 3]), typeof(s));', { 'lib.stats': stats })).toBe(
      '2.0 module\n',
    );
  });
  test('import a.b binds the last component; modules run once', () => {
    const src = 'import lib.stats;\nimport lib.stats as again;\nprint(stats.bump(), again.bump());';
    expect(out(src, { 'lib.stats': stats })).toBe('1 2\n');
  });
  test("a module sees its own globals, not the importer's", () => {
    const mod = 'function get() { return secret; }';
    expect(out('import m;\nsecret = 1;\nprint(m.get());', { m: mod })).toBe("NameError: name 'secret' is not defined");
  });
  test('errors inside a module name the module file', () => {
    const r = runML('import lib.bad;\nlib = 1;', { modules: { 'lib.bad': 'x = 1;\ny = [][0];' } });
    expect(r.error).toMatchObject({ kind: 'IndexError', file: 'lib/bad.ml', line: 2 });
    expect(r.error!.mlStack.map((f) => `${f.file}:${f.line}`)).toEqual(['lib/bad.ml:2', 'main.ml:1']);
  });
  test('circular imports fail cleanly', () => {
    const r = runML('import a;', { modules: { a: 'import b;', b: 'import a;' } });
    expect(r.error?.kind).toBe('ImportError');
  });
});

test('destructuring reads its value before binding the names', () => {
  expect(out('[a, b] = [b, 1];')).toBe("NameError: name 'b' is not defined");
});
