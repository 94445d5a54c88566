// The channel the debug adapter builds on (TOOLING.md): code in the isolate calls `debug.*`
// operations that block the program until the caller answers, while the caller may pause the
// wall clock; both modes behave the same.
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from '../../src/sandbox/index.js';
import type { RunControl, RunRequest } from '../../src/sandbox/types.js';
import { buildTestArtifacts } from './artifacts.js';

const artifacts = await buildTestArtifacts();

const js = (code: string, limits?: RunRequest['limits']): RunRequest => ({
  program: { kind: 'js', code, file: '/virtual/debug.js' },
  capabilities: { allow: [] },
  ...(limits ? { limits } : {}),
});

for (const mode of ['worker', 'inprocess'] as const) {
  describe(`debug channel (${mode})`, () => {
    const sandbox = createSandbox({ mode, workerPath: artifacts.workerPath, runtimePath: artifacts.runtimePath });
    afterAll(() => sandbox.dispose());

    it('a debug hook blocks the program until the caller answers', async () => {
      const asked: unknown[] = [];
      const r = await sandbox.run(
        js(
          'for (const line of [3, 4]) { const a = $0.callAsync("debug.statement", [{ line }]); $0.write(1, a.action + line + ";"); }',
        ),
        {
          debug: async (op, args) => {
            asked.push([op, args]);
            return { action: asked.length === 1 ? 'step' : 'continue' };
          },
        },
      );
      expect(r.stdout, JSON.stringify(r.error)).toBe('step3;continue4;');
      expect(asked).toEqual([
        ['debug.statement', [{ line: 3 }]],
        ['debug.statement', [{ line: 4 }]],
      ]);
    });

    it('without a debugger a debug hook is an ML error', async () => {
      const r = await sandbox.run(js('$0.callAsync("debug.statement", []);'));
      expect(r.error).toMatchObject({ kind: 'RuntimeError', message: 'no debugger is attached to this run' });
    });

    it('a paused wall clock lets the program stay stopped past the wall limit', async () => {
      let control: RunControl | undefined;
      const r = await sandbox.run(js('$0.callAsync("debug.stop", []); $0.write(1, "resumed");', { wallTimeMs: 100 }), {
        control: (c) => (control = c),
        debug: async () => {
          control!.pauseWallClock();
          await new Promise((resolve) => setTimeout(resolve, 300));
          control!.resumeWallClock();
          return null;
        },
      });
      expect(r.stdout, JSON.stringify(r.error)).toBe('resumed');
    });

    it('a stopped program without a paused clock hits the wall limit', async () => {
      const r = await sandbox.run(js('$0.callAsync("debug.stop", []);', { wallTimeMs: 100 }), {
        debug: () => new Promise((resolve) => setTimeout(() => resolve(null), 300)),
      });
      expect(r.error?.message).toMatch(/wall-time limit of 100 ms exceeded/);
    });
  });
}
