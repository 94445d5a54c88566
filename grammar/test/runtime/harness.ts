// In-process test harness: parses, transpiles and runs ML source with the runtime in plain Node,
// capturing output through an in-memory host. TESTS ONLY: it evaluates generated code with
// `new Function`, which the isolate never allows.
import { parse } from '../../src/syntax/api.js';
import { transpile } from '../../src/transpiler/index.js';
import {
  createRuntime,
  type HostCallSite,
  type RunResult,
  type RuntimeHost,
  type UnitFunction,
} from '../../src/runtime/index.js';
import { DEFAULT_GRANT_RESOURCES } from '../../src/stdlib/index.js';

export interface HarnessResult extends RunResult {
  stdout: string;
  stderr: string;
  /** Parse or transpile diagnostics (the program did not run when non-empty). */
  diagnostics: string[];
}

export interface HarnessOptions {
  file?: string;
  stdin?: string[];
  /** Granted resources (`resource:*`); defaults to the default grant. */
  grants?: readonly string[];
  /** User modules: dotted name → ML source. */
  modules?: Record<string, string>;
  /** Host implementation of bridged stdlib functions. */
  bridge?: RuntimeHost['bridge'] | undefined;
  /** Called before each write reaches the buffers (may throw to simulate host limits). */
  onWrite?: (stream: string, text: string) => void;
  /** Sees each enforced capability check with the call site the runtime reports. */
  onCheck?: (capability: string, site?: HostCallSite) => void;
}

/** A small deterministic generator in [0, 1) so runs are reproducible. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** An in-memory host: output buffers, scripted stdin, grants by resource name. */
export function memoryHost(grants: readonly string[], stdin: string[] = []) {
  const out = { stdout: '', stderr: '' };
  const granted = (cap: string): boolean => grants.includes(cap.split(':')[0]!) || grants.includes(cap);
  const host: RuntimeHost = {
    write: (stream, text) => {
      out[stream] += text;
    },
    readLine: () => stdin.shift() ?? null,
    checkCapability: granted,
    queryCapability: granted,
    listCapabilities: () => grants.map((g) => (g.includes(':') ? g : `${g}:*`)),
    random: lcg(42),
    now: () => Date.UTC(2024, 0, 15, 12, 0, 0),
    cwd: () => '/work',
    argv: () => [],
  };
  return { host, out };
}

/** Transpiles ML source to a unit function (evaluated with new Function — tests only). */
export function compileUnit(
  source: string,
  file: string,
  moduleName?: string,
): { unit?: UnitFunction; diagnostics: string[] } {
  const parsed = parse(source);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0)
    return {
      diagnostics: errors.map((d) => `${d.range.start.line + 1}:${d.range.start.column + 1} ${d.code} ${d.message}`),
    };
  const t = transpile(parsed.program, moduleName === undefined ? { file } : { file, moduleName });
  if (t.diagnostics.length > 0) return { diagnostics: t.diagnostics.map((d) => d.message) };
  const unit = new Function(`return ${t.code};`)() as UnitFunction;
  return { unit, diagnostics: [] };
}

export function runML(source: string, options: HarnessOptions = {}): HarnessResult {
  const file = options.file ?? 'main.ml';
  const { host, out } = memoryHost(options.grants ?? DEFAULT_GRANT_RESOURCES, options.stdin);
  if (options.bridge) host.bridge = options.bridge;
  const onCheck = options.onCheck;
  if (onCheck) {
    const check = host.checkCapability;
    host.checkCapability = (capability, site) => {
      onCheck(capability, site);
      return check(capability, site);
    };
  }
  const onWrite = options.onWrite;
  if (onWrite) {
    const write = host.write;
    host.write = (stream, text) => {
      onWrite(stream, text);
      write(stream, text);
    };
  }
  const rt = createRuntime(host);
  for (const [name, src] of Object.entries(options.modules ?? {})) {
    const m = compileUnit(src, `${name.replace(/\./g, '/')}.ml`, name);
    if (!m.unit) return { ok: false, stdout: '', stderr: '', diagnostics: m.diagnostics };
    rt.defineUserModule(name, m.unit);
  }
  const main = compileUnit(source, file);
  if (!main.unit) return { ok: false, stdout: '', stderr: '', diagnostics: main.diagnostics };
  const result = rt.run(main.unit);
  return { ...result, stdout: out.stdout, stderr: out.stderr, diagnostics: [] };
}

/**
 * Runs `print(<expr>);` and returns the printed text without the newline, or `Kind: message` when
 * evaluating the expression raised. Lets tests state behaviour as (ML expression, text) tables.
 */
export function show(expr: string, prelude = ''): string {
  const r = runML(`${prelude}\nprint(${expr});`);
  if (r.diagnostics.length > 0) return `diagnostics: ${r.diagnostics.join('; ')}`;
  if (r.error) return `${r.error.kind}: ${r.error.message}`;
  return r.stdout.replace(/\n$/, '');
}
