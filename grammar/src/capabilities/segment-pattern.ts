// Glob matching inside ONE path segment: `*` (any run of characters), `?` (one character),
// `[abc]`, `[0-9]`, `[!x]`. Compiled once; matching is an NFA simulation, O(segment × pattern),
// never backtracking. Must not know about `/` or `**` (glob.ts handles whole paths).

/** Counts matcher steps so tests can bound the work on adversarial input. */
export interface StepCounter {
  steps: number;
}

type Token =
  | { kind: 'char'; cp: number }
  | { kind: 'any' }
  | { kind: 'star' }
  | { kind: 'class'; negated: boolean; ranges: readonly number[] }; // pairs [lo, hi]

export interface SegmentPattern {
  readonly source: string;
  /** True when the segment has no wildcard (compare with ===). */
  readonly literal: boolean;
  /** True for a lone `*` (matches every segment). */
  readonly matchesAll: boolean;
  matches(segment: string, counter?: StepCounter): boolean;
}

export type SegmentCompileResult =
  { ok: true; pattern: SegmentPattern } | { ok: false; message: string; offset: number };

function parseClass(chars: readonly string[], start: number): { token: Token; next: number } | null {
  let i = start + 1;
  let negated = false;
  if (chars[i] === '!') {
    negated = true;
    i++;
  }
  const ranges: number[] = [];
  let first = true;
  while (i < chars.length && (chars[i] !== ']' || first)) {
    const lo = chars[i]!.codePointAt(0)!;
    if (chars[i + 1] === '-' && i + 2 < chars.length && chars[i + 2] !== ']') {
      const hi = chars[i + 2]!.codePointAt(0)!;
      if (hi < lo) return null;
      ranges.push(lo, hi);
      i += 3;
    } else {
      ranges.push(lo, lo);
      i++;
    }
    first = false;
  }
  if (i >= chars.length) return null;
  return { token: { kind: 'class', negated, ranges }, next: i + 1 };
}

function tokenize(source: string): { tokens: Token[] } | { message: string; offset: number } {
  const chars = Array.from(source);
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < chars.length;) {
    const ch = chars[i]!;
    if (ch === '*') {
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
      i++;
    } else if (ch === '?') {
      tokens.push({ kind: 'any' });
      i++;
    } else if (ch === '[') {
      const parsed = parseClass(chars, i);
      if (parsed === null) return { message: 'unclosed or empty character class `[...]`', offset };
      tokens.push(parsed.token);
      offset += chars.slice(i, parsed.next).join('').length;
      i = parsed.next;
      continue;
    } else if (ch === '{' || ch === '}') {
      return { message: 'brace alternatives `{a,b}` are not supported; write separate grants or a comma list', offset };
    } else {
      tokens.push({ kind: 'char', cp: ch.codePointAt(0)! });
      i++;
    }
    offset += ch.length;
  }
  return { tokens };
}

function classMatches(token: { negated: boolean; ranges: readonly number[] }, cp: number): boolean {
  let inside = false;
  for (let r = 0; r < token.ranges.length; r += 2) {
    if (cp >= token.ranges[r]! && cp <= token.ranges[r + 1]!) {
      inside = true;
      break;
    }
  }
  return inside !== token.negated;
}

function tokenAccepts(token: Token, cp: number): boolean {
  switch (token.kind) {
    case 'char':
      return token.cp === cp;
    case 'any':
      return true;
    case 'class':
      return classMatches(token, cp);
    case 'star':
      return true;
  }
}

/** NFA simulation over code points: state i = "tokens[0..i) consumed". */
function simulate(tokens: readonly Token[], segment: string, counter?: StepCounter): boolean {
  const n = tokens.length;
  let active = new Uint8Array(n + 1);
  let next = new Uint8Array(n + 1);
  const close = (set: Uint8Array): void => {
    for (let i = 0; i < n; i++) if (set[i] === 1 && tokens[i]!.kind === 'star') set[i + 1] = 1;
  };
  active[0] = 1;
  close(active);
  for (const ch of segment) {
    const cp = ch.codePointAt(0)!;
    next.fill(0);
    let any = false;
    for (let i = 0; i < n; i++) {
      if (active[i] !== 1) continue;
      if (counter !== undefined) counter.steps++;
      const token = tokens[i]!;
      if (token.kind === 'star') {
        next[i] = 1;
        any = true;
      } else if (tokenAccepts(token, cp)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    [active, next] = [next, active];
  }
  return active[n] === 1;
}

function literalText(tokens: readonly Token[], from: number, to: number): string | null {
  let text = '';
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'char') return null;
    text += String.fromCodePoint(t.cp);
  }
  return text;
}

export function compileSegment(source: string): SegmentCompileResult {
  const result = tokenize(source);
  if ('message' in result) return { ok: false, message: result.message, offset: result.offset };
  const tokens = result.tokens;
  const stars = tokens.filter((t) => t.kind === 'star').length;
  const whole = literalText(tokens, 0, tokens.length);
  const base = { source, literal: whole !== null, matchesAll: tokens.length === 1 && stars === 1 };
  if (whole !== null) return { ok: true, pattern: { ...base, matches: (s) => s === whole } };
  if (base.matchesAll) return { ok: true, pattern: { ...base, matches: () => true } };
  if (stars === 1) {
    // prefix*suffix with literal parts: two comparisons.
    const star = tokens.findIndex((t) => t.kind === 'star');
    const prefix = literalText(tokens, 0, star);
    const suffix = literalText(tokens, star + 1, tokens.length);
    if (prefix !== null && suffix !== null) {
      const min = prefix.length + suffix.length;
      return {
        ok: true,
        pattern: { ...base, matches: (s) => s.length >= min && s.startsWith(prefix) && s.endsWith(suffix) },
      };
    }
  }
  return { ok: true, pattern: { ...base, matches: (s, counter) => simulate(tokens, s, counter) } };
}

/** Whether a character in a segment pattern makes it a wildcard. */
export function hasGlobMeta(segment: string): boolean {
  return /[*?[]/.test(segment);
}
