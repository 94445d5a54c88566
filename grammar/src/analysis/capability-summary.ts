// Assembles the per-file capability summary (what `mlsec caps`, hover and code lens show) from the
// call graph, and reports SEC010 for concrete uses in the analysed file that the grant refuses.
import type { CallGraph } from './call-graph.js';
import { exceedsGrant } from './capability-decls.js';
import type { ScanUnit } from './capability-scan.js';
import type { AnalysisLevel } from '../config/types.js';
import type { AnalysisGrant, CapabilityGroup, CapabilityUse, Finding, FunctionCapabilities } from './types.js';

function functionEntry(unit: ScanUnit, graph: CallGraph, scratch: Uint32Array): FunctionCapabilities {
  const node = unit.node!;
  const transitive = graph.transitive(unit);
  scratch.fill(0);
  graph.sets.addDirect(unit, scratch);
  return {
    name: node.name.name,
    range: node.name.range,
    direct: graph.sets.list(scratch),
    transitive: transitive ? graph.sets.list(transitive) : [],
  };
}

/** Uses of the file first (source order), then those of reachable module functions; grouped by capability. */
function groups(graph: CallGraph): CapabilityGroup[] {
  const byCapability = new Map<string, CapabilityUse[]>();
  const add = (u: CapabilityUse): void => {
    const list = byCapability.get(u.capability);
    if (list) list.push(u);
    else byCapability.set(u.capability, [u]);
  };
  graph.main.scan.uses.forEach(add);
  for (const unit of graph.moduleUnitsReached) unit.uses.forEach(add);
  return [...byCapability].map(([capability, uses]) => ({ capability, uses }));
}

export interface SummaryParts {
  functions: FunctionCapabilities[];
  capabilities: CapabilityGroup[];
  findings: Finding[];
}

export function summarise(graph: CallGraph, grant: AnalysisGrant | undefined, level: AnalysisLevel): SummaryParts {
  const findings: Finding[] = [];
  if (grant) {
    const verdicts = new Map<string, boolean>();
    for (const use of graph.main.scan.uses) {
      if (!use.concrete) continue;
      let granted = verdicts.get(use.capability);
      if (granted === undefined) {
        granted = grant.allows(use.capability);
        verdicts.set(use.capability, granted);
      }
      use.granted = granted;
      if (!granted) findings.push(exceedsGrant(use.capability, use.range, grant, level, `${use.callee}(...) needs`));
    }
  }
  const scratch = graph.sets.empty();
  const functions = graph.main.scan.units.filter((u) => u.node !== null).map((u) => functionEntry(u, graph, scratch));
  return { functions, capabilities: groups(graph), findings };
}
