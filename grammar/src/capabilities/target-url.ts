// HTTP targets: URL grant patterns (scheme, host or `*.host`, port exact; path as a glob) and the
// match against canonical request URLs, including the rule that loopback, link-local and private
// addresses are reachable only through a grant naming them literally.
import { GLOBSTAR, compileGlob, matchGlobSegments, type CompiledGlob, type StepCounter } from './glob.js';
import { canonicalizeHost, isLocalhostName, type CanonicalHost } from './host.js';
import { formatIPv4, formatIPv6, isLoopbackAddress, isPrivateAddress, parseIPv4, parseIPv6 } from './ip.js';
import { compileSegment } from './segment-pattern.js';
import { DEFAULT_PORTS, portSuffix, type CanonicalUrl } from './url.js';

export interface UrlMatcher {
  kind: 'url';
  text: string;
  /** `**`: any http(s) URL (still not private addresses). */
  any: boolean;
  scheme: string;
  /** Literal host, or the suffix after `*.` when `wildcard`. */
  host: CanonicalHost;
  wildcard: boolean;
  port: number;
  path: CompiledGlob;
}

export interface UrlTarget {
  kind: 'url';
  url: CanonicalUrl;
  /** Canonical address the host resolved to (from the bridge), or null when not known. */
  resolvedAddress: string | null;
}

export type UrlPatternResult =
  | { ok: true; matcher: UrlMatcher; hints: { message: string; offset: number }[] }
  | { ok: false; message: string; offset: number; code: 'url' | 'dotDot' | 'glob' };

const ANY_PATH: CompiledGlob = {
  source: '/**',
  segments: [GLOBSTAR],
  fixedPrefix: '/',
  fixedCount: 0,
  globstars: 1,
  literal: false,
  prefixOnly: true,
};

function anyMatcher(): UrlMatcher {
  const glob = ANY_PATH;
  return {
    kind: 'url',
    text: '**',
    any: true,
    scheme: '*',
    host: { host: '*', kind: 'name' },
    wildcard: true,
    port: 0,
    path: glob,
  };
}

function fail(message: string, offset: number, code: 'url' | 'dotDot' | 'glob' = 'url'): UrlPatternResult {
  return { ok: false, message, offset, code };
}

