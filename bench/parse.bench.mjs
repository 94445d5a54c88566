// Parser benchmarks: construction time of the shared parser, and throughput on the conformance programs
// concatenated and repeated past 1 MB of: parse + AST + name resolution (`parse.throughput`, the figure
// the target of 10 MB/s applies to), and parse alone (lex, parse, AST, diagnostics; the token
// list is materialised lazily and not read). Median of 15 timed runs each. Uses built output.
import { readFileSync, readdirSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { parse, resolve } from '@mlsec/grammar';

const conformance = fileURLToPath(new URL('../test/conformance/', import.meta.url));
const RUNS = 15;

function corpus(minBytes) {
  const files = readdirSync(conformance)
    .filter((f) => f.endsWith('.ml'))
    .sort();
  const one = files.map((f) => readFileSync(conformance + f, 'utf8')).join('\n');
  let text = one;
  while (text.length < minBytes) text += '\n' + one;
  return text;
}

/** Median duration in seconds of `RUNS` calls of `fn`, after three warm-up calls. */
function medianSeconds(fn) {
  for (let i = 0; i < 3; i++) fn();
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(RUNS / 2)] / 1000;
}

export async function run(emit) {
  const t0 = performance.now();
  parse('');
  emit({ name: 'parser.construction', unit: 'ms', value: performance.now() - t0 });

  const text = corpus(1024 * 1024);
  const megabytes = Buffer.byteLength(text, 'utf8') / (1024 * 1024);
  const check = parse(text);
  if (check.diagnostics.length > 0)
    throw new Error(`benchmark corpus has diagnostics: ${check.diagnostics[0].message}`);
  const resolved = resolve(check.program);
  if (resolved.diagnostics.some((d) => d.severity === 'error'))
    throw new Error(`benchmark corpus has name errors: ${resolved.diagnostics[0].message}`);

  const withResolve = medianSeconds(() => resolve(parse(text).program));
  emit({ name: 'parse.throughput', unit: 'MB/s', value: megabytes / withResolve });
  const parseOnly = medianSeconds(() => parse(text));
  emit({ name: 'parse.parse_only.throughput', unit: 'MB/s', value: megabytes / parseOnly });
}
