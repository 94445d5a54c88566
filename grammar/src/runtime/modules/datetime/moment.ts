// The ML `DateTimeObject` class: a calendar day plus time of day, naive or with a fixed-offset
// TimeZone, with Python datetime arithmetic and the reference's helper methods (addDays, endOfMonth…).
import { MLNative, type NativeMethodTable, type Value } from '../../values.js';
import { makeFloat, raise } from '../../ops.js';
import { intTrueDivide } from '../../numbers.js';
import { method, methodTable, type MethodDef } from '../native.js';
import { absent, pyTypeName, strArg } from '../util.js';
import {
  US_PER_DAY,
  checkDayRange,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  timeParts,
  weekdayOf,
} from './calendar.js';
import { TimeDeltaObject, asDelta, createDelta, divmod } from './delta.js';
import { isoDate, isoOffset, isoTime } from './iso.js';
import { DateObject, TimeObject, type TimeZoneObject } from './parts.js';
import { strftime } from './strftime.js';

const DAY = BigInt(US_PER_DAY);
const END_OF_DAY = US_PER_DAY - 1;

export class DateTimeObject extends MLNative {
  readonly typeName = 'DateTimeObject';
  readonly methods: NativeMethodTable = DATETIME_METHODS;

  /** `days` since 1970-01-01 and microseconds since midnight, in the zone's local time. */
  constructor(
    readonly days: number,
    readonly usOfDay: number,
    readonly tz: TimeZoneObject | null,
  ) {
    super();
    checkDayRange(days);
  }

  /** A value `us` microseconds (local time) after 1970-01-01T00:00. */
  static fromLocal(us: bigint, tz: TimeZoneObject | null): DateTimeObject {
    const [days, rest] = divmod(us, DAY);
    if (days > 3_000_000n || days < -3_000_000n) raise('OverflowError', 'date value out of range');
    return new DateTimeObject(Number(days), Number(rest), tz);
  }

  get localUs(): bigint {
    return BigInt(this.days) * DAY + BigInt(this.usOfDay);
  }

  /** Microseconds since the epoch in UTC (a naive value counts as UTC). */
  get utcUs(): bigint {
    return this.localUs - BigInt(Math.round((this.tz?.offsetSeconds ?? 0) * 1e6));
  }

  with(days: number, usOfDay: number): DateTimeObject {
    return new DateTimeObject(days, usOfDay, this.tz);
  }

  plus(us: bigint): DateTimeObject {
    return DateTimeObject.fromLocal(this.localUs + us, this.tz);
  }

  /** Python refuses to mix naive and aware values in comparisons and subtraction. */
  private sameKind(other: DateTimeObject, what: string): void {
    if ((this.tz === null) !== (other.tz === null))
      raise('TypeError', `can't ${what} offset-naive and offset-aware datetimes`);
  }

  minus(other: DateTimeObject): TimeDeltaObject {
    this.sameKind(other, 'subtract');
    return new TimeDeltaObject(this.utcUs - other.utcUs);
  }

  override equals(other: MLNative): boolean {
    return other instanceof DateTimeObject && (this.tz === null) === (other.tz === null) && other.utcUs === this.utcUs;
  }

  override compareTo(other: MLNative): number {
    const o = asDateTime(other);
    this.sameKind(o, 'compare');
    return this.utcUs < o.utcUs ? -1 : this.utcUs > o.utcUs ? 1 : 0;
  }

  isoformat(): string {
    const offset = this.tz === null ? '' : isoOffset(this.tz.offsetSeconds);
    return `${isoDate(this.days)}T${isoTime(this.usOfDay)}${offset}`;
  }

  timestamp(): number {
    return intTrueDivide(this.utcUs, 1_000_000);
  }

  format(fmt: string): string {
    return strftime(fmt, {
      days: this.days,
      usOfDay: this.usOfDay,
      offsetSeconds: this.tz?.offsetSeconds ?? null,
      tzName: this.tz?.name ?? null,
      epochSeconds: this.timestamp(),
    });
  }

  override toMLString(): string {
    return this.isoformat();
  }
}

export function asDateTime(v: unknown): DateTimeObject {
  if (v instanceof DateTimeObject) return v;
  return raise('TypeError', `expected a DateTimeObject, not ${pyTypeName((v ?? null) as Value)}`);
}

