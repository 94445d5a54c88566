// datetime module: construction, arithmetic, formatting (strftime codes), ISO parsing, timestamps,
// time zones and business days, with expected texts taken from CPython's datetime.
import { describe, expect, it } from 'vitest';
import type { Value } from '../../src/runtime/values.js';
import { createDatetimeModule } from '../../src/runtime/modules/datetime/module.js';
import { call, callMethod, outcome, pyRepr, testContext } from './context.js';

const dt = createDatetimeModule(testContext());
const m = (target: Value, name: string, ...args: Value[]) => callMethod(target, name, ...args);
const create = (...a: Value[]) => call(dt, 'create', ...a);
const delta = (...a: Value[]) => call(dt, 'createDelta', ...a);
const date = (...a: Value[]) => call(dt, 'createDate', ...a);
const iso = (v: Value) => m(v, 'toISOString');
const d = create(2024, 2, 28, 22, 30, 15);
const text = (v: Value) => (typeof v === 'string' ? v : pyRepr(v));

const cases: [string, () => Value, string][] = [
  [
    'isoformat and toString',
    () => [iso(d), m(d, 'toString'), m(d, 'to_string')].join(' '),
    '2024-02-28T22:30:15 2024-02-28T22:30:15 2024-02-28T22:30:15',
  ],
  [
    'fields',
    () => ['year', 'month', 'day', 'hour', 'minute', 'second', 'weekday'].map((f) => m(d, f)).join(' '),
    '2024 2 28 22 30 15 2',
  ],
  [
    'format',
    () => [m(d, 'format', '%Y-%m-%d'), m(d, 'format', '%d/%m/%y %H:%M'), m(d, 'format')].join('|'),
    '2024-02-28|28/02/24 22:30|2024-02-28 22:30:15',
  ],
  [
    'add days across leap day',
    () => [m(m(d, 'addDays', 1), 'format'), m(m(m(d, 'addDays', 1), 'addDays', 1), 'format', '%Y-%m-%d')].join('|'),
    '2024-02-29 22:30:15|2024-03-01',
  ],
  [
    'add hours/minutes/seconds',
    () => [iso(m(d, 'addHours', 2)), iso(m(d, 'addMinutes', -45)), iso(m(d, 'add_seconds', 3600))].join(' '),
    '2024-02-29T00:30:15 2024-02-28T21:45:15 2024-02-28T23:30:15',
  ],
  [
    'fractional amounts',
    () => [iso(m(d, 'addDays', 0.5)), iso(m(d, 'addSeconds', 0.25))].join(' '),
    '2024-02-29T10:30:15 2024-02-28T22:30:15.250000',
  ],
  [
    'delta parts',
    () => {
      const t = delta(1, 2, 30);
      return [m(t, 'days'), m(t, 'seconds'), m(t, 'totalSeconds'), m(t, 'totalMinutes'), m(t, 'totalHours')]
        .map(text)
        .join(' ');
    },
    '1 9000 95400.0 1590.0 26.5',
  ],
  [
    'add/subtract delta',
    () => [iso(m(d, 'add', delta(1, 2, 30))), iso(m(d, 'subtract', delta(1, 2, 30)))].join(' '),
    '2024-03-01T01:00:15 2024-02-27T20:00:15',
  ],
  [
    'diff',
    () => {
      const s = m(create(2024, 12, 25, 12), 'diff', create(2024, 1, 1));
      return [
        m(s, 'days'),
        m(s, 'seconds'),
        text(s),
        m(m(create(2024, 1, 1), 'diff', create(2024, 12, 25, 12)), 'isNegative'),
      ].join(' ');
    },
    '359 43200 359 days, 12:00:00 true',
  ],
  ['subtract a datetime', () => text(m(create(2024, 1, 2), 'subtract', create(2024, 1, 1, 12))), '12:00:00'],
  [
    'comparisons',
    () => {
      const a = create(2024, 1, 1);
      const b = create(2024, 12, 25, 12);
      return [
        m(a, 'isBefore', b),
        m(a, 'isAfter', b),
        m(a, 'isSame', create(2024, 1, 1, 0, 0, 0)),
        m(b, 'isSameDay', create(2024, 12, 25)),
      ].join(' ');
    },
    'true false true true',
  ],
  [
    'start/end helpers',
    () =>
      [
        iso(m(d, 'startOfDay')),
        m(m(d, 'endOfDay'), 'format'),
        iso(m(d, 'startOfMonth')),
        m(m(d, 'endOfMonth'), 'format'),
        iso(m(d, 'startOfYear')),
        m(m(d, 'endOfYear'), 'format', '%Y-%m-%d'),
      ].join('|'),
    '2024-02-28T00:00:00|2024-02-28 23:59:59|2024-02-01T00:00:00|2024-02-29 23:59:59|2024-01-01T00:00:00|2024-12-31',
  ],
  ['endOfDay keeps microseconds', () => iso(m(d, 'end_of_day')), '2024-02-28T23:59:59.999999'],
  [
    'Date',
    () => {
      const day = date(2023, 12, 30);
      return [
        iso(day),
        m(day, 'year'),
        m(day, 'month'),
        m(day, 'day'),
        m(day, 'weekday'),
        m(day, 'isWeekend'),
        iso(m(day, 'addDays', 3)),
        iso(m(day, 'subtractDays', 365)),
      ].join(' ');
    },
    '2023-12-30 2023 12 30 5 true 2024-01-02 2022-12-30',
  ],
  [
    'Date diff is an int',
    () => [m(date(2024, 3, 1), 'diff', date(2024, 2, 1)), m(date(2025, 1, 1), 'diff', date(2024, 1, 1))],
    '[29, 366]',
  ],
  ['date() and time()', () => [text(m(d, 'date')), text(m(d, 'time'))].join(' '), '2024-02-28 22:30:15'],
  [
    'daysInMonth',
    () => [call(dt, 'daysInMonth', 2024, 2), call(dt, 'daysInMonth', 2023, 2), call(dt, 'days_in_month', 2024, 4)],
    '[29, 28, 30]',
  ],
  ['daysInMonth bad month', () => call(dt, 'daysInMonth', 2024, 13), 'ValueError: bad month number 13; must be 1-12'],
  ['isLeapYear', () => [2024, 1900, 2000, 2023].map((y) => call(dt, 'isLeapYear', y)), '[True, False, True, False]'],
  [
    'weekend/weekday',
    () => [
      call(dt, 'isWeekend', create(2024, 6, 1)),
      call(dt, 'isWeekday', create(2024, 6, 3)),
      call(dt, 'is_weekend', date(2024, 6, 3)),
    ],
    '[True, True, False]',
  ],
  [
    'addBusinessDays',
    () =>
      [1, 5, 6, 10, 0, -1, -6]
        .map((n) => m(call(dt, 'addBusinessDays', create(2024, 6, 7), n), 'format', '%a %Y-%m-%d'))
        .join(', '),
    'Mon 2024-06-10, Fri 2024-06-14, Mon 2024-06-17, Fri 2024-06-21, Fri 2024-06-07, Thu 2024-06-06, Thu 2024-05-30',
  ],
  [
    'addBusinessDays from a weekend',
    () => iso(call(dt, 'add_business_days', create(2024, 6, 8, 9), 1)),
    '2024-06-10T09:00:00',
  ],
  [
    'businessDaysBetween',
    () => [
      call(dt, 'businessDaysBetween', create(2024, 6, 1), create(2024, 6, 30)),
      call(dt, 'businessDaysBetween', create(2024, 6, 3), create(2024, 6, 4, 12)),
      call(dt, 'business_days_between', create(2024, 6, 30), create(2024, 6, 1)),
      call(dt, 'businessDaysBetween', date(2024, 6, 3), date(2024, 6, 10)),
    ],
    '[20, 2, 0, 5]',
  ],
  [
    'calculateAge',
    () => [
      call(dt, 'calculateAge', create(1990, 7, 15), create(2024, 7, 14)),
      call(dt, 'calculate_age', create(1990, 7, 15), date(2024, 7, 15)),
      call(dt, 'calculateAge', date(2000, 3, 16)),
    ],
    '[33, 34, 23]',
  ],
  [
    'parseISO',
    () => m(call(dt, 'parseISO', '2021-05-06T07:08:09'), 'format', '%Y.%m.%d %H-%M-%S'),
    '2021.05.06 07-08-09',
  ],
  [
    'createTime',
    () => {
      const t = call(dt, 'createTime', 13, 5, 9);
      return [m(t, 'hour'), m(t, 'minute'), m(t, 'second'), text(t)].join(' ');
    },
    '13 5 9 13:05:09',
  ],
  [
    'delta arithmetic',
    () => {
      const w = delta(7);
      return [
        m(m(w, 'multiply', 2), 'days'),
        text(m(m(w, 'add', delta(0, 12)), 'totalDays')),
        m(m(m(w, 'subtract', delta(8)), 'abs'), 'days'),
      ].join(' ');
    },
    '14 7.5 1',
  ],
  [
    'delta str',
    () =>
      [
        delta(1, 2, 30),
        delta(0, 0, 0, -1),
        delta(7),
        delta(0, 0, 0, 1.5),
        delta(-2, 0, 0, 5),
        delta(1.5),
        delta(0, -1),
        delta(0, 0, 0.5),
      ]
        .map(text)
        .join(' | '),
    '1 day, 2:30:00 | -1 day, 23:59:59 | 7 days, 0:00:00 | 0:00:01.500000 | -2 days, 0:00:05 | 1 day, 12:00:00 | -1 day, 23:00:00 | 0:00:30',
  ],
  [
    'delta float rounding like Python',
    () =>
      [delta(0.1, 1.5, 0.333, 1.0000005), delta(0, 0, 0, 0.0000005), delta(0, 0, 0, 0.0000015)].map(text).join(' | '),
    '3:54:20.980001 | 0:00:00 | 0:00:00.000002',
  ],
  [
    'delta multiply by floats',
    () => [m(delta(0, 5.5), 'multiply', 1.5), m(delta(0, 0, 0, 7), 'multiply', 0.1)].map(text).join(' | '),
    '8:15:00 | 0:00:00.700000',
  ],
  ['delta range', () => delta(1e10), 'OverflowError: days=10000000000; must have magnitude <= 999999999'],
  [
    'strftime codes',
    () =>
      m(
        call(dt, 'parseISO', '2024-02-28T22:30:15.000123'),
        'format',
        '%a %A %w %d %b %B %m %y %Y %H %I %p %M %S %f %z %Z %j %U %W',
      ),
    'Wed Wednesday 3 28 Feb February 02 24 2024 22 10 PM 30 15 000123   059 08 09',
  ],
  [
    'glibc strftime codes',
    () =>
      m(
        call(dt, 'parseISO', '2024-02-28T22:30:15'),
        'format',
        '%c|%x|%X|%%|%G %V %u|%e|%D|%F|%T|%R|%r|%C|%g|%h|%k|%l|%P|%Q|%s|%',
      ),
    'Wed Feb 28 22:30:15 2024|02/28/24|22:30:15|%|2024 09 3|28|02/28/24|2024-02-28|22:30:15|22:30|10:30:15 PM|20|24|Feb|22|10|pm|%Q|1709159415|%',
  ],
  ['small years', () => m(create(5, 1, 1), 'format', '%Y %F %G %C %y'), '5 5-01-01 4 0 05'],
  [
    'time zones',
    () => {
      const tz = call(dt, 'createTimeZone', 5, 30);
      const a = call(dt, 'parseISO', '2024-03-10T12:00:00+05:30');
      const b = call(dt, 'parseISO', '2024-03-10T08:00:00Z');
      return [
        iso(a),
        m(a, 'format', '%z %Z'),
        text(m(a, 'diff', b)),
        text(tz),
        m(a, 'timestamp'),
        text(call(dt, 'utc')),
        text(call(dt, 'createTimeZone', -3, 0, 'BRT')),
      ]
        .map(text)
        .join(' | ');
    },
    '2024-03-10T12:00:00+05:30 | +0530 UTC+05:30 | -1 day, 22:30:00 | UTC+05:30 | 1710052200.0 | UTC | BRT',
  ],
  [
    'naive and aware do not mix',
    () => m(create(2024, 1, 1), 'isBefore', call(dt, 'parseISO', '2024-01-01T00:00:00Z')),
    "TypeError: can't compare offset-naive and offset-aware datetimes",
  ],
  [
    'fromTimestamp is UTC',
    () =>
      [
        call(dt, 'fromTimestamp', Number('1709159415.123456789')),
        call(dt, 'from_timestamp', 0),
        call(dt, 'fromTimestamp', -86400.5),
      ]
        .map(text)
        .join(' '),
    '2024-02-28T22:30:15.123457 1970-01-01T00:00:00 1969-12-30T23:59:59.500000',
  ],
  [
    'timestamp',
    () =>
      [m(create(2024, 1, 1), 'timestamp'), m(call(dt, 'parseISO', '2024-02-28T22:30:15.5'), 'timestamp')]
        .map(text)
        .join(' '),
    '1704067200.0 1709159415.5',
  ],
  [
    'now and today use the host clock',
    () =>
      [iso(call(dt, 'now')), text(call(dt, 'today')), iso(call(dt, 'now', call(dt, 'createTimeZone', -5)))].join(' '),
    '2024-03-15T12:34:56.789000 2024-03-15 2024-03-15T07:34:56.789000-05:00',
  ],
  [
    'parseISO forms',
    () =>
      [
        '2021-05-06',
        '2021-05-06 07:08',
        '2021-05-06T07',
        '2021-05-06T07:08:09.5',
        '2021-05-06T07:08:09.123456789',
        '2021-05-06T07:08:09-0300',
        '20210506T070809',
        '2021-W01-1',
        '2020-W53-7',
        '2021-05-06T07:08:09,5',
        '2021-05-06T0708',
      ]
        .map((s) => iso(call(dt, 'parseISO', s)))
        .join(' '),
    '2021-05-06T00:00:00 2021-05-06T07:08:00 2021-05-06T07:00:00 2021-05-06T07:08:09.500000 2021-05-06T07:08:09.123456 2021-05-06T07:08:09-03:00 2021-05-06T07:08:09 2021-01-04T00:00:00 2021-01-03T00:00:00 2021-05-06T07:08:09.500000 2021-05-06T07:08:00',
  ],
  ['parseISO bad month', () => call(dt, 'parseISO', '2021-13-01'), 'ValueError: month must be in 1..12'],
  ['parseISO bad hour', () => call(dt, 'parseISO', '2021-05-06T25:00'), 'ValueError: hour must be in 0..23'],
  ['parseISO garbage', () => call(dt, 'parseISO', 'nope'), "ValueError: Invalid isoformat string: 'nope'"],
  [
    'parseISO missing week 53',
    () => call(dt, 'parseISO', '2021-W53-1'),
    "ValueError: Invalid isoformat string: '2021-W53-1'",
  ],
  [
    'invalid dates',
    () => [date(2023, 2, 29), date(2023, 13, 1), call(dt, 'createTime', 24), create(10000, 1, 1)].map(String).join(),
    'ValueError: day is out of range for month',
  ],
  ['overflow', () => m(create(9999, 12, 31), 'addDays', 1), 'OverflowError: date value out of range'],
  [
    'float arguments rejected',
    () => create(2024.5, 1, 1),
    "TypeError: 'float' object cannot be interpreted as an integer",
  ],
  [
    '== and ordering via natives',
    () => {
      const a = create(2024, 1, 1) as unknown as { equals(o: unknown): boolean; compareTo(o: unknown): number };
      return [a.equals(create(2024, 1, 1)), a.compareTo(create(2023, 1, 1)) > 0];
    },
    '[True, True]',
  ],
];

describe('datetime module', () => {
  it.each(cases)('%s', (_name, f, expected) => {
    expect(outcome(f, text)).toBe(expected);
  });
});
