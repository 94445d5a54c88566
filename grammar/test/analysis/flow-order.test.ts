// The data-flow engine's values and results do not depend on the order of work: taint unions keep
// the first sources by position whatever order they are joined in, findings come out in one total
// order, and a loop round is skipped only where it could not change anything.
import fc from 'fast-check';
import { parse, resolve } from '@mlsec/grammar';
import { expect, test } from 'vitest';
import { CapabilityScanner } from '../../src/analysis/capability-scan.js';
import { readsBeforeAssigning } from '../../src/analysis/flow-exposed.js';
import { calleeFirstRanks } from '../../src/analysis/flow-rank.js';
import {
  MAX_ATOMS,
  compareAtoms,
  forward,
  paramTaint,
  sourceAtom,
  substitute,
  union,
  type Atom,
  type Taint,
} from '../../src/analysis/flow-taint.js';
import { StaticValues } from '../../src/analysis/static-values.js';
import { traverse } from '../../src/analysis/traverse.js';
import type { Range } from '../../src/syntax/ast.js';
import { analyzeText } from './harness.js';

function range(offset: number): Range {
  return { start: { offset, line: 0, column: offset }, end: { offset: offset + 1, line: 0, column: offset + 1 } };
}

// A pool of atoms: parameters, sources (two labels at some offsets) and their forwarded forms.
const SOURCES = Array.from({ length: 24 }, (_, i) => sourceAtom(i % 3 === 0 ? 'env.get' : 'file.read', range(i * 7)));
const POOL: Atom[] = [
  ...[0, 1, 2].map((i) => paramTaint(i)![0]!),
  ...SOURCES,
  ...SOURCES.map((s) => forward([s])![0]!),
];

/** The uncapped meaning of a list of taints, capped: per kind, the first MAX_ATOMS in atom order. */
function capped(parts: readonly Taint[]): Atom[] {
  const all = new Map<string, Atom>();
  for (const t of parts) for (const a of t ?? []) all.set(a.key, a);
  const sorted = [...all.values()].sort(compareAtoms);
  const counts = { param: 0, own: 0, forwarded: 0 };
  return sorted.filter((a) => {
    if (a.kind === 'param') return true;
    const kind = a.forwarded ? 'forwarded' : 'own';
    return ++counts[kind] <= MAX_ATOMS;
  });
}

const taintArb = fc
  .uniqueArray(fc.integer({ min: 0, max: POOL.length - 1 }), { maxLength: 12 })
  .map((ix): Taint => (ix.length === 0 ? null : capped([ix.map((i) => POOL[i]!)])));

test('a union of taints in any order and grouping is the cap of the uncapped union', () => {
  fc.assert(
    fc.property(
      fc
        .array(taintArb, { minLength: 1, maxLength: 6 })
        .chain((parts) =>
          fc.tuple(
            fc.constant(parts),
            fc.shuffledSubarray(parts, { minLength: parts.length, maxLength: parts.length }),
          ),
        ),
      ([parts, shuffled]) => {
        const expected = capped(parts);
        let left: Taint = null;
        for (const t of parts) left = union(left, t);
        let right: Taint = null;
        for (const t of [...parts].reverse()) right = union(t, right);
        // Another order, joined pairwise.
        let tree: Taint[] = shuffled;
        while (tree.length > 1) {
          const next: Taint[] = [];
          for (let i = 0; i < tree.length; i += 2) next.push(union(tree[i]!, tree[i + 1] ?? null));
          tree = next;
        }
        for (const got of [left, right, tree[0]!]) expect(got ?? []).toEqual(expected);
      },
    ),
    { numRuns: 500 },
  );
});

test('a union returns its first operand exactly when it adds nothing (change detection by identity)', () => {
  fc.assert(
    fc.property(taintArb, taintArb, (a, b) => {
      const u = union(a, b);
      const expected = capped([a, b]);
      expect(u ?? []).toEqual(expected);
      if (a === null) return;
      const unchanged = expected.length === a.length && expected.every((x, i) => x === a[i]);
      expect(u === a).toBe(unchanged);
    }),
    { numRuns: 500 },
  );
});

test('forward and substitute give the cap of what they give on uncapped taints', () => {
  fc.assert(
    fc.property(taintArb, taintArb, taintArb, (t, arg0, arg1) => {
      const forwarded = (t ?? []).filter((a) => a.kind === 'source').map((a) => forward([a])![0]!);
      expect(forward(t) ?? []).toEqual(capped([forwarded]));
      const parts: Taint[] = [];
      for (const a of t ?? []) {
        if (a.kind === 'param') parts.push(a.index === 0 ? arg0 : a.index === 1 ? arg1 : null);
        else if (!a.forwarded) parts.push([a]);
      }
      expect(substitute(t, [arg0, arg1]) ?? []).toEqual(capped(parts));
    }),
    { numRuns: 500 },
  );
});

test('sources arriving through a parameter keep the first by position, whatever else the parameter holds', () => {
  // Eleven sources reach one sink through a parameter: the first eight (by line) are reported.
  const lines = ['import env;', 'import file;', 'function sink(p) { file.read(p); }'];
  for (let i = 0; i < 11; i++) lines.push(`x${i} = env.get("K${i}");`);
  lines.push(`sink(${Array.from({ length: 11 }, (_, i) => `x${i}`).join(' + ')});`);
  const findings = analyzeText(lines.join('\n') + '\n').findings.filter((f) => f.code === 'SEC015');
  const atSink = findings.filter((f) => f.range.start.line === 2).map((f) => /line (\d+)/.exec(f.message)![1]);
  expect(atSink).toEqual(['10', '11', '4', '5', '6', '7', '8', '9']);
});

