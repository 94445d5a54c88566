// Custom requests of the ML language server (`ml/*`): method names, parameters and results.
// Types and constants only. Positions are LSP positions (0-based line, UTF-16 character).
import type { AnalysisLevel } from '../config/types.js';

export interface ProtocolPosition {
  line: number;
  character: number;
}

export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

export interface ProtocolLocation {
  uri: string;
  range: ProtocolRange;
}

export interface DocumentRequestParams {
  textDocument: { uri: string };
}

/** `ml/requiredCapabilities`: every capability the document's program needs, with locations. */
export const REQUIRED_CAPABILITIES_METHOD = 'ml/requiredCapabilities';

export interface CapabilityLocation extends ProtocolLocation {
  /** The stdlib function that needs it (`file.read`). */
  callee: string;
  /** The enclosing named function, null at the top level. */
  functionName: string | null;
}

export interface RequiredCapabilityInfo {
  /** `file:read:/abs/ws/data/x.csv`, or with `<dynamic>` where a value is only known at run time. */
  capability: string;
  /** Whether the target is known statically. */
  concrete: boolean;
  /** The active grant's verdict for concrete capabilities; null when not decidable statically. */
  granted: boolean | null;
  /** Where it is needed: calls in the document and in the user modules it uses. */
  locations: CapabilityLocation[];
}

export interface DeclaredCapabilityInfo {
  capability: string;
  /** Name of the `capability` declaration. */
  declaration: string;
  granted: boolean | null;
  location: ProtocolLocation;
}

export interface RequiredCapabilitiesResult {
  uri: string;
  /** What the checks ran against: `the default grant`, `profile 'web'`, ... */
  grant: string;
  capabilities: RequiredCapabilityInfo[];
  declarations: DeclaredCapabilityInfo[];
  /** Per function of the document: the transitive union of what it needs. */
  functions: { name: string; range: ProtocolRange; capabilities: string[] }[];
}

/** `ml/securityReport`: the security findings of a document and its score. */
export const SECURITY_REPORT_METHOD = 'ml/securityReport';

export interface SecurityFindingInfo {
  /** Rule id, `SEC001` ... */
  code: string;
  /** Editor severity after the analysis level. */
  severity: 'error' | 'warning' | 'info' | 'hint';
  /** The rule's own severity: critical, high, medium, low, info. */
  ruleSeverity: string;
  category: string;
  cwe: string;
  message: string;
  fixHint: string;
  range: ProtocolRange;
  capability?: string;
  /** Link to the rule's documentation. */
  href: string;
  /** For suppressed findings: how (`comment` or `config`) and the suppression as written. */
  suppression?: { by: 'comment' | 'config'; text: string };
}

export interface SecurityReportResult {
  uri: string;
  /** 0–100 (SECURITY-RULES.md). */
  score: number;
  analysisLevel: AnalysisLevel;
  findings: SecurityFindingInfo[];
  suppressed: SecurityFindingInfo[];
}
