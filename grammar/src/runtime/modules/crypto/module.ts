// The pure part of the `crypto` module: hex digests (salt is prepended, as the reference does),
// HMAC, constant-time comparison, UUIDs. Randomness comes only from ctx.random; hash_file is a host bridge.
import type { Value } from '../../values.js';
import { makeFloat, raise } from '../../ops.js';
import type { MLModule, ModuleContext } from '../types.js';
import { ModuleBuilder, absent, intArg, strArg } from '../util.js';
import { HASHES, hmac, sha1, toHex, utf8, type HashFunction } from './hashes.js';

const NAMESPACE_DNS = '6ba7b8109dad11d180b400c04fd430c8';

function hashNamed(name: Value | undefined): HashFunction {
  const n = absent(name) ? 'sha256' : strArg(name, 'algorithm').toLowerCase();
  const h = HASHES[n];
  if (h === undefined) return raise('ValueError', `unsupported hash type ${n}`);
  return h;
}

function digest(hash: HashFunction, data: Value | undefined, salt: Value | undefined): string {
  const text = strArg(data, 'data');
  const prefix = absent(salt) ? '' : strArg(salt, 'salt');
  return toHex(hash(utf8(prefix + text)));
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** hmac.compare_digest for text: no early exit on the first difference; ASCII only, like Python. */
export function compareDigest(a: string, b: string): boolean {
  if (!isAscii(a) || !isAscii(b)) raise('TypeError', 'comparing strings with non-ASCII characters is not supported');
  let diff = a.length === b.length ? 0 : 1;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return diff === 0;
}

function formatUuid(bytes: Uint8Array): string {
  const h = toHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Python's uuid.UUID(text) parsing: braces, `urn:uuid:` and hyphens are ignored; 32 hex digits. */
function parseUuid(text: string): Uint8Array {
  const hex = text
    .replace('urn:', '')
    .replace('uuid:', '')
    .replace(/^\{+|\}+$/g, '')
    .replaceAll('-', '');
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) raise('ValueError', 'badly formed hexadecimal UUID string');
  return Uint8Array.from(hex.match(/../g)!, (b) => parseInt(b, 16));
}

/** uuid5: SHA-1 of namespace bytes + UTF-8 name, with version 5 and the RFC 4122 variant. */
export function uuid5(namespace: Uint8Array, name: string): string {
  const data = new Uint8Array(16 + utf8(name).length);
  data.set(namespace);
  data.set(utf8(name), 16);
  const bytes = sha1(data).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}

export function createCryptoModule(ctx: ModuleContext): MLModule {
  const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => Math.floor(ctx.random() * 256));
  const lengthArg = (v: Value | undefined) => {
    const n = intArg(v, 'length');
    if (n < 0) raise('ValueError', 'length must be non-negative');
    return n;
  };
  const randomBelow = (n: number) => Math.floor(ctx.random() * n);
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return new ModuleBuilder('crypto')
    .fn('sha256', 1, 2, (d, s) => digest(HASHES.sha256!, d, s))
    .fn('sha1', 1, 2, (d, s) => digest(HASHES.sha1!, d, s))
    .fn('md5', 1, 2, (d, s) => digest(HASHES.md5!, d, s))
    .fn('hmac', 2, 3, (m, k, alg) => toHex(hmac(hashNamed(alg), utf8(strArg(k, 'key')), utf8(strArg(m, 'message')))))
    .fn('verify_hmac', 3, 4, (m, sig, k, alg) => {
      const expected = toHex(hmac(hashNamed(alg), utf8(strArg(k, 'key')), utf8(strArg(m, 'message'))));
      return compareDigest(expected, strArg(sig, 'signature'));
    })
    .fn('compare_hash', 2, 2, (a, b) => compareDigest(strArg(a, 'hash1'), strArg(b, 'hash2')))
    .fn('uuid', 0, 0, () => {
      const bytes = randomBytes(16);
      bytes[6] = (bytes[6]! & 0x0f) | 0x40;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      return formatUuid(bytes);
    })
    .fn('uuid_from_string', 1, 2, (data, ns) =>
      uuid5(parseUuid(absent(ns) ? NAMESPACE_DNS : strArg(ns, 'namespace')), strArg(data, 'data')),
    )
    .fn('random_bytes', 1, 1, (n) => Array.from(randomBytes(lengthArg(n))))
    .fn('random_hex', 1, 1, (n) => toHex(randomBytes(lengthArg(n))))
    .fn('random_string', 1, 1, (n) =>
      Array.from({ length: lengthArg(n) }, () => ALNUM[randomBelow(ALNUM.length)]).join(''),
    )
    .fn('random_int', 2, 2, (lo, hi) => {
      const a = intArg(lo, 'min_val');
      const b = intArg(hi, 'max_val');
      if (b < a) raise('ValueError', 'empty range for random_int');
      return a + randomBelow(b - a + 1);
    })
    .fn('random_float', 0, 0, () => makeFloat(ctx.random()))
    .build();
}