/** Microseconds of a duration given in some unit (float amounts allowed, as with timedelta). */
function amount(v: Value | undefined, unit: 'days' | 'hours' | 'minutes' | 'seconds'): bigint {
  const args: (Value | undefined)[] = [undefined, undefined, undefined, undefined];
  args[['days', 'hours', 'minutes', 'seconds'].indexOf(unit)] = v ?? 0;
  return createDelta(...args).us;
}

type Def = MethodDef<DateTimeObject>;

const civil = (t: DateTimeObject) => civilFromDays(t.days);
const clock = (t: DateTimeObject) => timeParts(t.usOfDay);

const startOfMonth = (t: DateTimeObject) => {
  const [y, m] = civil(t);
  return t.with(daysFromCivil(y, m, 1), 0);
};
const endOfMonth = (t: DateTimeObject) => {
  const [y, m] = civil(t);
  return t.with(daysFromCivil(y, m, daysInMonth(y, m)), END_OF_DAY);
};

const DEFS: Record<string, Def> = {
  timestamp: method(0, 0, (t) => makeFloat(t.timestamp())),
  year: method(0, 0, (t) => civil(t)[0]),
  month: method(0, 0, (t) => civil(t)[1]),
  day: method(0, 0, (t) => civil(t)[2]),
  hour: method(0, 0, (t) => clock(t)[0]),
  minute: method(0, 0, (t) => clock(t)[1]),
  second: method(0, 0, (t) => clock(t)[2]),
  weekday: method(0, 0, (t) => weekdayOf(t.days)),
  addDays: method(1, 1, (t, n) => t.plus(amount(n, 'days'))),
  addHours: method(1, 1, (t, n) => t.plus(amount(n, 'hours'))),
  addMinutes: method(1, 1, (t, n) => t.plus(amount(n, 'minutes'))),
  addSeconds: method(1, 1, (t, n) => t.plus(amount(n, 'seconds'))),
  startOfDay: method(0, 0, (t) => t.with(t.days, 0)),
  endOfDay: method(0, 0, (t) => t.with(t.days, END_OF_DAY)),
  startOfMonth: method(0, 0, startOfMonth),
  endOfMonth: method(0, 0, endOfMonth),
  startOfYear: method(0, 0, (t) => t.with(daysFromCivil(civil(t)[0], 1, 1), 0)),
  endOfYear: method(0, 0, (t) => t.with(daysFromCivil(civil(t)[0], 12, 31), END_OF_DAY)),
  isSameDay: method(1, 1, (t, o) => {
    const other = o instanceof DateObject ? o.days : asDateTime(o).days;
    return t.days === other;
  }),
  format: method(0, 1, (t, f) => t.format(absent(f) ? '%Y-%m-%d %H:%M:%S' : strArg(f, 'format_str'))),
  toString: method(0, 0, (t: DateTimeObject) => t.isoformat()),
  toISOString: method(0, 0, (t) => t.isoformat()),
  date: method(0, 0, (t) => new DateObject(t.days)),
  time: method(0, 0, (t) => new TimeObject(t.usOfDay)),
  diff: method(1, 1, (t, o) => t.minus(asDateTime(o))),
  add: method(1, 1, (t, d) => t.plus(asDelta(d).us)),
  subtract: method(1, 1, (t, x) => (x instanceof DateTimeObject ? t.minus(x) : t.plus(-asDelta(x).us))),
  isBefore: method(1, 1, (t, o) => t.compareTo(asDateTime(o)) < 0),
  isAfter: method(1, 1, (t, o) => t.compareTo(asDateTime(o)) > 0),
  isSame: method(1, 1, (t, o) => t.equals(asDateTime(o))),
};

const SNAKE: Readonly<Record<string, string>> = {
  add_days: 'addDays',
  add_hours: 'addHours',
  add_minutes: 'addMinutes',
  add_seconds: 'addSeconds',
  start_of_day: 'startOfDay',
  end_of_day: 'endOfDay',
  start_of_month: 'startOfMonth',
  end_of_month: 'endOfMonth',
  start_of_year: 'startOfYear',
  end_of_year: 'endOfYear',
  is_same_day: 'isSameDay',
  to_string: 'toString',
};
for (const [alias, name] of Object.entries(SNAKE)) DEFS[alias] = DEFS[name]!;

const DATETIME_METHODS: NativeMethodTable = methodTable<DateTimeObject>(
  'DateTimeObject',
  (v): v is DateTimeObject => v instanceof DateTimeObject,
  DEFS,
);
