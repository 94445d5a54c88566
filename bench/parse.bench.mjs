// Parser benchmarks: construction time of the shared parser and throughput of `parse()` (lex, parse,
// AST, diagnostics; the token list is materialised lazily and not read here) on the conformance
// programs concatenated and repeated past 1 MB. Median of 10 timed runs. Uses built output.
import { readFileSync, readdirSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { fileURLToPath } from 'node:url';
import { parse } from '@mlsec/grammar';

const conformance = fileURLToPath(new URL('../test/conformance/', import.meta.url));

function corpus(minBytes) {
  const files = readdirSync(conformance)
    .filter((f) => f.endsWith('.ml'))
    .sort();
  const one = files.map((f) => readFileSync(conformance + f, 'utf8')).join('\n');
  let text = one;
  while (text.length < minBytes) text += '\n' + one;
  return text;
}

export async function run(emit) {
  const t0 = performance.now();
  parse('');
  emit({ name: 'parser.construction', unit: 'ms', value: performance.now() - t0 });

  const text = corpus(1024 * 1024);
  const bytes = Buffer.byteLength(text, 'utf8');
  const check = parse(text);
  if (check.diagnostics.length > 0)
    throw new Error(`benchmark corpus has diagnostics: ${check.diagnostics[0].message}`);
  for (let i = 0; i < 3; i++) parse(text);
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t1 = performance.now();
    parse(text);
    times.push(performance.now() - t1);
  }
  times.sort((a, b) => a - b);
  const seconds = (times[4] + times[5]) / 2 / 1000;
  emit({ name: 'parse.throughput', unit: 'MB/s', value: bytes / (1024 * 1024) / seconds });
}
