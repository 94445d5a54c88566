// ISO 8601 text for the datetime module: Python's isoformat() output and the forms Python 3.11's
// datetime.fromisoformat() accepts (calendar and week dates, basic and extended times, offsets).
import { raise } from '../../ops.js';
import {
  US_PER_DAY,
  checkedDays,
  checkedTimeOfDay,
  civilFromDays,
  daysFromCivil,
  timeParts,
  weekdayOf,
} from './calendar.js';
import { offsetText } from './strftime.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** `YYYY-MM-DD` (the year always has four digits, as in Python). */
export function isoDate(days: number): string {
  const [y, m, d] = civilFromDays(days);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** `HH:MM:SS`, with `.ffffff` only when there are microseconds. */
export function isoTime(usOfDay: number): string {
  const [h, mi, s, us] = timeParts(usOfDay);
  return `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}${us !== 0 ? '.' + pad(us, 6) : ''}`;
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` for milliseconds since the epoch (what log records carry). */
export function isoUtcMillis(ms: number): string {
  const whole = Math.floor(ms);
  const days = Math.floor(whole / 86_400_000);
  const msOfDay = whole - days * 86_400_000;
  return `${isoDate(days)}T${isoTime(Math.floor(msOfDay / 1000) * 1_000_000)}.${pad(msOfDay % 1000, 3)}Z`;
}

/** `+HH:MM` (seconds only when present). */
export function isoOffset(offsetSeconds: number): string {
  return offsetText(offsetSeconds, true);
}

export interface ParsedIso {
  readonly days: number;
  readonly usOfDay: number;
  /** UTC offset in seconds, or null when the text has none. */
  readonly offsetSeconds: number | null;
}

const CALENDAR_EXTENDED = /^(\d{4})-(\d{2})-(\d{2})/;
const CALENDAR_BASIC = /^(\d{4})(\d{2})(\d{2})/;
const WEEK_EXTENDED = /^(\d{4})-W(\d{2})(?:-(\d))?/;
const WEEK_BASIC = /^(\d{4})W(\d{2})(\d)?/;
const TIME_EXTENDED = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/;
const TIME_BASIC = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?$/;

function invalid(text: string): never {
  return raise('ValueError', `Invalid isoformat string: '${text}'`);
}

/** Day number of an ISO week date, or null when the week or weekday does not exist. */
function weekDate(y: number, week: number, day: number): number | null {
  if (week < 1 || week > 53 || day < 1 || day > 7) return null;
  const jan4 = daysFromCivil(y, 1, 4);
  const days = jan4 - weekdayOf(jan4) + (week - 1) * 7 + (day - 1);
  if (week === 53 && civilFromDays(days - (day - 1) + 3)[0] !== y) return null;
  return days;
}

/** Parses the date part; returns the day number and how many characters it used. */
function parseDate(text: string): [number, number] {
  let m = CALENDAR_EXTENDED.exec(text) ?? CALENDAR_BASIC.exec(text);
  if (m !== null && !/^\d{4}W/.test(text)) return [checkedDays(+m[1]!, +m[2]!, +m[3]!), m[0].length];
  m = WEEK_EXTENDED.exec(text) ?? WEEK_BASIC.exec(text);
  if (m !== null) {
    const y = +m[1]!;
    checkedDays(y, 1, 1);
    const days = weekDate(y, +m[2]!, m[3] === undefined ? 1 : +m[3]);
    if (days === null) invalid(text);
    return [days, m[0].length];
  }
  return invalid(text);
}

/** Parses `HH[:MM[:SS[.f+]]]` or `HHMM[SS[.f+]]` into microseconds, or null if it does not fit. */
function parseClock(part: string): number | null {
  const m = TIME_EXTENDED.exec(part) ?? TIME_BASIC.exec(part);
  if (m === null) return null;
  const frac = m[4] === undefined ? 0 : Number(m[4].slice(0, 6).padEnd(6, '0'));
  return checkedTimeOfDay(+m[1]!, m[2] === undefined ? 0 : +m[2], m[3] === undefined ? 0 : +m[3], frac);
}

/** Python 3.11 datetime.fromisoformat(). */
export function parseIso(text: string): ParsedIso {
  const [days, used] = parseDate(text);
  if (used === text.length) return { days, usOfDay: 0, offsetSeconds: null };
  const rest = text.slice(used + 1);
  if (rest === '') invalid(text);
  const tzAt = rest.search(/[Zz+-]/);
  const clock = tzAt < 0 ? rest : rest.slice(0, tzAt);
  const usOfDay = parseClock(clock);
  if (usOfDay === null) return invalid(text);
  if (tzAt < 0) return { days, usOfDay, offsetSeconds: null };
  const tz = rest.slice(tzAt);
  if (tz === 'Z' || tz === 'z') return { days, usOfDay, offsetSeconds: 0 };
  const offsetUs = parseClock(tz.slice(1));
  if (offsetUs === null) return invalid(text);
  if (offsetUs >= US_PER_DAY) invalid(text);
  const seconds = offsetUs / 1e6;
  return { days, usOfDay, offsetSeconds: tz[0] === '-' ? -seconds : seconds };
}
