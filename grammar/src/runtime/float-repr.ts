// Python's repr() of a float: shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16,
// exponent notation (`1e+20`, `1e-05`) otherwise, `inf`/`nan`. Pure string work, no I/O.

/** Shortest round-trip decimal digits of a finite non-zero |x| and its decimal exponent. */
export function shortestDigits(x: number): { digits: string; exp: number } {
  // toExponential() without an argument yields the shortest digits that round-trip.
  const s = Math.abs(x).toExponential();
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e).replace('.', '');
  return { digits: mantissa, exp: Number(s.slice(e + 1)) };
}

/** Python `repr(float)`. */
export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const { digits, exp } = shortestDigits(x);
  if (exp >= 16 || exp < -4) {
    const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const es = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${sign}${mant}e${exp < 0 ? '-' : '+'}${es}`;
  }
  return sign + placeDecimalPoint(digits, exp, true);
}

/**
 * Writes digits d1d2d3... (value 0.d1d2d3 × 10^(exp+1)) in fixed notation. With `forceFraction`
 * an integral result gets `.0` (Python float repr); otherwise it has no fractional part.
 */
export function placeDecimalPoint(digits: string, exp: number, forceFraction: boolean): string {
  const intLen = exp + 1;
  if (intLen <= 0) return `0.${'0'.repeat(-intLen)}${digits}`;
  if (intLen >= digits.length) {
    const whole = digits + '0'.repeat(intLen - digits.length);
    return forceFraction ? `${whole}.0` : whole;
  }
  return `${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}
