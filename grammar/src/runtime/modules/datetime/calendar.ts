// Proleptic Gregorian calendar arithmetic for the datetime module: days since 1970-01-01 ↔ year,
// month, day; weekdays; validation with Python's messages. Pure integer arithmetic, no Date object.
import { raise } from '../../ops.js';

export const US_PER_SECOND = 1_000_000;
export const US_PER_DAY = 86_400_000_000;
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1]!;
}

/** Days from 1970-01-01 to the given civil date (negative before 1970). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date `[year, month, day]` of a day number. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/** Python's weekday(): Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
export function weekdayOf(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** Day number of 1 January of year 1 and 31 December 9999: the range Python's datetime supports. */
export const MIN_DAYS = daysFromCivil(MIN_YEAR, 1, 1);
export const MAX_DAYS = daysFromCivil(MAX_YEAR, 12, 31);

/** Validates a civil date as Python's date() does and returns its day number. */
export function checkedDays(y: number, m: number, d: number): number {
  if (y < MIN_YEAR || y > MAX_YEAR) raise('ValueError', `year ${y} is out of range`);
  if (m < 1 || m > 12) raise('ValueError', 'month must be in 1..12');
  if (d < 1 || d > daysInMonth(y, m)) raise('ValueError', 'day is out of range for month');
  return daysFromCivil(y, m, d);
}

/** Validates a time of day as Python's time() does and returns microseconds since midnight. */
export function checkedTimeOfDay(h: number, mi: number, s: number, us: number): number {
  if (h < 0 || h > 23) raise('ValueError', 'hour must be in 0..23');
  if (mi < 0 || mi > 59) raise('ValueError', 'minute must be in 0..59');
  if (s < 0 || s > 59) raise('ValueError', 'second must be in 0..59');
  if (us < 0 || us > 999999) raise('ValueError', 'microsecond must be in 0..999999');
  return ((h * 60 + mi) * 60 + s) * US_PER_SECOND + us;
}

/** Raises Python's OverflowError when a day number leaves years 1..9999. */
export function checkDayRange(days: number): number {
  if (days < MIN_DAYS || days > MAX_DAYS) raise('OverflowError', 'date value out of range');
  return days;
}

/** Splits microseconds since midnight into hour, minute, second, microsecond. */
export function timeParts(usOfDay: number): [number, number, number, number] {
  const us = usOfDay % US_PER_SECOND;
  const secs = Math.floor(usOfDay / US_PER_SECOND);
  return [Math.floor(secs / 3600), Math.floor(secs / 60) % 60, secs % 60, us];
}

/** Day of the year, 1-based. */
export function dayOfYear(days: number): number {
  const [y] = civilFromDays(days);
  return days - daysFromCivil(y, 1, 1) + 1;
}

/** ISO 8601 week-numbering year, week and weekday (1 = Monday). */
export function isoWeek(days: number): [number, number, number] {
  const wd = weekdayOf(days);
  const thursday = days - wd + 3;
  const [isoYear] = civilFromDays(thursday);
  const week = Math.floor((thursday - daysFromCivil(isoYear, 1, 1)) / 7) + 1;
  return [isoYear, week, wd + 1];
}

/** Number of Monday–Friday days among `count` consecutive days starting at day `from`. */
export function weekdaysIn(from: number, count: number): number {
  if (count <= 0) return 0;
  const weeks = Math.floor(count / 7);
  let n = weeks * 5;
  const wd = weekdayOf(from);
  for (let i = 0; i < count % 7; i++) if ((wd + i) % 7 < 5) n++;
  return n;
}
