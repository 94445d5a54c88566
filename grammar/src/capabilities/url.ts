// Canonical HTTP(S) URLs for request targets: scheme and host lower-cased, default port explicit,
// dot segments resolved, unreserved %XX decoded once. Strict: backslashes, whitespace, control
// characters and user info are rejected so this parser and the bridge's fetch cannot disagree.
import { canonicalizeHost, type CanonicalHost } from './host.js';

export interface CanonicalUrl {
  scheme: 'http' | 'https';
  host: CanonicalHost;
  port: number;
  /** Canonical path, starting with `/`. */
  path: string;
  /** `?query` or ''. Not part of capability matching. */
  query: string;
  /** `scheme://host[:port]/path?query` (default port omitted): the URL the bridge must fetch. */
  href: string;
  /** Non-empty path segments, for glob matching. */
  segments: string[];
}

export type UrlResult = { ok: true; url: CanonicalUrl } | { ok: false; message: string };

export const DEFAULT_PORTS: Readonly<Record<string, number>> = { http: 80, https: 443 };

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\s\\\x00-\x1f\x7f]/;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

function canonicalSegment(segment: string): string | null {
  let out = '';
  for (let i = 0; i < segment.length; i++) {
    const ch = segment[i]!;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const hex = segment.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      out += '%25';
      continue;
    }
    const code = parseInt(hex, 16);
    if (code === 0) return null;
    const decoded = String.fromCharCode(code);
    out += UNRESERVED.test(decoded) ? decoded : `%${hex.toUpperCase()}`;
    i += 2;
  }
  return out;
}

/** Resolves `.` and `..` like the WHATWG URL parser (a final dot segment leaves a trailing `/`). */
function canonicalPath(raw: string): string | null {
  const out: string[] = [];
  const parts = raw.slice(1).split('/');
  for (const [i, part] of parts.entries()) {
    const segment = canonicalSegment(part);
    if (segment === null) return null;
    const last = i === parts.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop();
      if (last) out.push('');
    } else {
      out.push(segment);
    }
  }
  return '/' + out.join('/');
}

/** `:port`, or '' for the scheme's default port (shown the way browsers show it). */
export function portSuffix(scheme: string, port: number): string {
  return DEFAULT_PORTS[scheme] === port ? '' : `:${port}`;
}

/** Parses and canonicalises a requested URL. */
export function parseRequestUrl(text: string): UrlResult {
  if (FORBIDDEN.test(text))
    return { ok: false, message: 'URL contains whitespace, a backslash or a control character' };
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(text);
  if (m === null) return { ok: false, message: 'not an absolute URL of the form scheme://host/path' };
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https')
    return { ok: false, message: `scheme \`${scheme}\` is not allowed (http and https only)` };
  const authority = m[2]!;
  if (authority.includes('@'))
    return { ok: false, message: 'URLs with user information (`user@host`) are not allowed' };
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(authority);
  if (hp === null) return { ok: false, message: 'malformed host and port' };
  const host = canonicalizeHost(hp[1]!);
  if (!host.ok) return host;
  let port = DEFAULT_PORTS[scheme]!;
  if (hp[2] !== undefined && hp[2] !== '') {
    port = Number(hp[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return { ok: false, message: `port \`${hp[2]}\` is out of range` };
  }
  const path = canonicalPath(m[3] === '' ? '/' : m[3]!);
  if (path === null) return { ok: false, message: 'URL path contains an encoded NUL byte' };
  const query = m[4] ?? '';
  const href = `${scheme}://${host.host.host}${portSuffix(scheme, port)}${path}${query}`;
  return {
    ok: true,
    url: { scheme, host: host.host, port, path, query, href, segments: path.split('/').filter((s) => s !== '') },
  };
}
