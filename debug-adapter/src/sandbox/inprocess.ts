// In-process executor for the one-shot CLI: hosts the isolates in the calling process (which must
// have been started with --no-node-snapshot) to avoid a second Node start-up. After a catastrophic
// isolate error it refuses further runs: the process state can no longer be trusted.
import { readFileSync } from 'node:fs';
import { sandboxInternalRoots, loadIsolatedVm, processCanHostIsolates } from './artifacts.js';
import { SandboxEngine, type ExecHooks, type ExecOutcome, type ExecRequest } from './engine.js';
import { hostError, resolveLimits } from './limits.js';
import type { RunControl } from './types.js';

export interface InProcessOptions {
  runtimePath: string | null;
  poolSize: number;
}

export class InProcessExecutor {
  private engine: SandboxEngine | null = null;
  private broken: string | null = null;

  constructor(private readonly options: InProcessOptions) {
    if (!processCanHostIsolates()) {
      throw new Error(
        "in-process sandbox mode needs a Node started with --no-node-snapshot (use mode 'worker' otherwise)",
      );
    }
  }

  async exec(request: ExecRequest, hooks: ExecHooks, onControl?: (c: RunControl) => void): Promise<ExecOutcome> {
    if (this.broken !== null) {
      return {
        error: hostError('SandboxError', 'the sandbox stopped after a catastrophic error; restart the process'),
        runMs: 0,
        cpuMs: 0,
        peakHeapBytes: 0,
        capabilityChecks: 0,
        bridgeCalls: 0,
      };
    }
    return this.getEngine().execute(request, hooks, onControl);
  }

  async dispose(): Promise<void> {
    this.engine?.dispose();
    this.engine = null;
  }

  private getEngine(): SandboxEngine {
    if (!this.engine) {
      this.engine = new SandboxEngine({
        ivm: loadIsolatedVm(),
        runtimeSource: this.options.runtimePath ? readFileSync(this.options.runtimePath, 'utf8') : '',
        poolSize: this.options.poolSize,
        // Snapshots are off: isolates restored from one lose the runtime's string methods (see worker.ts).
        useSnapshot: false,
        poolLimits: resolveLimits(undefined),
        internalRoots: sandboxInternalRoots([this.options.runtimePath]),
        onCatastrophicError: (message) => {
          this.broken = message;
        },
      });
      this.engine.warm();
    }
    return this.engine;
  }
}
