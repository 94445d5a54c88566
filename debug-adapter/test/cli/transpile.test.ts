// `mlsec transpile`: the emitted JavaScript runs on the ML runtime bundle (evaluated in a fresh
// node:vm context) with the conformance output, the V3 source map maps generated lines back to ML
// lines, and files with errors are refused; usage errors exit 2.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, describe, expect, test } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { nodeIO } from '../../src/cli/node-io.js';
import { buildTestArtifacts } from '../sandbox/artifacts.js';

const CONFORMANCE = fileURLToPath(new URL('../../../test/conformance/', import.meta.url));
const PROJECT = fileURLToPath(new URL('./run-project/', import.meta.url));
const tmp = mkdtempSync(path.join(tmpdir(), 'mlsec-transpile-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const real = nodeIO();
  let out = '';
  let err = '';
  const io: CliIO = { ...real, stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await main(['transpile', ...argv], io);
  return { code, out, err };
}

interface RuntimeApi {
  createRuntime(host: object): { run(unit: unknown): { ok: boolean; error?: { kind: string; message: string } } };
}

/** Runs a transpiled unit on the runtime bundle in a fresh context; every capability is granted. */
async function runUnit(code: string): Promise<{ ok: boolean; stdout: string; error?: { kind: string } }> {
  const { runtimePath } = await buildTestArtifacts();
  const context = vm.createContext({});
  vm.runInContext(readFileSync(runtimePath!, 'utf8'), context);
  const api = vm.runInContext('globalThis.__mlsecRuntime', context) as RuntimeApi;
  let stdout = '';
  const rt = api.createRuntime({
    write: (stream: string, text: string) => void (stream === 'stdout' ? (stdout += text) : undefined),
    readLine: () => null,
    checkCapability: () => true,
    queryCapability: () => true,
    listCapabilities: () => [],
    random: () => 0.5,
    now: () => 0,
  });
  const result = rt.run(vm.runInContext(code, context, { filename: 'unit.js' }));
  return { ok: result.ok, stdout, ...(result.error ? { error: result.error } : {}) };
}

/** Decodes the first segment of each line of a V3 `mappings` string: generated line → ML line (0-based). */
function mappedLines(mappings: string): Map<number, number> {
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const out = new Map<number, number>();
  let mlLine = 0;
  mappings.split(';').forEach((group, generated) => {
    if (group === '') return;
    const values: number[] = [];
    let value = 0;
    let shift = 0;
    for (const ch of group.split(',')[0]!) {
      const digit = B64.indexOf(ch);
      value += (digit & 31) << shift;
      if (digit & 32) shift += 5;
      else {
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
    }
    mlLine += values[2]!;
    out.set(generated, mlLine);
  });
  return out;
}

describe('mlsec transpile', () => {
  test.each(['17_functions', '19_closures_nonlocal', '26_try_except_finally', '35_math_module'])(
    'the output of %s runs on the runtime with the expected output',
    async (name) => {
      const r = await cli([path.join(CONFORMANCE, `${name}.ml`)]);
      expect(r).toMatchObject({ code: 0, err: '' });
      expect(r.out.startsWith('(function ($rt) {\n')).toBe(true);
      const run = await runUnit(r.out);
      expect(run).toEqual({ ok: true, stdout: readFileSync(path.join(CONFORMANCE, `${name}.out`), 'utf8') });
    },
  );

  test('-o writes the file; --source-map writes a linked V3 map whose lines lead back to the ML source', async () => {
    const out = path.join(tmp, 'error.js');
    const source = path.join(PROJECT, 'runtime_error.ml');
    expect(await cli([source, '-o', out, '--source-map'])).toEqual({ code: 0, out: '', err: '' });
    const code = readFileSync(out, 'utf8');
    expect(code.endsWith('\n//# sourceMappingURL=error.js.map\n')).toBe(true);
    const map = JSON.parse(readFileSync(`${out}.map`, 'utf8'));
    expect(map).toMatchObject({ version: 3, file: 'error.js', sources: [path.relative(tmp, source)], names: [] });
    const lines = code.split('\n');
    const ml = readFileSync(source, 'utf8').split('\n');
    const mapped = mappedLines(map.mappings);
    const division = lines.findIndex((l) => l.includes('$div('));
    expect(ml[mapped.get(division)!]).toContain('return a / b;');
    const call = lines.findIndex((l) => l.includes('"start"'));
    expect(ml[mapped.get(call)!]).toBe('print("start");');
    // The written file runs too, and its error names the ML file and line.
    expect(await runUnit(code)).toMatchObject({ ok: false, stdout: 'start\n', error: { kind: 'ZeroDivisionError' } });
  });

  test('a file with syntax errors is refused and nothing is written', async () => {
    const out = path.join(tmp, 'never.js');
    const r = await cli([path.join(PROJECT, 'syntax_error.ml'), '-o', out]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /syntax_error\.ml:2:10: error ML200: .*\nmlsec transpile: .*syntax_error\.ml has errors; nothing was written\n$/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  test.each([
    [['--source-map', 'x.ml'], 'mlsec transpile: --source-map needs -o OUT (the map is written to OUT.map)\n'],
    [['missing.ml'], 'mlsec transpile: cannot read missing.ml: no such file\n'],
    [[], 'mlsec transpile: missing FILE\n'],
  ])('usage error: %j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(message)).toBe(true);
  });
});
