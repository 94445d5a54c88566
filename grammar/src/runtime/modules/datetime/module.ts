// The `datetime` module: constructors, ISO parsing, timestamps (UTC), calendar helpers and business
// days. The clock is read only through ctx.now(); everything else is pure calendar arithmetic.
import type { Value } from '../../values.js';
import { raise } from '../../ops.js';
import type { MLModule, ModuleContext } from '../types.js';
import { ModuleBuilder, absent, intArg, isFloatValue, num, pyTypeName, strArg } from '../util.js';
import {
  US_PER_DAY,
  checkedDays,
  checkedTimeOfDay,
  civilFromDays,
  daysInMonth,
  isLeapYear,
  weekdayOf,
  weekdaysIn,
} from './calendar.js';
import { createDelta, divmod, roundHalfEven } from './delta.js';
import { parseIso } from './iso.js';
import { DateTimeObject, asDateTime } from './moment.js';
import { DateObject, TimeObject, TimeZoneObject, UTC } from './parts.js';

const DAY = BigInt(US_PER_DAY);

/** Day number of a DateTimeObject or Date argument. */
function dayOf(v: Value | undefined, what: string): number {
  if (v instanceof DateTimeObject || v instanceof DateObject) return v.days;
  return raise('TypeError', `${what} must be a DateTimeObject or Date, not ${pyTypeName(v ?? null)}`);
}

function zoneArg(v: Value | undefined): TimeZoneObject | null {
  if (absent(v)) return null;
  if (v instanceof TimeZoneObject) return v;
  return raise('TypeError', `tzinfo argument must be None or of a tzinfo subclass, not type '${pyTypeName(v)}'`);
}

function monthArg(y: Value | undefined, m: Value | undefined): [number, number] {
  const year = intArg(y, 'year');
  const month = intArg(m, 'month');
  if (month < 1 || month > 12) raise('ValueError', `bad month number ${month}; must be 1-12`);
  return [year, month];
}

/** datetime.utcfromtimestamp(ts): microseconds rounded half to even, as Python does. */
function fromTimestamp(ts: Value | undefined): DateTimeObject {
  const t = num(ts, 'timestamp');
  if (!Number.isFinite(t)) raise('ValueError', 'cannot convert float infinity or NaN to a timestamp');
  if (Math.abs(t) > 1e14) raise('OverflowError', 'timestamp out of range for platform time_t');
  const whole = Math.trunc(t);
  const us = isFloatValue(ts ?? null) ? roundHalfEven((t - whole) * 1e6) : 0;
  return DateTimeObject.fromLocal(BigInt(whole) * 1_000_000n + BigInt(us), null);
}

/** Moves `n` business days (Monday–Friday) from a day, skipping weekends, like a day-by-day loop. */
function addBusinessDays(from: number, n: number): number {
  const step = n >= 0 ? 1 : -1;
  let left = Math.abs(n);
  let day = from;
  // Every 7 consecutive days hold exactly 5 weekdays, so whole weeks can be skipped at once.
  const weeks = Math.max(0, Math.floor((left - 1) / 5));
  day += step * weeks * 7;
  left -= weeks * 5;
  while (left > 0) {
    day += step;
    if (weekdayOf(day) < 5) left--;
  }
  return day;
}

