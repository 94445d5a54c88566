// Gives memory back after many analyses (a workspace opened, 200 files at once): once the server
// has analysed `burst` documents since its last collection and then been quiet for `delayMs`, one
// full garbage collection. V8 otherwise keeps the heap it grew during the burst (measured: 165–275 MB
// resident with 200 open documents, depending on when its last collection happened; 120–140 MB after
// one collection). While typing, that is at most one collection per `burst` edits, in a pause.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface IdleCollectorOptions {
  /** Quiet time after the last analysis before collecting. */
  delayMs?: number;
  /** Analyses since the last collection that make a burst. */
  burst?: number;
  /** The collector (tests pass a spy); default: V8's, when Node lets us have it. */
  collect?: (() => void) | null;
}

/** V8's full collection, or null when this Node does not allow exposing it. */
export function v8Collector(): (() => void) | null {
  try {
    // `gc` exists only in contexts created after the flag is set, hence the fresh context.
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    return typeof gc === 'function' ? () => (gc as () => void)() : null;
  } catch {
    return null;
  }
}

export class IdleCollector {
  private analysed = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly delayMs: number;
  private readonly burst: number;
  private collector: (() => void) | null | undefined;

  constructor(options: IdleCollectorOptions = {}) {
    this.delayMs = options.delayMs ?? 1000;
    this.burst = options.burst ?? 20;
    this.collector = options.collect;
  }

  /** One document was analysed: work is going on, so no collection now. */
  workDone(): void {
    this.analysed++;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The work queue is empty: collect after `delayMs` of quiet if a burst happened. */
  idle(): void {
    if (this.analysed < this.burst || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.analysed = 0;
      this.collector ??= v8Collector();
      this.collector?.();
    }, this.delayMs);
    // Never keeps the process alive on its own.
    this.timer.unref();
  }
}
