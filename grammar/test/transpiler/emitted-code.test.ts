// The shape of transpiled code: a fixed strict-mode subset (SANDBOX.md). Every identifier is a
// JS keyword of that subset or a `$`-prefixed generated name; every property access names a fixed
// runtime member. Also checks the line map and the V3 source map.
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/api.js';
import { transpile } from '../../src/transpiler/index.js';
import { createRuntime } from '../../src/runtime/index.js';
import { memoryHost } from '../runtime/harness.js';

const KEYWORDS = new Set([
  'function',
  'return',
  'if',
  'else',
  'for',
  'of',
  'while',
  'let',
  'const',
  'var',
  'try',
  'catch',
  'finally',
  'throw',
  'break',
  'continue',
  'typeof',
  'null',
  'true',
  'false',
  'undefined',
]);
const PROPERTIES = new Set([
  'module',
  'importUser',
  'callState',
  'positions',
  'builtins',
  'frame',
  'exports',
  'depth',
  'site',
  'length',
  'push',
]);

const PROGRAMS: string[] = [
  'constructor = 1; prototype = 2; arguments = 3; eval = 4; Function = 5; globalThis = 6; print(constructor + prototype);',
  'this = 1; window = 2; process = 3; require = 4; print(this, window, process, require);',
  'o = {"__proto__": 1, constructor: 2}; print(o["__proto__"], o.constructor);',
  'function f(a, b) { nonlocal q; q = a; return fn(x) => x + b; } q = 0; g = f(1, 2); print(g(3) && q || null);',
  'import math; import lib.util as u; for (i in range(3)) { print(math.sqrt(i), u.f(i)); }',
  'try { throw {message: "m"}; } except (e) { print(e); } finally { print(1); }',
  'x = [1, 2, 3][1:2]; [a, b] = [1, 2]; {c} = {c: 1}; y = -x[0] // 2 % 3 * 1.0 / 4;',
  'while (true) { if (1 < 2) { break; } elif (2 >= 3) { continue; } else { return; } }',
  's = "string with function this arguments eval ( ) . { } \\" quotes";',
  'a = [1, 2]; i = 1; a[i] = a[i - 1] + len(a); a.append(i); for (x in a) { print(x, a[0], -x, x % 3 // 2 * 5); }',
  'function f(n) { if (n < 2) { return n; } return f(n - 1) + f(n - 2); } print(f(10), f);',
  'function g(a, i) { a[i] = a[0] + a[i]; a.append(len(a)); return a[i]; } print(g([1, 2], 1), len("ab"));',
];

/** Removes JSON string literals so only code remains. */
function stripStrings(code: string): string {
  return code.replace(/"(?:[^"\\\n]|\\.)*"/g, '""');
}

describe('emitted JavaScript subset', () => {
  test.each(PROGRAMS)('%s', (src) => {
    const parsed = parse(src);
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const { code, diagnostics } = transpile(parsed.program, { file: 'p.ml' });
    expect(diagnostics).toEqual([]);
    // The prelude destructures runtime helpers by name; those names must be runtime members.
    const prelude = /^ *var \{(.*)\} = \$rt;$/m.exec(code);
    for (const pair of prelude ? prelude[1]!.split(', ') : []) {
      const [key, alias] = pair.split(': ');
      expect(alias).toBe(`$${key}`);
      expect(Object.keys(createRuntime(memoryHost([]).host))).toContain(key);
    }
    const bare = stripStrings(code.replace(/^ *var \{.*\} = \$rt;$/m, '')).replace(
      /\b\d+(\.\d+)?(e[+-]?\d+)?n?\b/g,
      '0',
    );
    expect(code.startsWith('(function ($rt) {\n"use strict";')).toBe(true);
    for (const m of bare.replace(/\.\.\./g, ' ').matchAll(/(\.)?([A-Za-z_$][\w$]*)/g)) {
      const [, dot, name] = m;
      if (dot) expect(PROPERTIES, `property .${name}`).toContain(name);
      else if (!name!.startsWith('$')) expect(KEYWORDS, `identifier ${name}`).toContain(name);
    }
    // Computed member access reads builtins by their fixed names and destructuring temporaries;
    // otherwise it is an element of an array (checked with isArray, a list local that the code
    // only ever assigns array literals, or a for-in loop's batch read below its length) at an
    // index the code first checks to be a number.
    for (const m of code.matchAll(/([\w$]+|[\])])\[([^\]]*)\]/g)) {
      if (/^(builtins\["[a-zA-Z_]+"\]|\$t\d+\[\d+\])$/.test(m[0])) continue;
      const [, array, index] = m;
      expect(m[0], 'computed access').toMatch(/^\$[\w$]+\[(\$[\w$]+|\d+)\]$/);
      const fromLoop = new RegExp(`\\${array} = \\$iterStart\\(`).test(code);
      if (fromLoop) {
        expect(code, `bounds check for ${m[0]}`).toContain(`${index} < ${array}.length`);
        continue;
      }
      const assigned = [...code.matchAll(new RegExp(`\\${array} = (.)`, 'g'))].map((a) => a[1]);
      const listLocal = assigned.length > 0 && assigned.every((c) => c === '[');
      if (!listLocal) expect(code, `array check for ${m[0]}`).toContain(`$isArray(${array})`);
      if (!/^\d+$/.test(index!)) expect(code, `index check for ${m[0]}`).toContain(`typeof ${index} === "number"`);
    }
  });
});

describe('line maps', () => {
  const src = 'x = 1;\n\nfunction f(a) {\n  return a + x;\n}\nprint(f(2));';
  const result = transpile(parse(src).program, { file: 'm.ml' });
  const lines = result.code.split('\n');

  test('every generated line has an entry', () => {
    expect(result.sourceMap.lines.length).toBe(lines.length);
    expect(result.sourceMap.file).toBe('m.ml');
  });

  test.each([
    ['$v_x = 1;', 0, 0],
    ['$add($v_a', 3, 2],
    ['$b_print(', 5, 0],
    ['$v_f = (($i) => function $f_f(', 2, 0],
  ])('the line holding %s maps to ML %i:%i', (snippet, line, column) => {
    const g = lines.findIndex((l) => l.includes(snippet));
    expect(g).toBeGreaterThanOrEqual(0);
    expect(result.sourceMap.lines[g]).toEqual({ line, column });
  });

  test('the V3 map decodes to the same positions', () => {
    const v3 = result.sourceMapV3;
    expect(v3).toMatchObject({ version: 3, sources: ['m.ml'], file: 'm.ml.js' });
    const groups = v3.mappings.split(';');
    expect(groups.length).toBe(lines.length);
    let line = 0;
    let column = 0;
    groups.forEach((g, i) => {
      if (g === '') {
        expect(result.sourceMap.lines[i]).toBeNull();
        return;
      }
      const [, , dl, dc] = decodeVlq(g);
      line += dl!;
      column += dc!;
      expect(result.sourceMap.lines[i]).toEqual({ line, column });
    });
  });
});

function decodeVlq(segment: string): number[] {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of segment) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

test('syntax errors are reported, never transpiled silently', () => {
  const parsed = parse('x = ;');
  const { diagnostics } = transpile(parsed.program, { file: 'e.ml' });
  const hasError = parsed.diagnostics.some((d) => d.severity === 'error') || diagnostics.length > 0;
  expect(hasError).toBe(true);
});
