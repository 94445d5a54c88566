// Test helpers for the DAP suites: a DebugClient talking to the real, bundled adapter process
// (`mlsec dap` from debug-adapter/dist, over stdio or --server), fixture paths, marker lines
// (`// @name` comments) and waiting for events with a bound. No sleeps: everything waits on events.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DebugClient } from '@vscode/debugadapter-testsupport';
import type { DebugProtocol } from '@vscode/debugprotocol';

const here = path.dirname(fileURLToPath(import.meta.url));
export const fixtures = path.join(here, 'fixtures');
const dist = path.resolve(here, '../../dist');
const bin = path.resolve(here, '../../bin/mlsec.js');

/** The bundle the adapter process runs; the suites need `npx tsc -b && node scripts/bundle.mjs`. */
export function checkBundle(): void {
  for (const f of ['cli.js', 'worker.js', 'runtime.js', 'debug-agent.js']) {
    if (!existsSync(path.join(dist, f)))
      throw new Error(`debug-adapter/dist/${f} is missing: run npx tsc -b && node scripts/bundle.mjs`);
  }
}

export function fixture(name: string): string {
  return path.join(fixtures, name);
}

/** 1-based line of the `// @marker` comment in a fixture. */
export function markerLine(file: string, marker: string): number {
  const lines = readFileSync(file, 'utf8').split('\n');
  const i = lines.findIndex((l) => l.includes(`// @${marker}`) && !l.includes(`// @${marker}-`));
  if (i < 0) throw new Error(`no marker @${marker} in ${file}`);
  return i + 1;
}

/** A client on a fresh adapter process over stdio. */
export async function stdioClient(): Promise<DebugClient> {
  checkBundle();
  const dc = new DebugClient('node', path.join(fixtures, 'dap-stdio.mjs'), 'ml', { stdio: 'pipe' });
  dc.defaultTimeout = 10_000;
  await dc.start();
  return dc;
}

/** `mlsec dap --server=0` started as its own process; resolves once it listens. */
export async function startServer(): Promise<{ process: ChildProcess; port: number }> {
  checkBundle();
  const child = spawn(process.execPath, [bin, 'dap', '--server=0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = '';
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      text += chunk;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(text);
      if (m) resolve(Number(m[1]));
    });
    child.once('exit', (code) => reject(new Error(`the adapter exited (${code}): ${text}`)));
  });
  return { process: child, port };
}

/** Pids of the live child processes of `pid` (Linux /proc). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid && fields[0] !== 'Z') out.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** Collects output events (by category) as they arrive. */
export function collectOutput(dc: DebugClient): {
  text: (category?: string) => string;
  events: DebugProtocol.OutputEvent[];
} {
  const events: DebugProtocol.OutputEvent[] = [];
  dc.on('output', (e: DebugProtocol.OutputEvent) => events.push(e));
  return {
    events,
    text: (category) =>
      events
        .filter((e) => category === undefined || e.body.category === category)
        .map((e) => e.body.output)
        .join(''),
  };
}

/** Launches `program` after the configuration sequence, with breakpoints set before configurationDone. */
export async function launch(
  dc: DebugClient,
  args: Record<string, unknown>,
  setup: () => Promise<unknown> = async () => undefined,
): Promise<void> {
  await Promise.all([
    dc.waitForEvent('initialized').then(async () => {
      await setup();
      await dc.configurationDoneRequest();
    }),
    dc
      .initializeRequest({ adapterID: 'ml', linesStartAt1: true, columnsStartAt1: true, pathFormat: 'path' })
      .then(() => dc.launchRequest(args as DebugProtocol.LaunchRequestArguments)),
  ]);
}

export async function topFrame(dc: DebugClient): Promise<DebugProtocol.StackFrame> {
  const trace = await dc.stackTraceRequest({ threadId: 1 });
  return trace.body.stackFrames[0]!;
}

/** Variables of a scope or container by name → value. */
export async function variablesOf(dc: DebugClient, ref: number): Promise<Record<string, DebugProtocol.Variable>> {
  const r = await dc.variablesRequest({ variablesReference: ref });
  return Object.fromEntries(r.body.variables.map((v) => [v.name, v]));
}

export async function scopeRef(dc: DebugClient, frameId: number, name: string): Promise<number> {
  const r = await dc.scopesRequest({ frameId });
  const s = r.body.scopes.find((x) => x.name === name);
  if (!s) throw new Error(`no scope ${name}: ${r.body.scopes.map((x) => x.name).join(', ')}`);
  return s.variablesReference;
}
