// Capability inference fixtures (grammar/test/fixtures/security/capabilities/*.ml): every use with its
// callee, location and enclosing function, the file's grouped needs, each function's direct and
// transitive needs, and declarations with the grant's verdict, compared with the .expected files.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalysisResult, Range } from '@mlsec/grammar';
import { expect, test } from 'vitest';
import { analyzeText } from './harness.js';

const dir = fileURLToPath(new URL('../fixtures/security/capabilities/', import.meta.url));
const update = process.env['MLSEC_UPDATE_FIXTURES'] === '1';
const at = (r: Range): string => `${r.start.line + 1}:${r.start.column + 1}`;
const verdict = (granted: boolean | undefined): string =>
  granted === undefined ? '' : granted ? ' granted' : ' NOT granted';

function render(result: AnalysisResult): string {
  const caps = result.capabilities;
  const lines: string[] = [];
  for (const u of caps.uses) {
    const where = u.functionName === null ? 'top level' : `in ${u.functionName}`;
    lines.push(
      `use ${at(u.range)} ${u.callee} ${u.capability}${u.concrete ? '' : ' (dynamic)'} ${where}${verdict(u.granted)}`,
    );
  }
  for (const g of caps.capabilities) {
    lines.push(
      `needs ${g.capability} <- ${g.uses.map((u) => `${u.file ? u.file.replace(/^\/workspace\//, '') + ':' : ''}${at(u.range)}`).join(', ')}`,
    );
  }
  for (const f of caps.functions) {
    lines.push(
      `function ${f.name} ${at(f.range)} direct [${f.direct.join(', ')}] transitive [${f.transitive.join(', ')}]`,
    );
  }
  for (const d of caps.declarations)
    lines.push(`declares ${d.declaration} ${d.capability} ${at(d.range)}${verdict(d.granted)}`);
  for (const f of result.findings) lines.push(`finding ${f.code} ${at(f.range)} ${f.capability ?? ''}`);
  return lines.join('\n') + '\n';
}

const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.ml'))
  .sort();

test('there are capability fixtures', () => {
  expect(cases.length).toBeGreaterThanOrEqual(10);
});

test.each(cases)('%s', (name) => {
  const text = readFileSync(dir + name, 'utf8');
  const actual = render(analyzeText(text));
  const expectedPath = dir + name.replace(/\.ml$/, '.expected');
  if (update) writeFileSync(expectedPath, actual);
  expect(existsSync(expectedPath)).toBe(true);
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
});
