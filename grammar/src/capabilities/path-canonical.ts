// Pure, lexical path canonicalisation (CAPABILITIES.md §2, file targets, steps 1-2): resolve
// against a root, normalise `.`/`..`/`//`/trailing `/`, decode `file:` URIs and %XX once, reject
// NUL. POSIX paths only. No file-system access here (symlinks are resolved in realpath.ts).

export type PathResult = { ok: true; path: string } | { ok: false; message: string };

const PERCENT_RUN = /(?:%[0-9A-Fa-f]{2})+/g;

/** Decodes each run of valid %XX escapes once (as UTF-8); null when a run is not valid UTF-8. */
export function percentDecodeOnce(text: string): string | null {
  if (!text.includes('%')) return text;
  let failed = false;
  const decoded = text.replace(PERCENT_RUN, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      failed = true;
      return run;
    }
  });
  return failed ? null : decoded;
}

/** The path of a `file:` URI (`file:///a/b`, `file://localhost/a/b`, `file:/a/b`), not yet decoded. */
function fileUriPath(uri: string): string | null {
  const rest = uri.slice('file:'.length);
  if (rest.startsWith('///')) return rest.slice(2);
  if (rest.startsWith('//localhost/')) return rest.slice('//localhost'.length);
  if (rest.startsWith('//')) return null; // a remote host: not a local file
  if (rest.startsWith('/')) return rest;
  return null;
}

/** Whether `p` is already an absolute canonical path (fast path for hot checks). */
export function isCanonicalAbsolute(p: string): boolean {
  if (p.charCodeAt(0) !== 47 /* / */) return false;
  if (p.length === 1) return true;
  return (
    p.charCodeAt(p.length - 1) !== 47 &&
    !p.includes('//') &&
    !p.includes('/./') &&
    !p.includes('/../') &&
    !p.endsWith('/.') &&
    !p.endsWith('/..') &&
    !p.includes('%') &&
    !p.includes('\0')
  );
}

/** Joins and normalises segments; `..` at the root stays at the root. */
export function normaliseSegments(base: readonly string[], relative: readonly string[]): string[] {
  const out = [...base];
  for (const segment of relative) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return out;
}

/** Segments of a canonical absolute path (`/` → []). */
export function pathSegments(canonical: string): string[] {
  return canonical === '/' ? [] : canonical.slice(1).split('/');
}

export function joinSegments(segments: readonly string[]): string {
  return '/' + segments.join('/');
}

/**
 * Canonical absolute form of a requested path. `root` must itself be canonical and absolute
 * (use canonicalizeRoot). Relative paths resolve against the root.
 */
export function canonicalizePath(input: string, root: string): PathResult {
  if (isCanonicalAbsolute(input)) return { ok: true, path: input };
  if (input !== '' && input.charCodeAt(0) !== 47 && !input.startsWith('file:')) {
    // Fast path: a clean relative path joined to the root is already canonical.
    const joined = root === '/' ? `/${input}` : `${root}/${input}`;
    if (
      isCanonicalAbsolute(joined) &&
      !input.startsWith('./') &&
      !input.startsWith('../') &&
      input !== '.' &&
      input !== '..'
    )
      return { ok: true, path: joined };
  }
  if (input.includes('\0')) return { ok: false, message: 'path contains a NUL byte' };
  if (input === '') return { ok: false, message: 'empty path' };
  let raw = input;
  if (raw.startsWith('file:')) {
    const uriPath = fileUriPath(raw);
    if (uriPath === null) return { ok: false, message: 'file: URI does not name a local absolute path' };
    raw = uriPath;
  }
  const decoded = percentDecodeOnce(raw);
  if (decoded === null) return { ok: false, message: 'path has invalid percent-encoding' };
  if (decoded.includes('\0')) return { ok: false, message: 'path contains a NUL byte' };
  const base = decoded.startsWith('/') ? [] : pathSegments(root);
  return { ok: true, path: joinSegments(normaliseSegments(base, decoded.split('/'))) };
}

/** Validates and normalises a run root: absolute, no NUL; `.`/`..` resolved. */
export function canonicalizeRoot(root: string): PathResult {
  if (!root.startsWith('/')) return { ok: false, message: `root directory must be an absolute path` };
  if (root.includes('\0')) return { ok: false, message: 'root directory contains a NUL byte' };
  return { ok: true, path: joinSegments(normaliseSegments([], root.split('/'))) };
}
