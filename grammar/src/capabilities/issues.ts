// Problems found in capability strings and contexts, as data with an offset into the string so
// callers (mlpy.yaml, capability blocks, --allow flags) can point at the exact characters.

export type IssueSeverity = 'error' | 'warning' | 'hint';

export interface CapabilityIssue {
  /** Stable `CAPxxx` code (see CAPABILITY_CODES). */
  code: string;
  severity: IssueSeverity;
  message: string;
  /** Offset (UTF-16 units) of the offending part within the capability string. */
  offset: number;
  length: number;
}

/** Stable codes; never renumber a published one. */
export const CAPABILITY_CODES = {
  empty: 'CAP001',
  syntax: 'CAP002',
  unknownResource: 'CAP003',
  unknownOperation: 'CAP004',
  dotDotSegment: 'CAP005',
  tooManyGlobstars: 'CAP006',
  tooLong: 'CAP007',
  nulByte: 'CAP008',
  badGlob: 'CAP009',
  badUrl: 'CAP010',
  badName: 'CAP011',
  unexpectedTarget: 'CAP012',
  dottedAlias: 'CAP013',
  missingTarget: 'CAP014',
  badHostPort: 'CAP015',
  badLimits: 'CAP016',
  urlWithoutPath: 'CAP017',
  notContained: 'CAP020',
  exceedsGrant: 'CAP021',
  declarationWithoutResource: 'CAP022',
  badRoot: 'CAP023',
} as const;

export function issue(
  code: string,
  message: string,
  offset: number,
  length: number,
  severity: IssueSeverity = 'error',
): CapabilityIssue {
  return { code, severity, message, offset, length: Math.max(length, 0) };
}

export function hasError(issues: readonly CapabilityIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Closest candidate by edit distance (at most 2 edits, or a case-only difference), for "did you mean". */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    prev = row;
  }
  return prev[b.length]!;
}
