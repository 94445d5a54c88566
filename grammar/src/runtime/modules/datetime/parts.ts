// The small datetime classes: `Date` (a calendar day), `Time` (a time of day) and `TimeZone` (a
// fixed UTC offset, as Python's datetime.timezone). Immutable; arithmetic returns new objects.
import { MLNative, type NativeMethodTable, type Value } from '../../values.js';
import { raise } from '../../ops.js';
import { method, methodTable } from '../native.js';
import { pyTypeName } from '../util.js';
import { US_PER_DAY, checkDayRange, civilFromDays, timeParts, weekdayOf } from './calendar.js';
import { createDelta, divmod } from './delta.js';
import { isoDate, isoOffset, isoTime } from './iso.js';

export class TimeZoneObject extends MLNative {
  readonly typeName = 'TimeZone';
  readonly methods: NativeMethodTable = ZONE_METHODS;

  /** `offsetSeconds` east of UTC, strictly within ±24 h; `name` as given or Python's `UTC±HH:MM`. */
  constructor(
    readonly offsetSeconds: number,
    name: string | null,
  ) {
    super();
    if (Math.abs(offsetSeconds) >= 86400) {
      raise('ValueError', 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
    }
    this.name = name ?? (offsetSeconds === 0 ? 'UTC' : 'UTC' + isoOffset(offsetSeconds));
  }

  readonly name: string;

  override equals(other: MLNative): boolean {
    return other instanceof TimeZoneObject && other.offsetSeconds === this.offsetSeconds;
  }

  override toMLString(): string {
    return this.name;
  }
}

const ZONE_METHODS: NativeMethodTable = methodTable<TimeZoneObject>(
  'TimeZone',
  (v): v is TimeZoneObject => v instanceof TimeZoneObject,
  { toString: method(0, 0, (z: TimeZoneObject) => z.name) },
);

export const UTC = new TimeZoneObject(0, null);

export class DateObject extends MLNative {
  readonly typeName = 'Date';
  readonly methods: NativeMethodTable = DATE_METHODS;

  constructor(readonly days: number) {
    super();
    checkDayRange(days);
  }

  override equals(other: MLNative): boolean {
    return other instanceof DateObject && other.days === this.days;
  }

  override compareTo(other: MLNative): number {
    return this.days - asDate(other).days;
  }

  override toMLString(): string {
    return isoDate(this.days);
  }
}

export function asDate(v: unknown): DateObject {
  if (v instanceof DateObject) return v;
  return raise('TypeError', `expected a Date, not ${pyTypeName((v ?? null) as Value)}`);
}

/** Whole days of a timedelta built from `n` days (Python's date + timedelta ignores the rest). */
function dayShift(n: Value | undefined): number {
  const [days] = divmod(createDelta(n).us, BigInt(US_PER_DAY));
  return Number(days);
}

const DATE_METHODS: NativeMethodTable = methodTable<DateObject>(
  'Date',
  (v): v is DateObject => v instanceof DateObject,
  {
    year: method(0, 0, (d) => civilFromDays(d.days)[0]),
    month: method(0, 0, (d) => civilFromDays(d.days)[1]),
    day: method(0, 0, (d) => civilFromDays(d.days)[2]),
    weekday: method(0, 0, (d) => weekdayOf(d.days)),
    isWeekend: method(0, 0, (d) => weekdayOf(d.days) >= 5),
    toISOString: method(0, 0, (d) => isoDate(d.days)),
    addDays: method(1, 1, (d, n) => new DateObject(d.days + dayShift(n))),
    subtractDays: method(1, 1, (d, n) => new DateObject(d.days - dayShift(n))),
    diff: method(1, 1, (d, o) => d.days - asDate(o).days),
    toString: method(0, 0, (d: DateObject) => isoDate(d.days)),
  },
);

export class TimeObject extends MLNative {
  readonly typeName = 'Time';
  readonly methods: NativeMethodTable = TIME_METHODS;

  constructor(readonly usOfDay: number) {
    super();
  }

  override equals(other: MLNative): boolean {
    return other instanceof TimeObject && other.usOfDay === this.usOfDay;
  }

  override compareTo(other: MLNative): number {
    if (!(other instanceof TimeObject)) return raise('TypeError', 'expected a Time');
    return this.usOfDay - other.usOfDay;
  }

  override toMLString(): string {
    return isoTime(this.usOfDay);
  }
}

const TIME_METHODS: NativeMethodTable = methodTable<TimeObject>(
  'Time',
  (v): v is TimeObject => v instanceof TimeObject,
  {
    hour: method(0, 0, (t) => timeParts(t.usOfDay)[0]),
    minute: method(0, 0, (t) => timeParts(t.usOfDay)[1]),
    second: method(0, 0, (t) => timeParts(t.usOfDay)[2]),
    toString: method(0, 0, (t: TimeObject) => isoTime(t.usOfDay)),
  },
);
