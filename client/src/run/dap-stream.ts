// Debug Adapter Protocol wire format: `Content-Length` framed JSON messages, encoded and decoded from
// arbitrary chunks. Pure; the run client feeds it a child process's stdout.

export interface DapMessage {
  seq: number;
  type: 'request' | 'response' | 'event';
  command?: string;
  event?: string;
  request_seq?: number;
  success?: boolean;
  message?: string;
  body?: unknown;
  arguments?: unknown;
}

export function encodeMessage(message: object): Buffer {
  const json = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${json.length}\r\n\r\n`, 'ascii'), json]);
}

/** Decodes framed messages; a malformed frame is reported once and ends decoding. */
export class DapReader {
  private buffer = Buffer.alloc(0);
  private broken = false;

  constructor(
    private readonly onMessage: (message: DapMessage) => void,
    private readonly onError: (error: string) => void,
  ) {}

  feed(chunk: Buffer): void {
    if (this.broken) return;
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /(?:^|\r\n)Content-Length: *(\d+)/i.exec(header);
      if (!match) return this.fail(`a DAP frame without Content-Length: ${JSON.stringify(header.slice(0, 80))}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      let message: unknown;
      try {
        message = JSON.parse(body);
      } catch {
        return this.fail('a DAP message that is not JSON');
      }
      if (typeof message === 'object' && message !== null && 'type' in message) this.onMessage(message as DapMessage);
    }
  }

  private fail(error: string): void {
    this.broken = true;
    this.onError(error);
  }
}
