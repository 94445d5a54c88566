// The custom requests of grammar/src/protocol: ml/requiredCapabilities (every capability the
// document needs, with locations and the grant's verdict) and ml/securityReport (findings, score).
import type {
  CapabilityUse,
  Finding,
  RequiredCapabilitiesResult,
  SecurityFindingInfo,
  SecurityReportResult,
} from '@mlsec/grammar';
import { grantLabel } from './capability-view.js';
import { pathToUri, toRange } from './convert.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { ruleHref } from './docs-links.js';

function granted(uses: readonly CapabilityUse[]): boolean | null {
  const own = uses.find((u) => u.file === undefined && u.granted !== undefined);
  return own?.granted ?? null;
}

export function requiredCapabilities(a: DocumentAnalysis): RequiredCapabilitiesResult {
  const caps = a.security.capabilities;
  return {
    uri: a.uri,
    grant: grantLabel(a),
    capabilities: caps.capabilities.map((g) => ({
      capability: g.capability,
      concrete: g.uses.every((u) => u.concrete),
      granted: granted(g.uses),
      locations: g.uses.map((u) => ({
        uri: u.file === undefined ? a.uri : pathToUri(u.file),
        range: toRange(u.range),
        callee: u.callee,
        functionName: u.functionName,
      })),
    })),
    declarations: caps.declarations.map((d) => ({
      capability: d.capability,
      declaration: d.declaration,
      granted: d.granted ?? null,
      location: { uri: a.uri, range: toRange(d.range) },
    })),
    functions: caps.functions.map((f) => ({ name: f.name, range: toRange(f.range), capabilities: f.transitive })),
  };
}

function findingInfo(f: Finding, docsBase: string): SecurityFindingInfo {
  const info: SecurityFindingInfo = {
    code: f.code,
    severity: f.severity,
    ruleSeverity: f.ruleSeverity,
    category: f.category,
    cwe: f.cwe,
    message: f.message,
    fixHint: f.fixHint,
    range: toRange(f.range),
    href: ruleHref(docsBase, f.code) ?? docsBase,
  };
  if (f.capability !== undefined) info.capability = f.capability;
  if (f.suppression) info.suppression = { by: f.suppression.by, text: f.suppression.text };
  return info;
}

export function securityReport(a: DocumentAnalysis, docsBase: string): SecurityReportResult {
  const s = a.security;
  return {
    uri: a.uri,
    score: s.score,
    analysisLevel: a.context.level,
    findings: s.findings.map((f) => findingInfo(f, docsBase)),
    suppressed: s.suppressed.map((f) => findingInfo(f, docsBase)),
  };
}
