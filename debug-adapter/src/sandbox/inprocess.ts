// In-process executor for the one-shot CLI: hosts the isolates in the calling process (which must
// have been started with --no-node-snapshot) to avoid a second Node start-up. After a catastrophic
// isolate error it refuses further runs: the process state can no longer be trusted.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sandboxInternalRoots, loadIsolatedVm, processCanHostIsolates } from './artifacts.js';
import { SandboxEngine, type ExecHooks, type ExecOutcome, type ExecRequest } from './engine.js';
import type { CodeCacheStore } from './isolate-factory.js';
import { hostError, resolveLimits } from './limits.js';
import type { RunControl } from './types.js';

export interface InProcessOptions {
  runtimePath: string | null;
  /** Isolates prepared ahead of the first run; above 0, preparing starts at construction. */
  poolSize: number;
}

/**
 * The runtime bundle's code cache in `.cache/` beside it (like the CLI bundle's), named after the
 * bundle's size and time of change and the Node version, so a rebuilt bundle never meets an old
 * cache. Only who can change the bundle can change its folder; a read-only one runs without.
 */
function runtimeCodeCacheBeside(runtimePath: string): CodeCacheStore | undefined {
  let file: string;
  try {
    const stat = statSync(runtimePath);
    const key = `${stat.size}-${Math.trunc(stat.mtimeMs)}-${process.version}-${process.arch}`;
    file = path.join(path.dirname(runtimePath), '.cache', `${path.basename(runtimePath)}-${key}.v8`);
  } catch {
    return undefined;
  }
  return {
    load() {
      try {
        const data = readFileSync(file);
        return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
      } catch {
        return null;
      }
    },
    save(data) {
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, new Uint8Array(data));
        renameSync(tmp, file);
      } catch {
        // Without a cache the next process compiles the runtime again.
      }
    },
  };
}

/** Where a catastrophic isolate error goes: the executor that owns the engine, once there is one. */
interface CatastropheRoute {
  to: ((message: string) => void) | null;
  early: string | null;
}

function createEngine(runtimePath: string | null, poolSize: number, route: CatastropheRoute): SandboxEngine {
  const runtimeCodeCache = runtimePath ? runtimeCodeCacheBeside(runtimePath) : undefined;
  const engine = new SandboxEngine({
    ivm: loadIsolatedVm(),
    runtimeSource: runtimePath ? readFileSync(runtimePath, 'utf8') : '',
    poolSize,
    // Snapshots are off: isolates restored from one lose the runtime's string methods (see worker.ts).
    useSnapshot: false,
    poolLimits: resolveLimits(undefined),
    internalRoots: sandboxInternalRoots([runtimePath]),
    onCatastrophicError: (message) => (route.to ? route.to(message) : (route.early ??= message)),
    ...(runtimeCodeCache ? { runtimeCodeCache } : {}),
  });
  engine.warm();
  return engine;
}

/** The engine started by prestartInProcess, until an executor for the same runtime adopts it. */
let prestarted: { runtimePath: string | null; engine: SandboxEngine; route: CatastropheRoute } | null = null;

/**
 * Starts preparing an isolate (default limits) for the in-process sandbox that this process is
 * about to create, before the code that creates it has even been loaded: the one-shot CLI calls it
 * first thing, so the isolate loads the runtime on its own thread meanwhile. The first in-process
 * executor with the same runtime and a pool adopts it; `discardPrestarted` drops an unadopted one.
 */
export function prestartInProcess(runtimePath: string | null): void {
  if (prestarted !== null || !processCanHostIsolates()) return;
  try {
    const route: CatastropheRoute = { to: null, early: null };
    prestarted = { runtimePath, engine: createEngine(runtimePath, 1, route), route };
  } catch {
    // The executor created later reports whatever is wrong (e.g. a runtime that is not built).
    prestarted = null;
  }
}

export function discardPrestarted(): void {
  prestarted?.engine.dispose();
  prestarted = null;
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
    // The pool's isolates load the runtime on their own threads while this one compiles the program.
    // A failure to start (e.g. the runtime is not built) is the first run's to report.
    if (options.poolSize > 0) {
      try {
        this.getEngine();
      } catch {
        this.engine = null;
      }
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
      const { runtimePath, poolSize } = this.options;
      const early = prestarted;
      if (early !== null && early.runtimePath === runtimePath && poolSize > 0) {
        prestarted = null;
        this.engine = early.engine;
        early.route.to = (message) => (this.broken = message);
        this.broken = early.route.early;
      } else {
        this.engine = createEngine(runtimePath, poolSize, { to: (message) => (this.broken = message), early: null });
      }
    }
    return this.engine;
  }
}
