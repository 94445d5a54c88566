// Debug-mode transpilation: the conformance programs behave exactly as in run mode, hooks fire at
// every statement and loop iteration in order, frames expose (and can change) their variables,
// errors are reported where they happen with caught/uncaught known, and run mode has no trace of it.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { parse } from '../../src/syntax/api.js';
import { transpile } from '../../src/transpiler/index.js';
import { compileDebugUnit, recordingAgent, runDebug } from './debug-harness.js';

const dir = fileURLToPath(new URL('../../../test/conformance/', import.meta.url));
const programs = readdirSync(dir)
  .filter((f) => f.endsWith('.ml'))
  .sort();

describe('conformance programs in debug mode', () => {
  for (const name of programs) {
    test(name, () => {
      const source = readFileSync(path.join(dir, name), 'utf8');
      const expected = readFileSync(path.join(dir, name.replace(/\.ml$/, '.out')), 'utf8');
      const { handle, rec } = recordingAgent();
      const r = runDebug(source, handle);
      expect(r.error).toBeUndefined();
      expect(r.stdout).toBe(expected);
      // Every frame entered was left again.
      expect(rec.events.filter((e) => e.startsWith('enter')).length).toBe(
        rec.events.filter((e) => e.startsWith('exit')).length,
      );
    });
  }
});

/** Program → the events it reports (hooks by 1-based line), in order. */
const TRACES: { name: string; src: string; events: string[] }[] = [
  {
    name: 'statements and a call',
    src: 'x = 1;\nfunction f(a) {\n  return a + 1;\n}\ny = f(x);',
    events: ['enter <module>', 'hook 1', 'hook 2', 'hook 5', 'enter f', 'hook 3', 'exit f', 'exit <module>'],
  },
  {
    name: 'every while iteration passes the condition hook',
    src: 'i = 0;\nwhile (i < 2) {\n  i = i + 1;\n}',
    events: ['enter <module>', 'hook 1', 'hook 2', 'hook 3', 'hook 2', 'hook 3', 'hook 2', 'exit <module>'],
  },
  {
    name: 'for loops hook each iteration, not the header',
    src: 'for (i in range(2)) {\n  print(i);\n}\nfor (c in "ab") {\n}',
    events: ['enter <module>', 'hook 1', 'hook 2', 'hook 1', 'hook 2', 'hook 4', 'hook 4', 'exit <module>'],
  },
  {
    name: 'if, elif, break and continue',
    src: 'for (i in [1, 2, 3]) {\n  if (i == 1) {\n    continue;\n  } elif (i == 2) {\n    break;\n  }\n}',
    events: ['enter <module>', 'hook 1', 'hook 2', 'hook 3', 'hook 1', 'hook 2', 'hook 4', 'hook 5', 'exit <module>'],
  },
  {
    name: 'arrow functions with an expression body',
    src: 'g = fn(v) => v * 2;\nprint(g(1));',
    events: ['enter <module>', 'hook 1', 'hook 2', 'enter <lambda>', 'hook 1', 'exit <lambda>', 'exit <module>'],
  },
  {
    name: 'an error caught in the same function',
    src: 'try {\n  x = 1 / 0;\n} except (e) {\n  print(e);\n}',
    events: ['enter <module>', 'hook 1', 'hook 2', 'caught 2 ZeroDivisionError', 'hook 4', 'exit <module>'],
  },
  {
    name: 'an error leaving a function into a try of its caller',
    src: 'function f() {\n  return [][1];\n}\ntry {\n  f();\n} except {\n}',
    events: [
      'enter <module>',
      'hook 1',
      'hook 4',
      'hook 5',
      'enter f',
      'hook 2',
      'thrown 2 caught IndexError',
      'exit f',
      'caught 5 IndexError',
      'exit <module>',
    ],
  },
  {
    name: 'an uncaught error',
    src: 'x = 1;\ny = [x] - 1;',
    events: ['enter <module>', 'hook 1', 'hook 2', 'thrown 2 uncaught TypeError', 'exit <module>'],
  },
  {
    name: 'a user module runs in its own frame',
    src: 'import lib.util;\nprint(util.twice(2));',
    events: [
      'enter <module>',
      'hook 1',
      'enter <module>',
      'hook 1',
      'exit <module>',
      'hook 2',
      'enter twice',
      'hook 2',
      'exit twice',
      'exit <module>',
    ],
  },
];

