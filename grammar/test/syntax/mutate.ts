// Seeded mutation of ML sources for the fuzz and fast-path equivalence tests: token deletion,
// insertion and swaps, truncation, random characters and duplicated slices. Deterministic per seed.
import { parse } from '../../src/syntax/api.js';

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ';',
  ':',
  '.',
  '?',
  '=',
  '==',
  '===',
  '=>',
  '+',
  '-',
  '*',
  '/',
  '//',
  '%',
  '**',
  '!',
  '&&',
  '||',
  '<',
  '>=',
  '+=',
  '++',
  '--',
  'if',
  'elif',
  'else',
  'while',
  'for',
  'in',
  'function',
  'fn',
  'return',
  'throw',
  'try',
  'except',
  'finally',
  'break',
  'continue',
  'nonlocal',
  'import',
  'capability',
  'allow',
  'resource',
  'read',
  'as',
  'true',
  'false',
  'null',
  'x',
  'let',
  'new',
  'catch',
  '0',
  '-1',
  '3.5e2',
  '.5',
  '"s"',
  "'t",
  '"',
  '\\',
  '/*',
  '*/',
  '// c\n',
  '\n',
  '@',
  '&',
  '`',
  'é',
  '\u0000',
  '\r',
  '\t',
];

export type Rand = () => number;
export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export function tokenSpans(source: string): [number, number][] {
  return parse(source).tokens.map((t) => [t.range.start.offset, t.range.end.offset]);
}

export function mutate(r: Rand, source: string, spans: [number, number][]): string {
  const at = () => Math.floor(r() * (source.length + 1));
  if (spans.length === 0) return source + pick(r, SNIPPETS);
  switch (Math.floor(r() * 7)) {
    case 0: {
      const [s, e] = pick(r, spans);
      return source.slice(0, s) + source.slice(e);
    }
    case 1: {
      const [s] = pick(r, spans);
      return source.slice(0, s) + pick(r, SNIPPETS) + ' ' + source.slice(s);
    }
    case 2: {
      const i = Math.floor(r() * Math.max(1, spans.length - 1));
      const a = spans[i];
      const b = spans[i + 1];
      if (!a || !b) return source;
      return (
        source.slice(0, a[0]) +
        source.slice(b[0], b[1]) +
        source.slice(a[1], b[0]) +
        source.slice(a[0], a[1]) +
        source.slice(b[1])
      );
    }
    case 3:
      return source.slice(0, at());
    case 4: {
      const p = at();
      let bytes = '';
      const n = 1 + Math.floor(r() * 4);
      for (let i = 0; i < n; i++) bytes += String.fromCharCode(Math.floor(r() * 0x3000));
      return source.slice(0, p) + bytes + source.slice(p);
    }
    case 5: {
      const s = at();
      const e = Math.min(source.length, s + Math.floor(r() * 40));
      const p = at();
      return source.slice(0, p) + source.slice(s, e) + source.slice(p);
    }
    default: {
      const p = at();
      return source.slice(0, p) + pick(r, SNIPPETS) + source.slice(p);
    }
  }
}