test('findings at one place come out in message order', () => {
  const text = [
    'import env;',
    'import file;',
    'a = env.get("A");',
    'b = file.read("data/x");',
    'c = env.get("C");',
    'file.read(c + b + a);',
  ].join('\n');
  const messages = analyzeText(text + '\n')
    .findings.filter((f) => f.code === 'SEC015')
    .map((f) => f.message);
  expect(messages.length).toBe(3);
  expect(messages).toEqual([...messages].sort());
});

// Loop bodies and the names they may read before assigning them (the for variable counts as assigned).
const EXPOSED: [string, string[]][] = [
  ['for (x in xs) { y = x; print(y); }', ['print']],
  ['for (x in xs) { print(y); y = x; }', ['print', 'y']],
  ['for (x in xs) { if (x) { y = x; } else { y = 1; } print(y); }', ['print']],
  ['for (x in xs) { if (x) { y = x; } print(y); }', ['print', 'y']],
  ['for (x in xs) { if (x) { y = x; } elif (x == 2) { return y; } else { y = 2; } z = y; }', ['y']],
  ['for (x in xs) { if (x) { continue; } else { y = x; } z = y; }', []],
  ['for (x in xs) { while (x) { y = x; } z = y; }', ['y']],
  ['for (x in xs) { try { y = x; } except (e) { y = e; } z = y; }', ['y']],
  ['for (x in xs) { o.k = x; }', ['o']],
  ['for (x in xs) { f = fn(v) => v + w; t = f(x); }', []],
  ['while (n > 0) { n = n - 1; }', ['n']],
  ['while (go) { s = s + "."; }', ['go', 's']],
];

test.each(EXPOSED)('loop %s may read %j before assigning them', (source, names) => {
  const text = `xs = [1, 2]; o = {}; w = 1; n = 3; go = true; s = ""; y = 0;\nfunction g() {\n${source}\n}\n`;
  const { program, diagnostics } = parse(text);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const fnDef = program.body.find((s) => s.kind === 'FunctionDef')!;
  if (fnDef.kind !== 'FunctionDef' || fnDef.body.kind !== 'Block') throw new Error('no function');
  const loop = fnDef.body.body[0]!;
  if (loop.kind !== 'ForStmt' && loop.kind !== 'WhileStmt') throw new Error('no loop');
  const resolution = resolve(program);
  // Every variable mentioned in the function, asked about alone, and all of them at once.
  const inLoop = resolution.symbols.filter((s) =>
    s.occurrences.some(
      (o) =>
        o.identifier.range.start.offset >= fnDef.range.start.offset &&
        o.identifier.range.end.offset <= fnDef.range.end.offset,
    ),
  );
  const exposed = inLoop.filter((s) => readsBeforeAssigning(loop, [s], resolution)).map((s) => s.name);
  expect([...new Set(exposed)].sort()).toEqual(names);
  expect(readsBeforeAssigning(loop, inLoop, resolution)).toBe(names.length > 0);
});

// Programs and the order their functions' components must come in: callees first, a cycle together.
const RANKED: [string, string[][]][] = [
  ['function a() { return b(); }\nfunction b() { return c(); }\nfunction c() { return 1; }', [['c'], ['b'], ['a']]],
  ['function a() { return b(); }\nfunction b() { return a() + c(); }\nfunction c() { return 1; }', [['c'], ['a', 'b']]],
  ['function a() { return a(); }\nfunction b() { return a(); }', [['a'], ['b']]],
  ['function a() { f = fn() => b(); return f(); }\nfunction b() { return 1; }', [['b'], ['a']]],
];

test.each(RANKED)('call graph components of %j come callees first', (source, order) => {
  const text = source + '\nprint(a());\n';
  const { program } = parse(text);
  const resolution = resolve(program);
  const scanner = new CapabilityScanner(new StaticValues(resolution), undefined, undefined);
  traverse(program, scanner);
  const ranks = calleeFirstRanks(scanner.result().units);
  const rankOf = (name: string): number => [...ranks].find(([node]) => node?.name.name === name)![1];
  for (let i = 0; i < order.length; i++) {
    for (const name of order[i]!) {
      for (const other of order[i]!) expect(rankOf(other)).toBe(rankOf(name));
      for (const later of order.slice(i + 1).flat()) expect(rankOf(name)).toBeLessThan(rankOf(later));
    }
  }
  expect(ranks.get(null)).toBeGreaterThan(rankOf('a'));
});

test('a chain of calls defined callers first reports the first sources by position', () => {
  // 60 functions, each returning a source joined with its callee's result, defined in reverse order:
  // every function's source reaches the sink (the first 8 by position are reported).
  const fns: string[] = [];
  for (let i = 59; i >= 0; i--) {
    fns.push(`function g_${i}(x) { d = env.get("K${i}"); return ${i === 0 ? 'd' : `d + g_${i - 1}(x)`}; }`);
  }
  const text = ['import env;', 'import file;', ...fns, 'file.read(g_59(1));'].join('\n') + '\n';
  const lines = analyzeText(text)
    .findings.filter((f) => f.code === 'SEC015')
    .map((f) => Number(/line (\d+)/.exec(f.message)![1]))
    .sort((a, b) => a - b);
  expect(lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
});