describe('hook traces', () => {
  test.each(TRACES.map((t) => [t.name, t] as const))('%s', (_name, t) => {
    const { handle, rec } = recordingAgent();
    runDebug(t.src, handle, { 'lib.util': 'function twice(n) {\n  return n * 2;\n}' });
    expect(rec.events).toEqual(t.events);
  });
});

describe('frames', () => {
  test('a frame lists its parameters and locals, then what it sees of enclosing functions', () => {
    const seen: Record<string, unknown>[] = [];
    const { handle } = recordingAgent((line, stack) => {
      if (line !== 4 || seen.length > 0) return;
      const top = stack[stack.length - 1]!;
      const values = top.values();
      seen.push(Object.fromEntries(top.names.map((n, i) => [n, values[i]])), { own: top.own });
    });
    runDebug(
      'function outer(a) {\n  b = a + 1;\n  inner = fn(c) => {\n    d = a + b + c; return d;\n  };\n  return inner(10);\n}\nouter(1);',
      handle,
    );
    expect(seen).toEqual([{ c: 10, d: undefined, a: 1, b: 2, inner: expect.any(Function) }, { own: 2 }]);
  });

  test('an accessor sets a variable the program then reads', () => {
    const { handle } = recordingAgent((line, stack) => {
      if (line !== 2) return;
      const top = stack[stack.length - 1]!;
      top.access(top.names.indexOf('x'), 41);
    });
    const r = runDebug('x = 1;\nprint(x + 1);', handle);
    expect(r.stdout).toBe('42\n');
  });

  test('the try counter counts active handlers and is back to zero however a try block is left', () => {
    const counts: string[] = [];
    const { handle } = recordingAgent((line, stack) => {
      if ([4, 5, 8, 12].includes(line)) counts.push(`${line}:${stack.map((f) => f.tries()).join(',')}`);
    });
    const src =
      'function f(n) {\n  for (i in range(2)) {\n    try {\n      if (n) { return 1; }\n      break;\n    } except {}\n  }\n  x = 0;\n  return x;\n}\ntry { f(1); f(0); } except {}\ny = 2;';
    runDebug(src, handle);
    expect(counts).toEqual(['4:1,1', '4:1,1', '4:1,1', '5:1,1', '8:1,0', '12:0']);
  });
});

describe('run mode is untouched', () => {
  test('no debug names in run-mode output, and the unit takes only the runtime', () => {
    const src =
      'x = 1;\nfunction f(a) { try { return a; } except (e) { return 0; } }\nfor (i in [1]) { while (false) {} }';
    const run = transpile(parse(src).program, { file: 'm.ml' });
    for (const name of ['$D', '$H', '$E', '$X', '$T', '$C', '$c'])
      expect(run.code).not.toMatch(new RegExp(`\\${name}\\b`));
    expect(run.code.startsWith('(function ($rt) {')).toBe(true);
    expect(run.debug).toBeUndefined();
    const debug = transpile(parse(src).program, { file: 'm.ml', debug: true });
    expect(debug.code.startsWith('(function ($rt, $D) {')).toBe(true);
  });

  test('debug info lists hook sites in source order and every function', () => {
    const src = 'x = 1;\nfunction f(a) {\n  y = a;\n  return y;\n}\nprint(f(2));';
    const info = transpile(parse(src).program, { file: 'm.ml', debug: true }).debug!;
    const lines = info.hooks.map((k) => info.positions[2 * k]! + 1);
    expect(lines).toEqual([1, 2, 3, 4, 6]);
    expect(info.functions.map((f) => [f.name, f.line + 1, f.own, f.closure])).toEqual([
      ['<module>', 1, ['x', 'f'], []],
      ['f', 2, ['a', 'y'], []],
    ]);
    expect(() => compileDebugUnit(src, 'm.ml')).not.toThrow();
  });
});
