// Error-message helpers for refused requests: the grant closest to what was asked (so a message can
// say "closest grant: file:read:data/**") and paths shown relative to the run's root.
import { portSuffix } from './url.js';
import type { CanonicalRequest, CompiledCapability, TargetMatcher } from './compile.js';

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

function targetText(t: CanonicalRequest['target']): string {
  if (t === null) return '';
  switch (t.kind) {
    case 'path':
      return t.real;
    case 'url':
      return `${t.url.scheme}://${t.url.host.host}${portSuffix(t.url.scheme, t.url.port)}${t.url.path}`;
    case 'name':
      return t.name;
    case 'hostport':
      return `${t.host.host}:${t.port}`;
  }
}

function matcherText(m: TargetMatcher): string {
  switch (m.kind) {
    case 'path':
      return m.real.fixedPrefix;
    case 'url':
      return m.any ? '' : `${m.scheme}://${m.host.host}${portSuffix(m.scheme, m.port)}${m.path.fixedPrefix}`;
    case 'name':
      return m.value;
    case 'hostport':
      return m.text;
  }
}

/** The grant most similar to a refused request (same resource; same operation preferred). */
export function closestGrant(grants: readonly CompiledCapability[], r: CanonicalRequest): CompiledCapability | null {
  let best: CompiledCapability | null = null;
  let bestScore = -1;
  const wanted = targetText(r.target);
  for (const g of grants) {
    if (g.resource !== r.resource && g.resource !== '*') continue;
    let score = g.operation === r.operation || g.operation === '*' ? 1_000_000 : 0;
    if (g.resource === r.resource) score += 500_000;
    let similarity = 0;
    for (const t of g.targets ?? []) similarity = Math.max(similarity, commonPrefixLength(matcherText(t), wanted));
    score += similarity;
    if (score > bestScore) {
      best = g;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A function showing absolute paths under `root` relative to it inside a capability text
 * (`file:read:/proj/data/x` → `file:read:data/x`), so messages shown to programs do not reveal
 * where the program lives on the host. `/proj/**` becomes `./**` (a bare `**` means "anywhere").
 */
export function rootRelativizer(root: string): (text: string) => string {
  if (root === '/') return (text) => text;
  const escaped = root.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(^|[:,])${escaped}(?:/|(?=$|,))`, 'g');
  return (text) =>
    text.includes(root)
      ? text.replace(pattern, (match: string, lead: string, offset: number) => {
          if (!match.endsWith('/')) return `${lead}.`;
          return text.startsWith('**', offset + match.length) ? `${lead}./` : lead;
        })
      : text;
}

/** One-off form of rootRelativizer. */
export function relativeToRoot(text: string, root: string): string {
  return rootRelativizer(root)(text);
}
