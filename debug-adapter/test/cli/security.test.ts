// `mlsec check` security findings and `mlsec caps` over a fixture project on disk (real file I/O):
// mlpy.yaml found in a parent folder, --profile/--allow/--deny/--config, suppressions, score,
// JSON and SARIF shapes, user modules, and usage errors. Outputs are compared with expected files
// after replacing the fixture's location with <project>. MLSEC_UPDATE_FIXTURES=1 rewrites them.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { EXIT } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { nodeIO } from '../../src/cli/node-io.js';

const projectDir = fileURLToPath(new URL('./security-project', import.meta.url));
const project = path.relative(process.cwd(), projectDir);
const expectedDir = fileURLToPath(new URL('./expected/', import.meta.url));
const update = process.env['MLSEC_UPDATE_FIXTURES'] === '1';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { ...nodeIO(), stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t) };
  const code = await main(argv, io);
  const clean = (t: string): string => t.split(projectDir).join('<project>').split(project).join('<project>');
  return { code, out: clean(out), err: clean(err) };
}

const file = (name: string): string => `${project}/app/${name}`;

function expectFile(name: string, actual: string): void {
  const p = expectedDir + name;
  if (update) writeFileSync(p, actual);
  expect(existsSync(p), `missing ${p}`).toBe(true);
  expect(actual).toBe(readFileSync(p, 'utf8'));
}

describe('mlsec check: security findings', () => {
  test('default grant: SEC010 for literal targets, suppressed findings hidden, score line', async () => {
    const r = await run('check', file('report.ml'));
    expect(r.code).toBe(EXIT.findings);
    expect(r.err).toBe('');
    expectFile('security-default.txt', r.out);
  });

  test('--profile from the parent folder mlpy.yaml; denials still refuse; --show-suppressed', async () => {
    const r = await run('check', '--profile', 'reports', '--show-suppressed', file('report.ml'), file('clean.ml'));
    expect(r.code).toBe(EXIT.findings);
    expectFile('security-profile.txt', r.out);
    expect(r.out).toContain("it is denied by 'file:read:data/secret/**'");
    expect(r.out).toMatch(/SEC005: .*\(suppressed by \/\/ mlsec-ignore SEC005\)/);
    expect(r.out).toMatch(/SEC002: .*\(suppressed by SEC002:line_10\)/);
  });

  test('--allow and --deny adjust the grant', async () => {
    const allowed = await run('check', '--allow', 'file:read:data/**', file('report.ml'));
    expect(allowed.out).not.toContain('data/in.txt');
    const denied = await run('check', '--profile', 'reports', '--deny', 'file:read:data/in.txt', file('report.ml'));
    expect(denied.out).toContain("needs 'file:read:data/in.txt'");
  });

  test('a profile that grants everything is reported in mlpy.yaml (SEC008)', async () => {
    const r = await run('check', '--profile', 'everything', file('clean.ml'));
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe(
      `<project>/mlpy.yaml:5:18: warning SEC008: '*:*:**' in profile everything grants everything; name what the programs need\n`,
    );
  });

  test('--allow that grants everything warns on stderr', async () => {
    const r = await run('check', '--allow', 'file:*:/**', file('clean.ml'));
    expect(r).toMatchObject({ code: EXIT.ok, out: '' });
    expect(r.err).toBe(
      "mlsec check: warning SEC008: 'file:*:/**' in --allow grants everything; name what the programs need\n",
    );
  });

  test('--config points at a config file; without one nothing but the defaults applies', async () => {
    const r = await run('check', '--config', `${project}/mlpy.yaml`, '--profile', 'reports', file('clean.ml'));
    expect(r).toMatchObject({ code: EXIT.ok, out: '' });
  });

  test.each([
    [['check', '--profile', 'nope', 'x.ml'], 'cannot read x.ml'],
    [
      ['check', '--profile', 'nope', file('clean.ml')],
      '--profile: unknown profile `nope` (known profiles: reports, everything)',
    ],
    [['check', '--allow', 'bogus', file('clean.ml')], '--allow bogus:'],
    [['check', '--config', 'missing.yaml', file('clean.ml')], 'cannot read config missing.yaml: no such file'],
  ])('usage error: %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toContain(message);
  });

  test('JSON: findings carry their rule id as code, plus the score and (on request) suppressed ones', async () => {
    const r = await run('check', '--format', 'json', '--show-suppressed', file('report.ml'));
    const report = JSON.parse(r.out) as {
      file: string;
      score: number;
      diagnostics: { code: string }[];
      suppressed: { code: string; suppressedBy: string }[];
    }[];
    expect(report.map((f) => f.file)).toEqual([`<project>/app/report.ml`]);
    expect(report[0]!.diagnostics.map((d) => d.code)).toEqual(['SEC010', 'SEC010', 'ML301', 'ML301']);
    expect(report[0]!.score).toBe(60);
    expect(report[0]!.suppressed.map((d) => [d.code, d.suppressedBy])).toEqual([
      ['SEC005', '// mlsec-ignore SEC005'],
      ['SEC002', 'SEC002:line_10'],
    ]);
  });

  test('SARIF: one result per diagnostic with a relative artifact URI and 1-based region', async () => {
    const r = await run(
      'check',
      '--format',
      'sarif',
      '--docs-url',
      'https://example.com/blob/main/',
      file('report.ml'),
    );
    expect(r.code).toBe(EXIT.findings);
    const log = JSON.parse(r.out);
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0];
    expect(run0.tool.driver.rules[0].helpUri).toBe('https://example.com/blob/main/docs/security-rules.md#sec001');
    const results = run0.results as {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
    }[];
    expect(results.map((x) => x.ruleId)).toEqual(['SEC010', 'SEC010', 'ML301', 'ML301']);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('<project>/app/report.ml');
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({
      startLine: 5,
      startColumn: 8,
      endLine: 5,
      endColumn: 32,
    });
  });
});

describe('mlsec caps', () => {
  test('text: each capability with its calls (user modules included) and the grant verdict', async () => {
    const r = await run('caps', '--profile', 'reports', file('report.ml'));
    expect(r).toMatchObject({ code: EXIT.ok, err: '' });
    expectFile('caps-report.txt', r.out);
  });

  test('json: capabilities, functions and declarations', async () => {
    const r = await run('caps', '--json', file('report.ml'));
    const out = JSON.parse(r.out) as {
      grant: string;
      capabilities: {
        capability: string;
        concrete: boolean;
        granted: boolean | null;
        uses: { file: string; callee: string }[];
      }[];
    };
    expect(out.grant).toBe('the default grant');
    expect(out.capabilities.map((c) => [c.capability, c.concrete, c.granted])).toEqual([
      ['file:read:<project>/app/data/in.txt', true, false],
      ['file:read:<project>/app/data/secret/key.txt', true, false],
      ['file:write:<dynamic>', false, null],
    ]);
    expect(out.capabilities[2]!.uses).toEqual([
      { file: '<project>/app/lib/store.ml', callee: 'file.write', function: 'save', range: expect.any(Object) },
    ]);
  });

  test('an unreadable file is a usage error', async () => {
    const r = await run('caps', 'missing.ml');
    expect(r.code).toBe(EXIT.usage);
    expect(r.err).toBe('mlsec caps: cannot read missing.ml: no such file\n');
  });
});
