// Entry point of the sandbox worker process (`node --no-node-snapshot --max-old-space-size=N
// worker.js CONFIG`): hosts isolated-vm isolates, runs requests from the supervisor over IPC and
// streams output back. Exits on a catastrophic isolate error; the supervisor starts a new worker.
import { readFileSync } from 'node:fs';
import { BridgeError } from '../bridges/types.js';
import { sandboxInternalRoots, loadIsolatedVm } from './artifacts.js';
import { resolveLimits } from './limits.js';
import { SandboxEngine } from './engine.js';
import type { AuditRecord, RunControl } from './types.js';
import {
  WORKER_FATAL_EXIT,
  isParentMessage,
  type ParentMessage,
  type WorkerConfig,
  type WorkerMessage,
} from './protocol.js';

const startedAt = performance.now();

function send(message: WorkerMessage): void {
  if (process.connected) process.send!(message);
}

let exiting = false;
function fatal(message: string): void {
  if (exiting) return;
  exiting = true;
  send({ type: 'fatal', message });
  // Give the IPC channel a moment to carry the message, then leave: the process state is suspect.
  setTimeout(() => process.exit(WORKER_FATAL_EXIT), 20).unref();
}

function main(): void {
  if (!process.send) {
    process.stderr.write('the sandbox worker must be started by the sandbox supervisor (IPC channel missing)\n');
    process.exit(2);
  }
  const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;
  const engine = new SandboxEngine({
    ivm: loadIsolatedVm(),
    runtimeSource: config.runtimePath ? readFileSync(config.runtimePath, 'utf8') : '',
    poolSize: config.poolSize,
    // Isolates restored from an isolated-vm 5 snapshot lose the runtime's string methods (every
    // call failed with an internal error), so the worker compiles the bundle per pooled isolate.
    useSnapshot: false,
    poolLimits: resolveLimits(undefined),
    internalRoots: sandboxInternalRoots([process.argv[1] ?? null, config.runtimePath]),
    onCatastrophicError: (message) => fatal(`catastrophic isolate error: ${message}`),
  });
  const controls = new Map<number, RunControl>();
  const waiters = new Map<string, { resolve(v: unknown): void; reject(e: unknown): void }>();
  let seq = 0;
  const ask = (id: number, op: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const n = ++seq;
      waiters.set(`${id}:${n}`, { resolve, reject });
      send({ type: 'request', id, seq: n, op, args });
    });

  const handle = (m: ParentMessage): void => {
    switch (m.type) {
      case 'run': {
        const { id } = m;
        const hooks = {
          output: (stream: 'stdout' | 'stderr', text: string) => send({ type: 'output', id, stream, text }),
          audit: (records: AuditRecord[]) => send({ type: 'audit', id, records }),
          input: (prompt: string) => ask(id, 'input', [prompt]).then((v) => (typeof v === 'string' ? v : null)),
          debug: (op: string, args: unknown[]) => ask(id, op, args),
        };
        engine
          .execute(m.request, hooks, (control) => controls.set(id, control))
          .then((outcome) => send({ type: 'done', id, outcome }))
          .catch(() => fatal('the sandbox engine failed'))
          .finally(() => {
            controls.delete(id);
            // Questions a killed run left unanswered are forgotten with it.
            for (const key of waiters.keys()) if (key.startsWith(`${id}:`)) waiters.delete(key);
          });
        return;
      }
      case 'reply': {
        const key = `${m.id}:${m.seq}`;
        const waiter = waiters.get(key);
        waiters.delete(key);
        if (m.ok) waiter?.resolve(m.value);
        else waiter?.reject(new BridgeError(m.kind, m.message));
        return;
      }
      case 'control': {
        const c = controls.get(m.id);
        if (m.action === 'pause-wall') c?.pauseWallClock();
        else if (m.action === 'resume-wall') c?.resumeWallClock();
        else c?.terminate();
        return;
      }
      case 'shutdown':
        engine.dispose();
        process.disconnect();
        return;
    }
  };

  process.on('message', (m: unknown) => {
    if (isParentMessage(m)) handle(m);
  });
  process.on('disconnect', () => process.exit(0));
  process.on('uncaughtException', () => fatal('uncaught exception in the sandbox worker'));
  process.on('unhandledRejection', () => fatal('unhandled rejection in the sandbox worker'));
  send({ type: 'ready', startupMs: performance.now() - startedAt });
  engine.warm();
}

main();