export function createDatetimeModule(ctx: ModuleContext): MLModule {
  const nowUs = () => BigInt(Math.round(ctx.now())) * 1000n;
  const now = (tz: TimeZoneObject | null) =>
    DateTimeObject.fromLocal(nowUs() + BigInt(Math.round((tz?.offsetSeconds ?? 0) * 1e6)), tz);
  const b = new ModuleBuilder('datetime')
    .fn('now', 0, 1, (tz) => now(zoneArg(tz)))
    .fn('today', 0, 0, () => new DateObject(now(null).days))
    .fn(
      'createDate',
      3,
      3,
      (y, m, d) => new DateObject(checkedDays(intArg(y, 'year'), intArg(m, 'month'), intArg(d, 'day'))),
    )
    .fn('createTime', 0, 4, (h, mi, s, us) => {
      const i = (v: Value | undefined, what: string) => (absent(v) ? 0 : intArg(v, what));
      return new TimeObject(checkedTimeOfDay(i(h, 'hour'), i(mi, 'minute'), i(s, 'second'), i(us, 'microsecond')));
    })
    .fn('createDelta', 0, 4, (d, h, mi, s) => createDelta(d, h, mi, s))
    .fn('create', 3, 6, (y, mo, d, h, mi, s) => {
      const i = (v: Value | undefined, what: string) => (absent(v) ? 0 : intArg(v, what));
      const days = checkedDays(intArg(y, 'year'), intArg(mo, 'month'), intArg(d, 'day'));
      return new DateTimeObject(days, checkedTimeOfDay(i(h, 'hour'), i(mi, 'minute'), i(s, 'second'), 0), null);
    })
    .fn('fromTimestamp', 1, 1, (ts) => fromTimestamp(ts))
    .fn('daysInMonth', 2, 2, (y, m) => daysInMonth(...monthArg(y, m)))
    .fn('calculateAge', 1, 2, (birth, current) => {
      const [by, bm, bd] = civilFromDays(dayOf(birth, 'birth_date'));
      const [cy, cm, cd] = civilFromDays(absent(current) ? now(null).days : dayOf(current, 'current_date'));
      return cy - by - (cm < bm || (cm === bm && cd < bd) ? 1 : 0);
    })
    .fn('addBusinessDays', 2, 2, (dt, n) => {
      const days = addBusinessDays(dayOf(dt, 'dt_obj'), intArg(n, 'days'));
      return dt instanceof DateObject ? new DateObject(days) : asDateTime(dt).with(days, asDateTime(dt).usOfDay);
    })
    .fn('businessDaysBetween', 2, 2, (start, end) => {
      if (start instanceof DateObject && end instanceof DateObject)
        return weekdaysIn(start.days, end.days - start.days);
      const s = asDateTime(start);
      const span = asDateTime(end).minus(s).us;
      if (span <= 0n) return 0;
      const [whole, rest] = divmod(span, DAY);
      return weekdaysIn(s.days, Number(whole) + (rest > 0n ? 1 : 0));
    })
    .fn('isWeekend', 1, 1, (dt) => weekdayOf(dayOf(dt, 'dt_obj')) >= 5)
    .fn('isWeekday', 1, 1, (dt) => weekdayOf(dayOf(dt, 'dt_obj')) < 5)
    .fn('parseISO', 1, 1, (s) => {
      const p = parseIso(strArg(s, 'iso_string'));
      return new DateTimeObject(
        p.days,
        p.usOfDay,
        p.offsetSeconds === null ? null : new TimeZoneObject(p.offsetSeconds, null),
      );
    })
    .fn('isLeapYear', 1, 1, (y) => isLeapYear(intArg(y, 'year')))
    .fn('utc', 0, 0, () => UTC)
    .fn('createTimeZone', 1, 3, (h, m, name) => {
      const seconds = Number(createDelta(0, h, absent(m) ? 0 : m).us) / 1e6;
      const label = absent(name) || name === '' ? null : strArg(name, 'name');
      return new TimeZoneObject(seconds, label);
    });
  for (const [alias, name] of [
    ['from_timestamp', 'fromTimestamp'],
    ['days_in_month', 'daysInMonth'],
    ['calculate_age', 'calculateAge'],
    ['add_business_days', 'addBusinessDays'],
    ['business_days_between', 'businessDaysBetween'],
    ['is_weekend', 'isWeekend'],
    ['is_weekday', 'isWeekday'],
  ] as const) {
    b.alias(alias, name);
  }
  return b.build();
}
