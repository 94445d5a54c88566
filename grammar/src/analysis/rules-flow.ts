// Runs the data-flow rules over one file and turns what reaches a sink into findings: SEC015 at the
// sink (naming the source), SEC014 at the code-looking literal (naming the call it reaches).
// One finding per sink and source; nothing is reported for values that never reach a sink.
import type { Resolution } from '../names/types.js';
import type { Node } from '../syntax/ast.js';
import type { ScanUnit } from './capability-scan.js';
import { FlowEngine } from './flow-engine.js';
import { calleeFirstRanks } from './flow-rank.js';
import { sources } from './flow-taint.js';
import { suspiciousSpec, taintSpec } from './flow-specs.js';
import type { ChainShapes } from './concat.js';
import type { Report } from './rules-names.js';
import type { StaticValues } from './static-values.js';

export interface FlowSeeds {
  /** Calls of untrusted sources (SEC015 starts from them). */
  untrusted: readonly Node[];
  /** String literals holding code-looking text (SEC014 starts from them). */
  codeStrings: readonly Node[];
}

export function runFlowRules(
  resolution: Resolution,
  values: StaticValues,
  shapes: ChainShapes,
  seeds: FlowSeeds,
  report: Report,
  units: readonly ScanUnit[] = [],
): void {
  if (seeds.untrusted.length === 0 && seeds.codeStrings.length === 0) return;
  const ranks = calleeFirstRanks(units);
  if (seeds.untrusted.length > 0) {
    const seen = new Set<string>();
    new FlowEngine(resolution, values, taintSpec(shapes), ranks).run(seeds.untrusted, (at, taint, what) => {
      for (const atom of sources(taint)) {
        const key = `${at.range.start.offset}:${at.range.end.offset}:${atom.label}:${atom.range.start.offset}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const line = atom.range.start.line + 1;
        report('SEC015', at, `Untrusted data from ${atom.label} (line ${line}) reaches ${what} without a check`);
      }
    });
  }
  if (seeds.codeStrings.length > 0) {
    const seen = new Set<number>();
    new FlowEngine(resolution, values, suspiciousSpec(values), ranks).run(seeds.codeStrings, (_at, taint, what) => {
      for (const atom of sources(taint)) {
        if (seen.has(atom.range.start.offset)) continue;
        seen.add(atom.range.start.offset);
        report('SEC014', atom, `String containing ${atom.label} flows into ${what}`);
      }
    });
  }
}
