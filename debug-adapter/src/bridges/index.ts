// Builds the host bridge table of one run: every operation that needs authority (files, paths,
// http, env, args, clock, randomness, stdin) with the run's capability context in front of it.
// The table is per run; nothing here survives the run or is shared with another run.
import type { ExecRequest } from '../sandbox/engine.js';
import type { AuditRecord } from '../sandbox/types.js';
import type { BridgeTable } from './types.js';

/** What the engine hands the bridges for one run. */
export interface BridgeRunContext {
  request: ExecRequest;
  /** Streams audit records to the caller as checks happen. */
  audit(records: AuditRecord[]): void;
  /** Asks the caller for one line of stdin (when the request carries no stdin text). */
  input(prompt: string): Promise<string | null>;
  /** Delivers pending program output (so a prompt appears after what was printed before it). */
  flushOutput(): void;
}

export interface RunBridges {
  table: BridgeTable;
  /** Capability checks made so far (RunResult.stats.capabilityChecks). */
  capabilityChecks(): number;
  /** Releases what the run still holds (open files, sockets). */
  close(): void;
}

export function createBridges(_ctx: BridgeRunContext): RunBridges {
  return {
    table: { sync: {}, async: {} },
    capabilityChecks: () => 0,
    close: () => undefined,
  };
}
