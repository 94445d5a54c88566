// Seeded fuzzing of the parser: conformance programs mutated token-wise and byte-wise must parse
// without throwing, within a time bound, with every diagnostic and node range inside the document.
// FUZZ_CASES overrides the number of cases (default 10,000); FUZZ_SEED the seed.
import { describe, expect, test } from 'vitest';
import type { Node } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/api.js';
import { forEachChild } from '../../src/syntax/visit.js';
import { conformancePrograms } from './helpers.js';
import { mutate, pick, prng, tokenSpans } from './mutate.js';

const CASES = Number(process.env['FUZZ_CASES'] ?? 10_000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20240611);
const TIME_BOUND_MS = 200;

function rangeProblems(source: string, program: Node): string[] {
  const out: string[] = [];
  const visit = (n: Node, parent: Node | null) => {
    const { start, end } = n.range;
    if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= source.length))
      out.push(`${n.kind} range outside document`);
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
      let ms = performance.now() - t0;
      if (ms > TIME_BOUND_MS) {
        // A first visit to an error path warms Chevrotain's caches and the JIT (or meets a GC pause);
        // a real blow-up is slow again, so the bound applies to the better of two runs.
        const t1 = performance.now();
        parse(source);
        ms = Math.min(ms, performance.now() - t1);
      }
      slowest = Math.max(slowest, ms);
      if (ms > TIME_BOUND_MS) failures.push(`case ${i}: took ${ms.toFixed(0)} ms\n${JSON.stringify(source)}`);
      const problems: string[] = [];
      for (const d of result.diagnostics) {
        const { start, end } = d.range;
        if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= source.length))
          problems.push(`diagnostic ${d.code} outside document`);
        if (d.code === 'ML299') problems.push(`internal error: ${d.message}`);
      }
      problems.push(...rangeProblems(source, result.program));
      if (problems.length > 0)
        failures.push(`case ${i}: ${problems.slice(0, 3).join('; ')}\n${JSON.stringify(source)}`);
    }
    expect(failures).toEqual([]);
    expect(slowest).toBeLessThanOrEqual(TIME_BOUND_MS);
  });
});
