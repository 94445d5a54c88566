// The pure helpers of the `http` module, as Python's urllib.parse does them: encodeURI = quote,
// decodeURI = unquote (UTF-8, invalid bytes replaced), encodeQuery = urlencode, parseQuery =
// dict(parse_qsl). The request functions are host bridges and are not part of this module.
import { MLObject, MLTuple, type Value } from '../values.js';
import { pyStr, raise } from '../ops.js';
import type { MLModule, ModuleContext } from './types.js';
import { ModuleBuilder, absent, pyTypeName, strArg } from './util.js';
import { utf8 } from './crypto/hashes.js';

const ALWAYS_SAFE = /[A-Za-z0-9_.\-~]/;

/** urllib.parse.quote(text, safe): UTF-8 bytes outside the safe set become %XX. */
export function quote(text: string, safe = '/'): string {
  let out = '';
  for (const ch of text) {
    if (ch.length === 1 && (ALWAYS_SAFE.test(ch) || safe.includes(ch))) {
      out += ch;
      continue;
    }
    for (const b of utf8(ch)) out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** urllib.parse.quote_plus: like quote with nothing safe, and spaces as `+`. */
export function quotePlus(text: string): string {
  return quote(text, ' ').replaceAll(' ', '+');
}

/** Decodes UTF-8 with Python's errors='replace' (one U+FFFD per maximal invalid subsequence). */
export function decodeUtf8(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    let cp = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, cp] = [1, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) {
      [need, cp] = [2, b & 0x0f];
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      [need, cp] = [3, b & 0x07];
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const c = bytes[j];
      const [min, max] = k === 0 ? [lo, hi] : [0x80, 0xbf];
      if (c === undefined || c < min || c > max) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    out += ok ? String.fromCodePoint(cp) : '\ufffd';
    i = j;
  }
  return out;
}

/** urllib.parse.unquote: runs of %XX are decoded as UTF-8; malformed escapes stay as they are. */
export function unquote(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) =>
    decodeUtf8(run.match(/%../g)!.map((h) => parseInt(h.slice(1), 16))),
  );
}

/** urllib.parse.urlencode over an object (or a list of pairs): `k=v&...` with quote_plus. */
export function encodeQuery(params: Value | undefined): string {
  let entries: [Value, Value][];
  if (params instanceof MLObject) entries = [...params.map];
  else if (Array.isArray(params)) {
    entries = params.map((p) => {
      if (p instanceof MLTuple && p.items.length === 2) return [p.items[0]!, p.items[1]!];
      if (Array.isArray(p) && p.length === 2) return [p[0]!, p[1]!];
      return raise('TypeError', 'not a valid non-string sequence or mapping object');
    });
  } else {
    return raise('TypeError', `not a valid non-string sequence or mapping object (got ${pyTypeName(params ?? null)})`);
  }
  const text = (v: Value) => (typeof v === 'string' ? v : pyStr(v));
  return entries.map(([k, v]) => `${quotePlus(text(k))}=${quotePlus(text(v))}`).join('&');
}

/** dict(urllib.parse.parse_qsl(query)): blank values are dropped, later keys win. */
export function parseQuery(query: string): MLObject {
  const out = new MLObject();
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (part === '' || eq < 0) continue;
    const value = part.slice(eq + 1);
    if (value === '') continue;
    const decode = (s: string) => unquote(s.replaceAll('+', ' '));
    out.map.set(decode(part.slice(0, eq)), decode(value));
  }
  return out;
}

export function createHttpModule(_ctx: ModuleContext): MLModule {
  return new ModuleBuilder('http')
    .fn('encodeURI', 1, 1, (t) => quote(strArg(t, 'text')))
    .fn('decodeURI', 1, 1, (t) => unquote(strArg(t, 'text')))
    .fn('encodeQuery', 1, 1, (p) => encodeQuery(p))
    .fn('parseQuery', 1, 1, (q) => parseQuery(absent(q) ? '' : strArg(q, 'query')))
    .build();
}
