// Regex module benchmarks: CPU time of an in-process `regex.findall` whose matches are almost all
// empty, so that nearly every position needs Python's retry after an empty match (a non-empty match
// may start where an empty one did). Python's engine is linear here; `ratio_40k_10k` is the time on
// 40k characters over the time on 10k (linear: ~4, quadratic: ~16). `x*` never needs the retry and
// is the same-process baseline (`vs_x_star_20k`: time of a pattern over that of `x*`, on 20k).
// `guarded_ref` is not about the retry: `(a)?b\1` on "abaaba..." has a backreference guard (a
// group that may not take part), whose marker captures the rest of the text at each group match;
// its ratio shows that cost. Median of RUNS timed calls (process CPU time, not wall clock). Uses
// built output.
import { createRegexModule } from '../grammar/out/runtime/modules/regex/module.js';

const RUNS = 9;
const SIZES = [10_000, 20_000, 40_000];
/** Patterns with a metric label. The text has no 'a', 'b' or 'x', so every match is empty. */
const PATTERNS = [
  ['a|', 'a_or_empty'],
  ['x*', 'x_star'],
  ['(?:b|)', 'b_or_empty_group'],
  ['a*?', 'lazy_a_star'],
];

const regex = createRegexModule({});
const findall = regex.members.get('findall');

function text(length) {
  const unit = 'cdefghijklmnopqrstuvwyz ';
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Median process CPU milliseconds of one findall returning `expected` items, after two warm-up calls. */
function medianCpuMs(pattern, subject, expected = subject.length + 1) {
  for (let i = 0; i < 2; i++) {
    const n = findall(pattern, subject).length;
    if (n !== expected) throw new Error(`findall ${pattern}: ${n} matches, expected ${expected}`);
  }
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.cpuUsage();
    findall(pattern, subject);
    const d = process.cpuUsage(t);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)];
}

export async function run(emit) {
  const byPattern = new Map();
  for (const [pattern, label] of PATTERNS) {
    const ms = SIZES.map((n) => medianCpuMs(pattern, text(n)));
    byPattern.set(label, ms);
    SIZES.forEach((n, i) => emit({ name: `regex.findall.${label}.${n / 1000}k`, unit: 'ms', value: ms[i] }));
    emit({ name: `regex.findall.${label}.ratio_40k_10k`, unit: 'ratio', value: ms[2] / ms[0] });
  }
  const guarded = SIZES.map((n) => medianCpuMs('(a)?b\\1', 'aba'.repeat(n / 10), n / 10));
  SIZES.forEach((n, i) =>
    emit({ name: `regex.findall.guarded_ref.${(3 * n) / 10000}k`, unit: 'ms', value: guarded[i] }),
  );
  emit({ name: 'regex.findall.guarded_ref.ratio_4x_text', unit: 'ratio', value: guarded[2] / guarded[0] });
  const baseline = byPattern.get('x_star')[1];
  for (const [label, ms] of byPattern) {
    if (label !== 'x_star')
      emit({ name: `regex.findall.${label}.vs_x_star_20k`, unit: 'ratio', value: ms[1] / baseline });
  }
}
