// Which Node runs the server, the CLI and the adapter: ml.nodePath, PATH, then the editor's runtime.
import { describe, expect, it } from 'vitest';
import {
  childEnvironment,
  resolveNodeRuntime,
  sandboxUnavailableReason,
  type NodeEnvironment,
} from '../src/node-runtime.js';

function env(pathVariable: string, executables: string[], electron = false): NodeEnvironment {
  return {
    pathVariable,
    platform: 'linux',
    execPath: '/opt/editor/code',
    electron,
    isExecutable: (f) => executables.includes(f),
  };
}

describe('resolveNodeRuntime', () => {
  const table: {
    name: string;
    setting?: string;
    env: NodeEnvironment;
    path: string;
    source: string;
    warns: boolean;
  }[] = [
    {
      name: 'setting wins',
      setting: '/opt/node20/bin/node',
      env: env('/usr/bin', ['/opt/node20/bin/node', '/usr/bin/node']),
      path: '/opt/node20/bin/node',
      source: 'setting',
      warns: false,
    },
    {
      name: 'first node on PATH',
      env: env('/nope:/usr/local/bin:/usr/bin', ['/usr/local/bin/node', '/usr/bin/node']),
      path: '/usr/local/bin/node',
      source: 'path',
      warns: false,
    },
    {
      name: 'relative PATH entries are ignored',
      env: env('bin:/usr/bin', ['bin/node', '/usr/bin/node']),
      path: '/usr/bin/node',
      source: 'path',
      warns: false,
    },
    {
      name: 'relative setting is ignored with a warning',
      setting: 'node',
      env: env('/usr/bin', ['/usr/bin/node']),
      path: '/usr/bin/node',
      source: 'path',
      warns: true,
    },
    {
      name: 'missing setting falls back with a warning',
      setting: '/gone/node',
      env: env('', []),
      path: '/opt/editor/code',
      source: 'extension-host',
      warns: true,
    },
    {
      name: 'nothing found: the extension host',
      setting: '  ',
      env: env('', []),
      path: '/opt/editor/code',
      source: 'extension-host',
      warns: false,
    },
  ];
  for (const row of table) {
    it(row.name, () => {
      const lookup = resolveNodeRuntime(row.setting, row.env);
      expect(lookup.runtime.path).toBe(row.path);
      expect(lookup.runtime.source).toBe(row.source);
      expect(lookup.warning !== undefined).toBe(row.warns);
    });
  }

  it('the Electron extension host can run the server but not the sandbox', () => {
    const { runtime } = resolveNodeRuntime(undefined, env('', [], true));
    expect(runtime.electron).toBe(true);
    expect(childEnvironment(runtime, { PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin', ELECTRON_RUN_AS_NODE: '1' });
    expect(sandboxUnavailableReason(runtime)).toMatch(/ml\.nodePath/);
    const plain = resolveNodeRuntime(undefined, env('', [], false)).runtime;
    expect(childEnvironment(plain, { PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin' });
    expect(sandboxUnavailableReason(plain)).toBeNull();
  });
});
