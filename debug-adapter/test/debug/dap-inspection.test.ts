// Inspection against the real adapter process: values in ML syntax and expandable to any depth,
// evaluate (watch, hover without side effects, REPL with assignments), setVariable, completions,
// loadedSources, and the Capabilities and Resources scopes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

/** Starts `program` and waits at the `// @marker` line of `file` (default: the program). */
async function stopAt(
  program: string,
  marker: string,
  extra: Record<string, unknown> = {},
  filters?: string[],
  file = program,
): Promise<number> {
  dc = await stdioClient();
  const stopped = dc.waitForEvent('stopped');
  await launch(dc, { program, ...extra }, async () => {
    if (filters) await dc.setExceptionBreakpointsRequest({ filters });
    await dc.setBreakpointsRequest({ source: { path: file }, breakpoints: [{ line: markerLine(file, marker) }] });
  });
  await stopped;
  return (await topFrame(dc)).id;
}

describe('values', () => {
  const values = fixture('values.ml');
  let globals: Awaited<ReturnType<typeof variablesOf>>;
  beforeEach(async () => {
    const frame = await stopAt(values, 'show');
    globals = await variablesOf(dc, await scopeRef(dc, frame, 'Globals'));
  });

  it('shows values in ML syntax with their ML types', () => {
    const shown = Object.fromEntries(Object.entries(globals).map(([k, v]) => [k, [v.value, v.type]]));
    expect(shown).toMatchObject({
      flag: ['true', 'boolean'],
      nothing: ['null', 'null'],
      small: ['[1, 2]', 'array'],
      obj: ['{a: 1}', 'object'],
      first: ['(0, "x")', 'tuple'],
      triple: ['(1, "a", true)', 'tuple'],
      half: ['0.5', 'number'],
      whole: ['2.0', 'number'],
      big: ['123456789012345678901234567890', 'number'],
      text: ['"line\\n\\"quoted\\""', 'string'],
      config: ['{name: "demo", limits: {depth: {max: 3}}, flags: [true, null]}', 'object'],
      m: [expect.stringMatching(/Match/), 'Match'],
      regex: [expect.stringMatching(/module/), 'module'],
      loop: ['[1, [...]]', 'array'],
      long: [expect.stringMatching(/^\[0, 1, 2, .*, …\]$/), 'array'],
    });
    expect(globals['flag']!.variablesReference).toBe(0);
    expect(globals['nothing']).toBeDefined();
  });

  it('expands an object nested three levels, with evaluate names', async () => {
    const config = await variablesOf(dc, globals['config']!.variablesReference);
    expect(Object.keys(config)).toEqual(['name', 'limits', 'flags']);
    const limits = await variablesOf(dc, config['limits']!.variablesReference);
    const depth = await variablesOf(dc, limits['depth']!.variablesReference);
    expect(depth['max']).toMatchObject({
      value: '3',
      type: 'number',
      evaluateName: 'config.limits.depth.max',
      variablesReference: 0,
    });
    const flags = await variablesOf(dc, config['flags']!.variablesReference);
    expect(Object.values(flags).map((v) => [v.name, v.value, v.evaluateName])).toEqual([
      ['[0]', 'true', 'config.flags[0]'],
      ['[1]', 'null', 'config.flags[1]'],
    ]);
  });

  it('pages a long array', async () => {
    expect(globals['long']!.indexedVariables).toBe(100000);
    const page = await dc.variablesRequest({
      variablesReference: globals['long']!.variablesReference,
      filter: 'indexed',
      start: 500,
      count: 3,
    });
    expect(page.body.variables.map((v) => [v.name, v.value])).toEqual([
      ['[500]', '500'],
      ['[501]', '501'],
      ['[502]', '502'],
    ]);
  });

  it('expands tuples and stdlib objects', async () => {
    const pair = await variablesOf(dc, globals['first']!.variablesReference);
    expect(Object.values(pair).map((v) => [v.name, v.value])).toEqual([
      ['[0]', '0'],
      ['[1]', '"x"'],
    ]);
    const triple = await variablesOf(dc, globals['triple']!.variablesReference);
    expect(Object.values(triple).map((v) => [v.name, v.value])).toEqual([
      ['[0]', '1'],
      ['[1]', '"a"'],
      ['[2]', 'true'],
    ]);
    const match = await variablesOf(dc, globals['m']!.variablesReference);
    expect(match['value']?.value).toBe('"bbb"');
    expect(match['span']?.value).toBe('[1, 4]');
  });
});

