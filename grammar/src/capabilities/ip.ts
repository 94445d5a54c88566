// IP address parsing (WHATWG IPv4 forms such as `0x7f.1` and `2130706433`, IPv6 with embedded
// IPv4) and the non-public ranges HTTP requests may reach only when granted literally by address.
// Pure functions; no DNS here (the bridge resolves names and passes the address in).

/** WHATWG "ends in a number": whether a host must be parsed as IPv4. */
export function endsInNumber(host: string): boolean {
  const parts = host.split('.');
  if (parts.at(-1) === '' && parts.length > 1) parts.pop();
  const last = parts.at(-1) ?? '';
  return /^[0-9]+$/.test(last) || /^0[xX][0-9a-fA-F]*$/.test(last);
}

function parseIPv4Number(part: string): number | null {
  if (part === '') return null;
  if (/^0[xX]/.test(part)) {
    const hex = part.slice(2);
    if (hex === '') return 0;
    return /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : null;
  }
  if (part.length > 1 && part.startsWith('0')) return /^[0-7]+$/.test(part) ? parseInt(part, 8) : null;
  return /^[0-9]+$/.test(part) ? parseInt(part, 10) : null;
}

/** Parses an IPv4 host the way browsers and Node's URL do; returns the 32-bit value or null. */
export function parseIPv4(host: string): number | null {
  const parts = host.split('.');
  if (parts.at(-1) === '' && parts.length > 1) parts.pop();
  if (parts.length > 4 || parts.length === 0) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseIPv4Number(part);
    if (n === null || !Number.isFinite(n)) return null;
    numbers.push(n);
  }
  const last = numbers.pop()!;
  if (numbers.some((n) => n > 255)) return null;
  if (last >= 256 ** (5 - parts.length)) return null;
  let value = last;
  for (const [i, n] of numbers.entries()) value += n * 256 ** (3 - i);
  return value;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** Parses IPv6 text (no brackets, no zone id) into eight 16-bit groups, or null. */
export function parseIPv6(text: string): number[] | null {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groupsOf = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (const [i, piece] of pieces.entries()) {
      if (piece.includes('.')) {
        if (i !== pieces.length - 1 || !/^\d{1,3}(\.\d{1,3}){3}$/.test(piece)) return null;
        const octets = piece.split('.').map(Number);
        if (octets.some((o) => o > 255)) return null;
        out.push(octets[0]! * 256 + octets[1]!, octets[2]! * 256 + octets[3]!);
      } else {
        if (!/^[0-9a-fA-F]{1,4}$/.test(piece)) return null;
        out.push(parseInt(piece, 16));
      }
    }
    return out;
  };
  const left = groupsOf(halves[0]!);
  const right = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (left === null || right === null) return null;
  if (halves.length === 1) return left.length === 8 ? left : null;
  const fill = 8 - left.length - right.length;
  if (fill < 1) return null;
  return [...left, ...new Array<number>(fill).fill(0), ...right];
}

/** RFC 5952 text: lower-case, no leading zeros, the longest zero run (≥ 2) as `::`. */
export function formatIPv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

const V4_PRIVATE: readonly [number, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
].map(([base, bits]) => [parseIPv4(base as string)!, bits as number]);

function inV4Range(value: number, base: number, bits: number): boolean {
  const size = 2 ** (32 - bits);
  return value >= base && value < base + size;
}

function isPrivateV4(value: number): boolean {
  return V4_PRIVATE.some(([base, bits]) => inV4Range(value, base, bits));
}

function isPrivateV6(g: readonly number[]): boolean {
  const embeddedV4 = (hi: number, lo: number): number => hi * 65536 + lo;
  const zeros = (from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return isPrivateV4(embeddedV4(g[6]!, g[7]!)); // ::ffff:a.b.c.d
  if (zeros(0, 6)) return true; // ::, ::1 and deprecated IPv4-compatible ::a.b.c.d
  if (g[0] === 0x64 && g[1] === 0xff9b) return g[2] === 1 || isPrivateV4(embeddedV4(g[6]!, g[7]!)); // NAT64
  if (g[0] === 0x2002) return isPrivateV4(embeddedV4(g[1]!, g[2]!)); // 6to4
  if (g[0] === 0x100 && zeros(1, 4)) return true; // discard-only 100::/64
  if (g[0] === 0x2001 && (g[1]! < 0x200 || g[1] === 0xdb8)) return true; // protocol assignments, Teredo, docs
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80 || (first & 0xffc0) === 0xfec0) return true; // link/site local
  return (first & 0xff00) === 0xff00; // multicast
}

/**
 * Whether an address is loopback, link-local, private, or otherwise not a public unicast address.
 * Accepts IPv4 and IPv6 text (brackets allowed). Unparseable input counts as private (fail closed).
 */
export function isPrivateAddress(ip: string): boolean {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (text.includes(':')) {
    const groups = parseIPv6(text);
    return groups === null ? true : isPrivateV6(groups);
  }
  const v4 = parseIPv4(text);
  return v4 === null ? true : isPrivateV4(v4);
}

/** Whether an address is a loopback address (127.0.0.0/8, ::1, ::ffff:127.x.y.z). */
export function isLoopbackAddress(ip: string): boolean {
  const text = ip.startsWith('[') && ip.endsWith(']') ? ip.slice(1, -1) : ip;
  if (text.includes(':')) {
    const g = parseIPv6(text);
    if (g === null) return false;
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
    return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff && g[6]! >> 8 === 127;
  }
  const v4 = parseIPv4(text);
  return v4 !== null && inV4Range(v4, parseIPv4('127.0.0.0')!, 8);
}