/** Parses a URL pattern such as `https://*.example.com/api/**`. */
export function compileUrlPattern(raw: string): UrlPatternResult {
  if (raw === '**') return { ok: true, matcher: anyMatcher(), hints: [] };
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/.exec(raw);
  if (m === null) return fail('expected a URL pattern like https://host/path/** (or `**`)', 0);
  const scheme = m[1]!.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return fail(`scheme \`${m[1]}\` is not allowed (http or https)`, 0);
  const authority = m[2]!;
  const authorityOffset = m[1]!.length + 3;
  if (authority.includes('@'))
    return fail('user information (`user@`) is not allowed in a URL pattern', authorityOffset);
  const hp = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(authority);
  if (hp === null)
    return fail('malformed host or port (ports must be numbers; there is no port wildcard)', authorityOffset);
  let hostText = hp[1]!;
  const wildcard = hostText.startsWith('*.');
  if (wildcard) hostText = hostText.slice(2);
  if (hostText.includes('*')) return fail('`*` is only allowed as `*.` at the start of the host', authorityOffset);
  const host = canonicalizeHost(hostText);
  if (!host.ok) return fail(host.message, authorityOffset + (wildcard ? 2 : 0));
  if (wildcard && host.host.kind !== 'name') return fail('`*.` cannot be combined with an IP address', authorityOffset);
  const port = hp[2] === undefined ? DEFAULT_PORTS[scheme]! : Number(hp[2]);
  if (port < 1 || port > 65535) return fail(`port ${hp[2]} is out of range`, authorityOffset + hp[1]!.length + 1);
  const hints: { message: string; offset: number }[] = [];
  const rawPath = m[3] ?? '/';
  if (m[3] === undefined)
    hints.push({
      message: 'a URL pattern without a path matches only `/`; add `/**` to cover the whole site',
      offset: raw.length,
    });
  const pathOffset = authorityOffset + authority.length;
  const segments: string[] = [];
  let offset = pathOffset + 1;
  for (const part of rawPath.slice(1).split('/')) {
    if (part === '..' || /^(?:\.|%2[eE]){2}$/.test(part))
      return fail('`..` is not allowed as a path segment in a grant', offset, 'dotDot');
    if (part !== '**' && part.includes('**'))
      return fail('`**` must be a whole path segment', offset + part.indexOf('**'), 'glob');
    if (part !== '' && part !== '.' && part !== '**') {
      const compiled = compileSegment(part);
      if (!compiled.ok) return fail(compiled.message, offset + compiled.offset, 'glob');
    }
    if (part !== '' && part !== '.')
      segments.push(
        part.replace(/%([0-9A-Fa-f]{2})/g, (all, hex: string) => {
          const ch = String.fromCharCode(parseInt(hex, 16));
          return /[A-Za-z0-9\-._~]/.test(ch) ? ch : all.toUpperCase();
        }),
      );
    offset += part.length + 1;
  }
  const glob = compileGlob('/' + segments.join('/'));
  if (!glob.ok) return fail(glob.message, pathOffset, 'glob');
  const text = `${scheme}://${wildcard ? '*.' : ''}${host.host.host}${portSuffix(scheme, port)}${glob.glob.source}`;
  return {
    ok: true,
    matcher: { kind: 'url', text, any: false, scheme, host: host.host, wildcard, port, path: glob.glob },
    hints,
  };
}

function canonicalAddress(ip: string): string | null {
  const text = ip.startsWith('[') ? ip.slice(1, -1) : ip;
  if (text.includes(':')) {
    const g = parseIPv6(text);
    return g === null ? null : `[${formatIPv6(g)}]`;
  }
  const v4 = parseIPv4(text);
  return v4 === null ? null : formatIPv4(v4);
}

/** Whether the request reaches a non-public address (by literal host, localhost name, or resolution). */
export function isPrivateUrlTarget(t: UrlTarget): boolean {
  const h = t.url.host;
  if (h.kind !== 'name' && isPrivateAddress(h.host)) return true;
  if (h.kind === 'name' && isLocalhostName(h.host)) return true;
  return t.resolvedAddress !== null && isPrivateAddress(t.resolvedAddress);
}

/** A private target needs a literal grant for that address (or `localhost` for loopback). */
function literalForPrivate(m: UrlMatcher, t: UrlTarget): boolean {
  if (m.any || m.wildcard) return false;
  if (t.resolvedAddress === null || !isPrivateAddress(t.resolvedAddress)) return true;
  if (m.host.host === canonicalAddress(t.resolvedAddress)) return true;
  return m.host.host === 'localhost' && isLoopbackAddress(t.resolvedAddress);
}

function hostMatches(m: UrlMatcher, h: CanonicalHost): boolean {
  if (!m.wildcard) return m.host.host === h.host;
  if (h.kind !== 'name') return false;
  const suffix = '.' + m.host.host;
  if (!h.host.endsWith(suffix)) return false;
  const label = h.host.slice(0, -suffix.length);
  return label !== '' && !label.includes('.');
}

export function urlMatches(m: UrlMatcher, t: UrlTarget, role: 'grant' | 'denial', counter?: StepCounter): boolean {
  if (role === 'grant' && isPrivateUrlTarget(t) && !literalForPrivate(m, t)) return false;
  if (m.any) return true;
  if (m.scheme !== t.url.scheme || m.port !== t.url.port) return false;
  if (!hostMatches(m, t.url.host)) return false;
  return matchGlobSegments(m.path, t.url.segments, counter);
}

export { hostMatches as urlHostMatches };
