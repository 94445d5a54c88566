// Glob patterns of `path.glob` on the host: splits a pattern into its fixed base directory (what
// the capability check covers) and per-segment matchers. Matching never backtracks exponentially:
// it runs on the worker's main thread, where no CPU watchdog could stop it.
import { BridgeError } from './types.js';

type Token =
  | { t: 'char'; c: string }
  | { t: 'any' }
  | { t: 'star' }
  | { t: 'class'; negate: boolean; items: (string | [string, string])[] };

export interface SegmentPattern {
  test(name: string): boolean;
}

export type SegmentMatcher = SegmentPattern | '**';

const MAX_PATTERN = 1024;

function hasMagic(segment: string): boolean {
  return /[*?[]/.test(segment);
}

/** Fixed leading directory of a pattern (`data/raw` for `data/raw/*.csv`) and the rest. */
export function globBase(pattern: string): { base: string; rest: string[] } {
  if (pattern.length > MAX_PATTERN) throw new BridgeError('ValueError', 'glob pattern longer than 1024 characters');
  const absolute = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p, i) => p !== '' || (i === 0 && absolute));
  const fixed: string[] = [];
  let i = 0;
  while (i < parts.length - 1 && !hasMagic(parts[i]!)) fixed.push(parts[i++]!);
  const rest = parts.slice(i).filter((p) => p !== '');
  let base = fixed.join('/');
  if (absolute && base === '') base = '/';
  return { base, rest };
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === '*') {
      if (tokens[tokens.length - 1]?.t !== 'star') tokens.push({ t: 'star' });
    } else if (c === '?') tokens.push({ t: 'any' });
    else if (c === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ t: 'char', c });
        continue;
      }
      let body = segment.slice(i + 1, close);
      const negate = body.startsWith('!');
      if (negate) body = body.slice(1);
      const items: (string | [string, string])[] = [];
      for (let j = 0; j < body.length; j++) {
        if (body[j + 1] === '-' && j + 2 < body.length) {
          items.push([body[j]!, body[j + 2]!]);
          j += 2;
        } else items.push(body[j]!);
      }
      tokens.push({ t: 'class', negate, items });
      i = close;
    } else tokens.push({ t: 'char', c });
  }
  return tokens;
}

function single(tok: Token, ch: string): boolean {
  switch (tok.t) {
    case 'char':
      return tok.c === ch;
    case 'any':
      return true;
    case 'class': {
      const hit = tok.items.some((it) => (typeof it === 'string' ? it === ch : ch >= it[0] && ch <= it[1]));
      return hit !== tok.negate;
    }
    case 'star':
      return false;
  }
}

/** Wildcard match with one remembered star position: O(name × pattern) at worst. */
function matchTokens(tokens: Token[], name: string): boolean {
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  while (n < name.length) {
    const tok = tokens[p];
    if (tok !== undefined && tok.t !== 'star' && single(tok, name[n]!)) {
      p++;
      n++;
    } else if (tok !== undefined && tok.t === 'star') {
      starP = p++;
      starN = n;
    } else if (starP >= 0) {
      p = starP + 1;
      n = ++starN;
    } else return false;
  }
  while (tokens[p]?.t === 'star') p++;
  return p === tokens.length;
}

/** Matchers for the segments after the base; hidden names match only patterns starting with `.`. */
export function compileGlobSegments(segments: string[]): SegmentMatcher[] {
  return segments.map((segment) => {
    if (segment === '**') return '**';
    const tokens = tokenize(segment);
    const dotOk = segment.startsWith('.');
    return { test: (name: string) => (dotOk || !name.startsWith('.')) && matchTokens(tokens, name) };
  });
}
