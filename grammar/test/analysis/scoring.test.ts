// Severity mapping per analysis level, the score formula, suppression-entry parsing, the grant built
// from mlpy.yaml (labels, advice, SEC008 on grants), and that every rule is fully described here
// and in docs/security-rules.md.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  grantFromConfig,
  mapSeverity,
  overlyBroadGrants,
  parseMlpyConfig,
  parseSuppressEntry,
  RULE_IDS,
  ruleOf,
  securityScore,
  type Finding,
} from '@mlsec/grammar';
import { describe, expect, test } from 'vitest';
import { analyzeText } from './harness.js';

describe('severity mapping', () => {
  test.each([
    ['critical', 'moderate', 'error'],
    ['high', 'moderate', 'error'],
    ['medium', 'moderate', 'warning'],
    ['low', 'moderate', 'hint'],
    ['info', 'moderate', 'hint'],
    ['critical', 'permissive', 'error'],
    ['high', 'permissive', 'warning'],
    ['medium', 'permissive', 'warning'],
    ['critical', 'strict', 'error'],
    ['high', 'strict', 'error'],
    ['medium', 'strict', 'error'],
    ['low', 'strict', 'hint'],
  ] as const)('%s under %s is %s', (rule, level, expected) => {
    expect(mapSeverity(rule, level)).toBe(expected);
  });
});

describe('score', () => {
  const f = (ruleSeverity: Finding['ruleSeverity']): Finding => ({ ruleSeverity }) as Finding;
  test.each([
    [[], 100],
    [['critical'], 60],
    [['high', 'medium', 'low'], 74],
    [['medium', 'medium', 'info'], 90],
    [['critical', 'critical', 'high'], 0],
    [['critical', 'critical', 'critical'], 0],
  ] as const)('%j scores %i', (severities, expected) => {
    expect(securityScore(severities.map(f))).toBe(expected);
  });

  test('suppressed findings do not count', () => {
    const r = analyzeText('x = this; // mlsec-ignore SEC005\ny = 1;\n');
    expect(r.findings).toEqual([]);
    expect(r.suppressed.map((s) => s.code)).toEqual(['SEC005']);
    expect(r.score).toBe(100);
  });
});

describe('suppress entries', () => {
  test.each([
    ['SEC005', { rule: 'SEC005', line: null }],
    ['SEC005:line_45', { rule: 'SEC005', line: 45 }],
    [' SEC014:line_1 ', { rule: 'SEC014', line: 1 }],
    ['SEC5', null],
    ['SEC005:45', null],
    ['ML301', null],
  ] as const)('%s', (entry, expected) => {
    expect(parseSuppressEntry(entry)).toEqual(expected);
  });
});

describe('rule table', () => {
  test.each(RULE_IDS)('%s is documented', (id) => {
    const r = ruleOf(id);
    expect(r.id).toBe(id);
    expect(r.cwe).toMatch(/^CWE-\d+$/);
    for (const text of [r.name, r.category, r.short, r.full, r.fix]) expect(text.length).toBeGreaterThan(3);
  });
});

describe('grant from mlpy.yaml', () => {
  const yaml = `security:
  capability_profiles:
    data: [file:read:data/**, console:write]
    everything: ["*:*:**"]
  denied_capabilities: [file:read:data/secret/**]
`;
  const { config, diagnostics } = parseMlpyConfig(yaml);

  test('the config parses', () => {
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  test('default grant: labels, verdicts and the profile that would grant', () => {
    const { grant } = grantFromConfig(config, { root: '/ws' });
    expect(grant!.label).toBe('the default grant');
    expect(grant!.allows('console:write')).toBe(true);
    expect(grant!.allows('file:read:/ws/data/a.csv')).toBe(false);
    expect(grant!.advice!('file:read:/ws/data/a.csv')).toBe('--profile data would grant it');
    expect(grant!.display!('file:read:/ws/data/a.csv')).toBe('file:read:data/a.csv');
  });

  test('a profile grants its entries, denials still win', () => {
    const { grant } = grantFromConfig(config, { root: '/ws', profile: 'data', allow: ['env:read:HOME'] });
    expect(grant!.label).toBe("profile 'data' plus --allow env:read:HOME");
    expect(grant!.allows('file:read:/ws/data/a.csv')).toBe(true);
    expect(grant!.allows('file:read:/ws/data/secret/key')).toBe(false);
    expect(grant!.allows('env:read:HOME')).toBe(true);
    expect(grant!.advice!('file:read:/ws/data/secret/key')).toBe("it is denied by 'file:read:data/secret/**'");
  });

  test('an unknown profile is a problem, not an exception', () => {
    const { problems } = grantFromConfig(config, { root: '/ws', profile: 'nope' });
    expect(problems.map((p) => p.code)).toContain('CFG008');
  });

  test('SEC008 on grants that give everything away', () => {
    const broad = overlyBroadGrants(config, {
      root: '/ws',
      profile: 'everything',
      allow: ['file:*:/**', 'file:read:data/**'],
    });
    expect(broad.map((b) => [b.capability, b.origin, b.range === null])).toEqual([
      ['*:*:**', 'profile everything', false],
      ['file:*:/**', '--allow', true],
    ]);
    expect(overlyBroadGrants(config, { root: '/ws', profile: 'data' })).toEqual([]);
  });
});

describe('docs/security-rules.md', () => {
  const docs = readFileSync(fileURLToPath(new URL('../../../docs/security-rules.md', import.meta.url)), 'utf8');
  test.each(RULE_IDS)('%s has an anchored section with an example, a look-alike and a fix', (id) => {
    const start = docs.indexOf(`<a id="${id.toLowerCase()}"></a>\n## ${id} `);
    expect(start).toBeGreaterThanOrEqual(0);
    const next = docs.indexOf('<a id="sec', start + 1);
    const section = docs.slice(start, next < 0 ? undefined : next);
    for (const part of ['**What.**', '```ml', '**Not flagged.**', '**Fix.**']) expect(section).toContain(part);
  });
});
