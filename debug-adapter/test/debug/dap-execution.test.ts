// Execution control against the real adapter process: stepping at ML statement granularity, pause
// of an infinite loop, streamed output, terminate (no worker left), the wall clock paused while
// stopped, restart, noDebug runs and the final run-result event.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  childPids,
  collectOutput,
  fixture,
  launch,
  markerLine,
  startServer,
  stdioClient,
  topFrame,
} from './dap-client.js';
import { STATS_KEYS } from '../run-result-shape.js';

const steps = fixture('steps.ml');
let dc: DebugClient;
let server: ChildProcess | null = null;

afterEach(async () => {
  await dc?.stop();
  server?.kill();
  server = null;
});

/** Runs `request`, waits for the stop it causes, returns [reason, function, line]. */
async function stepWith(request: () => Promise<unknown>): Promise<[string, string, number]> {
  const stopped = dc.waitForEvent('stopped');
  await request();
  const ev = await stopped;
  const f = await topFrame(dc);
  return [ev.body.reason as string, f.name, f.line];
}

const line = (m: string): number => markerLine(steps, m);

describe('stepping', () => {
  it('next, stepIn and stepOut move by ML statements and never into runtime internals', async () => {
    dc = await stdioClient();
    const entry = dc.waitForEvent('stopped');
    await launch(dc, { program: steps, stopOnEntry: true });
    await entry;
    const t = { threadId: 1 };
    // Entry stops at the first statement: the definition of `inner`.
    expect(await stepWith(() => dc.nextRequest(t))).toEqual(['step', '<module>', line('outer-call') - 1]);
    expect(await stepWith(() => dc.nextRequest(t))).toEqual(['step', '<module>', line('top-call')]);
    expect(await stepWith(() => dc.stepInRequest(t))).toEqual(['step', 'outer', line('outer-call')]);
    expect(await stepWith(() => dc.stepInRequest(t))).toEqual(['step', 'inner', line('inner-first')]);
    expect(await stepWith(() => dc.nextRequest(t))).toEqual(['step', 'inner', line('inner-return')]);
    expect(await stepWith(() => dc.stepOutRequest(t))).toEqual(['step', 'outer', line('outer-return')]);
    expect(await stepWith(() => dc.nextRequest(t))).toEqual(['step', '<module>', line('top-print')]);
    // Stepping into a builtin call goes to the next ML statement.
    expect(await stepWith(() => dc.stepInRequest(t))).toEqual(['step', '<module>', line('top-last')]);
    const ended = dc.waitForEvent('terminated');
    await dc.nextRequest(t);
    await ended;
  });
});

describe('pause, output and terminate', () => {
  it('output arrives while the program runs, and a `while (true) {}` pauses within 500 ms', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    const started = new Promise<void>((resolve) =>
      dc.on('output', (e: DebugProtocol.OutputEvent) => e.body.output === 'started\n' && resolve()),
    );
    let ended = false;
    dc.on('terminated', () => (ended = true));
    await launch(dc, { program: fixture('forever.ml') });
    await started;
    expect(ended).toBe(false);
    expect(output.text('stdout')).toBe('started\n');
    const stopped = dc.waitForEvent('stopped');
    const t0 = performance.now();
    await dc.pauseRequest({ threadId: 1 });
    const ev = await stopped;
    expect(performance.now() - t0).toBeLessThan(500);
    expect(ev.body.reason).toBe('pause');
    const f = await topFrame(dc);
    expect([f.name, f.line]).toEqual(['<module>', markerLine(fixture('forever.ml'), 'spin')]);
  });

  it('a breakpoint set while the program runs takes effect without stopping it first', async () => {
    dc = await stdioClient();
    const program = fixture('forever.ml');
    const started = dc.waitForEvent('output');
    await launch(dc, { program });
    await started;
    const stopped = dc.waitForEvent('stopped');
    const set = await dc.setBreakpointsRequest({
      source: { path: program },
      breakpoints: [{ line: markerLine(program, 'spin') }],
    });
    expect(set.body.breakpoints[0]).toMatchObject({ verified: true });
    expect((await stopped).body).toMatchObject({
      reason: 'breakpoint',
      hitBreakpointIds: [set.body.breakpoints[0]!.id],
    });
  });

  it('terminate of a program stopped at a breakpoint leaves no worker running (over --server)', async () => {
    const s = await startServer();
    server = s.process;
    dc = new DebugClient('node', '', 'ml');
    dc.defaultTimeout = 10_000;
    await dc.start(s.port);
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: steps }, () =>
      dc.setBreakpointsRequest({ source: { path: steps }, breakpoints: [{ line: line('inner-first') }] }),
    );
    await stopped;
    expect(childPids(s.process.pid!).length).toBe(1);
    const result = dc.waitForEvent('mlsec.runResult');
    const terminated = dc.waitForEvent('terminated');
    await dc.terminateRequest({});
    await terminated;
    expect((await result).body.error).toMatchObject({ kind: 'TerminatedError' });
    expect(childPids(s.process.pid!)).toEqual([]);
  });

  it('a program stopped longer than its wall-time limit is not killed', async () => {
    dc = await stdioClient();
    const program = fixture('slow.ml');
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program, limits: { wallTimeMs: 200 } }, () =>
      dc.setBreakpointsRequest({ source: { path: program }, breakpoints: [{ line: markerLine(program, 'first') }] }),
    );
    await stopped;
    // Hold the program stopped for three times its wall-time limit (the point of this test).
    await new Promise((resolve) => setTimeout(resolve, 600));
    const result = dc.waitForEvent('mlsec.runResult');
    await dc.continueRequest({ threadId: 1 });
    expect((await result).body).toMatchObject({ ok: true, exitCode: 0, stdout: 'finished 1\n' });
  });
});

