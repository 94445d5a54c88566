// The shape of the tree for each grammar feature (§2): precedence, associativity, postfix chains,
// slices, arrow bodies, statements and declarations. Expectations are compact S-expressions.
import { describe, expect, test } from 'vitest';
import { parse } from '../../src/syntax/api.js';
import { describeDiagnostic, sexprBody } from './helpers.js';

const CASES: [string, string][] = [
  // precedence and associativity
  ['x = 1 + 2 * 3;', '(= x (+ 1 (* 2 3)));'],
  ['x = 1 - 2 - 3;', '(= x (- (- 1 2) 3));'],
  ['x = a || b && c;', '(= x (|| a (&& b c)));'],
  ['x = a == b != c;', '(= x (!= (== a b) c));'],
  ['x = a < b < c;', '(= x (< (< a b) c));'],
  ['x = a + b < c * d;', '(= x (< (+ a b) (* c d)));'],
  ['x = 7 // 2 % 3 / 4;', '(= x (/ (% (// 7 2) 3) 4));'],
  ['x = a >= b <= c;', '(= x (<= (>= a b) c));'],
  ['x = !a && -b;', '(= x (&& (! a) (- b)));'],
  ['x = - -a;', '(= x (- (- a)));'],
  ['x = !!a;', '(= x (! (! a)));'],
  ['x = -a.b[0];', '(= x (- (index (. a b) 0)));'],
  // ternary: loosest and right-associative
  ['x = c ? 10 : 20;', '(= x (? c 10 20));'],
  ['x = a ? b : c ? d : e;', '(= x (? a b (? c d e)));'],
  ['x = a || b ? c + 1 : d;', '(= x (? (|| a b) (+ c 1) d));'],
  ['x = (c ? 10 : 20) + 5;', '(= x (+ (paren (? c 10 20)) 5));'],
  // signed literals
  ['x = a - -1;', '(= x (- a -1));'],
  ['x = a -1;', '(= x (- a 1));'],
  ['x = 10 - +3;', '(= x (- 10 +3));'],
  ['x = +5;', '(= x +5);'],
  ['x = [1, -2, +3];', '(= x [1 -2 +3]);'],
  ['x = 2 * -3;', '(= x (* 2 -3));'],
  ['x = -(4 - 10);', '(= x (- (paren (- 4 10))));'],
  ['x = a[-1];', '(= x (index a -1));'],
  // postfix chains and calls
  ['o.m(x).n(y);', '(call (. (call (. o m) x) n) y);'],
  ['x = a[1][2];', '(= x (index (index a 1) 2));'],
  ['x = f(a, b)[0].c;', '(= x (. (index (call f a b) 0) c));'],
  ['f();', '(call f);'],
  ['x = math.pi;', '(= x (. math pi));'],
  // slices
  ['x = a[1:];', '(= x (slice a 1 _ _));'],
  ['x = a[:];', '(= x (slice a _ _ _));'],
  ['x = a[::-1];', '(= x (slice a _ _ -1));'],
  ['x = a[1:5:2];', '(= x (slice a 1 5 2));'],
  ['x = a[:3];', '(= x (slice a _ 3 _));'],
  ['x = a[1::2];', '(= x (slice a 1 _ 2));'],
  // literals
  ['x = [];', '(= x []);'],
  ['x = {};', '(= x {});'],
  ['x = {a: 1, "b c": 2};', '(= x {a: 1, b c: 2});'],
  ['x = {if: 1, true: 2, fnord: 3};', '(= x {if: 1, true: 2, fnord: 3});'],
  ['x = true; y = false;', '(= x true); (= y false);'],
  ['x = trueValue;', '(= x trueValue);'],
  ['x = null;', '(= x null);'],
  // arrow functions and the `{` rule
  ['f = fn(x) => x * x;', '(= f (fn (x) (* x x)));'],
  ['f = fn() => 42;', '(= f (fn () 42));'],
  ['f = fn() => {};', '(= f (fn () {}));'],
  ['f = fn(x, y) => {x: x, y: y};', '(= f (fn (x y) {x: x, y: y}));'],
  ['f = fn(x) => { return x; };', '(= f (fn (x) {(ReturnStmt x)}));'],
  ['f = fn(n) => fn(x) => x + n;', '(= f (fn (n) (fn (x) (+ x n))));'],
  ['f = fn(a: int, b) => a;', '(= f (fn (a b) a));'],
  ['f = fn(x) => {"k": x};', '(= f (fn (x) {k: x}));'],
  ['f = fn(x) => { {a, b} = x; return a; };', '(= f (fn (x) {(ObjectDestructureStmt a b x) (ReturnStmt a)}));'],
  // statements
  ['[a, b] = pair;', '(ArrayDestructureStmt a b pair)'],
  ['{a, b} = obj;', '(ObjectDestructureStmt a b obj)'],
  ['o.k = 1; a[0] = 2;', '(= (. o k) 1); (= (index a 0) 2);'],
  [
    'if (a) { x = 1; } elif (b) { x = 2; } else { x = 3; }',
    '(IfStmt a {(= x 1);} (ElifClause b {(= x 2);}) {(= x 3);})',
  ],
  ['while (i < 3) { i = i + 1; }', '(WhileStmt (< i 3) {(= i (+ i 1));})'],
  ['for (x in xs) { print(x); }', '(ForStmt x xs {(call print x);})'],
  ['function f(a, b: int) { return a; }', '(FunctionDef f (Parameter a) (Parameter b int) {(ReturnStmt a)})'],
  ['function f() { return; }', '(FunctionDef f {(ReturnStmt)})'],
  ['throw {message: "m"};', '(ThrowStmt {message: "m"})'],
  [
    'try { f(); } except (e) { g(e); } finally { h(); }',
    '(TryStmt {(call f);} (ExceptClause e {(call g e);}) {(call h);})',
  ],
  ['try { f(); } except { g(); }', '(TryStmt {(call f);} (ExceptClause {(call g);}))'],
  ['while (true) { break; continue; }', '(WhileStmt true {(BreakStmt) (ContinueStmt)})'],
  ['function f() { nonlocal a, b; }', '(FunctionDef f {(NonlocalStmt a b)})'],
  // declarations
  ['import math;', '(ImportStmt math)'],
  ['import a.b.c as d;', '(ImportStmt a b c d)'],
  [
    'capability Files { resource "data/*.csv"; allow read "data/*"; allow network; }',
    '(CapabilityDecl Files (CapabilityResource "data/*.csv") (CapabilityAllow "data/*") (CapabilityAllow))',
  ],
  // contextual keywords
  ['in = 5;', '(= in 5);'],
  ['elif = 1;', '(= elif 1);'],
  ['read = 2;', '(= read 2);'],
  ['if = 3;', '(= if 3);'],
  ['x = o.if + o.import;', '(= x (+ (. o if) (. o import)));'],
  ['o.import(2);', '(call (. o import) 2);'],
  ['function g() { import(x); }', '(FunctionDef g {(call import x);})'],
  ['function g() { capability(x); }', '(FunctionDef g {(call capability x);})'],
  ['x = in + as;', '(= x (+ in as));'],
  ['for (in in xs) { }', '(ForStmt in xs {})'],
  ['fnord = 1;', '(= fnord 1);'],
];

describe('grammar shapes', () => {
  test.each(CASES)('%s', (source, expected) => {
    const result = parse(source);
    expect(result.diagnostics.map(describeDiagnostic)).toEqual([]);
    expect(sexprBody(result.program.body)).toBe(expected);
  });
});

describe('number and boolean literal details', () => {
  test.each([
    ['42', false],
    ['007', false],
    ['3.14', true],
    ['3.', true],
    ['.5', true],
    ['1e10', true],
    ['1E-5', true],
    ['1.e5', true],
    ['-7', false],
    ['+2.5', true],
  ] as const)('%s is a number literal (float: %s)', (text, isFloat) => {
    const { program, diagnostics } = parse(`x = ${text};`);
    expect(diagnostics).toEqual([]);
    const stmt = program.body[0];
    expect(stmt?.kind === 'AssignStmt' && stmt.value.kind === 'NumberLiteral' && stmt.value).toMatchObject({
      raw: text,
      isFloat,
    });
  });
});
