// Launch configuration → run setup, the way `mlsec run` does it: mlpy.yaml search, default grant,
// profile, explicit capabilities and denials, limits from the file then from the configuration,
// and clear messages for every mistake. In-process; nothing runs.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GRANT } from '@mlsec/grammar';
import { LaunchError, resolveLaunch } from '../../src/debug/runtime/launch.js';
import { fixture } from './dap-client.js';

const app = fixture('project/app.ml');

describe('launch configuration', () => {
  it('uses the mlpy.yaml beside the program: profile, denials and limits', async () => {
    const l = await resolveLaunch({
      program: app,
      profile: 'reader',
      capabilities: ['env:read:HOME'],
      deny: ['http:*:**'],
    });
    expect(l.configFile).toBe(fixture('project/mlpy.yaml'));
    expect(l.capabilities.allow).toEqual([...DEFAULT_GRANT, 'file:read:data/**', 'env:read:HOME']);
    expect(l.capabilities.deny).toEqual(['file:delete:**', 'http:*:**']);
    expect(l.limits).toMatchObject({ wallTimeMs: 5000, memoryMb: 64, cpuTimeMs: 30_000 });
    expect(l.rootDir).toBe(path.dirname(app));
    expect(l.analyze).toBeTypeOf('function');
  });

  it('launch limits override the file, and the flags default to a debug run', async () => {
    const l = await resolveLaunch({
      program: 'app.ml',
      cwd: path.dirname(app),
      limits: { wallTimeMs: 250 },
      args: ['a', 'b'],
    });
    expect(l).toMatchObject({ program: app, args: ['a', 'b'], stopOnEntry: false, noDebug: false, stdin: null });
    expect(l.limits).toMatchObject({ wallTimeMs: 250, memoryMb: 64 });
  });

  it('accepts limits in seconds and KB too (the VS Code launch schema)', async () => {
    const l = await resolveLaunch({ program: app, limits: { cpuTimeS: 1.5, wallTimeS: 2, outputKb: 4, memoryMb: 32 } });
    expect(l.limits).toMatchObject({ cpuTimeMs: 1500, wallTimeMs: 2000, outputBytes: 4096, memoryMb: 32 });
  });

  it.each([
    [{}, /'program' \(the ML file to run\) is required/],
    [{ program: fixture('project/none.ml') }, /cannot read the program .*none\.ml: no such file/],
    [{ program: app, profile: 'writer' }, /unknown profile/],
    [{ program: app, capabilities: ['file:read:../**'] }, /\.\./],
    [{ program: app, capabilities: 'console:write' }, /'capabilities' must be a list of strings/],
    [{ program: app, limits: { wallTimeMs: -1 } }, /limits: sandbox limit 'wallTimeMs' must be an integer/],
    [{ program: app, limits: { speed: 1 } }, /limits: unknown sandbox limit 'speed'/],
  ])('refuses %j', async (args, message) => {
    const r = resolveLaunch(args);
    await expect(r).rejects.toBeInstanceOf(LaunchError);
    await expect(r).rejects.toThrow(message);
  });
});
