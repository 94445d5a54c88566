// The string method whitelist (STDLIB.md "Methods on built-in values"), with Python semantics:
// code-point indexes, Python whitespace, half-open optional bounds. Pure; no other methods exist.
import type { Value } from './values.js';
import { raise } from './errors.js';
import { arity, argInt, argString, optInt, optString } from './args.js';
import { clampBounds, codePoints, cpIndex, cpLength, cpSlice, unitOffset } from './codepoints.js';
import { pyTypeName } from './text.js';

type StringMethod = (s: string, args: Value[]) => Value;

const WS = '\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const WS_RUN = new RegExp(`[${WS}]+`, 'u');
const LEADING_WS = new RegExp(`^[${WS}]+`, 'u');
const TRAILING_WS = new RegExp(`[${WS}]+$`, 'u');
const ALL_WS = new RegExp(`^[${WS}]+$`, 'u');
const LAST_WS_RUN = new RegExp(`[${WS}]+(?=[^${WS}]*$)`, 'u');

function stripChars(s: string, chars: string | null, left: boolean, right: boolean): string {
  if (chars === null) {
    let r = s;
    if (left) r = r.replace(LEADING_WS, '');
    if (right) r = r.replace(TRAILING_WS, '');
    return r;
  }
  const set = new Set(chars);
  const p = Array.from(s);
  let a = 0;
  let b = p.length;
  if (left) while (a < b && set.has(p[a]!)) a++;
  if (right) while (b > a && set.has(p[b - 1]!)) b--;
  return p.slice(a, b).join('');
}

/** Code-point range [start, end) of the optional bounds args[from], args[from+1]. */
function bounds(s: string, args: Value[], from: number, fn: string): [number, number] {
  return clampBounds(cpLength(s), optInt(args[from], fn, null), optInt(args[from + 1], fn, null));
}

function find(s: string, args: Value[], fn: string, reverse: boolean): number {
  arity(fn, args, 1, 3);
  const sub = argString(args[0], fn);
  const [a, b] = bounds(s, args, 1, fn);
  if (b - a < cpLength(sub)) return -1;
  const ua = unitOffset(s, a);
  const ub = unitOffset(s, b);
  const hay = s.slice(ua, ub);
  const i = reverse ? hay.lastIndexOf(sub) : hay.indexOf(sub);
  return i < 0 ? -1 : cpIndex(s, ua + i);
}

function count(s: string, args: Value[]): number {
  arity('count', args, 1, 3);
  const sub = argString(args[0], 'count');
  const [a, b] = bounds(s, args, 1, 'count');
  if (b < a) return 0;
  const hay = cpSlice(s, a, b);
  if (sub === '') return cpLength(hay) + 1;
  let n = 0;
  for (let i = hay.indexOf(sub); i >= 0; i = hay.indexOf(sub, i + sub.length)) n++;
  return n;
}

function replace(s: string, args: Value[]): string {
  arity('replace', args, 2, 3);
  const old = argString(args[0], 'replace');
  const rep = argString(args[1], 'replace');
  let max = optInt(args[2], 'replace', -1)!;
  if (max < 0) max = Infinity;
  if (old === '') {
    const p = Array.from(s);
    let out = '';
    let n = 0;
    for (let i = 0; i <= p.length; i++) {
      if (n < max) {
        out += rep;
        n++;
      }
      if (i < p.length) out += p[i];
    }
    return out;
  }
  let out = '';
  let pos = 0;
  let n = 0;
  while (n < max) {
    const i = s.indexOf(old, pos);
    if (i < 0) break;
    out += s.slice(pos, i) + rep;
    pos = i + old.length;
    n++;
  }
  return out + s.slice(pos);
}

function split(s: string, args: Value[], fn: string, fromRight: boolean): string[] {
  arity(fn, args, 0, 2);
  const sep = optString(args[0], fn);
  let max = optInt(args[1], fn, -1)!;
  if (max < 0) max = Infinity;
  if (sep === '') raise('ValueError', 'empty separator');
  if (sep === null) {
    const words: string[] = [];
    let rest = fromRight ? s.replace(TRAILING_WS, '') : s.replace(LEADING_WS, '');
    while (rest !== '') {
      if (words.length >= max) {
        words.push(rest);
        break;
      }
      if (fromRight) {
        const m = LAST_WS_RUN.exec(rest);
        if (!m) {
          words.push(rest);
          break;
        }
        words.push(rest.slice(m.index + m[0].length));
        rest = rest.slice(0, m.index);
      } else {
        const m = WS_RUN.exec(rest);
        if (!m) {
          words.push(rest);
          break;
        }
        words.push(rest.slice(0, m.index));
        rest = rest.slice(m.index + m[0].length);
      }
    }
    return fromRight ? words.reverse() : words;
  }
  const parts = s.split(sep);
  if (parts.length - 1 <= max) return parts;
  if (fromRight) {
    const keep = parts.length - max;
    return [parts.slice(0, keep).join(sep), ...parts.slice(keep)];
  }
  return [...parts.slice(0, max), parts.slice(max).join(sep)];
}

function join(sep: string, args: Value[]): string {
  arity('join', args, 1, 1);
  const items = args[0]!;
  let list: Value[];
  if (Array.isArray(items)) list = items;
  else if (typeof items === 'string') list = Array.from(items);
  else return raise('TypeError', 'can only join an iterable');
  for (let i = 0; i < list.length; i++) {
    if (typeof list[i] !== 'string') {
      raise('TypeError', `sequence item ${i}: expected str instance, ${pyTypeName(list[i]!)} found`);
    }
  }
  return list.join(sep);
}

