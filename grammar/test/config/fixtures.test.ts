// mlpy.yaml fixtures: every diagnostic's code, severity and exact range (1-based line:column as an
// editor shows it, plus the text it covers) must match the `.expected.json` next to the fixture.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMlpyConfig, type Diagnostic } from '@mlsec/grammar';

const dir = new URL('./fixtures/', import.meta.url);
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

function summarize(text: string, d: Diagnostic): { code: string; severity: string; at: string; text: string } {
  const { start, end } = d.range;
  return {
    code: d.code,
    severity: d.severity,
    at: `${start.line + 1}:${start.column + 1}-${end.line + 1}:${end.column + 1}`,
    text: text.slice(start.offset, end.offset),
  };
}

describe('mlpy.yaml fixtures', () => {
  it('found the fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(8);
  });

  it.each(fixtures)('%s', (name) => {
    const text = readFileSync(new URL(name, dir), 'utf8');
    const expected = JSON.parse(
      readFileSync(new URL(name.replace(/\.yaml$/, '.expected.json'), dir), 'utf8'),
    ) as unknown;
    const { diagnostics } = parseMlpyConfig(text);
    for (const d of diagnostics) {
      expect(d.source).toBe('config');
      expect(d.code).toMatch(/^CFG\d{3}$/);
      expect(d.message.length).toBeGreaterThan(10);
    }
    expect(diagnostics.map((d) => summarize(text, d))).toEqual(expected);
  });
});
