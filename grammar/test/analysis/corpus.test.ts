// Zero false positives on the programs the project ships: every conformance program and every
// example must have no error-severity finding. Examples that need file, network or environment
// access must be covered by a profile of examples/mlpy.yaml, and SEC010 must name that profile.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  analyze,
  grantFromConfig,
  parse,
  parseMlpyConfig,
  resolve,
  type AnalysisResult,
  type LoadedModule,
} from '@mlsec/grammar';
import { describe, expect, test } from 'vitest';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const conformance = `${repo}test/conformance/`;
const examples = `${repo}examples/`;
const mlFiles = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.ml'))
    .sort();

const config = parseMlpyConfig(readFileSync(`${examples}mlpy.yaml`, 'utf8'));
const profiles = [...config.config.security.profiles.keys()];

function run(dir: string, name: string, profile: string | null): AnalysisResult {
  const text = readFileSync(dir + name, 'utf8');
  const { program } = parse(text);
  const { grant } = grantFromConfig(config.config, { root: dir.replace(/\/$/, ''), profile });
  const loader = {
    load: (path: readonly string[]): LoadedModule | undefined => {
      const file = `${dir}${path.join('/')}.ml`;
      try {
        return { file, program: parse(readFileSync(file, 'utf8')).program };
      } catch {
        return undefined;
      }
    },
  };
  return analyze(program, resolve(program), { text, root: dir, file: dir + name, grant: grant!, moduleLoader: loader });
}

const errors = (r: AnalysisResult): string[] =>
  r.findings
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.code} ${f.range.start.line + 1}:${f.range.start.column + 1} ${f.message}`);

test('the examples mlpy.yaml loads without problems', () => {
  expect(config.diagnostics).toEqual([]);
  expect(profiles.length).toBeGreaterThan(0);
});

describe('conformance programs (default grant)', () => {
  test.each(mlFiles(conformance))('%s has no error finding', (name) => {
    expect(errors(run(conformance, name, null))).toEqual([]);
  });
});

describe('examples', () => {
  test.each(mlFiles(examples))('%s: only SEC010 under the default grant, nothing under its profile', (name) => {
    const byDefault = run(examples, name, null);
    expect(errors(byDefault).filter((e) => !e.startsWith('SEC010'))).toEqual([]);
    const refused = byDefault.findings.filter((f) => f.code === 'SEC010');
    if (refused.length === 0) return;
    const profile = profiles.find((p) => errors(run(examples, name, p)).length === 0);
    expect(profile, `no profile of examples/mlpy.yaml lets ${name} run`).toBeDefined();
    for (const f of refused) expect(f.message).toContain(`--profile ${profile}`);
  });
});
