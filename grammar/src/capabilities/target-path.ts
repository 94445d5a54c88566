// File-system targets: grant patterns (canonicalised against the root, fixed prefix realpath'd at
// grant time) and requested paths (canonicalised, realpath'd, protected trees flagged), and the
// match rules between them. Must not touch the file system except through FileSystemFacts.
import { compileGlob, matchGlob, type CompiledGlob, type StepCounter } from './glob.js';
import { compileSegment } from './segment-pattern.js';
import { canonicalizePath, joinSegments, pathSegments } from './path-canonical.js';
import { protectedRootOf, resolveRealPath, type FileSystemFacts } from './realpath.js';

export interface PathEnvironment {
  root: string;
  fs: FileSystemFacts;
  /** Extra trees treated like /proc (the sandbox's own internals). */
  protectedRoots: readonly string[];
}

export interface PathMatcher {
  kind: 'path';
  /** Canonical pattern as written (after resolving against the root). */
  text: string;
  lexical: CompiledGlob;
  /** Same pattern with the fixed prefix replaced by its real path. */
  real: CompiledGlob;
  /** The protected tree this grant names literally (`/proc` for `/proc/cpuinfo`), or null. */
  namesProtected: string | null;
}

export interface PathTarget {
  kind: 'path';
  lexical: string;
  real: string;
  /** Protected tree the request touches (lexically or really), or null. */
  protectedRoot: string | null;
}

export type PatternCheck =
  { ok: true; canonical: string } | { ok: false; message: string; offset: number; code: 'dotDot' | 'glob' };

/**
 * Canonical absolute text of a grant pattern. A pattern starting with `**` is anchored at `/`
 * (`file:delete:**` covers every path); other relative patterns resolve against the root.
 */
export function canonicalPattern(raw: string, root: string): PatternCheck {
  const parts = raw.split('/');
  let offset = 0;
  for (const part of parts) {
    if (part === '..')
      return { ok: false, message: '`..` is not allowed as a path segment in a grant', offset, code: 'dotDot' };
    offset += part.length + 1;
  }
  const anchored = raw.startsWith('/') || raw === '**' || raw.startsWith('**/');
  const base = anchored ? [] : pathSegments(root);
  const kept = parts.filter((p) => p !== '' && p !== '.');
  return { ok: true, canonical: joinSegments([...base, ...kept]) };
}

/** Syntax check of a path pattern, independent of root and file system; offsets into `raw`. */
export function checkPathPattern(raw: string): { message: string; offset: number; code: 'dotDot' | 'glob' } | null {
  let offset = 0;
  for (const part of raw.split('/')) {
    if (part === '..') return { message: '`..` is not allowed as a path segment in a grant', offset, code: 'dotDot' };
    if (part !== '**' && part.includes('**')) {
      return {
        message: '`**` must be a whole path segment (use `*` inside a segment)',
        offset: offset + part.indexOf('**'),
        code: 'glob',
      };
    }
    if (part !== '' && part !== '.' && part !== '**') {
      const compiled = compileSegment(part);
      if (!compiled.ok) return { message: compiled.message, offset: offset + compiled.offset, code: 'glob' };
    }
    offset += part.length + 1;
  }
  return null;
}

/** Compiles a syntactically valid pattern (see checkPathPattern) for a run. */
export function compilePathMatcher(raw: string, env: PathEnvironment): PathMatcher | null {
  const canonical = canonicalPattern(raw, env.root);
  if (!canonical.ok) return null;
  const lexical = compileGlob(canonical.canonical);
  if (!lexical.ok) return null;
  let real = lexical.glob;
  const resolved = resolveRealPath(env.fs, lexical.glob.fixedPrefix);
  if (resolved.ok && resolved.path !== lexical.glob.fixedPrefix) {
    const rest = pathSegments(canonical.canonical).slice(lexical.glob.fixedCount);
    const realText = joinSegments([...pathSegments(resolved.path), ...rest]);
    const compiled = compileGlob(realText);
    if (compiled.ok) real = compiled.glob;
  }
  return {
    kind: 'path',
    text: canonical.canonical,
    lexical: lexical.glob,
    real,
    namesProtected: protectedRootOf(lexical.glob.fixedPrefix, env.protectedRoots),
  };
}

export type PathTargetResult = { ok: true; target: PathTarget } | { ok: false; message: string };

/** Canonicalises and resolves a requested path. */
export function resolvePathTarget(input: string, env: PathEnvironment): PathTargetResult {
  const canonical = canonicalizePath(input, env.root);
  if (!canonical.ok) return canonical;
  const real = resolveRealPath(env.fs, canonical.path);
  if (!real.ok) return real;
  const protectedRoot =
    protectedRootOf(real.path, env.protectedRoots) ?? protectedRootOf(canonical.path, env.protectedRoots);
  return { ok: true, target: { kind: 'path', lexical: canonical.path, real: real.path, protectedRoot } };
}

/** A grant matches the real path, and reaches a protected tree only when it names it literally. */
export function pathGrantMatches(m: PathMatcher, t: PathTarget, counter?: StepCounter): boolean {
  if (t.protectedRoot !== null && m.namesProtected !== t.protectedRoot) return false;
  return matchGlob(m.real, t.real, counter);
}

/** A denial matches the path as written or as it really is. */
export function pathDenialMatches(m: PathMatcher, t: PathTarget, counter?: StepCounter): boolean {
  return matchGlob(m.real, t.real, counter) || matchGlob(m.lexical, t.lexical, counter);
}
