// Lines of the CLI's standard input for the program's `input()`, read only when the program asks
// (a program that never reads leaves stdin untouched: not even created, so the process can exit at
// once and does not pay for the stream modules).
import type { Readable } from 'node:stream';

export class StdinLines {
  private buffer = '';
  private ended = false;
  private started = false;
  private waiting: (() => void) | null = null;
  private stream: Readable | null = null;

  constructor(private readonly open: () => Readable) {}

  /** The next line without its line break; null at the end of input. */
  async next(): Promise<string | null> {
    this.start();
    for (;;) {
      const nl = this.buffer.indexOf('\n');
      if (nl >= 0) {
        const line = this.buffer.slice(0, nl);
        this.buffer = this.buffer.slice(nl + 1);
        return line.endsWith('\r') ? line.slice(0, -1) : line;
      }
      if (this.ended) {
        if (this.buffer === '') return null;
        const last = this.buffer;
        this.buffer = '';
        return last;
      }
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }

  /** Lets the process exit: stops reading if reading ever started. */
  close(): void {
    this.stream?.destroy();
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    const stream = (this.stream = this.open());
    stream.setEncoding('utf8');
    const wake = (): void => {
      const w = this.waiting;
      this.waiting = null;
      w?.();
    };
    stream.on('data', (chunk: string) => {
      this.buffer += chunk;
      wake();
    });
    stream.on('end', () => {
      this.ended = true;
      wake();
    });
    stream.on('error', () => {
      this.ended = true;
      wake();
    });
  }
}
