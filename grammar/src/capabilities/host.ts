// Canonical host names for URL and host:port targets: lower-case, IDNA (NFC + Punycode per label),
// IPv4 in dotted form whatever notation was used, IPv6 compressed in brackets. Strict: anything
// ambiguous is rejected rather than guessed. Pure; no DNS.
import { endsInNumber, formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from './ip.js';

export type HostKind = 'name' | 'ipv4' | 'ipv6';

export interface CanonicalHost {
  /** `api.example.com`, `10.0.0.1`, `[::1]`. */
  host: string;
  kind: HostKind;
}

export type HostResult = { ok: true; host: CanonicalHost } | { ok: false; message: string };

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / 700) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + 38));
}

function digit(d: number): string {
  return String.fromCharCode(d < 26 ? 97 + d : 22 + d);
}

/** RFC 3492 Punycode encoding of one label (without the `xn--` prefix). */
export function punycodeEncode(label: string): string {
  const input = Array.from(label, (c) => c.codePointAt(0)!);
  let output = input
    .filter((c) => c < 0x80)
    .map((c) => String.fromCharCode(c))
    .join('');
  const basic = output.length;
  let handled = basic;
  if (basic > 0) output += '-';
  let n = 128;
  let delta = 0;
  let bias = 72;
  while (handled < input.length) {
    const m = Math.min(...input.filter((c) => c >= n));
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of input) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      output += digit(q);
      bias = adapt(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
    delta++;
    n++;
  }
  return output;
}

const ASCII_LABEL = /^[a-z0-9_-]+$/;

function canonicalName(raw: string): HostResult {
  let name = raw
    .normalize('NFC')
    .replace(/[\u3002\uff0e\uff61]/g, '.')
    .toLowerCase();
  if (name.endsWith('.')) name = name.slice(0, -1);
  if (name === '') return { ok: false, message: 'empty host' };
  if (endsInNumber(name)) {
    const v4 = parseIPv4(name);
    if (v4 === null) return { ok: false, message: `\`${raw}\` is not a valid IPv4 address` };
    return { ok: true, host: { host: formatIPv4(v4), kind: 'ipv4' } };
  }
  const labels: string[] = [];
  for (const label of name.split('.')) {
    if (label === '') return { ok: false, message: 'host has an empty label' };
    // eslint-disable-next-line no-control-regex
    const ascii = /^[\x00-\x7f]*$/.test(label) ? label : `xn--${punycodeEncode(label)}`;
    if (!ASCII_LABEL.test(ascii))
      return { ok: false, message: `host label \`${label}\` contains characters not allowed in a host name` };
    if (ascii.length > 63) return { ok: false, message: 'host label longer than 63 characters' };
    labels.push(ascii);
  }
  const host = labels.join('.');
  if (host.length > 253) return { ok: false, message: 'host name longer than 253 characters' };
  return { ok: true, host: { host, kind: 'name' } };
}

/** Canonical form of a host as written in a URL (`[v6]` in brackets). */
export function canonicalizeHost(raw: string): HostResult {
  if (raw.startsWith('[')) {
    if (!raw.endsWith(']')) return { ok: false, message: 'unclosed `[` in IPv6 host' };
    const groups = parseIPv6(raw.slice(1, -1));
    if (groups === null) return { ok: false, message: `\`${raw}\` is not a valid IPv6 address` };
    return { ok: true, host: { host: `[${formatIPv6(groups)}]`, kind: 'ipv6' } };
  }
  if (raw.includes('%')) return { ok: false, message: 'percent-encoded host names are not accepted' };
  return canonicalName(raw);
}

/** `localhost` and `*.localhost` always mean loopback. */
export function isLocalhostName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}
