// ML `capability NAME { resource "..."; allow read; }` declarations (CAPABILITIES.md §3): mapped to
// capability strings, and intersected with the run's grant (declarations narrow, never widen).
// Reports problems as Diagnostics on the declaration's own source ranges.
import type { Diagnostic } from '../diagnostics.js';
import type { CapabilityAllow, CapabilityDecl, Range, StringLiteral } from '../syntax/ast.js';
import type { CapabilityContext, ContextIssue } from './context.js';
import { CAPABILITY_CODES as C } from './issues.js';
import { parseCapability } from './parse.js';
import { RESOURCE_NAMES, resourceInfo } from './resources.js';

export interface DeclaredCapability {
  /** Capability string (`file:read:data/*.csv`, `http:*:https://api.example.com/**`). */
  capability: string;
  /** Name of the declaration it comes from. */
  declaration: string;
  permission: CapabilityAllow['permission'];
  /** The string literal (or allow item) it was derived from. */
  range: Range;
}

/** A sub-range of a string literal, exact when the literal has no escapes; else the whole literal. */
export function rangeInLiteral(lit: StringLiteral, start: number, length: number): Range {
  const inner = lit.raw.slice(1, -1);
  if (inner !== lit.value || lit.value.includes('\n') || start < 0 || start + length > lit.value.length)
    return lit.range;
  const s = lit.range.start;
  return {
    start: { line: s.line, column: s.column + 1 + start, offset: s.offset + 1 + start },
    end: { line: s.line, column: s.column + 1 + start + length, offset: s.offset + 1 + start + length },
  };
}

function diagnostic(
  code: string,
  message: string,
  range: Range,
  severity: Diagnostic['severity'] = 'error',
): Diagnostic {
  return { code, severity, message, range, source: 'capabilities' };
}

function networkCapability(host: string): string {
  const url = host.includes('://') ? host : `https://${host}`;
  return /^[^:]+:\/\/[^/]+$/.test(url) ? `http:*:${url}/**` : `http:*:${url}`;
}

/** Capability strings of one allow item, each with the literal it came from. */
function mapAllow(
  item: CapabilityAllow,
  resources: readonly StringLiteral[],
): { capability: string; literal: StringLiteral | null; prefix: number }[] {
  const sources = item.target !== null ? [item.target] : resources;
  switch (item.permission) {
    case 'read':
    case 'write':
      return sources.map((lit) => ({
        capability: `file:${item.permission}:${lit.value}`,
        literal: lit,
        prefix: `file:${item.permission}:`.length,
      }));
    case 'network':
      return sources.map((lit) => ({ capability: networkCapability(lit.value), literal: lit, prefix: -1 }));
    case 'system':
    case 'execute':
      if (item.target === null) return [{ capability: 'system:*', literal: null, prefix: 0 }];
      return [{ capability: `system:${item.target.value}`, literal: item.target, prefix: 'system:'.length }];
  }
}

/** Maps one declaration to capability strings (CAP022 when an allow item has nothing to apply to). */
export function capabilitiesFromDeclaration(decl: CapabilityDecl): {
  capabilities: DeclaredCapability[];
  diagnostics: Diagnostic[];
} {
  const resources = decl.items.filter((i) => i.kind === 'CapabilityResource').map((i) => i.pattern);
  const capabilities: DeclaredCapability[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const item of decl.items) {
    if (item.kind !== 'CapabilityAllow') continue;
    const mapped = mapAllow(item, resources);
    if (mapped.length === 0) {
      diagnostics.push(
        diagnostic(
          C.declarationWithoutResource,
          `\`allow ${item.permission}\` needs a resource pattern: add \`resource "..."\` to \`${decl.name.name}\` or a target after \`${item.permission}\``,
          { start: item.range.start, end: item.permissionRange.end },
        ),
      );
      continue;
    }
    for (const m of mapped) {
      const parsed = parseCapability(m.capability);
      for (const i of parsed.issues) {
        const range =
          m.literal === null
            ? item.range
            : m.prefix >= 0
              ? rangeInLiteral(m.literal, i.offset - m.prefix, i.length)
              : m.literal.range;
        diagnostics.push(diagnostic(i.code, i.message, range, i.severity));
      }
      if (parsed.capability === null) continue;
      capabilities.push({
        capability: m.capability,
        declaration: decl.name.name,
        permission: item.permission,
        range: m.literal?.range ?? item.range,
      });
    }
  }
  return { capabilities, diagnostics };
}

export interface ExceedingDeclaration {
  declared: DeclaredCapability;
  /** Why it is not covered (names the closest parent grant). */
  message: string;
}

export interface DeclarationIntersection {
  /** The run's effective context: declared resources limited to the declarations. */
  context: CapabilityContext;
  exceeding: ExceedingDeclaration[];
  diagnostics: Diagnostic[];
}

/** Grant texts of `grant` for resources the declarations do not mention (`*` expanded per resource). */
function untouchedGrants(
  grant: CapabilityContext,
  declared: ReadonlySet<string>,
): { capability: string; limits?: { expiresAt?: number; maxUses?: number } }[] {
  const out: { capability: string; limits?: { expiresAt?: number; maxUses?: number } }[] = [];
  for (const g of grant.effectiveGrants()) {
    const limits = g.limits ?? undefined;
    if (g.resource !== '*') {
      if (!declared.has(g.resource)) out.push({ capability: g.text, limits });
      continue;
    }
    for (const resource of RESOURCE_NAMES) {
      if (declared.has(resource)) continue;
      const targeted = resourceInfo(resource)!.target !== 'none';
      if (targeted && !g.anyTarget) continue;
      out.push({ capability: targeted ? `${resource}:${g.operation}:**` : `${resource}:${g.operation}`, limits });
    }
  }
  return out;
}

/**
 * Intersects declarations with the run's grant: the result allows, for each resource a declaration
 * mentions, only what is declared (and granted); other resources keep the grant. Declarations the
 * grant does not cover are reported (CAP021) and left out.
 */
export function intersectDeclarations(
  grant: CapabilityContext,
  declared: readonly DeclaredCapability[],
): DeclarationIntersection {
  const resources = new Set<string>();
  for (const d of declared) {
    const parsed = parseCapability(d.capability).capability;
    if (parsed !== null) resources.add(parsed.resource);
  }
  const { context } = grant.createChild([], { mode: 'restrict' });
  const exceeding: ExceedingDeclaration[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const d of declared) {
    const added = context.grant({ capability: d.capability, origin: `capability ${d.declaration}` });
    if (added.ok) continue;
    const problem: ContextIssue | undefined = added.issues.find((i) => i.severity === 'error');
    const message = `capability \`${d.declaration}\` asks for \`${d.capability}\`, which the grant does not include: ${problem?.message ?? 'invalid capability'}`;
    exceeding.push({ declared: d, message });
    diagnostics.push(diagnostic(C.exceedsGrant, message, d.range));
  }
  for (const g of untouchedGrants(grant, resources)) context.grant(g);
  return { context, exceeding, diagnostics };
}
