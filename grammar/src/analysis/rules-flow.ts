// Runs the data-flow rules over one file and turns what reaches a sink into findings: SEC015 at the
// sink (naming the source), SEC014 at the code-looking literal (naming the call it reaches).
// One finding per sink and source; nothing is reported for values that never reach a sink.
import type { Resolution } from '../names/types.js';
import type { Program } from '../syntax/ast.js';
import { FlowEngine } from './flow-engine.js';
import { sources } from './flow-taint.js';
import { suspiciousSpec, taintSpec } from './flow-specs.js';
import type { Report } from './rules-names.js';
import type { StaticValues } from './static-values.js';

export interface FlowNeeds {
  /** The file calls an untrusted source (SEC015 can only fire then). */
  untrusted: boolean;
  /** The file has a code-looking string literal (SEC014 can only fire then). */
  codeStrings: boolean;
}

export function runFlowRules(program: Program, resolution: Resolution, values: StaticValues, needs: FlowNeeds, report: Report): void {
  if (needs.untrusted) {
    const seen = new Set<string>();
    new FlowEngine(program, resolution, values, taintSpec(values)).run((at, taint, what) => {
      for (const atom of sources(taint)) {
        const key = `${at.range.start.offset}:${at.range.end.offset}:${atom.label}:${atom.range.start.offset}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const line = atom.range.start.line + 1;
        report('SEC015', at, `Untrusted data from ${atom.label} (line ${line}) reaches ${what} without a check`);
      }
    });
  }
  if (needs.codeStrings) {
    const seen = new Set<number>();
    new FlowEngine(program, resolution, values, suspiciousSpec(values)).run((_at, taint, what) => {
      for (const atom of sources(taint)) {
        if (seen.has(atom.range.start.offset)) continue;
        seen.add(atom.range.start.offset);
        report('SEC014', atom, `String containing ${atom.label} flows into ${what}`);
      }
    });
  }
}