describe('run result, noDebug and restart', () => {
  it('ends with the run result event (SANDBOX.md shape), exited and terminated', async () => {
    dc = await stdioClient();
    const result = dc.waitForEvent('mlsec.runResult');
    const exited = dc.waitForEvent('exited');
    await launch(dc, { program: steps });
    const r = (await result).body;
    expect(r).toMatchObject({ ok: true, exitCode: 0, stdout: '4\n', stderr: '', audit: [] });
    expect(Object.keys(r.stats).sort()).toEqual(STATS_KEYS);
    expect((await exited).body.exitCode).toBe(0);
  });

  it('noDebug runs the normal path: breakpoints are not hit and output still streams', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    let stops = 0;
    dc.on('stopped', () => stops++);
    const result = dc.waitForEvent('mlsec.runResult');
    await launch(dc, { program: steps, noDebug: true, stopOnEntry: true }, () =>
      dc.setBreakpointsRequest({ source: { path: steps }, breakpoints: [{ line: line('inner-first') }] }),
    );
    expect((await result).body).toMatchObject({ ok: true, stdout: '4\n' });
    expect(stops).toBe(0);
    expect(output.text('stdout')).toBe('4\n');
  });

  it('restart runs the program again from the start', async () => {
    dc = await stdioClient();
    let stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: steps, stopOnEntry: true });
    await stopped;
    let terminatedEarly = false;
    dc.on('terminated', () => (terminatedEarly = true));
    stopped = dc.waitForEvent('stopped');
    await dc.restartRequest({ arguments: { program: steps, stopOnEntry: true } } as DebugProtocol.RestartArguments);
    expect((await stopped).body.reason).toBe('entry');
    expect(terminatedEarly).toBe(false);
  });

  it('the security analysis refuses a program before it runs, as in mlsec run', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    const result = dc.waitForEvent('mlsec.runResult');
    await launch(dc, { program: fixture('unsafe.ml'), stopOnEntry: true });
    expect((await result).body).toMatchObject({ ok: false, exitCode: 3, error: { kind: 'SecurityError', line: 3 } });
    expect(output.text('stderr')).toMatch(/unsafe\.ml:3:\d+: error SEC005: /);
    expect(output.text('stdout')).toBe('');
  });

  it('a launch error is reported, not crashed on', async () => {
    dc = await stdioClient();
    await dc.initializeRequest();
    await expect(
      dc.launchRequest({ program: fixture('missing.ml') } as DebugProtocol.LaunchRequestArguments),
    ).rejects.toThrow(/cannot read the program/);
    await expect(
      dc.launchRequest({ program: steps, profile: 'nope' } as DebugProtocol.LaunchRequestArguments),
    ).rejects.toThrow(/unknown profile/);
  });
});
