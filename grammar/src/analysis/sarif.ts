// SARIF 2.1.0 output of diagnostics, in the shape GitHub code scanning accepts: one run, the rules in
// tool.driver.rules (help text, docs link, default level), results with 1-based regions. Security
// findings use the rule table; other diagnostics (syntax, names) get a rule entry per code.
// Builds plain data; serialising and writing it is the caller's business.
import type { Diagnostic } from '../diagnostics.js';
import { RULE_IDS, RULES, ruleDocsAnchor, ruleOf, type RuleId, type RuleSeverity } from './rules.js';
import type { Finding } from './types.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifFile {
  /** Artifact URI as it should appear (repository-relative with `/`, or a `file://` URI). */
  uri: string;
  /** Active diagnostics: security findings and any other stage's diagnostics. */
  diagnostics: readonly Diagnostic[];
  /** Suppressed findings, included (marked as suppressed) when `includeSuppressed` is set. */
  suppressed?: readonly Finding[];
}

export interface SarifOptions {
  toolVersion: string;
  /** Base of the docs links (`https://github.com/org/repo/blob/main/`); rules link to docs/security-rules.md#secNNN. */
  docsBase?: string;
  /** Findings to include as suppressed results (`suppressions` entries), e.g. for --show-suppressed. */
  includeSuppressed?: boolean;
}

function levelOf(severity: Diagnostic['severity']): SarifLevel {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  return 'note';
}

function defaultLevel(severity: RuleSeverity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  if (severity === 'medium') return 'warning';
  return 'note';
}

/** GitHub's `security-severity` (0–10) per rule severity. */
const SECURITY_SEVERITY: Readonly<Record<RuleSeverity, string>> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '1.0',
};

function ruleDescriptor(id: RuleId, docsBase: string): Record<string, unknown> {
  const r = ruleOf(id);
  return {
    id: r.id,
    name: r.name,
    shortDescription: { text: r.short },
    fullDescription: { text: r.full },
    help: { text: `${r.full}\nFix: ${r.fix}`, markdown: `${r.full}\n\n**Fix:** ${r.fix}` },
    helpUri: `${docsBase}${ruleDocsAnchor(r.id)}`,
    defaultConfiguration: { level: defaultLevel(r.severity) },
    properties: {
      tags: ['security', r.category, `external/cwe/${r.cwe.toLowerCase()}`],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[r.severity],
    },
  };
}

/** A rule entry for a non-security code (`ML301`), described by its stage and first message. */
function otherRule(d: Diagnostic): Record<string, unknown> {
  const text = `${d.source} diagnostic ${d.code}`;
  return {
    id: d.code,
    name: `${d.source}-${d.code.toLowerCase()}`,
    shortDescription: { text },
    fullDescription: { text: `${text}, e.g. "${d.message}"` },
    help: { text: d.message },
    defaultConfiguration: { level: levelOf(d.severity) },
  };
}

function result(d: Diagnostic, ruleIndex: number, uri: string, suppressed: Finding | null): Record<string, unknown> {
  const capability = (d as Partial<Finding>).capability;
  const out: Record<string, unknown> = {
    ruleId: d.code,
    ruleIndex,
    level: levelOf(d.severity),
    message: { text: capability ? `${d.message} [${capability}]` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: {
            startLine: d.range.start.line + 1,
            startColumn: d.range.start.column + 1,
            endLine: d.range.end.line + 1,
            endColumn: d.range.end.column + 1,
          },
        },
      },
    ],
  };
  if (suppressed) {
    const kind = suppressed.suppression?.by === 'config' ? 'external' : 'inSource';
    out['suppressions'] = [{ kind, justification: suppressed.suppression?.text ?? '' }];
  }
  return out;
}

/** The SARIF log for the diagnostics of several files. */
export function toSarif(files: readonly SarifFile[], options: SarifOptions): Record<string, unknown> {
  const docsBase = options.docsBase ?? '';
  const rules: Record<string, unknown>[] = RULE_IDS.map((id) => ruleDescriptor(id, docsBase));
  const ruleIndex = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));
  const indexOf = (d: Diagnostic): number => {
    let i = ruleIndex.get(d.code);
    if (i === undefined) {
      i = rules.length;
      rules.push(RULES.has(d.code as RuleId) ? ruleDescriptor(d.code as RuleId, docsBase) : otherRule(d));
      ruleIndex.set(d.code, i);
    }
    return i;
  };
  const results = files.flatMap((file) => [
    ...file.diagnostics.map((d) => result(d, indexOf(d), file.uri, null)),
    ...(options.includeSuppressed ? (file.suppressed ?? []).map((f) => result(f, indexOf(f), file.uri, f)) : []),
  ]);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mlsec',
            version: options.toolVersion,
            informationUri: `${docsBase}docs/security-rules.md`,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: files.map((f) => ({ location: { uri: f.uri } })),
        results,
      },
    ],
  };
}
