// Seeded fuzzing of the parser: conformance programs mutated token-wise and byte-wise must parse
// without throwing, within a time bound, with every diagnostic and node range inside the document.
// FUZZ_CASES overrides the number of cases (default 10,000); FUZZ_SEED the seed.
import { describe, expect, test } from 'vitest';
import type { Node } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/api.js';
import { forEachChild } from '../../src/syntax/visit.js';
import { conformancePrograms } from './helpers.js';

const CASES = Number(process.env['FUZZ_CASES'] ?? 10_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240611);
const TIME_BOUND_MS = 200;

/** mulberry32: small, fast, deterministic. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '(', ')', '[', ']', '{', '}', ',', ';', ':', '.', '?', '=', '==', '===', '=>', '+', '-', '*', '/', '//', '%', '**',
  '!', '&&', '||', '<', '>=', '+=', '++', '--', 'if', 'elif', 'else', 'while', 'for', 'in', 'function', 'fn', 'return',
  'throw', 'try', 'except', 'finally', 'break', 'continue', 'nonlocal', 'import', 'capability', 'allow', 'resource',
  'read', 'as', 'true', 'false', 'null', 'x', 'let', 'new', 'catch', '0', '-1', '3.5e2', '.5', '"s"', "'t", '"', '\\',
  '/*', '*/', '// c\n', '\n', '@', '&', '`', 'é', '\u0000', '\r', '\t',
];

type Rand = () => number;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function tokenSpans(source: string): [number, number][] {
  return parse(source).tokens.map((t) => [t.range.start.offset, t.range.end.offset]);
}

function mutate(r: Rand, source: string, spans: [number, number][]): string {
  const at = () => Math.floor(r() * (source.length + 1));
  if (spans.length === 0) return source + pick(r, SNIPPETS);
  switch (Math.floor(r() * 7)) {
    case 0: {
      const [s, e] = pick(r, spans);
      return source.slice(0, s) + source.slice(e);
    }
    case 1: {
      const [s] = pick(r, spans);
      return source.slice(0, s) + pick(r, SNIPPETS) + ' ' + source.slice(s);
    }
    case 2: {
      const i = Math.floor(r() * Math.max(1, spans.length - 1));
      const a = spans[i];
      const b = spans[i + 1];
      if (!a || !b) return source;
      return source.slice(0, a[0]) + source.slice(b[0], b[1]) + source.slice(a[1], b[0]) + source.slice(a[0], a[1]) + source.slice(b[1]);
    }
    case 3:
      return source.slice(0, at());
    case 4: {
      const p = at();
      let bytes = '';
      const n = 1 + Math.floor(r() * 4);
      for (let i = 0; i < n; i++) bytes += String.fromCharCode(Math.floor(r() * 0x3000));
      return source.slice(0, p) + bytes + source.slice(p);
    }
    case 5: {
      const s = at();
      const e = Math.min(source.length, s + Math.floor(r() * 40));
      const p = at();
      return source.slice(0, p) + source.slice(s, e) + source.slice(p);
    }
    default: {
      const p = at();
      return source.slice(0, p) + pick(r, SNIPPETS) + source.slice(p);
    }
  }
}

function rangeProblems(source: string, program: Node): string[] {
  const out: string[] = [];
  const visit = (n: Node, parent: Node | null) => {
    const { start, end } = n.range;
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= source.length)) out.push(`${n.kind} range outside document`);
    if (parent && (start.offset < parent.range.start.offset || end.offset > parent.range.end.offset)) {
      out.push(`${n.kind} at ${start.offset} outside parent ${parent.kind}`);
    }
    forEachChild(n, (c) => visit(c, n));
  };
  visit(program, null);
  return out;
}

describe('parser fuzzing', () => {
  test(`${CASES} mutated programs parse safely`, () => {
    const programs = conformancePrograms().map(([, s]) => ({ source: s, spans: tokenSpans(s) }));
    const r = prng(SEED);
    const failures: string[] = [];
    let slowest = 0;
    for (let i = 0; i < CASES && failures.length < 5; i++) {
      const base = pick(r, programs);
      let source = base.source;
      const rounds = 1 + Math.floor(r() * 3);
      for (let k = 0; k < rounds; k++) source = mutate(r, source, k === 0 ? base.spans : tokenSpans(source));
      const t0 = performance.now();
      let result;
      try {
        result = parse(source);
      } catch (err) {
        failures.push(`case ${i}: threw ${String(err)}\n${JSON.stringify(source)}`);
        continue;
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      if (ms > TIME_BOUND_MS) failures.push(`case ${i}: took ${ms.toFixed(0)} ms\n${JSON.stringify(source)}`);
      const problems: string[] = [];
      for (const d of result.diagnostics) {
        const { start, end } = d.range;
        if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= source.length)) problems.push(`diagnostic ${d.code} outside document`);
        if (d.code === 'ML299') problems.push(`internal error: ${d.message}`);
      }
      problems.push(...rangeProblems(source, result.program));
      if (problems.length > 0) failures.push(`case ${i}: ${problems.slice(0, 3).join('; ')}\n${JSON.stringify(source)}`);
    }
    expect(failures).toEqual([]);
    expect(slowest).toBeLessThanOrEqual(TIME_BOUND_MS);
  });
});
