// Whole-path globs over canonical absolute paths: a list of segment patterns and `**` (zero or
// more whole segments). Matching is a segment-wise NFA simulation: linear in the number of path
// segments (times the pattern size), never backtracking. Compiles canonical patterns only.
import { compileSegment, hasGlobMeta, type SegmentPattern, type StepCounter } from './segment-pattern.js';

export type { StepCounter } from './segment-pattern.js';

/** `**` as a segment. */
export const GLOBSTAR = 'globstar';
export type GlobSegment = SegmentPattern | typeof GLOBSTAR;

export interface CompiledGlob {
  /** Canonical absolute pattern text (`/data/**`). */
  readonly source: string;
  readonly segments: readonly GlobSegment[];
  /** Literal leading segments joined as a path (`/data` for `/data/*.csv`; `/` when none). */
  readonly fixedPrefix: string;
  /** Number of literal leading segments. */
  readonly fixedCount: number;
  readonly globstars: number;
  /** Whether the pattern is a single literal path. */
  readonly literal: boolean;
  /** Whether everything after the fixed prefix is `**` (`/data/**`): a prefix test decides. */
  readonly prefixOnly: boolean;
}

export type GlobCompileResult =
  { ok: true; glob: CompiledGlob } | { ok: false; message: string; segmentIndex: number; offset: number };

/**
 * Compiles a canonical absolute pattern (no `.`/`..`/empty segments; callers canonicalise first).
 * `offset` in errors is relative to the pattern text.
 */
export function compileGlob(pattern: string): GlobCompileResult {
  const parts = pattern === '/' ? [] : pattern.slice(1).split('/');
  const segments: GlobSegment[] = [];
  let offset = 1;
  let fixedCount = 0;
  let stillFixed = true;
  let globstars = 0;
  for (const [index, part] of parts.entries()) {
    if (part === '**') {
      if (segments.at(-1) !== GLOBSTAR) segments.push(GLOBSTAR);
      globstars++;
      stillFixed = false;
    } else if (part.includes('**')) {
      return {
        ok: false,
        message: '`**` must be a whole path segment (use `*` inside a segment)',
        segmentIndex: index,
        offset: offset + part.indexOf('**'),
      };
    } else {
      const compiled = compileSegment(part);
      if (!compiled.ok)
        return { ok: false, message: compiled.message, segmentIndex: index, offset: offset + compiled.offset };
      segments.push(compiled.pattern);
      if (stillFixed && !hasGlobMeta(part)) fixedCount++;
      else stillFixed = false;
    }
    offset += part.length + 1;
  }
  const fixedPrefix = '/' + parts.slice(0, fixedCount).join('/');
  return {
    ok: true,
    glob: {
      source: pattern,
      segments,
      fixedPrefix,
      fixedCount,
      globstars,
      literal: fixedCount === parts.length,
      prefixOnly: fixedCount < parts.length && parts.slice(fixedCount).every((p) => p === '**'),
    },
  };
}

/** Whether `path` (canonical absolute) is the prefix path itself or below it. */
export function underPrefix(path: string, prefix: string): boolean {
  if (prefix === '/') return true;
  return path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47);
}

/** Matches pre-split segments of a canonical path. */
export function matchGlobSegments(glob: CompiledGlob, path: readonly string[], counter?: StepCounter): boolean {
  const pat = glob.segments;
  const m = pat.length;
  if (glob.globstars === 0) {
    if (path.length !== m) return false;
    for (let i = 0; i < m; i++) {
      if (counter !== undefined) counter.steps++;
      if (!(pat[i] as SegmentPattern).matches(path[i]!, counter)) return false;
    }
    return true;
  }
  let active = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  const close = (set: Uint8Array): void => {
    for (let i = 0; i < m; i++) if (set[i] === 1 && pat[i] === GLOBSTAR) set[i + 1] = 1;
  };
  active[0] = 1;
  close(active);
  for (const segment of path) {
    next.fill(0);
    let any = false;
    for (let i = 0; i < m; i++) {
      if (active[i] !== 1) continue;
      if (counter !== undefined) counter.steps++;
      const p = pat[i]!;
      if (p === GLOBSTAR) {
        next[i] = 1;
        any = true;
      } else if (p.matches(segment, counter)) {
        next[i + 1] = 1;
        any = true;
      }
    }
    if (!any) return false;
    close(next);
    [active, next] = [next, active];
  }
  return active[m] === 1;
}

/** Matches a canonical absolute path; a cheap prefix test rejects most non-matches first. */
export function matchGlob(glob: CompiledGlob, path: string, counter?: StepCounter): boolean {
  if (glob.literal) return path === glob.source;
  if (!underPrefix(path, glob.fixedPrefix)) return false;
  if (glob.prefixOnly) return true;
  return matchGlobSegments(glob, path === '/' ? [] : path.slice(1).split('/'), counter);
}