describe('evaluate', () => {
  it('evaluates `len(xs) + 1` in a selected frame, and reads the module frame from a module function', async () => {
    await stopAt(main, 'square', {}, undefined, stats);
    const trace = await dc.stackTraceRequest({ threadId: 1 });
    const [square, module] = trace.body.stackFrames;
    expect(
      (await dc.evaluateRequest({ expression: 'len(xs) + 1', frameId: module!.id, context: 'watch' })).body.result,
    ).toBe('4');
    expect(
      (await dc.evaluateRequest({ expression: 'n * 10', frameId: square!.id, context: 'watch' })).body.result,
    ).toBe('30');
    const err = dc.evaluateRequest({ expression: 'xs', frameId: square!.id, context: 'watch' });
    await expect(err).rejects.toThrow(/NameError: name 'xs' is not defined/);
  });

  it('hover refuses calls; REPL runs them and assigns; watch sees the change', async () => {
    const frame = await stopAt(main, 'loop');
    await expect(dc.evaluateRequest({ expression: 'len(xs)', frameId: frame, context: 'hover' })).rejects.toThrow(
      /not evaluated on hover/,
    );
    expect(
      (await dc.evaluateRequest({ expression: 'xs[0] + total', frameId: frame, context: 'hover' })).body.result,
    ).toBe('3');
    expect((await dc.evaluateRequest({ expression: 'total = 100', frameId: frame, context: 'repl' })).body.result).toBe(
      '100',
    );
    expect(
      (await dc.evaluateRequest({ expression: 'xs.append(9)', frameId: frame, context: 'repl' })).body.result,
    ).toBe('null');
    expect(
      (await dc.evaluateRequest({ expression: 'total + len(xs)', frameId: frame, context: 'watch' })).body.result,
    ).toBe('104');
    const objects = await dc.evaluateRequest({ expression: 'config.limits', frameId: frame, context: 'repl' });
    expect(objects.body.result).toBe('{depth: {max: 3}}');
    expect(objects.body.variablesReference).toBeGreaterThan(0);
  });

  it('setVariable changes what the program computes', async () => {
    const output = collectOutput((dc = await stdioClient()));
    const stopped = dc.waitForEvent('stopped');
    await launch(dc, { program: main }, () =>
      dc.setBreakpointsRequest({ source: { path: main }, breakpoints: [{ line: markerLine(main, 'loop') + 2 }] }),
    );
    await stopped;
    const frame = (await topFrame(dc)).id;
    const locals = await scopeRef(dc, frame, 'Locals');
    const set = await dc.setVariableRequest({ variablesReference: locals, name: 'total', value: '40 + 2' });
    expect(set.body.value).toBe('42');
    const xs = (await variablesOf(dc, locals))['xs']!;
    expect(
      (await dc.setVariableRequest({ variablesReference: xs.variablesReference, name: '[0]', value: '9' })).body.value,
    ).toBe('9');
    const ended = dc.waitForEvent('terminated');
    await dc.continueRequest({ threadId: 1 });
    await ended;
    expect(output.text('stdout')).toBe('total 42\nmean 4.0\n');
  });

  it('completes names in scope and members after a dot', async () => {
    const frame = await stopAt(main, 'loop');
    const names = await dc.completionsRequest({ text: 'con', column: 4, frameId: frame });
    expect(names.body.targets.map((t) => t.label)).toEqual(['config']);
    const members = await dc.completionsRequest({ text: 'x = stats.', column: 11, frameId: frame });
    expect(members.body.targets.map((t) => t.label)).toEqual(['mean', 'square']);
    expect(members.body.targets[0]).toMatchObject({ start: 11, length: 0 });
    const keys = await dc.completionsRequest({ text: 'config.li', column: 10, frameId: frame });
    expect(keys.body.targets).toMatchObject([{ label: 'limits', start: 8, length: 2 }]);
  });
});

