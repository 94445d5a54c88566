// The ML `TimeDelta` class: a duration held as exact microseconds, built and printed exactly as
// Python's datetime.timedelta (constructor rounding, str() form, multiplication by floats).
import { MLNative, type NativeMethodTable, type Value } from '../../values.js';
import { makeFloat, makeInt, raise } from '../../ops.js';
import { intTrueDivide } from '../../numbers.js';
import { method, methodTable } from '../native.js';
import { isIntLike, num, pyTypeName } from '../util.js';
import { US_PER_DAY } from './calendar.js';

const DAY = BigInt(US_PER_DAY);
const SECOND = 1_000_000n;
const MAX_DAYS = 999_999_999n;

/** Floor division and modulo of bigints (Python's divmod). */
export function divmod(a: bigint, b: bigint): [bigint, bigint] {
  const q = a / b;
  const r = a % b;
  return r !== 0n && r < 0n !== b < 0n ? [q - 1n, r + b] : [q, r];
}

/** Python's round() of a float to an integer: ties to even. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  return diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

export class TimeDeltaObject extends MLNative {
  readonly typeName = 'TimeDelta';
  readonly methods: NativeMethodTable = DELTA_METHODS;

  constructor(readonly us: bigint) {
    super();
    const [days] = divmod(us, DAY);
    if (days > MAX_DAYS || days < -MAX_DAYS) {
      raise('OverflowError', `days=${days}; must have magnitude <= 999999999`);
    }
  }

  /** Python's (days, seconds, microseconds) normal form: only days may be negative. */
  parts(): [number, number, number] {
    const [days, rest] = divmod(this.us, DAY);
    const [secs, micro] = divmod(rest, SECOND);
    return [Number(days), Number(secs), Number(micro)];
  }

  totalSeconds(): number {
    return intTrueDivide(makeInt(this.us), 1_000_000);
  }

  override equals(other: MLNative): boolean {
    return other instanceof TimeDeltaObject && other.us === this.us;
  }

  override compareTo(other: MLNative): number {
    const o = asDelta(other);
    return this.us < o.us ? -1 : this.us > o.us ? 1 : 0;
  }

  /** Python's str(timedelta): `1 day, 2:30:00`, `-1 day, 23:59:59`, `0:00:01.500000`. */
  override toMLString(): string {
    const [days, secs, micro] = this.parts();
    const hms = `${Math.floor(secs / 3600)}:${pad2(Math.floor(secs / 60) % 60)}:${pad2(secs % 60)}`;
    const frac = micro !== 0 ? '.' + String(micro).padStart(6, '0') : '';
    const dayText = days !== 0 ? `${days} day${Math.abs(days) === 1 ? '' : 's'}, ` : '';
    return dayText + hms + frac;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export function asDelta(v: unknown): TimeDeltaObject {
  if (v instanceof TimeDeltaObject) return v;
  return raise('TypeError', `expected a TimeDelta, not ${pyTypeName((v ?? null) as Value)}`);
}

/**
 * CPython's delta_new: each argument is added as exact microseconds; the fractional microseconds of
 * float arguments are summed separately and rounded half to even once at the end.
 */
function accumulate(parts: readonly (readonly [Value | undefined, bigint, string])[]): bigint {
  let x = 0n;
  let leftover = 0;
  for (const [v, factor, what] of parts) {
    if (v === undefined || v === null) continue;
    if (isIntLike(v)) {
      x += (typeof v === 'bigint' ? v : BigInt(Number(v))) * factor;
      continue;
    }
    const d = num(v, what);
    if (!Number.isFinite(d))
      raise(Number.isNaN(d) ? 'ValueError' : 'OverflowError', `cannot convert float ${d} to integer`);
    const whole = Math.trunc(d);
    x += BigInt(whole) * factor;
    const frac = d - whole;
    if (frac === 0) continue;
    const scaled = Number(factor) * frac;
    const scaledWhole = Math.trunc(scaled);
    x += BigInt(scaledWhole);
    leftover += scaled - scaledWhole;
  }
  if (leftover !== 0) {
    let whole = Math.round(leftover);
    if (Math.abs(whole - leftover) === 0.5) {
      const odd = x % 2n !== 0n ? 1 : 0;
      whole = 2 * Math.round((leftover + odd) * 0.5) - odd;
    } else {
      whole = Math.sign(leftover) * Math.round(Math.abs(leftover));
    }
    x += BigInt(whole);
  }
  return x;
}

/** datetime.createDelta(days, hours, minutes, seconds) → timedelta(days=…, hours=…, …). */
export function createDelta(days?: Value, hours?: Value, minutes?: Value, seconds?: Value): TimeDeltaObject {
  return new TimeDeltaObject(
    accumulate([
      [seconds, SECOND, 'seconds'],
      [minutes, 60n * SECOND, 'minutes'],
      [hours, 3600n * SECOND, 'hours'],
      [days, DAY, 'days'],
    ]),
  );
}

/** The exact ratio a/b of a finite float. */
function floatRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) raise('ValueError', 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) raise('OverflowError', 'cannot convert Infinity to integer ratio');
  let m = x;
  let e = 0n;
  while (!Number.isInteger(m)) {
    m *= 2;
    e++;
  }
  return [BigInt(m), 2n ** e];
}

/** Integer division rounding half to even (Python's _divide_and_round). */
function divideAndRound(a: bigint, b: bigint): bigint {
  const [q, r] = divmod(a, b);
  const twice = 2n * r;
  const greater = b > 0n ? twice > b : twice < b;
  if (greater || (twice === b && q % 2n !== 0n)) return q + 1n;
  return q;
}

export function multiplyDelta(td: TimeDeltaObject, factor: Value | undefined): TimeDeltaObject {
  if (isIntLike(factor)) {
    const f = typeof factor === 'bigint' ? factor : BigInt(Number(factor));
    return new TimeDeltaObject(td.us * f);
  }
  const [a, b] = floatRatio(num(factor, 'factor'));
  return new TimeDeltaObject(divideAndRound(td.us * a, b));
}

const isDelta = (v: unknown): v is TimeDeltaObject => v instanceof TimeDeltaObject;

const DELTA_METHODS: NativeMethodTable = methodTable<TimeDeltaObject>('TimeDelta', isDelta, {
  days: method(0, 0, (t) => t.parts()[0]),
  seconds: method(0, 0, (t) => t.parts()[1]),
  totalSeconds: method(0, 0, (t) => makeFloat(t.totalSeconds())),
  totalMinutes: method(0, 0, (t) => makeFloat(t.totalSeconds() / 60)),
  totalHours: method(0, 0, (t) => makeFloat(t.totalSeconds() / 3600)),
  totalDays: method(0, 0, (t) => makeFloat(t.totalSeconds() / 86400)),
  add: method(1, 1, (t, o) => new TimeDeltaObject(t.us + asDelta(o).us)),
  subtract: method(1, 1, (t, o) => new TimeDeltaObject(t.us - asDelta(o).us)),
  multiply: method(1, 1, (t, f) => multiplyDelta(t, f)),
  isNegative: method(0, 0, (t) => t.us < 0n),
  abs: method(0, 0, (t) => new TimeDeltaObject(t.us < 0n ? -t.us : t.us)),
  toString: method(0, 0, (t: TimeDeltaObject) => t.toMLString()),
});
