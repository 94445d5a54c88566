import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { format, parse } from '@mlsec/grammar';
test('gen', () => {
  const d = '/work/main/grammar/test/format/fixtures/';
  for (const f of readdirSync(d).filter((f) => f.endsWith('.input.ml'))) {
    const src = readFileSync(d + f, 'utf8');
    const out = format(src);
    if (out === null) { console.log(f, 'NULL', parse(src).diagnostics.map((x) => x.code + ' ' + (x.range.start.line+1) + ' ' + x.message)); continue; }
    writeFileSync(d + f.replace('.input.ml', '.expected.ml'), out);
  }
});
