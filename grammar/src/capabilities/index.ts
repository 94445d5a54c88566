// Barrel of the capability model: parsing, matching, contexts, audit, declarations. No I/O.
// Curated: internal helpers stay internal so other areas' barrels cannot collide with them.
export {
  RESOURCES,
  RESOURCE_NAMES,
  resourceInfo,
  takesTarget,
  type ResourceInfo,
  type TargetSyntax,
} from './resources.js';
export { CAPABILITY_CODES, type CapabilityIssue, type IssueSeverity } from './issues.js';
export {
  parseCapability,
  MAX_CAPABILITY_LENGTH,
  MAX_GLOBSTARS,
  type ParsedCapability,
  type ParsedTarget,
  type ParseCapabilityResult,
} from './parse.js';
export { canonicalizePath, canonicalizeRoot, percentDecodeOnce, type PathResult } from './path-canonical.js';
export {
  compileGlob,
  matchGlob,
  matchGlobSegments,
  type CompiledGlob,
  type GlobCompileResult,
  type StepCounter,
} from './glob.js';
export {
  resolveRealPath,
  cachedFileSystemFacts,
  protectedRootOf,
  LEXICAL_FILE_SYSTEM,
  SYSTEM_CLOCK,
  PROTECTED_ROOTS,
  type FileSystemFacts,
  type CachedFileSystemFacts,
  type Clock,
  type RealPathResult,
} from './realpath.js';
export { isPrivateAddress, isLoopbackAddress, parseIPv4, parseIPv6, formatIPv4, formatIPv6 } from './ip.js';
export { canonicalizeHost, punycodeEncode, type CanonicalHost, type HostKind } from './host.js';
export { parseRequestUrl, type CanonicalUrl, type UrlResult } from './url.js';
export {
  compileCapability,
  capabilityMatches,
  type CompiledCapability,
  type GrantLimits,
  type CanonicalRequest,
  type CanonicalTarget,
  type TargetMatcher,
} from './compile.js';
export { capabilityContains, globContains } from './containment.js';
export { canonicalizeRequest, type CapabilityRequest, type RequestResult } from './request.js';
export {
  AuditLog,
  formatAuditEvent,
  type AuditEvent,
  type AuditResult,
  type AuditSink,
  type CallSite,
  type DenyReason,
} from './audit.js';
export { relativeToRoot } from './closest.js';
export {
  CapabilityContext,
  type ContextOptions,
  type GrantInput,
  type ContextIssue,
  type AddResult,
  type CheckResult,
} from './context.js';
export { minimalGrantList, escapeGlobLiteral } from './minimal.js';
export {
  capabilitiesFromDeclaration,
  intersectDeclarations,
  rangeInLiteral,
  type DeclaredCapability,
  type DeclarationIntersection,
  type ExceedingDeclaration,
} from './declarations.js';
