// Test harness for debug-mode units: a recording stand-in for the debug agent's `$D` handle (hooks
// log `file:line` events, frames keep their accessors) and an in-process runner. TESTS ONLY: it
// evaluates generated code with `new Function`, which the isolate never allows.
import { parse } from '../../src/syntax/api.js';
import { transpile } from '../../src/transpiler/index.js';
import { createRuntime, type UnitFunction, type Value } from '../../src/runtime/index.js';
import { DEFAULT_GRANT_RESOURCES } from '../../src/stdlib/index.js';
import { memoryHost } from '../runtime/harness.js';

interface Meta {
  name: string;
  own: number;
  names: string[];
}

export interface RecordedFrame {
  name: string;
  names: string[];
  own: number;
  access: (i: number, x?: Value) => (Value | undefined)[];
  /** The variables' values (after the accessor's function index, position and try count). */
  values(): (Value | undefined)[];
  /** Active `try` blocks with a handler. */
  tries(): number;
}

export interface DebugRecording {
  /** `enter NAME`, `exit NAME`, `hook LINE`, `thrown LINE caught|uncaught KIND`, `caught LINE KIND`. */
  events: string[];
  stack: RecordedFrame[];
}

type DebugUnit = (rt: unknown, d: unknown) => unknown;

/** A `$D` that records what the instrumented code reports; `onHook` may inspect or change frames. */
export function recordingAgent(onHook?: (line: number, stack: RecordedFrame[]) => void) {
  const rec: DebugRecording = { events: [], stack: [] };
  const stack = rec.stack;
  const handle = {
    unit(_file: string, _module: string | null, table: { data: readonly number[] }, meta: Meta[]) {
      const line = (k: number): number => (table.data[2 * k] ?? -1) + 1;
      /** Line of the position the innermost frame is running. */
      const here = (): number => line(stack[stack.length - 1]!.access(-1)[1] as number);
      return {
        h(k: number): void {
          rec.events.push(`hook ${line(k)}`);
          onHook?.(line(k), stack);
        },
        e(i: number, access: RecordedFrame['access']): void {
          const m = meta[i]!;
          stack.push({
            name: m.name,
            names: m.names,
            own: m.own,
            access,
            values: () => access(-1).slice(3),
            tries: () => access(-1)[2] as number,
          });
          rec.events.push(`enter ${m.name}`);
        },
        x(): void {
          rec.events.push(`exit ${stack.pop()!.name}`);
        },
        t(err: { kind: string }) {
          const caught = stack.some((f) => f.tries() > 0);
          rec.events.push(`thrown ${here()} ${caught ? 'caught' : 'uncaught'} ${err.kind}`);
          return err;
        },
        c(value: { error: { kind: string } }) {
          rec.events.push(`caught ${here()} ${value.error.kind}`);
          return value;
        },
      };
    },
  };
  return { handle, rec };
}

export function compileDebugUnit(source: string, file: string, moduleName?: string): DebugUnit {
  const parsed = parse(source);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`syntax errors in test program: ${errors.map((d) => d.message).join('; ')}`);
  const t = transpile(parsed.program, { file, debug: true, ...(moduleName ? { moduleName } : {}) });
  if (t.diagnostics.length > 0) throw new Error(t.diagnostics.map((d) => d.message).join('; '));
  return new Function(`return ${t.code};`)() as DebugUnit;
}

/** Runs a program in debug mode against `handle`; returns its output and error kind. */
export function runDebug(source: string, handle: unknown, modules: Record<string, string> = {}) {
  const { host, out } = memoryHost(DEFAULT_GRANT_RESOURCES);
  const rt = createRuntime(host);
  for (const [name, src] of Object.entries(modules)) {
    const unit = compileDebugUnit(src, `${name.replace(/\./g, '/')}.ml`, name);
    rt.defineUserModule(name, ((r: unknown) => unit(r, handle)) as UnitFunction);
  }
  const main = compileDebugUnit(source, 'main.ml');
  const result = rt.run(((r: unknown) => main(r, handle)) as UnitFunction);
  return { stdout: out.stdout, stderr: out.stderr, error: result.error };
}
