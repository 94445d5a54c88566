// Exact decimal expansion of doubles and round-half-even on that exact value: the basis of
// `round(x, n)` and of the `f`/`e`/`g`/`%` format types (JS toFixed rounds ties upward). Pure.

/** A non-negative decimal: value = 0.DIGITS × 10^point (digits without leading zeros; "" is zero). */
export interface Decimal {
  digits: string;
  point: number;
}

const view = new DataView(new ArrayBuffer(8));

/** The exact decimal value of |x| for a finite double. */
export function exactDecimal(x: number): Decimal {
  if (x === 0) return { digits: '', point: 0 };
  view.setFloat64(0, Math.abs(x));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074;
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let digits: string;
  let point: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    point = digits.length;
  } else {
    digits = (mant * 5n ** BigInt(-exp)).toString();
    point = digits.length + exp;
  }
  const stripped = digits.replace(/0+$/, '');
  return { digits: stripped, point };
}

/**
 * Rounds half-to-even so that `keep` significant positions remain, counted from the decimal
 * point's reference: `keep = point + f` keeps f digits after the point. Result digits are padded
 * to exactly max(keep, 0) characters (trailing zeros kept) unless the value rounds to zero.
 */
export function roundDecimal(d: Decimal, keep: number): Decimal {
  const { digits, point } = d;
  if (keep >= digits.length) return { digits: digits + '0'.repeat(Math.max(0, keep - digits.length)), point };
  if (keep < 0) return { digits: '', point };
  const next = digits.charCodeAt(keep) - 48;
  const restNonZero = /[1-9]/.test(digits.slice(keep + 1));
  const lastKept = keep > 0 ? digits.charCodeAt(keep - 1) - 48 : 0;
  const up = next > 5 || (next === 5 && (restNonZero || lastKept % 2 === 1));
  let kept = digits.slice(0, keep);
  let newPoint = point;
  if (up) {
    const inc = increment(kept);
    // 99.9 → 100: the carry adds a leading digit and moves the point one place right.
    if (inc.length > kept.length) newPoint += 1;
    kept = inc;
  }
  if (!/[1-9]/.test(kept)) return { digits: '', point: newPoint };
  return { digits: kept, point: newPoint };
}

/** Adds one unit in the last place of a digit string ("" + 1 = "1"). */
function increment(s: string): string {
  const chars = s.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === '9') {
      chars[i] = '0';
      i--;
    } else {
      chars[i] = String.fromCharCode(chars[i]!.charCodeAt(0) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}

/** Fixed notation with exactly `frac` digits after the point ("%.{frac}f" of |x|, no sign). */
export function toFixedDigits(x: number, frac: number): string {
  const d = exactDecimal(x);
  const r = roundDecimal(d, d.point + frac);
  const digits = r.digits;
  const point = r.digits === '' ? 0 : r.point;
  // Materialise: integer part and exactly `frac` fraction digits.
  let intPart: string;
  let fracPart: string;
  if (point <= 0) {
    intPart = '0';
    fracPart = ('0'.repeat(-point) + digits).padEnd(frac, '0').slice(0, frac);
  } else {
    intPart = digits.slice(0, point).padEnd(point, '0');
    fracPart = digits.slice(point).padEnd(frac, '0').slice(0, frac);
  }
  intPart = intPart.replace(/^0+(?=\d)/, '');
  return frac > 0 ? `${intPart}.${fracPart}` : intPart;
}

/** Scientific notation with `prec` digits after the point ("%.{prec}e" of |x|, no sign). */
export function toExponentDigits(x: number, prec: number): string {
  const { mantissa, exp } = significant(x, prec + 1);
  const m = prec > 0 ? `${mantissa[0]}.${mantissa.slice(1)}` : mantissa;
  return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** |x| rounded to `n` significant digits: the digit string (length n) and the decimal exponent. */
export function significant(x: number, n: number): { mantissa: string; exp: number } {
  if (x === 0) return { mantissa: '0'.repeat(n), exp: 0 };
  const d = exactDecimal(x);
  const r = roundDecimal(d, n);
  return { mantissa: r.digits.padEnd(n, '0').slice(0, n), exp: r.point - 1 };
}

/** Python `round(x, ndigits)` for a float: half-even on the exact binary value, back to a double. */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 330) return x;
  const d = exactDecimal(x);
  const r = roundDecimal(d, d.point + ndigits);
  if (r.digits === '') return x < 0 ? -0 : 0;
  const v = Number(`0.${r.digits}e${r.point}`);
  return x < 0 ? -v : v;
}
