// Symlink resolution through an injected FileSystemFacts (grammar/ does no I/O): the real path of a
// request (nearest existing ancestor for paths that do not exist yet), a TTL cache for one run,
// and the protected system trees (/proc, /sys, /dev) of CAPABILITIES.md §2 step 4.
import { joinSegments, pathSegments } from './path-canonical.js';

/** What the host tells the capability model about the file system. */
export interface FileSystemFacts {
  /** Canonical absolute real path with every symlink resolved; null when the path does not exist. */
  realpath(path: string): string | null;
  /**
   * Kind of the entry itself without following a final symlink; null when absent. Optional: when
   * given, a dangling symlink on the way to a non-existent path is detected and denied.
   */
  lstatKind?(path: string): 'file' | 'directory' | 'symlink' | 'other' | null;
}

/** Facts for a world without symlinks where every path exists: pure lexical checking. */
export const LEXICAL_FILE_SYSTEM: FileSystemFacts = { realpath: (p) => p };

export type RealPathResult = { ok: true; path: string } | { ok: false; message: string };

function safeRealpath(facts: FileSystemFacts, path: string): string | null | undefined {
  try {
    const real = facts.realpath(path);
    if (real === null) return null;
    return typeof real === 'string' && real.startsWith('/') && !real.includes('\0') ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Real path of a canonical absolute path. For a path that does not exist, the nearest existing
 * ancestor is resolved and the missing tail appended (it cannot contain symlinks, except a
 * dangling one, which is refused when the facts can report it).
 */
export function resolveRealPath(facts: FileSystemFacts, canonical: string): RealPathResult {
  const direct = safeRealpath(facts, canonical);
  if (direct === undefined) return { ok: false, message: 'the file system could not resolve the path' };
  if (direct !== null) return { ok: true, path: direct };
  const segments = pathSegments(canonical);
  const missing: string[] = [];
  for (let end = segments.length; end >= 0; end--) {
    const candidate = joinSegments(segments.slice(0, end));
    const real = end === segments.length ? null : safeRealpath(facts, candidate);
    if (real === undefined) return { ok: false, message: 'the file system could not resolve the path' };
    if (real !== null) {
      const base = real === '/' ? [] : pathSegments(real);
      return { ok: true, path: joinSegments([...base, ...missing.reverse()]) };
    }
    if (facts.lstatKind !== undefined) {
      let kind: ReturnType<NonNullable<FileSystemFacts['lstatKind']>>;
      try {
        kind = facts.lstatKind(candidate);
      } catch {
        return { ok: false, message: 'the file system could not resolve the path' };
      }
      if (kind === 'symlink') return { ok: false, message: 'the path goes through a dangling symbolic link' };
    }
    if (end > 0) missing.push(segments[end - 1]!);
  }
  return { ok: false, message: 'the file system could not resolve the root directory' };
}

/** Clock in milliseconds (injected so tests control time). */
export interface Clock {
  now(): number;
}

export const SYSTEM_CLOCK: Clock = { now: () => Date.now() };

export interface CachedFileSystemFacts extends FileSystemFacts {
  clear(): void;
}

/** Caches facts for `ttlMs` (a short TTL within one run; create a new cache per run). */
export function cachedFileSystemFacts(facts: FileSystemFacts, clock: Clock, ttlMs: number): CachedFileSystemFacts {
  const realpaths = new Map<string, { value: string | null; until: number }>();
  const kinds = new Map<string, { value: ReturnType<NonNullable<FileSystemFacts['lstatKind']>>; until: number }>();
  const cached: CachedFileSystemFacts = {
    realpath(path) {
      const now = clock.now();
      const hit = realpaths.get(path);
      if (hit !== undefined && hit.until > now) return hit.value;
      const value = facts.realpath(path);
      if (realpaths.size >= 65_536) realpaths.clear();
      realpaths.set(path, { value, until: now + ttlMs });
      return value;
    },
    clear() {
      realpaths.clear();
      kinds.clear();
    },
  };
  const lstat = facts.lstatKind?.bind(facts);
  if (lstat !== undefined) {
    cached.lstatKind = (path) => {
      const now = clock.now();
      const hit = kinds.get(path);
      if (hit !== undefined && hit.until > now) return hit.value;
      const value = lstat(path);
      if (kinds.size >= 65_536) kinds.clear();
      kinds.set(path, { value, until: now + ttlMs });
      return value;
    };
  }
  return cached;
}

/** Trees no grant reaches unless it names them literally. */
export const PROTECTED_ROOTS: readonly string[] = ['/proc', '/sys', '/dev'];
const PROTECTED_EXCEPTIONS: ReadonlySet<string> = new Set(['/dev/null']);

/** The protected root `path` lies in (`/proc` for `/proc/self/environ`), or null. */
export function protectedRootOf(path: string, extraRoots: readonly string[] = []): string | null {
  const c = path.charCodeAt(1);
  // Fast exit: only /proc, /sys and /dev (p, s, d) are protected by default.
  if (extraRoots.length === 0 && c !== 112 && c !== 115 && c !== 100) return null;
  if (PROTECTED_EXCEPTIONS.has(path)) return null;
  for (const root of PROTECTED_ROOTS) if (path === root || path.startsWith(root + '/')) return root;
  for (const root of extraRoots) if (root === '/' || path === root || path.startsWith(root + '/')) return root;
  return null;
}
