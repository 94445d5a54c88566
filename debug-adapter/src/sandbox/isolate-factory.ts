// Creates ready-to-run isolates: fresh isolate + context with the runtime bundle (restored from a
// V8 snapshot made once per process, else compiled with a code cache, kept on disk when the host
// gives a store), host facade wired through one sync Callback, one fire-and-forget output Callback
// and one async Reference (all captured in the prelude's closure, never on globals), intrinsics
// locked down. Keeps a small pre-warmed pool; an isolate is handed out once, never reused.
import type IVM from 'isolated-vm';
import { RUNTIME_GLOBAL } from './artifacts.js';
import { isolateLockdown, isolatePrelude, type PreludeConfig } from './isolate-prelude.js';
import type { SandboxLimits } from './types.js';

/** Host side of one prepared isolate: whichever run owns it answers its calls. */
export interface HostChannel {
  /** `site`: the ML call site `[file, line, column]` the isolate reports with the call, or null. */
  sync(op: string, args: unknown, site?: unknown): unknown;
  async(op: string, args: unknown, site?: unknown): Promise<unknown>;
  write(stream: number, text: string): void;
}

/** Replies every call while no run owns the isolate (only reachable by a bug). */
const UNOWNED: HostChannel = {
  sync: () => ({ ok: false, kind: 'RuntimeError', message: 'no run owns this sandbox' }),
  async: () => Promise.resolve({ ok: false, kind: 'RuntimeError', message: 'no run owns this sandbox' }),
  write: () => undefined,
};

export interface PreparedIsolate {
  readonly isolate: IVM.Isolate;
  readonly context: IVM.Context;
  /** Reference to the in-isolate facade (pass `facade.derefInto()` to code in the isolate). */
  readonly facade: IVM.Reference<unknown>;
  /** Set by the run that takes the isolate. */
  channel: HostChannel;
  /** Set once isolated-vm reports a catastrophic error for this isolate. */
  catastrophe: string | null;
  readonly key: string;
}

/** Keeps the runtime bundle's V8 code cache between processes (a missing cache costs speed only). */
export interface CodeCacheStore {
  load(): ArrayBuffer | null;
  save(data: ArrayBuffer): void;
}

export interface IsolateFactoryOptions {
  ivm: typeof IVM;
  /** Source of the runtime bundle (an IIFE that installs the runtime on globalThis), or '' for none. */
  runtimeSource: string;
  /** Prepared isolates kept ready for runs with default limits (0 disables the pool). */
  poolSize: number;
  /** Restore isolates from a runtime snapshot made at `warm()` (pays off from the second isolate). */
  useSnapshot: boolean;
  /** Limits a pooled isolate is prepared for; runs with other memory/output limits get a fresh one. */
  poolLimits: SandboxLimits;
  /** Called when isolated-vm reports that V8 lost control of an isolate. */
  onCatastrophicError(message: string): void;
  /** Where the runtime's code cache outlives the process (one-shot hosts); else it lives in memory. */
  runtimeCodeCache?: CodeCacheStore;
}

const PRELUDE_SOURCE = `return (${isolatePrelude.toString()})($0, $1, $2, $3);`;
const LOCKDOWN_SOURCE = `(${isolateLockdown.toString()})();`;

function preludeConfig(limits: SandboxLimits): PreludeConfig {
  return {
    runtimeGlobal: RUNTIME_GLOBAL,
    copyOutChars: limits.copyOutChars,
    maxWriteChars: limits.outputBytes + 64,
    creditWrites: 64,
  };
}

function poolKey(limits: SandboxLimits): string {
  return `${limits.memoryMb}/${limits.outputBytes}/${limits.copyOutChars}`;
}

export class IsolateFactory {
  private readonly pool: Promise<PreparedIsolate>[] = [];
  /** The runtime's code cache: undefined until looked up, null when there is none yet. */
  private runtimeCache: IVM.ExternalCopy<ArrayBuffer> | null | undefined;
  private snapshot: IVM.ExternalCopy<ArrayBuffer> | null = null;
  private snapshotTried = false;
  private disposed = false;

  constructor(private readonly options: IsolateFactoryOptions) {}

  /**
   * Makes the runtime snapshot and starts filling the pool (call once the host is otherwise idle,
   * e.g. right after start-up: the snapshot takes a few tens of milliseconds, once per process).
   */
  warm(): void {
    this.makeSnapshot();
    this.refill();
  }

  /** Whether isolates start from the runtime snapshot (else the bundle is compiled per isolate). */
  get usesSnapshot(): boolean {
    return this.snapshot !== null;
  }

  private makeSnapshot(): void {
    if (this.snapshotTried || !this.options.useSnapshot || this.options.runtimeSource === '') return;
    this.snapshotTried = true;
    try {
      // No warm-up script: snapshots warmed up this way came back with corrupted string constants
      // (print wrote "hellor" for "hello\n"); see test/sandbox/sandbox.test.ts "output is exact".
      this.snapshot = this.options.ivm.Isolate.createSnapshot([
        { code: this.options.runtimeSource, filename: 'mlsec:runtime' },
      ]);
    } catch {
      // Isolates still work without it: the bundle is then compiled (with a code cache) per isolate.
      this.snapshot = null;
    }
  }

