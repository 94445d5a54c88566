// Breakpoints against the real adapter process: stop on entry, line breakpoints in an imported
// module, placement on executable lines, conditions, hit counts, logpoints, function breakpoints.
import { afterEach, describe, expect, it } from 'vitest';
import type { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';
import {
  collectOutput,
  fixture,
  launch,
  markerLine,
  scopeRef,
  stdioClient,
  topFrame,
  variablesOf,
} from './dap-client.js';

const main = fixture('main.ml');
const stats = fixture('lib/stats.ml');
let dc: DebugClient;

afterEach(async () => {
  await dc?.stop();
});

/** Value of variable `name` in the top frame's Locals. */
async function local(name: string): Promise<string | undefined> {
  const frame = await topFrame(dc);
  const vars = await variablesOf(dc, await scopeRef(dc, frame.id, 'Locals'));
  return vars[name]?.value;
}

describe('breakpoints', () => {
  it('stops on entry at the first statement', async () => {
    dc = await stdioClient();
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: main, stopOnEntry: true });
    expect((await stopped).body.reason).toBe('entry');
    const frame = await topFrame(dc);
    expect([frame.name, frame.source?.path, frame.line, frame.column]).toEqual(['<module>', main, 2, 1]);
  });

  it('stops inside a function of an imported user module, with the stack across both files', async () => {
    dc = await stdioClient();
    const line = markerLine(stats, 'square');
    let set: DebugProtocol.SetBreakpointsResponse | undefined;
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: main }, async () => {
      set = await dc.setBreakpointsRequest({ source: { path: stats }, breakpoints: [{ line }] });
    });
    expect(set!.body.breakpoints).toMatchObject([{ verified: true, line, column: 3 }]);
    const ev = (await stopped) as DebugProtocol.StoppedEvent;
    expect(ev.body).toMatchObject({ reason: 'breakpoint', hitBreakpointIds: [set!.body.breakpoints[0]!.id] });
    const trace = await dc.stackTraceRequest({ threadId: 1 });
    expect(trace.body.stackFrames.map((f) => [f.name, f.source?.path, f.line])).toEqual([
      ['square', stats, line],
      ['<module>', main, markerLine(main, 'loop')],
    ]);
    expect(await local('n')).toBe('3');
  });

  it('moves a breakpoint on a blank line to the next executable line, and refuses one past the end', async () => {
    dc = await stdioClient();
    let set: DebugProtocol.SetBreakpointsResponse | undefined;
    await launch(dc, { program: main, stopOnEntry: true }, async () => {
      set = await dc.setBreakpointsRequest({
        source: { path: stats },
        breakpoints: [{ line: 8 }, { line: 1 }, { line: 40 }],
      });
    });
    const [blank, comment, past] = set!.body.breakpoints;
    expect(blank).toMatchObject({ verified: true, line: markerLine(stats, 'mean') });
    expect(comment).toMatchObject({ verified: true, line: 2 });
    expect(past).toMatchObject({ verified: false });
    expect(past!.message).toMatch(/no executable ML statement/);
  });

  it('a conditional breakpoint stops only when its ML condition holds', async () => {
    dc = await stdioClient();
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: main }, () =>
      dc.setBreakpointsRequest({
        source: { path: main },
        breakpoints: [{ line: markerLine(main, 'loop'), condition: 'x == 1 && total > 0' }],
      }),
    );
    expect((await stopped).body.reason).toBe('breakpoint');
    expect(await local('x')).toBe('1');
    expect(await local('total')).toBe('9');
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
  });

  it.each([
    ['== 2', ['1']],
    ['>= 2', ['1', '2']],
    ['% 2', ['1']],
    ['3', ['2']],
  ])('hit count %s stops on the right iterations', async (hitCondition, expected) => {
    dc = await stdioClient();
    const seen: string[] = [];
    const ended = dc.waitForEvent('terminated');
    let stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: main }, () =>
      dc.setBreakpointsRequest({
        source: { path: main },
        breakpoints: [{ line: markerLine(main, 'loop'), hitCondition }],
      }),
    );
    for (;;) {
      const next = await Promise.race([stopped.then(() => 'stopped' as const), ended.then(() => 'ended' as const)]);
      if (next === 'ended') break;
      seen.push((await local('x'))!);
      stopped = dc.waitForEvent('stopped');
      await dc.continueRequest({ threadId: 1 });
    }
    expect(seen).toEqual(expected);
  });

  it('a logpoint prints interpolated values without stopping', async () => {
    dc = await stdioClient();
    const output = collectOutput(dc);
    let stops = 0;
    dc.on('stopped', () => stops++);
    const ended = dc.waitForEvent('terminated');
    await launch(dc, { program: main }, () =>
      dc.setBreakpointsRequest({
        source: { path: main },
        breakpoints: [{ line: markerLine(main, 'loop'), logMessage: 'x = {x}, total = {total}, {{literal}}' }],
      }),
    );
    await ended;
    expect(stops).toBe(0);
    expect(output.text('console')).toBe(
      'x = 3, total = 0, {literal}\nx = 1, total = 9, {literal}\nx = 2, total = 10, {literal}\n',
    );
    expect(output.text('stdout')).toBe('total 14\nmean 2.0\n');
    const logged = output.events.find((e) => e.body.category === 'console')!;
    expect(logged.body).toMatchObject({ source: { path: main }, line: markerLine(main, 'loop') });
  });

  it("a function breakpoint by ML name stops at the function's first statement", async () => {
    dc = await stdioClient();
    let set: DebugProtocol.SetFunctionBreakpointsResponse | undefined;
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: main }, async () => {
      set = await dc.setFunctionBreakpointsRequest({ breakpoints: [{ name: 'mean' }, { name: 'nowhere' }] });
    });
    expect((await stopped).body.reason).toBe('function breakpoint');
    const frame = await topFrame(dc);
    expect([frame.name, frame.source?.path, frame.line]).toEqual(['mean', stats, markerLine(stats, 'mean')]);
    expect(set!.body.breakpoints[1]).toMatchObject({ verified: false });
  });

  it('an invalid condition leaves the breakpoint unverified with the reason', async () => {
    dc = await stdioClient();
    let set: DebugProtocol.SetBreakpointsResponse | undefined;
    await launch(dc, { program: main, stopOnEntry: true }, async () => {
      set = await dc.setBreakpointsRequest({
        source: { path: main },
        breakpoints: [
          { line: markerLine(main, 'loop'), condition: 'x ==' },
          { line: markerLine(main, 'loop'), hitCondition: 'often' },
        ],
      });
    });
    expect(set!.body.breakpoints.map((b) => [b.verified, b.message])).toEqual([
      [false, expect.stringMatching(/^condition: /)],
      [false, expect.stringMatching(/hit count 'often' is not understood/)],
    ]);
  });
});
