// Data for the Python-`re` → JavaScript-RegExp translator: flag values, the JavaScript text of
// Python's character classes and anchors, and how a single code point is written. No parsing here.

/** Python `re` flag values (re.IGNORECASE == 2, ...). */
export const FLAGS = {
  TEMPLATE: 1,
  IGNORECASE: 2,
  LOCALE: 4,
  MULTILINE: 8,
  DOTALL: 16,
  UNICODE: 32,
  VERBOSE: 64,
  ASCII: 256,
} as const;

/** Inline flag letters, as in `(?i)`. */
export const INLINE_FLAGS: Readonly<Record<string, number>> = {
  a: FLAGS.ASCII,
  i: FLAGS.IGNORECASE,
  L: FLAGS.LOCALE,
  m: FLAGS.MULTILINE,
  s: FLAGS.DOTALL,
  u: FLAGS.UNICODE,
  x: FLAGS.VERBOSE,
};

/** Names of the flags in the order Python's repr lists them. */
export const FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['TEMPLATE', FLAGS.TEMPLATE],
  ['IGNORECASE', FLAGS.IGNORECASE],
  ['LOCALE', FLAGS.LOCALE],
  ['MULTILINE', FLAGS.MULTILINE],
  ['DOTALL', FLAGS.DOTALL],
  ['UNICODE', FLAGS.UNICODE],
  ['VERBOSE', FLAGS.VERBOSE],
  ['ASCII', FLAGS.ASCII],
];

// Python's str.isspace() set: what `\s` matches in Unicode mode.
const UNICODE_SPACE =
  '\\t-\\r\\u{1c}-\\u{20}\\u{85}\\u{a0}\\u{1680}\\u{2000}-\\u{200a}\\u{2028}\\u{2029}\\u{202f}\\u{205f}\\u{3000}';

/** Bodies (without brackets) of Python's class escapes, for the JavaScript `v` flag. */
const CLASS_BODIES: Readonly<Record<'unicode' | 'ascii', Readonly<Record<'d' | 'w' | 's', string>>>> = {
  unicode: { d: '\\p{Nd}', w: '\\p{L}\\p{N}_', s: UNICODE_SPACE },
  ascii: { d: '0-9', w: 'A-Za-z0-9_', s: '\\t-\\r ' },
};

/** JavaScript for `\d \D \w \W \s \S` (usable both inside and outside a class with the `v` flag). */
export function classEscape(letter: string, ascii: boolean): string {
  const lower = letter.toLowerCase() as 'd' | 'w' | 's';
  const body = CLASS_BODIES[ascii ? 'ascii' : 'unicode'][lower];
  const negated = letter !== lower;
  return negated ? `[^${body}]` : `[${body}]`;
}

/** JavaScript for Python's `\b` / `\B` (word boundary by Python's definition of a word character). */
export function wordBoundary(negated: boolean, ascii: boolean): string {
  const w = classEscape('w', ascii);
  const at = `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))`;
  return negated ? `(?!${at})` : at;
}

/** Anchors. Python's `^`/`$` never treat `\r`, U+2028 or U+2029 as line ends, unlike JavaScript's. */
export const ANCHORS = {
  startOfText: '(?<![\\s\\S])',
  endOfText: '(?![\\s\\S])',
  startOfLine: '(?<![^\\n])',
  endOfLine: '(?![^\\n])',
  /** Python `$` without MULTILINE: the end, or just before a newline that ends the text. */
  endOrFinalNewline: '(?=\\n?(?![\\s\\S]))',
  anyChar: '[\\s\\S]',
  anyButNewline: '[^\\n]',
} as const;

/** One code point as JavaScript regex text valid anywhere under the `v` flag. */
export function literal(cp: number): string {
  if ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a)) {
    return String.fromCodePoint(cp);
  }
  return `\\u{${cp.toString(16)}}`;
}

/** Python's single-letter escapes that stand for one character. */
export const CHAR_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  f: 0x0c,
  n: 0x0a,
  r: 0x0d,
  t: 0x09,
  v: 0x0b,
  '\\': 0x5c,
};

export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isOctal = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '7';
export const isHex = (c: string | undefined): boolean => c !== undefined && /^[0-9a-fA-F]$/.test(c);
export const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
