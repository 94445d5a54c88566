// Barrel of the security analysis: analyze(), the rule table, SARIF output and the types.
export { analyze, analyzeSource } from './analyze.js';
export { RULES, RULE_IDS, RULE_DOCS_PATH, ruleDocsAnchor, ruleOf, isRuleId } from './rules.js';
export type { RuleId, RuleSeverity, SecurityRule } from './rules.js';
export { mapSeverity, securityScore } from './severity.js';
export { isOverlyBroadGrant } from './capability-decls.js';
export { parseSuppressEntry } from './suppress.js';
export { DYNAMIC } from './call-capabilities.js';
export { grantFromConfig, overlyBroadGrants } from './grant.js';
export type { GrantSelection, GrantResult, BroadGrant } from './grant.js';
export type * from './types.js';
export { toSarif, SARIF_SCHEMA } from './sarif.js';
export type { SarifFile, SarifOptions, SarifLevel } from './sarif.js';
