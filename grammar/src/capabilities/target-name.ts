// Name targets (env variables, database tables, process names) with a `*` prefix or suffix
// wildcard, and host:port targets of the `network` resource. Pattern checks and matching only.
import { canonicalizeHost, isLocalhostName, type CanonicalHost } from './host.js';
import { isPrivateAddress } from './ip.js';

export interface NameMatcher {
  kind: 'name';
  text: string;
  mode: 'any' | 'exact' | 'prefix' | 'suffix';
  /** The fixed part (without the `*`). */
  value: string;
}

export interface NameTarget {
  kind: 'name';
  name: string;
}

export type NamePatternResult = { ok: true; matcher: NameMatcher } | { ok: false; message: string; offset: number };

// eslint-disable-next-line no-control-regex
const NAME_FORBIDDEN = /[\s\x00-\x1f\x7f,*]/;

export function compileNamePattern(raw: string): NamePatternResult {
  if (raw === '*' || raw === '**') return { ok: true, matcher: { kind: 'name', text: '*', mode: 'any', value: '' } };
  let mode: NameMatcher['mode'] = 'exact';
  let value = raw;
  let base = 0;
  if (raw.endsWith('*')) {
    mode = 'prefix'; // `APP_*`: the fixed part is a prefix
    value = raw.slice(0, -1);
  } else if (raw.startsWith('*')) {
    mode = 'suffix'; // `*_KEY`: the fixed part is a suffix
    value = raw.slice(1);
    base = 1;
  }
  const bad = NAME_FORBIDDEN.exec(value);
  if (bad !== null) {
    const what =
      bad[0] === '*'
        ? '`*` is allowed only at the start or the end of a name'
        : 'names cannot contain whitespace, commas or control characters';
    return { ok: false, message: what, offset: base + bad.index };
  }
  if (value === '') return { ok: false, message: 'empty name', offset: 0 };
  return { ok: true, matcher: { kind: 'name', text: raw, mode, value } };
}

export function nameMatches(m: NameMatcher, t: NameTarget): boolean {
  switch (m.mode) {
    case 'any':
      return true;
    case 'exact':
      return t.name === m.value;
    case 'prefix':
      return t.name.startsWith(m.value);
    case 'suffix':
      return t.name.endsWith(m.value);
  }
}

export interface HostPortMatcher {
  kind: 'hostport';
  text: string;
  any: boolean;
  host: CanonicalHost;
  wildcard: boolean;
  /** null = any port. */
  port: number | null;
}

export interface HostPortTarget {
  kind: 'hostport';
  host: CanonicalHost;
  port: number;
}

export type HostPortPatternResult =
  { ok: true; matcher: HostPortMatcher } | { ok: false; message: string; offset: number };

function splitHostPort(raw: string): { host: string; port: string } | null {
  const m = /^(\[[^\]]*\]|[^:]+):([^:]+)$/.exec(raw);
  return m === null ? null : { host: m[1]!, port: m[2]! };
}

/** `localhost:8080`, `*.example.com:443`, `[::1]:*`, or `**`. */
export function compileHostPortPattern(raw: string): HostPortPatternResult {
  if (raw === '**' || raw === '*') {
    return {
      ok: true,
      matcher: {
        kind: 'hostport',
        text: '**',
        any: true,
        host: { host: '*', kind: 'name' },
        wildcard: true,
        port: null,
      },
    };
  }
  const parts = splitHostPort(raw);
  if (parts === null) return { ok: false, message: 'expected host:port (port may be `*`)', offset: 0 };
  const wildcard = parts.host.startsWith('*.');
  const host = canonicalizeHost(wildcard ? parts.host.slice(2) : parts.host);
  if (!host.ok) return { ok: false, message: host.message, offset: 0 };
  let port: number | null = null;
  if (parts.port !== '*') {
    port = /^\d+$/.test(parts.port) ? Number(parts.port) : NaN;
    if (!(port >= 1 && port <= 65535))
      return {
        ok: false,
        message: `port \`${parts.port}\` is not a number from 1 to 65535 or \`*\``,
        offset: parts.host.length + 1,
      };
  }
  const text = `${wildcard ? '*.' : ''}${host.host.host}:${port ?? '*'}`;
  return { ok: true, matcher: { kind: 'hostport', text, any: false, host: host.host, wildcard, port } };
}

export type HostPortTargetResult = { ok: true; target: HostPortTarget } | { ok: false; message: string };

export function parseHostPortTarget(raw: string): HostPortTargetResult {
  const parts = splitHostPort(raw);
  if (parts === null) return { ok: false, message: 'expected host:port' };
  const host = canonicalizeHost(parts.host);
  if (!host.ok) return host;
  const port = /^\d+$/.test(parts.port) ? Number(parts.port) : NaN;
  if (!(port >= 1 && port <= 65535)) return { ok: false, message: 'port out of range' };
  return { ok: true, target: { kind: 'hostport', host: host.host, port } };
}

export function hostPortMatches(m: HostPortMatcher, t: HostPortTarget, role: 'grant' | 'denial'): boolean {
  const isPrivate = t.host.kind === 'name' ? isLocalhostName(t.host.host) : isPrivateAddress(t.host.host);
  if (role === 'grant' && isPrivate && (m.any || m.wildcard)) return false;
  if (m.any) return true;
  if (m.port !== null && m.port !== t.port) return false;
  if (!m.wildcard) return m.host.host === t.host.host;
  if (t.host.kind !== 'name') return false;
  const suffix = '.' + m.host.host;
  const label = t.host.host.endsWith(suffix) ? t.host.host.slice(0, -suffix.length) : '';
  return label !== '' && !label.includes('.');
}
