// The `ml` launch configuration: variable substitution, matching a configuration to a file and
// merging the ml.* settings into it.
import { describe, expect, it } from 'vitest';
import { configurationFor, programPath, substitute, withSettings, type MlLaunchConfig } from '../src/debug/launch.js';

const ctx = { workspaceFolder: '/ws', file: '/ws/lib/a.ml' };

describe('substitute', () => {
  const table: [string, string | null][] = [
    ['${workspaceFolder}/main.ml', '/ws/main.ml'],
    ['${file}', '/ws/lib/a.ml'],
    ['${fileDirname}/${fileBasename}', '/ws/lib/a.ml'],
    ['${relativeFile}', 'lib/a.ml'],
    ['${workspaceFolderBasename}', 'ws'],
    ['${env:HOME}', null],
    ['plain', 'plain'],
  ];
  for (const [input, expected] of table) it(input, () => expect(substitute(input, ctx)).toBe(expected));

  it('fails for ${file} without an editor', () => {
    expect(substitute('${file}', { workspaceFolder: '/ws', file: null })).toBeNull();
  });
});

const config = (program: string, extra: Partial<MlLaunchConfig> = {}): MlLaunchConfig => ({
  type: 'ml',
  request: 'launch',
  name: program,
  program,
  ...extra,
});

describe('programPath and configurationFor', () => {
  it('resolves relative programs against the folder', () => {
    expect(programPath(config('main.ml'), ctx)).toBe('/ws/main.ml');
    expect(programPath(config('${workspaceFolder}/./x/../main.ml'), ctx)).toBe('/ws/main.ml');
    expect(programPath(config(''), ctx)).toBeNull();
  });

  it('finds the configuration of a file, skipping ${file} and other types', () => {
    const configs: unknown[] = [
      config('${file}'),
      { type: 'node', request: 'launch', name: 'js', program: '/ws/main.ml' },
      config('${workspaceFolder}/other.ml'),
      config('${workspaceFolder}/main.ml', { name: 'main' }),
      'garbage',
    ];
    expect(configurationFor(configs, '/ws/main.ml', '/ws')?.name).toBe('main');
    expect(configurationFor(configs, '/ws/none.ml', '/ws')).toBeNull();
  });
});

describe('withSettings', () => {
  const settings = {
    profile: 'web',
    allow: ['env:read:HOME'],
    deny: ['file:delete:**'],
    limits: { memoryMb: 64, cpuTimeS: null, wallTimeS: 10, outputKb: null },
  };

  it('fills what the configuration leaves out', () => {
    expect(withSettings(config('/ws/a.ml'), settings)).toMatchObject({
      profile: 'web',
      capabilities: ['env:read:HOME'],
      deny: ['file:delete:**'],
      limits: { memoryMb: 64, wallTimeS: 10 },
    });
  });

  it('keeps the configuration’s own values and adds denials up', () => {
    const merged = withSettings(
      config('/ws/a.ml', {
        profile: 'data',
        capabilities: [],
        deny: ['http:*:**', 'file:delete:**'],
        limits: { memoryMb: 256 },
      }),
      settings,
    );
    expect(merged.profile).toBe('data');
    expect(merged.capabilities).toEqual([]);
    expect(merged.deny).toEqual(['file:delete:**', 'http:*:**']);
    expect(merged.limits).toEqual({ memoryMb: 256, wallTimeS: 10 });
  });
});
