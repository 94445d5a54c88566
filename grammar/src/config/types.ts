// Types of the parsed mlpy.yaml (CAPABILITIES.md §5) and its diagnostic codes. Values keep their
// source ranges so the language server can point at them and edit them. Declarations only.
import type { Range } from '../syntax/ast.js';

/** Names looked for at the workspace root, in order. */
export const CONFIG_FILE_NAMES: readonly string[] = ['mlpy.yaml', '.mlpy.yaml'];

/** Stable codes; never renumber a published one. */
export const CONFIG_CODES = {
  yamlSyntax: 'CFG001',
  unknownKey: 'CFG002',
  wrongType: 'CFG003',
  badCapability: 'CFG004',
  badEnum: 'CFG005',
  badSuppress: 'CFG006',
  outOfRange: 'CFG007',
  unknownProfile: 'CFG008',
  unsupportedYaml: 'CFG009',
  capabilityHint: 'CFG010',
  capabilityWarning: 'CFG011',
} as const;

export interface Located<T> {
  value: T;
  range: Range;
}

export type AnalysisLevel = 'strict' | 'moderate' | 'permissive';

export interface SuppressEntry {
  /** Rule id such as `SEC005`. */
  rule: string;
  /** 1-based line the suppression applies to, or null for the whole workspace. */
  line: number | null;
  range: Range;
}

export interface CapabilityProfile {
  name: string;
  /** Valid capability strings of the profile (invalid ones are reported and left out). */
  capabilities: Located<string>[];
  /** Range of the profile's name. */
  keyRange: Range;
  /** Range of the profile's list (where a quick fix inserts a capability). */
  valueRange: Range;
  /** Whether the list is written in flow style (`[a, b]`) rather than as `- a` lines. */
  flow: boolean;
}

export interface SandboxLimits {
  maxMemoryMb: Located<number> | null;
  maxExecutionTime: Located<number> | null;
  maxWallTime: Located<number> | null;
  maxOutputKb: Located<number> | null;
}

export interface SecurityConfig {
  /** Present: replaces the built-in default grant. Null: the built-in default grant applies. */
  defaultCapabilities: Located<string>[] | null;
  profiles: ReadonlyMap<string, CapabilityProfile>;
  /** Denials applied to every run (written with or without `!`). */
  deniedCapabilities: Located<string>[];
  analysisLevel: Located<AnalysisLevel> | null;
  suppress: SuppressEntry[];
}

export interface MlpyConfig {
  security: SecurityConfig;
  sandbox: SandboxLimits;
}