function affix(s: string, args: Value[], fn: string, atEnd: boolean): boolean {
  arity(fn, args, 1, 3);
  const [a, b] = bounds(s, args, 1, fn);
  const hay = cpSlice(s, a, Math.max(a, b));
  const test = (p: Value): boolean => {
    const t = argString(p, fn);
    if (b < a) return false;
    return atEnd ? hay.endsWith(t) : hay.startsWith(t);
  };
  const what = args[0]!;
  return Array.isArray(what) ? what.some(test) : test(what);
}

function padTo(s: string, args: Value[], fn: string, where: 'l' | 'r' | 'c'): string {
  arity(fn, args, 1, 2);
  const width = argInt(args[0], fn);
  const fill = args[1] === undefined ? ' ' : argString(args[1], fn);
  if (cpLength(fill) !== 1) raise('TypeError', 'The fill character must be exactly one character long');
  const len = cpLength(s);
  const marg = width - len;
  if (marg <= 0) return s;
  if (where === 'l') return s + fill.repeat(marg);
  if (where === 'r') return fill.repeat(marg) + s;
  const left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + s + fill.repeat(marg - left);
}

const isUpperCh = (c: string): boolean => c !== c.toLowerCase() && c === c.toUpperCase();
const isLowerCh = (c: string): boolean => c !== c.toUpperCase() && c === c.toLowerCase();
const isCased = (c: string): boolean => c.toLowerCase() !== c.toUpperCase() || /\p{Lt}/u.test(c);

function caseTest(s: string, want: (c: string) => boolean, other: (c: string) => boolean): boolean {
  let cased = false;
  for (const c of s) {
    if (other(c)) return false;
    if (want(c)) cased = true;
  }
  return cased;
}

function title(s: string): string {
  let out = '';
  let prevCased = false;
  for (const c of s) {
    out += prevCased ? c.toLowerCase() : c.toUpperCase();
    prevCased = isCased(c);
  }
  return out;
}

function istitle(s: string): boolean {
  let prevCased = false;
  let any = false;
  for (const c of s) {
    if (isUpperCh(c) || /\p{Lt}/u.test(c)) {
      if (prevCased) return false;
      prevCased = true;
      any = true;
    } else if (isLowerCh(c)) {
      if (!prevCased) return false;
      prevCased = true;
      any = true;
    } else prevCased = false;
  }
  return any;
}

function noArgs(fn: string, f: (s: string) => Value): StringMethod {
  return (s, args) => {
    arity(fn, args, 0, 0);
    return f(s);
  };
}

function charTest(fn: string, re: RegExp): StringMethod {
  return noArgs(fn, (s) => s.length > 0 && re.test(s));
}

/** Method table: own keys only (null prototype), names exactly as in STDLIB.md. */
export const STRING_METHODS: Readonly<Record<string, StringMethod>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, StringMethod>, {
    upper: noArgs('upper', (s) => s.toUpperCase()),
    lower: noArgs('lower', (s) => s.toLowerCase()),
    strip: (s: string, a: Value[]) => (arity('strip', a, 0, 1), stripChars(s, optString(a[0], 'strip'), true, true)),
    lstrip: (s: string, a: Value[]) => (
      arity('lstrip', a, 0, 1),
      stripChars(s, optString(a[0], 'lstrip'), true, false)
    ),
    rstrip: (s: string, a: Value[]) => (
      arity('rstrip', a, 0, 1),
      stripChars(s, optString(a[0], 'rstrip'), false, true)
    ),
    replace,
    split: (s: string, a: Value[]) => split(s, a, 'split', false),
    rsplit: (s: string, a: Value[]) => split(s, a, 'rsplit', true),
    join,
    startswith: (s: string, a: Value[]) => affix(s, a, 'startswith', false),
    endswith: (s: string, a: Value[]) => affix(s, a, 'endswith', true),
    find: (s: string, a: Value[]) => find(s, a, 'find', false),
    rfind: (s: string, a: Value[]) => find(s, a, 'rfind', true),
    index: (s: string, a: Value[]) => {
      const i = find(s, a, 'index', false);
      return i < 0 ? raise('ValueError', 'substring not found') : i;
    },
    rindex: (s: string, a: Value[]) => {
      const i = find(s, a, 'rindex', true);
      return i < 0 ? raise('ValueError', 'substring not found') : i;
    },
    count,
    isdigit: charTest('isdigit', /^[\p{Nd}\u00b2\u00b3\u00b9]+$/u),
    isalpha: charTest('isalpha', /^\p{L}+$/u),
    isalnum: charTest('isalnum', /^[\p{L}\p{N}]+$/u),
    isspace: noArgs('isspace', (s) => ALL_WS.test(s)),
    istitle: noArgs('istitle', istitle),
    isupper: noArgs('isupper', (s) => caseTest(s, isUpperCh, isLowerCh)),
    islower: noArgs('islower', (s) => caseTest(s, isLowerCh, isUpperCh)),
    capitalize: noArgs('capitalize', (s) => {
      const p = codePoints(s) ?? s.split('');
      return p.length === 0 ? '' : p[0]!.toUpperCase() + p.slice(1).join('').toLowerCase();
    }),
    title: noArgs('title', title),
    swapcase: noArgs('swapcase', (s) => {
      let out = '';
      for (const c of s) out += isUpperCh(c) ? c.toLowerCase() : isLowerCh(c) ? c.toUpperCase() : c;
      return out;
    }),
    center: (s: string, a: Value[]) => padTo(s, a, 'center', 'c'),
    ljust: (s: string, a: Value[]) => padTo(s, a, 'ljust', 'l'),
    rjust: (s: string, a: Value[]) => padTo(s, a, 'rjust', 'r'),
  }),
);
