// How capabilities read in hovers, code lenses and reports: a verdict mark against the active grant
// (✓ granted / ✗ not granted), short `resource:operation` summaries, and the uses of one call.
import type { CallExpr, CapabilityUse, Range } from '@mlsec/grammar';
import type { DocumentAnalysis } from './document-analysis.js';

export function verdict(granted: boolean | undefined, grantLabel: string): string {
  if (granted === true) return `✓ granted by ${grantLabel}`;
  if (granted === false) return `✗ not granted by ${grantLabel}`;
  return 'decided at run time (the target is not known statically)';
}

export function grantLabel(a: DocumentAnalysis): string {
  return a.context.grant?.label ?? 'no grant (invalid root)';
}

/** `file:read:/x` → `file:read`, for compact summaries. */
export function resourceOperation(capability: string): string {
  const [resource, operation] = capability.split(':');
  return operation === undefined ? capability : `${resource}:${operation}`;
}

/** Distinct `resource:operation` pairs in first-seen order. */
export function summary(capabilities: readonly string[]): string[] {
  return [...new Set(capabilities.map(resourceOperation))];
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.offset === b.start.offset && a.end.offset === b.end.offset;
}

/** The capability uses of one call in the analysed document. */
export function usesOfCall(a: DocumentAnalysis, call: CallExpr): CapabilityUse[] {
  return a.security.capabilities.uses.filter((u) => u.file === undefined && sameRange(u.range, call.range));
}

/** Markdown list of uses with their verdicts. */
export function usesMarkdown(a: DocumentAnalysis, uses: readonly CapabilityUse[]): string {
  const label = grantLabel(a);
  return uses
    .map((u) => `- \`${u.capability}\` ${u.concrete ? verdict(u.granted, label) : verdict(undefined, label)}`)
    .join('\n');
}
