// mlpy.yaml contents and the resolution of a root context: default grant, profile, denials,
// --allow/--deny in that order, with problems reported as data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRANT, parseMlpyConfig, resolveRootContext, type CapabilityContext } from '@mlsec/grammar';

const valid = readFileSync(new URL('./fixtures/valid.yaml', import.meta.url), 'utf8');

describe('parseMlpyConfig', () => {
  it('exposes every section of a valid file', () => {
    const { config, diagnostics } = parseMlpyConfig(valid);
    expect(diagnostics).toEqual([]);
    const s = config.security;
    expect(s.defaultCapabilities?.map((c) => c.value)).toEqual(['console:write', 'math:*']);
    expect([...s.profiles.keys()]).toEqual(['data_processing', 'web']);
    const web = s.profiles.get('web')!;
    expect(web.capabilities.map((c) => c.value)).toEqual(['http:get:https://api.github.com/**', 'file:write:cache/**']);
    expect(web.flow).toBe(true);
    expect(valid.slice(web.keyRange.start.offset, web.keyRange.end.offset)).toBe('web');
    expect(valid.slice(web.valueRange.start.offset, web.valueRange.end.offset)).toBe(
      '[http:get:https://api.github.com/**, file:write:cache/**]',
    );
    expect(web.capabilities[1]!.range.start).toEqual({
      line: 4,
      column: 46,
      offset: valid.indexOf('file:write:cache/**'),
    });
    expect(s.deniedCapabilities.map((c) => c.value)).toEqual(['file:delete:**']);
    expect(s.analysisLevel?.value).toBe('strict');
    expect(s.suppress.map(({ rule, line }) => ({ rule, line }))).toEqual([{ rule: 'SEC005', line: 45 }]);
    expect(Object.fromEntries(Object.entries(config.sandbox).map(([k, v]) => [k, v?.value]))).toEqual({
      maxMemoryMb: 128,
      maxExecutionTime: 30,
      maxWallTime: 60,
      maxOutputKb: 1024,
    });
  });

  it('accepts the examples shipped with the project', () => {
    const text = readFileSync(new URL('../../../examples/mlpy.yaml', import.meta.url), 'utf8');
    const { config, diagnostics } = parseMlpyConfig(text);
    expect(diagnostics).toEqual([]);
    expect(config.security.profiles.size).toBeGreaterThan(0);
  });

  it('keeps the valid entries of a file with errors', () => {
    const { config, diagnostics } = parseMlpyConfig(
      'security:\n  capability_profiles:\n    p: [console:write, fle:x:y, "file:read:a/**"]\n',
    );
    expect(diagnostics.map((d) => d.code)).toEqual(['CFG004']);
    expect(config.security.profiles.get('p')!.capabilities.map((c) => c.value)).toEqual([
      'console:write',
      'file:read:a/**',
    ]);
  });

  it.each([[''], ['\0\0'], ['{'], ['a: [\n'], ['- - - -'], ['&a [*a]'], ['security: &s\n  x: *s\n']])(
    'never throws on %j',
    (text) => {
      expect(() => parseMlpyConfig(text)).not.toThrow();
    },
  );
});

function decisions(ctx: CapabilityContext, requests: [string, string, string?][]): string[] {
  return requests.map(([resource, operation, target]) => ctx.check({ resource, operation, target }).decision);
}

describe('resolveRootContext', () => {
  const { config } = parseMlpyConfig(valid);

  it('uses the built-in default grant without a config', () => {
    const r = resolveRootContext(null, { root: '/proj' });
    expect(r.ok).toBe(true);
    expect(r.context!.grantedCapabilities()).toEqual([...DEFAULT_GRANT]);
    expect(
      decisions(r.context!, [
        ['console', 'write'],
        ['crypto', 'hash'],
        ['file', 'read', 'a.txt'],
        ['env', 'read', 'HOME'],
      ]),
    ).toEqual(['GRANTED', 'GRANTED', 'DENIED', 'DENIED']);
  });

  it('applies default_capabilities, the profile, denials, then flags', () => {
    const r = resolveRootContext(config, {
      root: '/proj',
      profile: 'data_processing',
      allow: ['file:delete:output/tmp/**', 'env:read:HOME'],
      deny: ['file:read:data/secret/**'],
    });
    expect(r.problems).toEqual([]);
    expect(
      decisions(r.context!, [
        ['console', 'write'],
        ['math', 'compute'],
        ['json', 'parse'],
        ['file', 'read', 'data/a.csv'],
        ['file', 'read', 'data/secret/key'],
        ['file', 'write', 'output/r.txt'],
        ['file', 'delete', 'output/tmp/x'],
        ['env', 'read', 'HOME'],
        ['http', 'get', 'https://api.github.com/x'],
      ]),
    ).toEqual(['GRANTED', 'GRANTED', 'DENIED', 'GRANTED', 'DENIED', 'GRANTED', 'DENIED', 'GRANTED', 'DENIED']);
    expect(r.context!.check({ resource: 'file', operation: 'delete', target: 'output/tmp/x' }).by).toBe(
      '!file:delete:/**',
    );
  });

  it('reports an unknown profile and bad flags, keeping positions of config entries', () => {
    const r = resolveRootContext(config, {
      root: '/proj',
      profile: 'dat_processing',
      allow: ['file:read:../x', 'file.read'],
      deny: ['fle:write:x'],
    });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => [p.code, p.origin, p.severity])).toEqual([
      ['CFG008', '--profile', 'error'],
      ['CAP005', '--allow', 'error'],
      ['CAP013', '--allow', 'hint'],
      ['CAP003', '--deny', 'error'],
    ]);
    expect(r.problems[0]!.message).toContain('known profiles: data_processing, web');
    expect(r.problems[1]!.capability).toBe('file:read:../x');
  });

  it('refuses a relative root', () => {
    const r = resolveRootContext(null, { root: 'relative/dir' });
    expect(r.context).toBeNull();
    expect(r.problems[0]!.code).toBe('CAP023');
  });
});
