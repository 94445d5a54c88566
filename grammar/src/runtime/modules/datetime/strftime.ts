// strftime for the datetime module, matching CPython on glibc in the C locale: Python's own %f,
// %z, %Z, plus glibc's conversions; unknown conversions are copied through unchanged.
import { civilFromDays, dayOfYear, isoWeek, timeParts, weekdayOf } from './calendar.js';

/** Everything a format code may need about one moment. */
export interface Moment {
  readonly days: number;
  readonly usOfDay: number;
  /** UTC offset in seconds, or null for a naive value. */
  readonly offsetSeconds: number | null;
  readonly tzName: string | null;
  /** Seconds since the epoch (naive values count as UTC). */
  readonly epochSeconds: number;
}

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number, width: number, fill = '0') => String(n).padStart(width, fill);

/** `+HHMM` (with `SS` and `.ffffff` only when present), Python's %z. */
export function offsetText(offsetSeconds: number, colon: boolean): string {
  const sign = offsetSeconds < 0 ? '-' : '+';
  const total = Math.abs(offsetSeconds);
  const whole = Math.floor(total);
  const h = Math.floor(whole / 3600);
  const m = Math.floor(whole / 60) % 60;
  const s = whole % 60;
  const sep = colon ? ':' : '';
  let out = `${sign}${pad(h, 2)}${sep}${pad(m, 2)}`;
  if (s !== 0 || total !== whole) out += `${sep}${pad(s, 2)}`;
  if (total !== whole) out += '.' + pad(Math.round((total - whole) * 1e6), 6);
  return out;
}

function conversion(c: string, t: Moment): string | null {
  const [y, mo, d] = civilFromDays(t.days);
  const [h, mi, s, us] = timeParts(t.usOfDay);
  const wd = weekdayOf(t.days);
  const h12 = h % 12 === 0 ? 12 : h % 12;
  switch (c) {
    case 'a':
      return DAY_NAMES[wd]!.slice(0, 3);
    case 'A':
      return DAY_NAMES[wd]!;
    case 'w':
      return String((wd + 1) % 7);
    case 'u':
      return String(wd + 1);
    case 'd':
      return pad(d, 2);
    case 'e':
      return pad(d, 2, ' ');
    case 'b':
    case 'h':
      return MONTH_NAMES[mo - 1]!.slice(0, 3);
    case 'B':
      return MONTH_NAMES[mo - 1]!;
    case 'm':
      return pad(mo, 2);
    case 'y':
      return pad(y % 100, 2);
    case 'Y':
      return String(y);
    case 'C':
      return String(Math.floor(y / 100));
    case 'H':
      return pad(h, 2);
    case 'k':
      return pad(h, 2, ' ');
    case 'I':
      return pad(h12, 2);
    case 'l':
      return pad(h12, 2, ' ');
    case 'p':
      return h < 12 ? 'AM' : 'PM';
    case 'P':
      return h < 12 ? 'am' : 'pm';
    case 'M':
      return pad(mi, 2);
    case 'S':
      return pad(s, 2);
    case 'f':
      return pad(us, 6);
    case 'z':
      return t.offsetSeconds === null ? '' : offsetText(t.offsetSeconds, false);
    case 'Z':
      return t.tzName ?? '';
    case 'j':
      return pad(dayOfYear(t.days), 3);
    case 'U':
      return pad(Math.floor((dayOfYear(t.days) - 1 - ((wd + 1) % 7) + 7) / 7), 2);
    case 'W':
      return pad(Math.floor((dayOfYear(t.days) - 1 - wd + 7) / 7), 2);
    case 'G':
      return String(isoWeek(t.days)[0]);
    case 'g':
      return pad(isoWeek(t.days)[0] % 100, 2);
    case 'V':
      return pad(isoWeek(t.days)[1], 2);
    case 'c':
      return `${conversion('a', t)} ${conversion('b', t)} ${pad(d, 2, ' ')} ${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${y}`;
    case 'x':
    case 'D':
      return `${pad(mo, 2)}/${pad(d, 2)}/${pad(y % 100, 2)}`;
    case 'X':
    case 'T':
      return `${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}`;
    case 'F':
      return `${y}-${pad(mo, 2)}-${pad(d, 2)}`;
    case 'R':
      return `${pad(h, 2)}:${pad(mi, 2)}`;
    case 'r':
      return `${pad(h12, 2)}:${pad(mi, 2)}:${pad(s, 2)} ${h < 12 ? 'AM' : 'PM'}`;
    case 's':
      return String(Math.floor(t.epochSeconds));
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case '%':
      return '%';
  }
  return null;
}

/** Formats a moment; a lone trailing `%` and unknown codes are kept as written. */
export function strftime(format: string, t: Moment): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const code = format[i + 1]!;
    const r = conversion(code, t);
    out += r ?? '%' + code;
    i++;
  }
  return out;
}
