// Types of the security analysis: findings, capability summaries, the grant and module-loader
// interfaces the host injects, options and the result. Declarations only; no logic here.
import type { DeclaredCapability } from '../capabilities/declarations.js';
import type { AnalysisLevel } from '../config/types.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Resolution } from '../names/types.js';
import type { Program, Range } from '../syntax/ast.js';
import type { RuleId, RuleSeverity } from './rules.js';

export interface SuppressRule {
  rule: string;
  line: number | null;
}

/** Why a finding is not counted: a `// mlsec-ignore` comment or an mlpy.yaml `suppress` entry. */
export interface Suppression {
  by: 'comment' | 'config';
  /** The comment's range, or null for config entries. */
  range: Range | null;
  /** The entry as written (`SEC005:line_45`) or the comment text. */
  text: string;
}

/** One finding: a Diagnostic whose code is the rule id, plus the rule's metadata. */
export interface Finding extends Diagnostic {
  code: RuleId;
  source: 'security';
  category: string;
  /** The rule's own severity; `severity` is the mapped editor severity (analysis level applied). */
  ruleSeverity: RuleSeverity;
  cwe: string;
  fixHint: string;
  /** The capability involved, where there is one (`file:read:/abs/data.csv`). */
  capability?: string;
  /** Set on findings returned in `suppressed`. */
  suppression?: Suppression;
}

/**
 * The grant SEC010 checks against, built by the host from the default grant, a profile and flags.
 * Capabilities are strings in CAPABILITIES.md syntax: concrete (`file:read:/abs/x.csv`) for calls,
 * possibly patterns (`file:read:/abs/data/*.csv`) for `capability` declarations.
 */
export interface AnalysisGrant {
  /** How messages name it: `profile 'web'`, `the default grant`. */
  label: string;
  /** Whether the grant covers the capability (a pattern must be contained in a grant). */
  allows(capability: string): boolean;
  /**
   * For a refused capability, a clause for the message: why, or what would grant it
   * (`it is denied by 'file:read:data/secret/**'`, `--profile data_processing would grant it`).
   */
  advice?(capability: string): string | undefined;
  /** How messages show a capability (absolute paths under the root made relative to it). */
  display?(capability: string): string;
}

/** A user module the analysis reads through the host (no I/O in grammar/). */
export interface LoadedModule {
  /** Identity of the module (its path); used as `file` of findings-free capability uses. */
  file: string;
  program: Program;
  /** Optional: a resolution the host already has; otherwise the analysis resolves the program. */
  resolution?: Resolution;
}

export interface ModuleLoader {
  /** The user module `path` (`['lib','stats']`) imported from `fromFile`; undefined when not found. */
  load(path: readonly string[], fromFile: string | undefined): LoadedModule | undefined;
}

export interface AnalysisOptions {
  /** The source text the program was parsed from (SEC016 needs what follows an operand). */
  text: string;
  /** The active grant; without one SEC010 is not checked. */
  grant?: AnalysisGrant;
  /** Absolute folder that relative file targets resolve against (the run's root). */
  root?: string;
  analysisLevel?: AnalysisLevel;
  /**
   * mlpy.yaml `suppress` entries: parsed (`{rule: 'SEC005', line: 45}`, line 1-based, null for the
   * whole file) or as written (`SEC005`, `SEC005:line_45`).
   */
  suppress?: readonly (string | SuppressRule)[];
  moduleLoader?: ModuleLoader;
  /** Path of the analysed file (passed to the module loader; left out of capability uses). */
  file?: string;
}

/** One place where a capability is needed: a stdlib call, or a stdlib function passed as a value. */
export interface CapabilityUse {
  /** `file:read:/abs/data/x.csv`, or with `<dynamic>` where an argument is not known statically. */
  capability: string;
  resource: string;
  /** Undefined when it depends on a value not known statically (`http.request` with a variable method). */
  operation: string | undefined;
  /** Canonical target; null when the capability takes none; undefined when not known statically. */
  target: string | null | undefined;
  concrete: boolean;
  /** `file.read`, `Logger.add_file`, `input`. */
  callee: string;
  range: Range;
  /** The module file when the use is in an imported user module; undefined in the analysed file. */
  file?: string;
  /** The enclosing named function, null at the top level. */
  functionName: string | null;
  /** Whether the active grant allows it (concrete uses with a grant only). */
  granted?: boolean;
}

/** What one user function needs, directly and through everything it calls. */
export interface FunctionCapabilities {
  name: string;
  /** The function's name identifier. */
  range: Range;
  /** Module file for functions of imported user modules; undefined in the analysed file. */
  file?: string;
  /** Capability strings of calls in its own body (arrow functions inside included), sorted. */
  direct: string[];
  /** The transitive union over the functions it calls (fixpoint over the call graph), sorted. */
  transitive: string[];
}

/** A capability a `capability` declaration asks for, with the grant's verdict when there is a grant. */
export interface CheckedDeclaration extends DeclaredCapability {
  granted?: boolean;
}

export interface CapabilityGroup {
  capability: string;
  uses: CapabilityUse[];
}

export interface CapabilitySummary {
  /** Every capability use in the analysed file, in source order. */
  uses: CapabilityUse[];
  /** What the file needs: its own uses plus those of user-module functions it calls, grouped. */
  capabilities: CapabilityGroup[];
  /** Each function of the analysed file, in source order. */
  functions: FunctionCapabilities[];
  declarations: CheckedDeclaration[];
}

export interface AnalysisResult {
  /** Active findings in source order. */
  findings: Finding[];
  /** Findings silenced by comments or config (still reported by `check --show-suppressed`). */
  suppressed: Finding[];
  /** 0–100: 100 − 40/critical − 20/high − 5/medium − 1/low over active findings, floored at 0. */
  score: number;
  capabilities: CapabilitySummary;
}
