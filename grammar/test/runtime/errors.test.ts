// Run-time errors: kinds and messages, where uncaught errors are reported (file, line, column, ML
// stack), the recursion limit, user throws, and what `except (e)` binds.
import { describe, expect, test } from 'vitest';
import { runML, show } from './harness.js';

const MESSAGES: [string, string][] = [
  ['[1, 2][5]', 'IndexError: list index out of range'],
  ['{a: 1}["b"]', "KeyError: 'b'"],
  ['undefinedFunction(1)', "NameError: name 'undefinedFunction' is not defined"],
  ['"abc".index("z")', 'ValueError: substring not found'],
  ['[].pop()', 'IndexError: pop from empty list'],
  ['[1].pop(3)', 'IndexError: pop index out of range'],
  ['[1].remove(2)', 'ValueError: list.remove(x): x not in list'],
  ['[1].index(2)', 'ValueError: 2 is not in list'],
  ['len()', 'TypeError: len() missing 1 required positional argument'],
  ['len(1, 2)', 'TypeError: len() takes 1 positional argument but 2 were given'],
  ['chr(-1)', 'ValueError: chr() arg not in range(0x110000)'],
  ['ord("ab")', 'TypeError: ord() expected a character, but string of length 2 found'],
  ['next(iter([]))', 'RuntimeError: Iterator exhausted - use default parameter to avoid error'],
  ['range(1, 2, 0)', 'ValueError: range() arg 3 must not be zero'],
  ['range(1.5)', "TypeError: 'float' object cannot be interpreted as an integer (in range())"],
  ['sum(["a"], "")', "TypeError: sum() can't sum strings [use ''.join(seq) instead]"],
  ['",".join([1])', 'TypeError: sequence item 0: expected str instance, int found'],
  ['"a".split("")', 'ValueError: empty separator'],
  ['keys([1])', "TypeError: keys() argument must be an object, not 'list'"],
  ['sorted([1, "a"])', "TypeError: '<' not supported between instances of 'str' and 'int'"],
  ['min(1, "a")', "TypeError: '<' not supported between instances of 'str' and 'int'"],
];

const CAUGHT: [string, string][] = [
  ['try { x = 1 / 0; } except (e) { r = str(e); }', 'division by zero'],
  ['try { x = {a: 1}["zz"]; } except (e) { r = str(e); }', "'zz'"],
  [
    'try { throw {message: "m", code: 4}; } except (e) { r = [str(e), e.message, e.code, e.type, e.nothing]; }',
    "['m', 'm', 4, 'MLUserError', None]",
  ],
  ['try { throw {code: 1}; } except (e) { r = str(e); }', 'User-defined exception'],
  ['try { throw {message: 42}; } except (e) { r = str(e); }', '42'],
  ['try { x = [1][2]; } except (e) { r = [e.type, typeof(e)]; }', "['IndexError', 'error']"],
  ['try { x = 1; } except { r = "no"; } finally { r = "finally"; }', 'finally'],
  ['r = 0; try { try { x = 1 / 0; } finally { r = 1; } } except (e) { r = [r, str(e)]; }', "[1, 'division by zero']"],
  ['function f() { try { return "try"; } finally { print("fin"); } } r = f();', 'fin\ntry'],
  ['r = []; for (i in range(3)) { try { if (i == 1) { break; } } finally { r.append(i); } }', '[0, 1]'],
];

describe('error kinds and messages', () => {
  test.each(MESSAGES)('%s', (expr, expected) => {
    expect(show(expr)).toBe(expected);
  });
});

describe('caught errors', () => {
  test.each(CAUGHT)('%s', (prelude, expected) => {
    expect(show('r', prelude)).toBe(expected);
  });
});

