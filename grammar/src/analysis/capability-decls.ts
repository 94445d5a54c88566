// Security checks of `capability NAME { resource "..."; allow read; }` declarations: SEC008 (asks for
// everything), SEC009 (unrestricted system/execute) and SEC010 (more than the grant). The mapping to
// capability strings is the capability model's (capabilitiesFromDeclaration); this file only judges.
import { capabilitiesFromDeclaration } from '../capabilities/declarations.js';
import type { AnalysisLevel } from '../config/types.js';
import type { Program, Range } from '../syntax/ast.js';
import { makeFinding } from './severity.js';
import type { AnalysisGrant, CheckedDeclaration, Finding } from './types.js';

const EVERYTHING_PATTERNS = new Set(['*', '**', '/**', '/*']);
const UNRESTRICTED_TARGETS = new Set(['', '*', '**']);

/** Grant entries that give everything away (SEC008 on grants and profiles). */
const BROAD_GRANTS = new Set(['*:*:**', '*:*:/**', 'file:*:/**']);

export function isOverlyBroadGrant(capability: string): boolean {
  return BROAD_GRANTS.has(capability.trim());
}

export interface DeclarationCheck {
  declared: CheckedDeclaration[];
  findings: Finding[];
}

export function checkDeclarations(
  program: Program,
  grant: AnalysisGrant | undefined,
  level: AnalysisLevel,
): DeclarationCheck {
  const declared: CheckedDeclaration[] = [];
  const findings: Finding[] = [];
  for (const stmt of program.body) {
    if (stmt.kind !== 'CapabilityDecl') continue;
    const name = stmt.name.name;
    for (const item of stmt.items) {
      if (item.kind === 'CapabilityResource' && EVERYTHING_PATTERNS.has(item.pattern.value.trim())) {
        const message = `Capability '${name}' asks for every resource ("${item.pattern.value}"); name the files or hosts it needs`;
        findings.push(makeFinding('SEC008', item.pattern.range, message, level));
      }
      if (item.kind !== 'CapabilityAllow' || (item.permission !== 'system' && item.permission !== 'execute')) continue;
      if (item.target === null || UNRESTRICTED_TARGETS.has(item.target.value.trim())) {
        const what = item.target ? `target "${item.target.value}"` : 'no target';
        const message = `'allow ${item.permission}' with ${what} asks for unrestricted host access; name the exact target`;
        const end = (item.target ?? { range: item.permissionRange }).range.end;
        findings.push(makeFinding('SEC009', { start: item.range.start, end }, message, level));
      }
    }
    for (const d of capabilitiesFromDeclaration(stmt).capabilities) {
      const entry: CheckedDeclaration = { ...d };
      if (grant) {
        entry.granted = grant.allows(d.capability);
        if (!entry.granted)
          findings.push(exceedsGrant(d.capability, d.range, grant, level, `Capability '${name}' declares`));
      }
      declared.push(entry);
    }
  }
  return { declared, findings };
}

/** The SEC010 finding for a capability the grant does not cover. */
export function exceedsGrant(
  capability: string,
  range: Range,
  grant: AnalysisGrant,
  level: AnalysisLevel,
  what: string,
): Finding {
  const shown = grant.display?.(capability) ?? capability;
  const advice = grant.advice?.(capability) ?? `grant it with --allow ${shown}`;
  return makeFinding(
    'SEC010',
    range,
    `${what} '${shown}', which ${grant.label} does not grant; ${advice}`,
    level,
    capability,
  );
}
