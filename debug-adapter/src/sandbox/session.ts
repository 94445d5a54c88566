// Host side of one run inside the engine: answers the isolate's calls (output, bridge operations)
// with plain-data reply envelopes, counts calls, and stops the run when output overflows. A bridge
// bug or an unexpected exception becomes an ML RuntimeError that names no host detail.
import type { CallSite } from '@mlsec/grammar';
import { BridgeError, type BridgeTable } from '../bridges/types.js';
import type { HostChannel } from './isolate-factory.js';
import { OutputSink } from './output-sink.js';
import { limitMessage, truncationMarker } from './limits.js';
import type { OutputStream, SandboxLimits } from './types.js';

export type Reply = { ok: true; value: unknown } | { ok: false; kind: string; message: string };

const STREAMS: Record<number, OutputStream | undefined> = { 1: 'stdout', 2: 'stderr' };

export interface RunSessionOptions {
  limits: SandboxLimits;
  bridges: BridgeTable;
  output(stream: OutputStream, text: string): void;
  /** Answers `debug.*` operations (the debugger's statement hooks); the isolate waits. */
  debug(op: string, args: unknown[]): Promise<unknown>;
  /** Stops the run (disposes its isolate) for an overrun of the output limit. */
  onOutputLimit(): void;
}

/** The `[file, line, column]` the isolate sent with a call, checked to be plain numbers and text. */
function callSite(site: unknown): CallSite | null {
  if (!Array.isArray(site) || site.length !== 3) return null;
  const [file, line, column] = site as unknown[];
  if (typeof file !== 'string' || !Number.isInteger(line) || !Number.isInteger(column)) return null;
  return { file, line: line as number, column: column as number };
}

export class RunSession implements HostChannel {
  bridgeCalls = 0;
  /** The ML call site of the bridge operation running now (audit events are recorded there). */
  site: CallSite | null = null;
  private readonly sink: OutputSink;
  private readonly outputError: Reply;

  constructor(private readonly options: RunSessionOptions) {
    this.sink = new OutputSink({
      limitBytes: options.limits.outputBytes,
      marker: truncationMarker(options.limits),
      deliver: options.output,
      onLimit: () => setImmediate(options.onOutputLimit),
    });
    const { kind, message } = limitMessage('output', options.limits);
    this.outputError = { ok: false, kind, message };
  }

  get outputBytes(): number {
    return this.sink.bytes;
  }

  /** Whether the output limit was hit (the run is being stopped). */
  get outputExceeded(): boolean {
    return this.sink.exceeded;
  }

  write(stream: number, text: string): void {
    const s = STREAMS[stream];
    if (s !== undefined && typeof text === 'string') this.sink.write(s, text);
  }

  sync(op: string, args: unknown, site?: unknown): Reply {
    if (op === 'console.write') {
      const [stream, text] = Array.isArray(args) ? (args as unknown[]) : [];
      this.write(stream as number, text as string);
      return this.sink.exceeded ? this.outputError : { ok: true, value: null };
    }
    if (op === 'console.flush') return this.sink.exceeded ? this.outputError : { ok: true, value: null };
    this.bridgeCalls++;
    const fn = Object.prototype.hasOwnProperty.call(this.options.bridges.sync, op)
      ? this.options.bridges.sync[op]
      : undefined;
    if (!fn) return this.unknownOp(op);
    if (!Array.isArray(args)) return { ok: false, kind: 'TypeError', message: `bad arguments for ${op}` };
    this.site = callSite(site);
    try {
      return { ok: true, value: fn(args) };
    } catch (e) {
      return this.failure(op, e);
    } finally {
      this.site = null;
    }
  }

  async async(op: string, args: unknown, site?: unknown): Promise<Reply> {
    if (typeof op === 'string' && op.startsWith('debug.') && Array.isArray(args)) {
      try {
        return { ok: true, value: await this.options.debug(op, args) };
      } catch (e) {
        return this.failure(op, e);
      }
    }
    this.bridgeCalls++;
    const fn = Object.prototype.hasOwnProperty.call(this.options.bridges.async, op)
      ? this.options.bridges.async[op]
      : undefined;
    if (!fn) return this.unknownOp(op);
    if (!Array.isArray(args)) return { ok: false, kind: 'TypeError', message: `bad arguments for ${op}` };
    // The isolate waits for this reply, so no other operation can change the site meanwhile.
    this.site = callSite(site);
    try {
      return { ok: true, value: await fn(args) };
    } catch (e) {
      return this.failure(op, e);
    } finally {
      this.site = null;
    }
  }

  /** Delivers pending output now (before a prompt waits for input). */
  flush(): void {
    this.sink.flush();
  }

  /** Delivers pending output and refuses more (end of run). */
  close(): void {
    this.sink.close();
  }

  private unknownOp(op: string): Reply {
    return { ok: false, kind: 'RuntimeError', message: `unknown host operation '${String(op).slice(0, 80)}'` };
  }

  private failure(op: string, e: unknown): Reply {
    if (e instanceof BridgeError) return { ok: false, kind: e.kind, message: e.message };
    return { ok: false, kind: 'RuntimeError', message: `internal error in ${op}` };
  }
}
