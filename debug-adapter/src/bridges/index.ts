// Builds the host bridge table of one run: every operation that needs authority (files, paths,
// http, env, args, clock, randomness, stdin) with the run's capability context in front of it.
// The table is per run; nothing here survives the run or is shared with another run.
import path from 'node:path';
import type { AuditEvent, CallSite } from '@mlsec/grammar';
import type { ExecRequest } from '../sandbox/engine.js';
import type { BridgeEnv } from './bridge-env.js';
import { cryptoFileBridges } from './crypto-file.js';
import { csvFileBridges } from './csv-file.js';
import { envBridges } from './env-vars.js';
import { fileBridges } from './file.js';
import { Gate } from './gate.js';
import { httpBridges } from './http.js';
import { logFileBridges } from './log-file.js';
import { pathBridges } from './path-list.js';
import { runInfoBridges } from './run-info.js';
import { OpenFiles } from './safe-fs.js';
import { stdinBridges } from './stdin.js';
import type { BridgeTable } from './types.js';

export { BridgeError, type BridgeTable } from './types.js';

/** What the engine hands the bridges for one run. */
export interface BridgeRunContext {
  request: ExecRequest;
  /** The sandbox's own files (worker, runtime bundle, isolated-vm): never reachable by grants. */
  internalRoots: readonly string[];
  /** Streams audit events to the caller as checks happen. */
  audit(events: AuditEvent[]): void;
  /** Asks the caller for one line of stdin (when the request carries no stdin text). */
  input(prompt: string): Promise<string | null>;
  /** Delivers pending program output (so a prompt appears after what was printed before it). */
  flushOutput(): void;
  /** The ML call site being run (debug runs report it before host calls); audited with each check. */
  callSite?: () => CallSite | undefined;
}

export interface RunBridges {
  table: BridgeTable;
  /** Capability checks made so far (RunResult.stats.capabilityChecks). */
  capabilityChecks(): number;
  /** Releases what the run still holds (open log files, requests in flight) and flushes audit. */
  close(): void;
  /** Delivers audit events still batched (before a debugger looks at the run). */
  flushAudit(): void;
}

/** The program file as the program sees it: relative to the run root when inside it. */
function scriptName(request: ExecRequest): string {
  const rel = path.relative(request.rootDir, request.program.file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.basename(request.program.file);
}

/** The run's bridges, or why its capabilities cannot be used (the run must not start). */
export function createBridges(ctx: BridgeRunContext): { bridges: RunBridges } | { error: string } {
  const { request } = ctx;
  const created = Gate.create({
    capabilities: request.capabilities,
    declared: request.declared,
    rootDir: request.rootDir,
    internalRoots: ctx.internalRoots,
    audit: ctx.audit,
    ...(ctx.callSite ? { callSite: ctx.callSite } : {}),
  });
  if ('error' in created) return { error: created.error };
  const { gate } = created;
  const env: BridgeEnv = {
    gate,
    limits: request.limits,
    files: new OpenFiles(request.limits.openFiles),
    rootDir: request.rootDir,
  };
  const log = logFileBridges(env);
  const http = httpBridges(env);
  const table: BridgeTable = {
    sync: {
      ...fileBridges(env),
      ...pathBridges(env),
      ...envBridges(env, request.env),
      ...runInfoBridges(env, { script: scriptName(request), args: request.args, randomSeed: request.randomSeed }),
      ...cryptoFileBridges(env),
      ...csvFileBridges(env),
      ...log.bridges,
    },
    async: {
      ...http.bridges,
      ...stdinBridges(env, { text: request.stdin, ask: ctx.input, flushOutput: ctx.flushOutput }),
    },
  };
  return {
    bridges: {
      table,
      capabilityChecks: () => gate.checks,
      flushAudit: () => gate.flush(),
      close() {
        http.close();
        log.close();
        gate.flush();
      },
    },
  };
}