describe('scopes and sources', () => {
  it("lists Locals, Globals (only the program's names), Capabilities and Resources", async () => {
    await stopAt(main, 'square', {}, undefined, stats);
    const trace = await dc.stackTraceRequest({ threadId: 1 });
    const scopes = await dc.scopesRequest({ frameId: trace.body.stackFrames[0]!.id });
    expect(scopes.body.scopes.map((s) => s.name)).toEqual(['Locals', 'Globals', 'Capabilities', 'Resources']);
    const mainGlobals = await variablesOf(dc, await scopeRef(dc, trace.body.stackFrames[1]!.id, 'Globals'));
    expect(Object.keys(mainGlobals)).toEqual(['stats', 'xs', 'config', 'total', 'x']);
    const resources = await variablesOf(dc, scopes.body.scopes[3]!.variablesReference);
    expect(Object.keys(resources)).toEqual(['CPU time', 'wall time', 'heap', 'output']);
    expect(resources['heap']!.value).toMatch(/ of 128\.0 MB$/);
    expect(resources['CPU time']!.value).toMatch(/ms of 30\.0 s$/);
  });

  it('the Capabilities scope lists grants and the audit with a GRANTED and a DENIED entry', async () => {
    const program = fixture('capabilities.ml');
    const frame = await stopAt(program, 'after', { capabilities: ['console:write'], deny: ['file:write:**'] }, []);
    const caps = await variablesOf(dc, await scopeRef(dc, frame, 'Capabilities'));
    expect(caps['granted']!.value).toMatch(/capabilities$/);
    const granted = await variablesOf(dc, caps['granted']!.variablesReference);
    expect(Object.values(granted).map((v) => v.value)).toContain('math:*');
    const denied = await variablesOf(dc, caps['denied']!.variablesReference);
    expect(Object.values(denied).map((v) => v.value)).toEqual(['!file:write:**']);
    const audit = Object.values(await variablesOf(dc, caps['audit']!.variablesReference)).map((v) => v.value);
    expect(audit).toContainEqual(expect.stringMatching(/^GRANTED math:\S+ \(capabilities\.ml:4:\d+, /));
    expect(audit).toContainEqual(
      expect.stringMatching(/^DENIED file:read:\S+secret\.txt \(capabilities\.ml:6:\d+, file\.read\)$/),
    );
  });

  it('a closure shows its own locals and, separately, what it sees of the enclosing function', async () => {
    const program = fixture('closure.ml');
    const frame = await stopAt(program, 'inside');
    const locals = await variablesOf(dc, await scopeRef(dc, frame, 'Locals'));
    const closure = await variablesOf(dc, await scopeRef(dc, frame, 'Closure'));
    expect(Object.fromEntries(Object.entries(locals).map(([k, v]) => [k, v.value]))).toEqual({ step: '10' });
    expect(Object.fromEntries(Object.entries(closure).map(([k, v]) => [k, v.value]))).toMatchObject({
      base: '5',
      add: expect.stringMatching(/function/),
    });
    expect(
      (await dc.evaluateRequest({ expression: 'base + step', frameId: frame, context: 'watch' })).body.result,
    ).toBe('15');
  });

  it('loadedSources lists the program and its user modules', async () => {
    await stopAt(main, 'end');
    const loaded = (await dc.customRequest('loadedSources', {})) as DebugProtocol.LoadedSourcesResponse;
    expect(loaded.body.sources.map((s) => s.path).sort()).toEqual([main, stats].sort());
  });
});
