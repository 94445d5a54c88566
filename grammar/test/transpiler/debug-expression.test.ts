// Debugger input compilation: expressions, REPL statements and logpoint messages become the plain
// trees the debug agent interprets; what hover must not run and what ML cannot reach are refused.
import { describe, expect, test } from 'vitest';
import { compileDebugExpression, compileDebugStatement, compileLogMessage } from '../../src/transpiler/index.js';

const EXPRESSIONS: [string, unknown][] = [
  [
    'len(xs) + 1',
    { k: 'op', op: 'add', l: { k: 'call', n: 'len', args: [{ k: 'name', n: 'xs' }] }, r: { k: 'lit', v: 1 } },
  ],
  ['2.0', { k: 'float', v: 2 }],
  ['2.5', { k: 'lit', v: 2.5 }],
  ['123456789012345678901234567890', { k: 'int', v: '123456789012345678901234567890' }],
  ['-x', { k: 'neg', e: { k: 'name', n: 'x' } }],
  ['!ok', { k: 'not', e: { k: 'name', n: 'ok' } }],
  [
    'a && b || c',
    { k: 'or', l: { k: 'and', l: { k: 'name', n: 'a' }, r: { k: 'name', n: 'b' } }, r: { k: 'name', n: 'c' } },
  ],
  ['o.k', { k: 'member', o: { k: 'name', n: 'o' }, n: 'k' }],
  ['o["k"]', { k: 'index', o: { k: 'name', n: 'o' }, i: { k: 'lit', v: 'k' } }],
  ['s[1:]', { k: 'slice', o: { k: 'name', n: 's' }, a: { k: 'lit', v: 1 }, b: null, c: null }],
  ['c ? 1 : 2', { k: 'cond', t: { k: 'name', n: 'c' }, c: { k: 'lit', v: 1 }, a: { k: 'lit', v: 2 } }],
  [
    '{a: [true, null]}',
    {
      k: 'object',
      keys: ['a'],
      values: [
        {
          k: 'array',
          items: [
            { k: 'lit', v: true },
            { k: 'name', n: 'null' },
          ],
        },
      ],
    },
  ],
  ['xs.append(1)', { k: 'method', o: { k: 'name', n: 'xs' }, n: 'append', args: [{ k: 'lit', v: 1 }] }],
  ['  x;  ', { k: 'name', n: 'x' }],
  ['x // 2', { k: 'op', op: 'floordiv', l: { k: 'name', n: 'x' }, r: { k: 'lit', v: 2 } }],
];

const REFUSED: [string, RegExp][] = [
  ['', /empty expression/],
  ['x = ', /column/],
  ['fn(a) => a', /functions cannot be defined/],
  ['o.__proto__', /not accessible/],
  ['o.constructor', /not accessible/],
  ['a; b', /single ML expression|column/],
];

describe('expressions', () => {
  test.each(EXPRESSIONS)('%s', (text, tree) => {
    expect(compileDebugExpression(text)).toEqual({ ok: true, value: tree });
  });
  test.each(REFUSED)('refuses %j', (text, message) => {
    const r = compileDebugExpression(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
  test.each(['f(1)', 'xs.pop()', 'a + g(b)'])('hover refuses the call in %s', (text) => {
    const r = compileDebugExpression(text, { sideEffectFree: true });
    expect(r).toEqual({ ok: false, message: 'calls are not evaluated on hover (they could have side effects)' });
  });
});

describe('REPL statements', () => {
  test.each([
    ['x = 5', { k: 'assign', target: { k: 'name', n: 'x' }, value: { k: 'lit', v: 5 } }],
    ['o.k = 1;', { k: 'assign', target: { k: 'member', o: { k: 'name', n: 'o' }, n: 'k' }, value: { k: 'lit', v: 1 } }],
    [
      'a[0] = b',
      {
        k: 'assign',
        target: { k: 'index', o: { k: 'name', n: 'a' }, i: { k: 'lit', v: 0 } },
        value: { k: 'name', n: 'b' },
      },
    ],
    ['x == 5', { k: 'expr', e: { k: 'op', op: 'eq', l: { k: 'name', n: 'x' }, r: { k: 'lit', v: 5 } } }],
    ['{a: 1}', { k: 'expr', e: { k: 'object', keys: ['a'], values: [{ k: 'lit', v: 1 }] } }],
  ])('%s', (text, tree) => {
    expect(compileDebugStatement(text, { allowAssignment: true })).toEqual({ ok: true, value: tree });
  });
  test('assignments need allowAssignment and are never side-effect free', () => {
    expect(compileDebugStatement('x = 5').ok).toBe(false);
    expect(compileDebugStatement('x = 5', { allowAssignment: true, sideEffectFree: true }).ok).toBe(false);
  });
});

describe('logpoint messages', () => {
  test.each([
    ['x = {x}', ['x = ', { k: 'name', n: 'x' }]],
    [
      '{a}{b}',
      [
        { k: 'name', n: 'a' },
        { k: 'name', n: 'b' },
      ],
    ],
    ['obj {{literal}} {o["}"]}', ['obj {literal} ', { k: 'index', o: { k: 'name', n: 'o' }, i: { k: 'lit', v: '}' } }]],
    [
      'nested { {a: 1}.a }',
      ['nested ', { k: 'member', o: { k: 'object', keys: ['a'], values: [{ k: 'lit', v: 1 }] }, n: 'a' }],
    ],
    ['plain text', ['plain text']],
  ])('%s', (text, parts) => {
    expect(compileLogMessage(text)).toEqual({ ok: true, value: parts });
  });
  test.each([
    ['x = {x', /unclosed '\{' at column 5/],
    ['{fn(a) => a}', /functions cannot be defined/],
  ])('refuses %j', (text, message) => {
    const r = compileLogMessage(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});
