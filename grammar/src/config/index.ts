// Barrel of the mlpy.yaml area: load from text, typed config, root-context resolution. No I/O.
export { parseMlpyConfig, emptyConfig, type ConfigParseResult } from './load.js';
export { resolveRootContext, type ResolveOptions, type ResolveProblem, type ResolvedContext } from './resolve.js';
export {
  CONFIG_CODES,
  CONFIG_FILE_NAMES,
  type MlpyConfig,
  type SecurityConfig,
  type SandboxLimits,
  type CapabilityProfile,
  type SuppressEntry,
  type AnalysisLevel,
  type Located,
} from './types.js';
