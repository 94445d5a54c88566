// Malformed-input suite: one mistake per fixture in test/fixtures/malformed/<name>.ml, expected
// diagnostics (code, message, range, and the text each quick fix produces) in <name>.diagnostics.json.
// UPDATE_SNAPSHOTS=1 rewrites the snapshots; review each change by eye before committing.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Diagnostic, TextEdit } from '../../src/diagnostics.js';
import { parse } from '../../src/syntax/api.js';
import { MALFORMED_DIR } from './helpers.js';

const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const fixtures = readdirSync(MALFORMED_DIR)
  .filter((f) => f.endsWith('.ml'))
  .sort()
  .map((f) => f.slice(0, -3));

function applyEdits(source: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.range.start.offset - a.range.start.offset);
  let out = source;
  for (const e of sorted) out = out.slice(0, e.range.start.offset) + e.newText + out.slice(e.range.end.offset);
  return out;
}

function snapshotOf(source: string, d: Diagnostic) {
  const { start, end } = d.range;
  return {
    code: d.code,
    message: d.message,
    range: { start: { line: start.line, column: start.column }, end: { line: end.line, column: end.column } },
    text: source.slice(start.offset, end.offset),
    ...(d.fixes ? { fixes: d.fixes.map((f) => ({ title: f.title, result: applyEdits(source, f.edits) })) } : {}),
  };
}

describe('malformed inputs', () => {
  test('the suite has at least 40 fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
  });

  test.each(fixtures)('%s', (name) => {
    const source = readFileSync(`${MALFORMED_DIR}${name}.ml`, 'utf8');
    const result = parse(source);
    const actual = result.diagnostics.map((d) => snapshotOf(source, d));
    const file = `${MALFORMED_DIR}${name}.diagnostics.json`;
    if (UPDATE) writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    expect(existsSync(file), `missing snapshot ${file} (run with UPDATE_SNAPSHOTS=1)`).toBe(true);
    expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
    expect(actual.length).toBeGreaterThan(0);
    for (const d of result.diagnostics) {
      expect(d.code).not.toBe('ML299');
      expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
      expect(d.range.end.offset).toBeLessThanOrEqual(source.length);
    }
  });

  test('five independent mistakes give exactly five diagnostics, one per line of the mistake', () => {
    const source = readFileSync(`${MALFORMED_DIR}five-independent-mistakes.ml`, 'utf8');
    const lines = parse(source).diagnostics.map((d) => [d.code, d.range.start.line + 1]);
    expect(lines).toEqual([
      ['ML201', 1],
      ['ML204', 2],
      ['ML211', 3],
      ['ML209', 6],
      ['ML210', 9],
    ]);
  });

  test('seven mistakes spread over two functions give seven diagnostics on their own lines', () => {
    const source = readFileSync(`${MALFORMED_DIR}seven-mistakes-in-functions.ml`, 'utf8');
    const lines = parse(source).diagnostics.map((d) => [d.code, d.range.start.line + 1]);
    expect(lines).toEqual([
      ['ML200', 2],
      ['ML202', 3],
      ['ML201', 5],
      ['ML201', 7],
      ['ML208', 10],
      ['ML209', 11],
      ['ML202', 13],
    ]);
  });
});