describe('uncaught errors', () => {
  test('name the file, line and column of the failing call, innermost first', () => {
    const src = [
      'function inner(x) {',
      '  return x[3];',
      '}',
      'function outer() {',
      '  return inner([1]);',
      '}',
      'print("before");',
      'outer();',
    ].join('\n');
    const r = runML(src, { file: 'prog.ml' });
    expect(r.stdout).toBe('before\n');
    expect(r.error).toMatchObject({
      kind: 'IndexError',
      message: 'list index out of range',
      file: 'prog.ml',
      line: 2,
      column: 3,
    });
    expect(r.error!.mlStack.map((f) => `${f.name}@${f.line}:${f.column}`)).toEqual([
      'inner@2:3',
      'outer@5:10',
      '<module>@8:1',
    ]);
  });

  test('an error inside a call argument points at that call', () => {
    const r = runML('x = 1;\nprint(len(5, 6));', { file: 'a.ml' });
    expect(r.error).toMatchObject({ kind: 'TypeError', line: 2, column: 7 });
  });

  test('errors thrown in stdlib callbacks keep the ML frames', () => {
    const r = runML('import functional;\nfunctional.map(fn(x) => x / 0, [1]);', { file: 'cb.ml' });
    expect(r.error).toMatchObject({ kind: 'ZeroDivisionError', line: 2, column: 25 });
    expect(r.error!.mlStack.map((f) => f.name)).toEqual(['<lambda>', '<module>']);
  });
});

describe('recursion limit', () => {
  test('deep recursion raises RecursionError, catchable, and the run continues', () => {
    const src =
      'function down(n) { return down(n + 1); }\ntry { down(0); } except (e) { print(str(e)); }\nprint("still running");';
    const r = runML(src);
    expect(r.error).toBeUndefined();
    expect(r.stdout).toBe('maximum recursion depth exceeded\nstill running\n');
  });

  test('999 nested calls are allowed', () => {
    expect(show('depth(999)', 'function depth(n) { if (n == 0) { return 0; } return 1 + depth(n - 1); }')).toBe('999');
  });

  test('uncaught RecursionError reports the function', () => {
    const r = runML('function f() { return f(); }\nf();');
    expect(r.error?.kind).toBe('RecursionError');
    expect(r.error?.mlStack[0]?.name).toBe('f');
  });

  test('mutual recursion through stdlib callbacks is limited too', () => {
    const r = runML('import functional;\nfunction g(x) { return functional.map(g, [x]); }\ng(1);');
    expect(r.error?.kind).toBe('RecursionError');
  });
});

describe('calls with the wrong number of arguments', () => {
  test.each([
    ['f(1)', "TypeError: f() missing 1 required positional argument: 'b'"],
    ['f()', "TypeError: f() missing 2 required positional arguments: 'a' and 'b'"],
    ['f(1, 2, 3)', 'TypeError: f() takes 2 positional arguments but 3 were given'],
    ['(fn(x) => x)()', 'diagnostics'],
    ['g()', "TypeError: <lambda>() missing 1 required positional argument: 'x'"],
    ['notfn(1)', "TypeError: 'int' object is not callable"],
  ])('%s', (expr, expected) => {
    const out = show(expr, 'function f(a, b) { return a; } g = fn(x) => x; notfn = 5;');
    if (expected === 'diagnostics') expect(out).toMatch(/^diagnostics: /);
    else expect(out).toBe(expected);
  });
});

describe('host stops', () => {
  test('a host limit error ends the run and ML except cannot catch it', () => {
    const src = 'try { while (true) { print("spam"); } } except (e) { print("caught"); }';
    let writes = 0;
    const r = runML(src, {
      bridge: undefined,
      onWrite: () => {
        if (++writes > 3) throw new Error('SandboxOutputLimitError: output limit of 1 MB reached');
      },
    });
    expect(r.error).toMatchObject({ kind: 'SandboxOutputLimitError', message: 'output limit of 1 MB reached' });
    expect(r.stdout).toBe('spam\nspam\nspam\n');
  });

  test('other host exceptions become an internal error without host details', () => {
    const r = runML('print(1);', {
      onWrite: () => {
        throw new Error('/secret/host/path exploded');
      },
    });
    expect(r.error).toMatchObject({ kind: 'RuntimeError', message: 'internal runtime error' });
  });
});
