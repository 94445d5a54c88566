// Parser benchmarks. Cold: fresh `node --no-node-snapshot` processes that import the grammar, construct
// the parser and parse examples/hello.ml twice (what a one-shot `mlsec run` pays on first use; medians
// of COLD_RUNS processes). Warm: throughput on the conformance programs concatenated and repeated past
// 1 MB of: parse + AST + name resolution (`parse.throughput`, the figure the target of 10 MB/s
// applies to), and parse alone (lex, parse, AST, diagnostics; the token list is materialised lazily and
// not read). Median of 15 timed runs each. Uses built output.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { parse, resolve } from '@mlsec/grammar';

const conformance = fileURLToPath(new URL('../test/conformance/', import.meta.url));
const RUNS = 15;
const COLD_RUNS = 11;

/**
 * One fresh process: milliseconds to import the grammar, to construct the shared parser, and of the
 * first and the second parse of hello.ml (the first builds the lookahead functions it needs).
 */
const COLD_CHILD = `
const t0 = performance.now();
const grammar = await import('@mlsec/grammar');
const { sharedParser } = await import(new URL('grammar/out/syntax/api.js', 'file://' + process.cwd() + '/').href);
const source = (await import('node:fs')).readFileSync('examples/hello.ml', 'utf8');
const t1 = performance.now();
sharedParser();
const t2 = performance.now();
const first = grammar.parse(source);
const t3 = performance.now();
grammar.parse(source);
const t4 = performance.now();
if (first.diagnostics.length > 0) throw new Error('hello.ml has diagnostics: ' + first.diagnostics[0].message);
process.stdout.write(JSON.stringify({ importMs: t1 - t0, constructMs: t2 - t1, firstMs: t3 - t2, secondMs: t4 - t3 }));
`;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function coldRuns() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const runs = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, ['--no-node-snapshot', '--input-type=module', '-e', COLD_CHILD], {
      cwd: root,
      encoding: 'utf8',
    });
    runs.push(JSON.parse(out));
  }
  return runs;
}

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
  const cold = coldRuns();
  const construct = median(cold.map((r) => r.constructMs));
  const firstParse = median(cold.map((r) => r.constructMs + r.firstMs));
  const secondParse = median(cold.map((r) => r.secondMs));
  emit({ name: 'parser.construction', unit: 'ms', value: construct });
  emit({ name: 'parse.cold.import', unit: 'ms', value: median(cold.map((r) => r.importMs)) });
  emit({ name: 'parse.cold.first_parse_hello', unit: 'ms', value: firstParse });
  emit({ name: 'parse.cold.second_parse_hello', unit: 'ms', value: secondParse });
  emit({ name: 'parse.cold.first_to_second_ratio', unit: 'ratio', value: firstParse / secondParse });

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
