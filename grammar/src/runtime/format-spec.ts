// `format(value, spec)`: Python's format-spec mini-language
// [[fill]align][sign][z][#][0][width][grouping][.precision][type] for ints, floats and strings. Pure.
import { MLFloat, type Value } from './values.js';
import { raise } from './errors.js';
import { formatFloat } from './float-repr.js';
import { significant, toExponentDigits, toFixedDigits } from './decimal.js';
import { bigToFloat } from './numbers.js';
import { pyStr, pyTypeName } from './text.js';

interface Spec {
  fill: string;
  align: string;
  sign: string;
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | null;
  type: string;
}

const SPEC_RE = /^(?:([\s\S])?([<>=^]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/u;

function parseSpec(text: string): Spec {
  const m = SPEC_RE.exec(text);
  if (!m) return raise('ValueError', 'Invalid format specifier');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: m[2] ?? (m[6] ? '=' : ''),
    sign: m[3] ?? '-',
    z: m[4] !== undefined,
    alt: m[5] !== undefined,
    zero: m[6] !== undefined,
    width: m[7] ? Number(m[7]) : 0,
    grouping: m[8] ?? '',
    precision: m[9] !== undefined ? Number(m[9]) : null,
    type: m[10] ?? '',
  };
}

/** Inserts `sep` every `every` digits from the right of a digit string. */
function group(digits: string, sep: string, every: number): string {
  if (!sep) return digits;
  let out = '';
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out = digits[i] + out;
    if (++n % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

/** Pads `sign + prefix + body` to the spec's width with its alignment (default `defAlign`). */
function pad(spec: Spec, sign: string, body: string, defAlign: string): string {
  const len = [...sign].length + [...body].length;
  const missing = spec.width - len;
  if (missing <= 0) return sign + body;
  const align = spec.align || defAlign;
  const fill = spec.fill.repeat(missing);
  switch (align) {
    case '<':
      return sign + body + fill;
    case '^': {
      const left = Math.floor(missing / 2);
      return spec.fill.repeat(left) + sign + body + spec.fill.repeat(missing - left);
    }
    case '=':
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}

function signOf(negative: boolean, spec: Spec): string {
  if (negative) return '-';
  return spec.sign === '+' ? '+' : spec.sign === ' ' ? ' ' : '';
}

function formatInt(v: bigint, spec: Spec): string {
  const t = spec.type || 'd';
  if ('eEfFgGn%'.includes(t) && t !== 'n') return formatFloatSpec(bigToFloat(v), spec);
  if (spec.precision !== null) raise('ValueError', 'Precision not allowed in integer format specifier');
  const neg = v < 0n;
  const abs = neg ? -v : v;
  let body: string;
  let prefix = '';
  switch (t) {
    case 'b':
      body = group(abs.toString(2), spec.grouping === '_' ? '_' : '', 4);
      prefix = spec.alt ? '0b' : '';
      break;
    case 'o':
      body = group(abs.toString(8), spec.grouping === '_' ? '_' : '', 4);
      prefix = spec.alt ? '0o' : '';
      break;
    case 'x':
    case 'X':
      body = group(abs.toString(16), spec.grouping === '_' ? '_' : '', 4);
      if (t === 'X') body = body.toUpperCase();
      prefix = spec.alt ? (t === 'X' ? '0X' : '0x') : '';
      break;
    case 'c':
      if (abs > 0x10ffffn || neg) raise('OverflowError', '%c arg not in range(0x110000)');
      return pad(spec, '', String.fromCodePoint(Number(v)), '<');
    case 'd':
    case 'n':
      body = group(abs.toString(), spec.grouping, 3);
      break;
    default:
      return raise('ValueError', `Unknown format code '${t}' for object of type 'int'`);
  }
  return pad(spec, signOf(neg, spec) + prefix, body, '>');
}

function formatFloatSpec(x: number, spec: Spec): string {
  const t = spec.type;
  let neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
    if (t === 'E' || t === 'F' || t === 'G') body = body.toUpperCase();
    if (t === '%') body += '%';
    neg = x < 0;
    return pad(spec, signOf(neg, spec), body, '>');
  }
  const p = spec.precision;
  switch (t) {
    case 'f':
    case 'F':
      body = toFixedDigits(a, p ?? 6);
      break;
    case '%':
      body = toFixedDigits(a * 100, p ?? 6) + '%';
      break;
    case 'e':
    case 'E':
      body = toExponentDigits(a, p ?? 6);
      if (t === 'E') body = body.toUpperCase();
      break;
    case 'g':
    case 'G':
    case 'n':
      body = generalFormat(a, p === null ? 6 : Math.max(p, 1), spec.alt);
      if (t === 'G') body = body.toUpperCase();
      break;
    case '':
      body = p === null ? formatFloat(a) : generalFormat(a, Math.max(p, 1), spec.alt, true);
      break;
    default:
      return raise('ValueError', `Unknown format code '${t}' for object of type 'float'`);
  }
  if (spec.alt && !body.includes('.') && /^\d+$/.test(body.replace(/e.*$/, '').replace('%', ''))) {
    body = body.replace(/^(\d+)/, '$1.');
  }
  if (spec.z && neg && /^[0.]*(e.*)?%?$/.test(body.replace(/[eE][+-]\d+$/, ''))) neg = false;
  if (spec.grouping) {
    const m = /^(\d+)(.*)$/s.exec(body);
    if (m) body = group(m[1]!, spec.grouping, 3) + m[2];
  }
  return pad(spec, signOf(neg, spec), body, '>');
}

/** The `g` presentation: fixed or exponent form depending on the exponent, trailing zeros removed. */
function generalFormat(a: number, prec: number, alt: boolean, noType = false): string {
  if (a === 0) return alt ? '0.' + '0'.repeat(prec - 1) : noType ? '0.0' : '0';
  const { exp } = significant(a, prec);
  let s: string;
  if (exp >= -4 && exp < prec) s = toFixedDigits(a, prec - 1 - exp);
  else s = toExponentDigits(a, prec - 1);
  if (!alt) {
    s = s.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
    if (noType && !s.includes('.') && !s.includes('e')) s += '.0';
  }
  return s;
}

/** `format(value, spec)`. */
export function formatValue(value: Value, specText: string): string {
  if (specText === '') return pyStr(value);
  const spec = parseSpec(specText);
  if (typeof value === 'boolean' && spec.type === '') return pad(spec, '', pyStr(value), '<');
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') {
    if (typeof value === 'number' && !Number.isInteger(value)) return formatFloatSpec(value, spec);
    const big = typeof value === 'boolean' ? (value ? 1n : 0n) : BigInt(value);
    return formatInt(big, spec);
  }
  if (value instanceof MLFloat) return formatFloatSpec(value.value, spec);
  if (typeof value === 'string') {
    if (spec.type !== '' && spec.type !== 's')
      raise('ValueError', `Unknown format code '${spec.type}' for object of type 'str'`);
    if (spec.sign !== '-' || spec.align === '=') raise('ValueError', 'Sign not allowed in string format specifier');
    const s = spec.precision !== null ? [...value].slice(0, spec.precision).join('') : value;
    return pad(spec, '', s, '<');
  }
  if (spec.type !== '') raise('TypeError', `unsupported format string passed to ${pyTypeName(value)}.__format__`);
  return pad(spec, '', pyStr(value), '<');
}