  /** An isolate prepared for these limits: from the pool when they match, else a fresh one. */
  async take(limits: SandboxLimits): Promise<PreparedIsolate> {
    const key = poolKey(limits);
    if (key === poolKey(this.options.poolLimits) && this.pool.length > 0) {
      const ready = this.pool.shift()!;
      try {
        const prepared = await ready;
        if (!prepared.isolate.isDisposed) return prepared;
      } catch {
        // A pooled isolate that failed to prepare is simply replaced by a fresh one.
      }
    }
    return this.prepare(limits);
  }

  /** Disposes pooled isolates; later `take` calls still work (without a pool). */
  dispose(): void {
    this.disposed = true;
    for (const p of this.pool.splice(0)) {
      p.then((x) => x.isolate.isDisposed || x.isolate.dispose()).catch(() => undefined);
    }
  }

  /**
   * Tops the pool up in the background. The engine calls it when a run has finished, not when it
   * starts: preparing an isolate costs main-thread time that would otherwise delay the run.
   */
  replenish(): void {
    setImmediate(() => this.refill());
  }

  private refill(): void {
    while (!this.disposed && this.pool.length < this.options.poolSize) {
      const p = this.prepare(this.options.poolLimits);
      p.catch(() => undefined);
      this.pool.push(p);
    }
  }

  async prepare(limits: SandboxLimits): Promise<PreparedIsolate> {
    const { ivm } = this.options;
    let prepared: PreparedIsolate | null = null;
    const snapshot = this.snapshot;
    const isolate = new ivm.Isolate({
      memoryLimit: limits.memoryMb,
      ...(snapshot ? { snapshot } : {}),
      onCatastrophicError: (message: string) => {
        if (prepared) prepared.catastrophe = message;
        this.options.onCatastrophicError(message);
      },
    });
    try {
      // Only the context and the runtime's compile (from its code cache) happen on this thread;
      // loading the runtime, the prelude and the lockdown are queued together on the isolate's own
      // thread, which runs them in order while this one goes on (e.g. compiling the program).
      const context = isolate.createContextSync();
      const holder: { channel: HostChannel } = { channel: UNOWNED };
      const rawSync = new ivm.Callback((op: string, args: unknown, site: unknown) =>
        holder.channel.sync(op, args, site),
      );
      const rawWrite = new ivm.Callback((s: number, t: string) => holder.channel.write(s, t), { ignored: true });
      const rawAsync = new ivm.Reference((op: string, args: unknown, site: unknown) =>
        holder.channel.async(op, args, site).then((reply) => new ivm.ExternalCopy(reply).copyInto({ release: true })),
      );
      const runtime =
        !snapshot && this.options.runtimeSource !== ''
          ? this.compileRuntime(isolate).run(context, { release: true })
          : Promise.resolve();
      const config = new ivm.ExternalCopy(preludeConfig(limits)).copyInto();
      const facadeReady = context.evalClosure(PRELUDE_SOURCE, [rawSync, rawAsync, rawWrite, config], {
        result: { reference: true },
        filename: 'mlsec:prelude',
      }) as Promise<IVM.Reference<unknown>>;
      const lockedDown = context.evalClosure(LOCKDOWN_SOURCE, [], { filename: 'mlsec:lockdown' });
      const [, facade] = await Promise.all([runtime, facadeReady, lockedDown]);
      prepared = {
        isolate,
        context,
        facade,
        catastrophe: null,
        key: poolKey(limits),
        get channel() {
          return holder.channel;
        },
        set channel(c: HostChannel) {
          holder.channel = c;
        },
      };
      return prepared;
    } catch (e) {
      if (!isolate.isDisposed) isolate.dispose();
      throw e;
    }
  }

  /**
   * Compiles the runtime bundle with V8's code cache: the one of the first compile in this process,
   * else the store's. A missing or rejected cache is replaced by the one this compile produces.
   */
  private compileRuntime(isolate: IVM.Isolate): IVM.Script {
    const { ivm, runtimeCodeCache } = this.options;
    if (this.runtimeCache === undefined) {
      const stored = runtimeCodeCache?.load() ?? null;
      this.runtimeCache = stored === null ? null : new ivm.ExternalCopy(stored);
    }
    const cachedData = this.runtimeCache;
    const script = isolate.compileScriptSync(this.options.runtimeSource, {
      filename: 'mlsec:runtime',
      produceCachedData: true,
      ...(cachedData ? { cachedData } : {}),
    });
    const result = script as unknown as { cachedData?: unknown; cachedDataRejected?: boolean };
    if ((cachedData === null || result.cachedDataRejected === true) && result.cachedData instanceof ivm.ExternalCopy) {
      const produced = result.cachedData as IVM.ExternalCopy<ArrayBuffer>;
      this.runtimeCache = produced;
      runtimeCodeCache?.save(produced.copy());
    }
    return script;
  }
}
