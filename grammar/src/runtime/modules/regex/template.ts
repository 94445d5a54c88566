// Python replacement templates for sub/subn/expand: `\1`, `\g<name>`, `\g<0>`, character escapes.
// Parsed once per call into literal text and group numbers; never evaluates anything else.
import { raise } from '../../ops.js';
import type { TranslatedPattern } from './translate.js';

/** Literal text and group numbers, in order. */
export type Template = readonly (string | number)[];

const ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isOctal = (c: string | undefined) => c !== undefined && c >= '0' && c <= '7';

function fail(message: string, at: number): never {
  return raise('ValueError', `${message} at position ${at}`);
}

/** Parses a template against a pattern's groups; bad templates raise ValueError like re.error. */
export function parseTemplate(template: string, info: TranslatedPattern): Template {
  const s = Array.from(template);
  const parts: (string | number)[] = [];
  let text = '';
  const group = (n: number, at: number) => {
    if (n > info.groups) fail(`invalid group reference ${n}`, at);
    if (text !== '') parts.push(text);
    text = '';
    parts.push(n);
  };
  for (let i = 0; i < s.length;) {
    const c = s[i]!;
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const start = i;
    const e = s[i + 1];
    i += 2;
    if (e === undefined) fail('bad escape (end of pattern)', start);
    if (e === 'g') {
      if (s[i] !== '<') fail('missing <', i);
      const close = s.indexOf('>', i + 1);
      if (close < 0) fail('missing >, unterminated name', i + 1);
      const name = s.slice(i + 1, close).join('');
      if (name === '') fail('missing group name', i + 1);
      let n: number | undefined;
      if (/^[0-9]+$/.test(name)) n = Number(name);
      else if (/^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*$/u.test(name)) {
        n = info.groupIndex.get(name);
        if (n === undefined) raise('IndexError', `unknown group name '${name}'`);
      } else {
        fail(`bad character in group name '${name}'`, i + 1);
      }
      group(n!, i + 1);
      i = close + 1;
    } else if (e === '0') {
      let digits = '';
      while (digits.length < 2 && isOctal(s[i])) digits += s[i++];
      text += String.fromCharCode(parseInt('0' + digits, 8) & 0xff);
    } else if (isDigit(e)) {
      let digits = e;
      if (isDigit(s[i])) {
        digits += s[i++];
        if (isOctal(digits[0]) && isOctal(digits[1]) && isOctal(s[i])) {
          digits += s[i++];
          const v = parseInt(digits, 8);
          if (v > 0o377) fail(`octal escape value \\${digits} outside of range 0-0o377`, start);
          text += String.fromCharCode(v);
          continue;
        }
      }
      group(Number(digits), start + 1);
    } else if (ESCAPES[e] !== undefined) {
      text += ESCAPES[e];
    } else if (/^[A-Za-z]$/.test(e)) {
      fail(`bad escape \\${e}`, start);
    } else {
      text += '\\' + e;
    }
  }
  if (text !== '') parts.push(text);
  return parts;
}

/** Fills a template; `groupText(n)` returns null for a group that did not take part (→ ''). */
export function fillTemplate(template: Template, groupText: (n: number) => string | null): string {
  let out = '';
  for (const p of template) out += typeof p === 'string' ? p : (groupText(p) ?? '');
  return out;
}
