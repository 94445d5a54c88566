// Data-driven rule fixtures (grammar/test/fixtures/security/<rule>/{flagged,lookalike}/*.ml): each
// flagged program must get its folder's rule, each look-alike must not, and every result must equal
// the .expected file beside it (exact rule ids and ranges). MLSEC_UPDATE_FIXTURES=1 rewrites them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULE_IDS } from '@mlsec/grammar';
import { describe, expect, test } from 'vitest';
import { analyzeText, render } from './harness.js';

const root = fileURLToPath(new URL('../fixtures/security/', import.meta.url));
const update = process.env['MLSEC_UPDATE_FIXTURES'] === '1';

function programs(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.ml'))
        .sort()
    : [];
}

function checkExpected(path: string, actual: string): void {
  const expectedPath = path.replace(/\.ml$/, '.expected');
  if (update) writeFileSync(expectedPath, actual);
  expect(existsSync(expectedPath), `missing ${expectedPath}`).toBe(true);
  expect(actual).toBe(readFileSync(expectedPath, 'utf8'));
}

describe.each(RULE_IDS)('%s', (rule) => {
  const flagged = programs(`${root}${rule}/flagged`);
  const lookalikes = programs(`${root}${rule}/lookalike`);

  test('has at least three flagged fixtures and three look-alikes', () => {
    expect(flagged.length).toBeGreaterThanOrEqual(3);
    expect(lookalikes.length).toBeGreaterThanOrEqual(3);
  });

  test.each(flagged)('flags %s', (name) => {
    const path = `${root}${rule}/flagged/${name}`;
    const text = readFileSync(path, 'utf8');
    const result = analyzeText(text);
    expect(result.findings.map((f) => f.code)).toContain(rule);
    checkExpected(path, render(text, result));
  });

  test.each(lookalikes)('does not flag %s', (name) => {
    const path = `${root}${rule}/lookalike/${name}`;
    const text = readFileSync(path, 'utf8');
    const result = analyzeText(text);
    expect([...result.findings, ...result.suppressed].filter((f) => f.code === rule)).toEqual([]);
    checkExpected(path, render(text, result));
  });
});

describe.each(['suppress', 'levels'])('%s cases', (folder) => {
  test.each(programs(`${root}${folder}/cases`))('%s', (name) => {
    const path = `${root}${folder}/cases/${name}`;
    const text = readFileSync(path, 'utf8');
    checkExpected(path, render(text, analyzeText(text)));
  });
});
