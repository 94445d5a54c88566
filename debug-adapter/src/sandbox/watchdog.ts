// CPU and wall-time watchdog for one run: wakes up exactly when a limit could next be reached
// (no busy polling), reads `isolate.cpuTime`, and reports an overrun once. Wall time can be paused
// while a debugger holds the program stopped. Must not dispose anything itself: it only reports.

import { nowMs } from './clock.js';

export interface CpuClock {
  /** Cumulative CPU time of the isolate in nanoseconds. */
  readonly cpuTime: bigint;
}

export type Overrun = 'cpu' | 'wall';

/** Timer granularity: checks closer together than this are merged. */
const MIN_SLEEP_MS = 2;

export class Watchdog {
  private readonly cpuStart: bigint;
  private cpuLast: bigint;
  private wallUsed = 0;
  private wallSince: number | null;
  private timer: NodeJS.Timeout | null = null;
  private done = false;

  constructor(
    private readonly clock: CpuClock,
    private readonly cpuLimitMs: number,
    private readonly wallLimitMs: number,
    private readonly onOverrun: (kind: Overrun) => void,
  ) {
    this.cpuStart = clock.cpuTime;
    this.cpuLast = this.cpuStart;
    this.wallSince = nowMs();
    this.schedule();
  }

  /** CPU milliseconds used by this run so far (the last reading once the isolate is gone). */
  cpuMs(): number {
    try {
      this.cpuLast = this.clock.cpuTime;
    } catch {
      // A disposed isolate has no clock any more: keep the last reading.
    }
    return Number(this.cpuLast - this.cpuStart) / 1e6;
  }

  /** Wall milliseconds counted against the limit so far (paused time excluded). */
  wallMs(): number {
    return this.wallUsed + (this.wallSince === null ? 0 : nowMs() - this.wallSince);
  }

  /** Stops counting wall time (debugger stopped). CPU time is not spent while the isolate waits. */
  pause(): void {
    if (this.done || this.wallSince === null) return;
    this.wallUsed += nowMs() - this.wallSince;
    this.wallSince = null;
    this.clear();
    this.schedule();
  }

  resume(): void {
    if (this.done || this.wallSince !== null) return;
    this.wallSince = nowMs();
    this.clear();
    this.schedule();
  }

  stop(): void {
    this.done = true;
    this.clear();
  }

  private clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.done) return;
    const cpuLeft = this.cpuLimitMs - this.cpuMs();
    if (cpuLeft <= 0) return this.fire('cpu');
    let sleep = cpuLeft;
    if (this.wallSince !== null) {
      const wallLeft = this.wallLimitMs - this.wallMs();
      if (wallLeft <= 0) return this.fire('wall');
      sleep = Math.min(sleep, wallLeft);
    }
    // While paused the isolate is blocked and spends no CPU, but the check stays scheduled so a
    // host that forgets to resume still cannot hold a run forever past its CPU budget.
    this.timer = setTimeout(
      () => {
        this.timer = null;
        this.schedule();
      },
      Math.max(MIN_SLEEP_MS, Math.ceil(sleep)),
    );
  }

  private fire(kind: Overrun): void {
    if (this.done) return;
    this.done = true;
    this.onOverrun(kind);
  }
}
