// Host side of program output for one run: counts UTF-8 bytes against the output limit, truncates
// with a marker when the limit is hit, and coalesces writes into chunks delivered on the next turn
// of the event loop (streamed, not buffered to the end). Must not block or call into the isolate.
import type { OutputStream } from './types.js';

export interface OutputSinkOptions {
  limitBytes: number;
  marker: string;
  /** Receives coalesced output in order. */
  deliver(stream: OutputStream, text: string): void;
  /** Called once when the limit is hit (the run must stop). */
  onLimit(): void;
}

export class OutputSink {
  private used = 0;
  private closed = false;
  private limitHit = false;
  private pending: { stream: OutputStream; text: string }[] = [];
  private scheduled = false;

  constructor(private readonly options: OutputSinkOptions) {}

  get bytes(): number {
    return this.used;
  }

  get exceeded(): boolean {
    return this.limitHit;
  }

  /** Accepts one write; returns false once the limit has been hit (the write is truncated or dropped). */
  write(stream: OutputStream, text: string): boolean {
    if (this.closed || this.limitHit) return false;
    const size = Buffer.byteLength(text, 'utf8');
    if (this.used + size <= this.options.limitBytes) {
      this.used += size;
      this.push(stream, text);
      return true;
    }
    const room = this.options.limitBytes - this.used;
    const head = truncateUtf8(text, room);
    this.used += Buffer.byteLength(head, 'utf8');
    if (head.length > 0) this.push(stream, head);
    this.push(stream, this.options.marker);
    this.limitHit = true;
    this.options.onLimit();
    return false;
  }

  /** Delivers everything still pending, synchronously. */
  flush(): void {
    this.scheduled = false;
    const chunks = this.pending;
    this.pending = [];
    for (const c of chunks) this.options.deliver(c.stream, c.text);
  }

  /** Flushes and refuses further writes (writes racing the end of a run are dropped). */
  close(): void {
    this.flush();
    this.closed = true;
  }

  private push(stream: OutputStream, text: string): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.pending.push({ stream, text });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        if (this.scheduled) this.flush();
      });
    }
  }
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes` (never splits a character). */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (maxBytes <= 0) return '';
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so a multi-byte character is not cut.
  while (end > 0 && (buf[end]! & 0xc0) === 0x80) end--;
  return buf.subarray(0, end).toString('utf8');
}
