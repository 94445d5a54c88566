// Parser benchmarks: construction time of the shared parser and parse throughput (lex + parse + AST
// + tokens) on the conformance programs concatenated and repeated past 1 MB. Uses built output.
import { readFileSync, readdirSync } from 'node:fs';
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
  const runs = 10;
  const t1 = performance.now();
  for (let i = 0; i < runs; i++) parse(text);
  const seconds = (performance.now() - t1) / 1000 / runs;
  emit({ name: 'parse.throughput', unit: 'MB/s', value: bytes / (1024 * 1024) / seconds });
}
