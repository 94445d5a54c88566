// SARIF 2.1.0 output checked structurally against what GitHub code scanning requires: version and
// schema, tool.driver with rules (id, name, descriptions, help, helpUri, default level), results
// with ruleId/ruleIndex/level/message and a physical location with a 1-based region.
import { RULE_IDS, toSarif, type Diagnostic } from '@mlsec/grammar';
import { expect, test } from 'vitest';
import { analyzeText } from './harness.js';

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => {
  expect(typeof v === 'object' && v !== null && !Array.isArray(v)).toBe(true);
  return v as Json;
};
const arr = (v: unknown): unknown[] => {
  expect(Array.isArray(v)).toBe(true);
  return v as unknown[];
};
const text = (v: unknown): string => {
  const s = obj(v)['text'];
  expect(typeof s === 'string' && s.length > 0).toBe(true);
  return s as string;
};

const source = 'x = eval("1");\no = {};\ny = o.__class__; // mlsec-ignore SEC003, SEC004\nz = 10 // n\n;\n';
const analysis = analyzeText(source);
const syntax: Diagnostic = {
  code: 'ML301',
  severity: 'error',
  message: "Unknown identifier 'n'",
  range: analysis.findings[0]!.range,
  source: 'names',
};
const log = obj(
  JSON.parse(
    JSON.stringify(
      toSarif([{ uri: 'src/main.ml', diagnostics: [...analysis.findings, syntax], suppressed: analysis.suppressed }], {
        toolVersion: '0.1.0',
        docsBase: 'https://example.com/repo/blob/main/',
        includeSuppressed: true,
      }),
    ),
  ),
);

test('top level: version, schema, one run', () => {
  expect(log['version']).toBe('2.1.0');
  expect(log['$schema']).toMatch(/sarif-2\.1\.0/);
  expect(arr(log['runs']).length).toBe(1);
});

const run = obj(arr(log['runs'])[0]);
const driver = obj(obj(run['tool'])['driver']);
const rules = arr(driver['rules']).map(obj);

test('tool.driver names the tool and lists every rule with the fields code scanning shows', () => {
  expect(driver['name']).toBe('mlsec');
  expect(driver['version']).toBe('0.1.0');
  expect(rules.slice(0, RULE_IDS.length).map((r) => r['id'])).toEqual([...RULE_IDS]);
  for (const r of rules.slice(0, RULE_IDS.length)) {
    expect(typeof r['name']).toBe('string');
    text(r['shortDescription']);
    text(r['fullDescription']);
    text(r['help']);
    expect(r['helpUri']).toBe(
      `https://example.com/repo/blob/main/docs/security-rules.md#${String(r['id']).toLowerCase()}`,
    );
    expect(['error', 'warning', 'note']).toContain(obj(r['defaultConfiguration'])['level']);
    expect(obj(r['properties'])['security-severity']).toMatch(/^\d+\.\d$/);
  }
  const ml301 = rules.find((r) => r['id'] === 'ML301');
  expect(ml301 && obj(ml301['defaultConfiguration'])['level']).toBe('error');
});

test('results: rule reference, level, message and a 1-based region', () => {
  const results = arr(run['results']).map(obj);
  expect(results.map((r) => r['ruleId'])).toEqual(['SEC001', 'SEC016', 'ML301', 'SEC003', 'SEC004']);
  for (const r of results) {
    expect(rules[r['ruleIndex'] as number]!['id']).toBe(r['ruleId']);
    expect(['error', 'warning', 'note']).toContain(r['level']);
    text(r['message']);
    const locations = arr(r['locations']);
    expect(locations.length).toBe(1);
    const physical = obj(obj(locations[0])['physicalLocation']);
    expect(obj(physical['artifactLocation'])['uri']).toBe('src/main.ml');
    const region = obj(physical['region']);
    for (const k of ['startLine', 'startColumn', 'endLine', 'endColumn'])
      expect(Number.isInteger(region[k]) && (region[k] as number) >= 1).toBe(true);
  }
  const first = obj(obj(arr(results[0]!['locations'])[0])['physicalLocation']);
  expect(first['region']).toEqual({ startLine: 1, startColumn: 5, endLine: 1, endColumn: 9 });
  expect(results[0]!['level']).toBe('error');
  expect(results[1]!['level']).toBe('warning');
});

test('suppressed findings carry a suppression; active ones none', () => {
  const results = arr(run['results']).map(obj);
  const suppressed = results.filter((r) => r['suppressions'] !== undefined);
  expect(suppressed.map((r) => r['ruleId'])).toEqual(['SEC003', 'SEC004']);
  for (const r of suppressed) expect(obj(arr(r['suppressions'])[0])['kind']).toBe('inSource');
});
