// crypto module: NIST / RFC 1321 / RFC 2202 / RFC 4231 test vectors for the pure-JS hashes and
// HMAC, the values conformance 44 prints, UUIDs, and randomness drawn from the context only.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/runtime/values.js';
import { hmac, md5, sha1, sha256, toHex, utf8 } from '../../src/runtime/modules/crypto/hashes.js';
import { createCryptoModule } from '../../src/runtime/modules/crypto/module.js';
import { call, outcome, testContext } from './context.js';

const ascii = (s: string) => utf8(s);
const bytes = (n: number, b: number) => new Uint8Array(n).fill(b);
const ABC448 = 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq';
const MILLION_A = 'a'.repeat(1_000_000);

const vectors: [string, () => Uint8Array, string][] = [
  ['sha256 abc', () => sha256(ascii('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['sha256 448 bits', () => sha256(ascii(ABC448)), '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
  ['sha256 empty', () => sha256(ascii('')), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  [
    'sha256 million a',
    () => sha256(ascii(MILLION_A)),
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  ],
  ['sha1 abc', () => sha1(ascii('abc')), 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['sha1 448 bits', () => sha1(ascii(ABC448)), '84983e441c3bd26ebaae4aa1f95129e5e54670f1'],
  ['sha1 million a', () => sha1(ascii(MILLION_A)), '34aa973cd4c4daa4f61eeb2bdbad27316534016f'],
  ['md5 empty', () => md5(ascii('')), 'd41d8cd98f00b204e9800998ecf8427e'],
  ['md5 a', () => md5(ascii('a')), '0cc175b9c0f1b6a831c399e269772661'],
  ['md5 abc', () => md5(ascii('abc')), '900150983cd24fb0d6963f7d28e17f72'],
  ['md5 message digest', () => md5(ascii('message digest')), 'f96b697d7cb7938d525a2f31aaf161d0'],
  ['md5 alphabet', () => md5(ascii('abcdefghijklmnopqrstuvwxyz')), 'c3fcd3d76192e4007dfb496cca67e13b'],
  [
    'md5 alnum',
    () => md5(ascii('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')),
    'd174ab98d277d9f5a5611c2c9f419d9f',
  ],
  ['md5 digits', () => md5(ascii('1234567890'.repeat(8))), '57edf4a22be3c955ac49da2e2107b67a'],
  ['md5 million a', () => md5(ascii(MILLION_A)), '7707d6ae4e027c70eea2a935c2296f21'],
  [
    'hmac-sha256 RFC 4231 #1',
    () => hmac(sha256, bytes(20, 0x0b), ascii('Hi There')),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
  ],
  [
    'hmac-sha256 RFC 4231 #2',
    () => hmac(sha256, ascii('Jefe'), ascii('what do ya want for nothing?')),
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
  ],
  [
    'hmac-sha256 RFC 4231 #6',
    () => hmac(sha256, bytes(131, 0xaa), ascii('Test Using Larger Than Block-Size Key - Hash Key First')),
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
  ],
  [
    'hmac-sha1 RFC 2202 #1',
    () => hmac(sha1, bytes(20, 0x0b), ascii('Hi There')),
    'b617318655057264e28bc0b6fb378c8ef146be00',
  ],
  ['hmac-md5 RFC 2202 #1', () => hmac(md5, bytes(16, 0x0b), ascii('Hi There')), '9294727a3638bb1c13f48ef8158bfc9d'],
  [
    'hmac-sha1 long key (CPython)',
    () => hmac(sha1, ascii('k'.repeat(100)), ascii('m')),
    '014f08e9aabf7980d07a205a4c638743915ff915',
  ],
];

const crypto = createCryptoModule(testContext());
const c = (name: string, ...args: Value[]) => call(crypto, name, ...args);

const cases: [string, () => Value, string][] = [
  ['sha256 hello', () => c('sha256', 'hello'), "'2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'"],
  [
    'sha256 fox',
    () => c('sha256', 'The quick brown fox jumps over the lazy dog'),
    "'d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592'",
  ],
  ['md5 hello', () => c('md5', 'hello'), "'5d41402abc4b2a76b9719d911017c592'"],
  [
    'salt goes first',
    () => [c('sha256', 'world', 'salt-') === c('sha256', 'salt-world'), c('md5', 'data', 'pepper')],
    "[True, 'cc1e51bf8e9382baba9e527938afb74d']",
  ],
  ['UTF-8 input', () => c('sha256', 'héllo'), "'3c48591d8d098a4538f5e013dfcf406e948eac4d3277b10bf614e295d6068179'"],
  [
    'lone surrogate',
    () => c('md5', 'a\ud800'),
    "ValueError: 'utf-8' codec can't encode character '\\ud800' in position 1: surrogates not allowed",
  ],
  [
    'hmac default sha256',
    () => c('hmac', 'message', 'secret'),
    "'8b5f48702995c1598c573db1e21866a9b825d4a794d169d7060a03605796360b'",
  ],
  ['hmac md5', () => c('hmac', 'message', 'secret', 'md5'), "'7e0d0767775312154ba16fd3af9771a2'"],
  ['hmac unknown algorithm', () => c('hmac', 'm', 'k', 'sha3'), 'ValueError: unsupported hash type sha3'],
  [
    'verify_hmac',
    () => {
      const sig = c('hmac', 'message', 'secret');
      return [c('verify_hmac', 'message', sig, 'secret'), c('verify_hmac', 'tampered', sig, 'secret')];
    },
    '[True, False]',
  ],
  [
    'compare_hash',
    () => [c('compare_hash', 'abc', 'abc'), c('compare_hash', 'abc', 'abd'), c('compare_hash', 'abc', 'ab')],
    '[True, False, False]',
  ],
  [
    'compare_hash non-ASCII',
    () => c('compare_hash', 'é', 'e'),
    'TypeError: comparing strings with non-ASCII characters is not supported',
  ],
  ['uuid5 DNS', () => c('uuid_from_string', 'example.com'), "'cfbff0d1-9375-5685-968c-48ce8b15ae17'"],
  [
    'uuid5 URL namespace',
    () => c('uuid_from_string', 'example.com', '{6ba7b811-9dad-11d1-80b4-00c04fd430c8}'),
    "'a5cf6e8e-4cfa-5f31-a804-6de6d1245e26'",
  ],
  ['bad namespace', () => c('uuid_from_string', 'x', 'nope'), 'ValueError: badly formed hexadecimal UUID string'],
  ['data must be text', () => c('sha256', 5), 'TypeError: data must be str, not int'],
];

describe('hash functions (standard test vectors)', () => {
  it.each(vectors)('%s', (_name, f, hex) => {
    expect(toHex(f())).toBe(hex);
  });
});

describe('crypto module', () => {
  it.each(cases)('%s', (_name, f, expected) => {
    expect(outcome(f)).toBe(expected);
  });

  it('uses only the context for randomness', () => {
    const a = createCryptoModule(testContext());
    const b = createCryptoModule(testContext());
    const draw = (m: typeof a) => [
      call(m, 'uuid'),
      call(m, 'random_hex', 8),
      call(m, 'random_string', 12),
      call(m, 'random_int', 1, 6),
      call(m, 'random_bytes', 4),
    ];
    const first = draw(a);
    expect(draw(b)).toEqual(first);
    expect(first[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(first[1]).toMatch(/^[0-9a-f]{16}$/);
    expect(first[2]).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(first[3]).toBeGreaterThanOrEqual(1);
    expect(first[3]).toBeLessThanOrEqual(6);
    expect((first[4] as number[]).every((x) => x >= 0 && x < 256)).toBe(true);
  });
});
