// Validation of the plain-data arguments a bridge receives from the isolate. The isolate is
// untrusted: every argument is checked for type and size here even though the runtime checks too.
import { BridgeError } from './types.js';

export function str(args: unknown[], i: number, fn: string, param: string): string {
  const v = args[i];
  if (typeof v !== 'string') throw new BridgeError('TypeError', `${fn}() argument '${param}' must be a string`);
  if (v.includes('\0')) throw new BridgeError('ValueError', `${fn}() argument '${param}' contains a NUL character`);
  return v;
}

export function optStr(args: unknown[], i: number, fn: string, param: string, fallback: string): string {
  const v = args[i];
  return v === undefined || v === null ? fallback : str(args, i, fn, param);
}

export function optNum(args: unknown[], i: number, fn: string, param: string, fallback: number): number {
  const v = args[i];
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v !== 'number' || Number.isNaN(v))
    throw new BridgeError('TypeError', `${fn}() argument '${param}' must be a number`);
  return v;
}

export function optBool(args: unknown[], i: number, fn: string, param: string, fallback: boolean): boolean {
  const v = args[i];
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new BridgeError('TypeError', `${fn}() argument '${param}' must be a boolean`);
  return v;
}

export function strList(args: unknown[], i: number, fn: string, param: string): string[] {
  const v = args[i];
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    throw new BridgeError('TypeError', `${fn}() argument '${param}' must be a list of strings`);
  }
  return v as string[];
}

/** Bytes as a Uint8Array or a list of integers 0..255. */
export function bytes(args: unknown[], i: number, fn: string, param: string): Buffer {
  const v = args[i];
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 255)) {
    return Buffer.from(v as number[]);
  }
  throw new BridgeError('TypeError', `${fn}() argument '${param}' must be bytes (a list of integers 0-255)`);
}

/** Plain string-keyed record of strings (headers, query parameters). */
export function optStrRecord(args: unknown[], i: number, fn: string, param: string): Record<string, string> {
  const v = args[i];
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v))
    throw new BridgeError('TypeError', `${fn}() argument '${param}' must be an object`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x !== 'string' && typeof x !== 'number' && typeof x !== 'boolean') {
      throw new BridgeError('TypeError', `${fn}() argument '${param}' must map names to strings`);
    }
    out[k] = String(x);
  }
  return out;
}

const ENCODINGS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  ascii: 'ascii',
  'us-ascii': 'ascii',
  'latin-1': 'latin1',
  latin1: 'latin1',
  'iso-8859-1': 'latin1',
  'utf-16le': 'utf16le',
  'utf-16-le': 'utf16le',
};

/** Python codec names the bridges accept, mapped to Node's. */
export function encoding(name: string, fn: string): BufferEncoding {
  const e = ENCODINGS[name.toLowerCase().replace(/_/g, '-')];
  if (e === undefined) throw new BridgeError('LookupError', `${fn}(): unknown encoding: ${name}`);
  return e;
}
