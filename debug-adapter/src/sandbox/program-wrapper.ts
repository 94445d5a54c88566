// Wraps a program's JavaScript so it runs as a closure inside the isolate and reports how it ended
// as capped plain data (no JS stack, no host detail crosses). `reportThrown` runs INSIDE the
// isolate (serialised with toString): it must reference nothing outside its own body.
import { makeRuntimeHost, type RuntimeHostInfo } from './runtime-host.js';

/** What the in-isolate wrapper returns: null on success, else the error as plain data. */
export interface ThrownReport {
  kind: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  mlStack: { name: string; file: string; line: number; column: number }[];
}

/** Turns anything a program threw into a ThrownReport. Reads fields defensively (no getters run). */
export function reportThrown(e: unknown, file: string): ThrownReport {
  'use strict';
  const cap = (s: unknown, n: number): string => {
    const t = typeof s === 'string' ? s : '';
    return t.length > n ? t.slice(0, n) + '…' : t;
  };
  const own = (o: unknown, k: string): unknown => {
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null) return undefined;
    const d = Object.getOwnPropertyDescriptor(o, k);
    return d && 'value' in d ? d.value : undefined;
  };
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const report: ThrownReport = {
    kind: 'RuntimeError',
    message: 'internal error',
    file: null,
    line: null,
    column: null,
    mlStack: [],
  };
  if (e instanceof RangeError && String(own(e, 'message')).includes('call stack')) {
    report.kind = 'RecursionError';
    report.message = 'maximum recursion depth exceeded';
    return report;
  }
  const kind = own(e, 'kind');
  if (typeof kind === 'string') {
    // An ML error (the runtime's MLError) or a host error raised through the facade.
    report.kind = cap(kind, 100);
    report.message = cap(own(e, 'message'), 4000);
    const stack = own(e, 'mlStack');
    if (Array.isArray(stack)) {
      for (let i = 0; i < stack.length && i < 100; i++) {
        const f = stack[i];
        report.mlStack.push({
          name: cap(own(f, 'name'), 200),
          file: cap(own(f, 'file'), 1000),
          line: num(own(f, 'line')) ?? 0,
          column: num(own(f, 'column')) ?? 0,
        });
      }
    }
    const top = report.mlStack[0];
    const file = own(e, 'file');
    const line = num(own(e, 'line'));
    report.file = typeof file === 'string' && file !== '' ? cap(file, 1000) : top ? top.file : null;
    report.line = line !== null && line > 0 ? line : top ? top.line : null;
    report.column = line !== null && line > 0 ? num(own(e, 'column')) : top ? top.column : null;
    return report;
  }
  if (e instanceof Error) {
    // JavaScript harness programs only: ML code never sees a JS Error.
    report.kind = cap(own(Object.getPrototypeOf(e), 'name') ?? 'Error', 100);
    report.message = cap(own(e, 'message'), 4000);
    report.file = file;
    return report;
  }
  report.message = 'a non-error value was thrown';
  return report;
}

/**
 * Ends every program: waits until the host has taken every write (writes are fire-and-forget, so
 * the run's result must not overtake them). An output-limit error here is reported by the engine.
 */
const FLUSH = 'finally{try{$0.flush()}catch(_){}}';

/** Lines a wrapper adds before the program's first line (passed as a negative lineOffset). */
export const WRAPPER_LINES = 1;

/**
 * The closure body run for a `js` program: `$0` is the host facade, `$1` the file name. The
 * program's own `return` ends it; its value is ignored.
 */
export function wrapJsProgram(code: string): string {
  return (
    `"use strict";const __mlsecReport=${reportThrown.toString()};const __mlsecMain=()=>{\n` +
    `${code}\n};try{__mlsecMain();return null}catch(e){return __mlsecReport(e,$1)}${FLUSH}`
  );
}

export interface MlUnits {
  /** Transpiled main unit: a `(function ($rt) {...})` expression. */
  main: string;
  /** Transpiled user modules by dotted name. */
  modules: { name: string; code: string }[];
  info: RuntimeHostInfo;
}

/**
 * The closure body run for an ML program: builds the runtime over the host facade, registers the
 * user modules, runs the main unit and returns its error (if any) as capped plain data.
 */
export function wrapMlProgram(units: MlUnits): string {
  const lines = [
    `"use strict";const __mlsecReport=${reportThrown.toString()};try{`,
    `const __mlsecRt=globalThis.__mlsecRuntime.createRuntime((${makeRuntimeHost.toString()})($0,${JSON.stringify(units.info)}));`,
  ];
  for (const m of units.modules) lines.push(`__mlsecRt.defineUserModule(${JSON.stringify(m.name)},${m.code});`);
  lines.push(`const __mlsecResult=__mlsecRt.run(${units.main});`);
  lines.push('return __mlsecResult.ok?null:__mlsecReport(__mlsecResult.error,$1);');
  lines.push(`}catch(e){return __mlsecReport(e,$1)}${FLUSH}`);
  return lines.join('\n');
}
