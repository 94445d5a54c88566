// Rule severity → editor severity under an analysis level, the finding constructor, and the score.
// Pure functions; which findings exist is decided by the rule checks, never here.
import type { Severity } from '../diagnostics.js';
import type { Range } from '../syntax/ast.js';
import { ruleOf, type RuleId, type RuleSeverity } from './rules.js';
import type { AnalysisLevel } from '../config/types.js';
import type { Finding } from './types.js';

/**
 * moderate (default): critical/high → error, medium → warning, low/info → hint.
 * permissive: only critical blocks; high and medium warn.
 * strict: medium blocks too.
 */
export function mapSeverity(severity: RuleSeverity, level: AnalysisLevel = 'moderate'): Severity {
  switch (severity) {
    case 'critical':
      return 'error';
    case 'high':
      return level === 'permissive' ? 'warning' : 'error';
    case 'medium':
      return level === 'strict' ? 'error' : 'warning';
    case 'low':
    case 'info':
      return 'hint';
  }
}

/** Builds a finding for `rule` at `range`; `capability` when the rule concerns one. */
export function makeFinding(
  rule: RuleId,
  range: Range,
  message: string,
  level: AnalysisLevel,
  capability?: string,
): Finding {
  const r = ruleOf(rule);
  const finding: Finding = {
    code: rule,
    severity: mapSeverity(r.severity, level),
    message,
    range,
    source: 'security',
    category: r.category,
    ruleSeverity: r.severity,
    cwe: r.cwe,
    fixHint: r.fix,
  };
  if (capability !== undefined) finding.capability = capability;
  return finding;
}

const PENALTY: Readonly<Record<RuleSeverity, number>> = { critical: 40, high: 20, medium: 5, low: 1, info: 0 };

/** SECURITY-RULES.md score: 100 − 40/critical − 20/high − 5/medium − 1/low, floored at 0. */
export function securityScore(findings: readonly Finding[]): number {
  let score = 100;
  for (const f of findings) score -= PENALTY[f.ruleSeverity];
  return Math.max(0, score);
}
