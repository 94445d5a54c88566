// The analysis `mlsec check` runs on one source text: parse, then each checking stage over the
// parsed program. Stages are a list so later analyses (security rules, capabilities) join by adding
// one entry. Pure: no file access, no output.
import type { Diagnostic, Program } from '@mlsec/grammar';
import { resolve } from '@mlsec/grammar/names';
import { parse } from '@mlsec/grammar/syntax';

/** One analysis over a parsed program (it may assume nothing about the absence of syntax errors). */
export type CheckStage = (program: Program, source: string) => readonly Diagnostic[];

export const CHECK_STAGES: readonly CheckStage[] = [(program) => resolve(program).diagnostics];

/** Every diagnostic for `source`, sorted by position (syntax first at equal positions). */
export function analyzeSource(source: string, stages: readonly CheckStage[] = CHECK_STAGES): Diagnostic[] {
  const parsed = parse(source);
  const all: Diagnostic[] = [...parsed.diagnostics];
  for (const stage of stages) all.push(...stage(parsed.program, source));
  return all
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.range.start.offset - b.d.range.start.offset || a.i - b.i)
    .map(({ d }) => d);
}
