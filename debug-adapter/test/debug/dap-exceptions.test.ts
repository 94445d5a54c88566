// Exception breakpoints against the real adapter process: "Uncaught errors", "All errors" and
// "Capability denied" (stopping on the statement about to be refused, naming the capability),
// exceptionInfo, and how the run ends afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import { collectOutput, fixture, launch, markerLine, stdioClient } from './dap-client.js';

const errors = fixture('errors.ml');
const denied = fixture('denied.ml');
let dc: DebugClient;

afterEach(async () => {
  await dc?.stop();
});

async function stack(): Promise<[string, number][]> {
  const trace = await dc.stackTraceRequest({ threadId: 1 });
  return trace.body.stackFrames.map((f) => [f.name, f.line]);
}

describe('exception breakpoints', () => {
  it('"Uncaught errors" skips a caught error and stops where an uncaught one is raised', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    const stop = dc.waitForEvent('stopped');
    await launch(dc, { program: errors }, () => dc.setExceptionBreakpointsRequest({ filters: ['uncaught'] }));
    const ev = (await stop) as DebugProtocol.StoppedEvent;
    expect(ev.body).toMatchObject({ reason: 'exception', text: 'list index out of range' });
    expect(await stack()).toEqual([['<module>', markerLine(errors, 'uncaught')]]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    expect(info.body).toMatchObject({
      exceptionId: 'IndexError',
      description: 'list index out of range',
      breakMode: 'unhandled',
    });
    const result = dc.waitForEvent('mlsec.runResult');
    await dc.continueRequest({ threadId: 1 });
    expect((await result).body).toMatchObject({
      ok: false,
      exitCode: 1,
      error: { kind: 'IndexError', line: markerLine(errors, 'uncaught') },
    });
    expect(output.text('stdout')).toBe('caught division by zero\n');
    expect(output.text('stderr')).toMatch(/^errors\.ml:11:\d+: IndexError: list index out of range\n/);
  });

  it('"All errors" stops on a caught error inside the function that raised it', async () => {
    dc = await stdioClient();
    const first = dc.waitForEvent('stopped');
    await launch(dc, { program: errors }, () => dc.setExceptionBreakpointsRequest({ filters: ['all'] }));
    const ev = await first;
    expect(ev.body.reason).toBe('exception');
    expect(await stack()).toEqual([
      ['risky', markerLine(errors, 'divide')],
      ['<module>', markerLine(errors, 'caught-call')],
    ]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    expect(info.body).toMatchObject({ exceptionId: 'ZeroDivisionError', breakMode: 'always' });
    const second = dc.waitForEvent('stopped');
    await dc.continueRequest({ threadId: 1 });
    await second;
    expect(await stack()).toEqual([['<module>', markerLine(errors, 'uncaught')]]);
  });

  it('"Capability denied" stops on the refused call, naming the capability it asked for', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    const stop = dc.waitForEvent('stopped');
    await launch(dc, { program: denied }, () => dc.setExceptionBreakpointsRequest({ filters: ['denied', 'uncaught'] }));
    const ev = (await stop) as DebugProtocol.StoppedEvent;
    expect(ev.body).toMatchObject({ reason: 'exception', description: 'Paused on capability denied' });
    expect(output.text('stdout')).toBe('before\n');
    expect(await stack()).toEqual([['<module>', markerLine(denied, 'read')]]);
    const info = await dc.exceptionInfoRequest({ threadId: 1 });
    expect(info.body.exceptionId).toBe('CapabilityError');
    expect(info.body.description).toMatch(/requested capability: file:read:\/\S+\/fixtures\/data\.txt$/);
    // The refusal then raises in the program; it is not reported a second time.
    let stops = 0;
    dc.on('stopped', () => stops++);
    const result = dc.waitForEvent('mlsec.runResult');
    await dc.continueRequest({ threadId: 1 });
    expect((await result).body).toMatchObject({ ok: false, exitCode: 3, error: { kind: 'CapabilityError' } });
    expect(stops).toBe(0);
    expect(output.text('stdout')).toBe('before\n');
  });

  it('with the filter off, the refusal simply ends the run', async () => {
    dc = await stdioClient();
    let stops = 0;
    dc.on('stopped', () => stops++);
    const result = dc.waitForEvent('mlsec.runResult');
    await launch(dc, { program: denied }, () => dc.setExceptionBreakpointsRequest({ filters: [] }));
    const r = (await result).body;
    expect(r).toMatchObject({ ok: false, error: { kind: 'CapabilityError', line: markerLine(denied, 'read') } });
    expect(r.audit).toMatchObject([
      { result: 'DENIED', functionName: 'file.read', file: 'denied.ml', line: markerLine(denied, 'read') },
    ]);
    expect(stops).toBe(0);
  });

  it('noDebug runs until the refused call and audits what it asked for', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    let stops = 0;
    dc.on('stopped', () => stops++);
    const result = dc.waitForEvent('mlsec.runResult');
    await launch(dc, { program: denied, noDebug: true });
    const r = (await result).body;
    expect(r).toMatchObject({ ok: false, exitCode: 3, error: { kind: 'CapabilityError' } });
    expect(r.audit).toMatchObject([
      { result: 'DENIED', capability: expect.stringMatching(/^file:read:\/.*data\.txt$/) },
    ]);
    expect(output.text('stdout')).toBe('before\n');
    expect(stops).toBe(0);
  });
});
