// `--audit FILE`: every capability check of the run as one JSON line (CAPABILITIES.md §4), written
// as the run goes (buffered, flushed at 64 KB and at the end) so a killed run leaves what it did.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { AuditEvent } from '@mlsec/grammar';
import { formatAuditEvent } from '@mlsec/grammar/capabilities';

const FLUSH_AT = 64 * 1024;

export class AuditFile {
  private buffered: string[] = [];
  private size = 0;

  private constructor(private readonly fd: number) {}

  /** Creates (or truncates) the file; throws the Node error when it cannot be opened. */
  static open(file: string): AuditFile {
    return new AuditFile(openSync(file, 'w'));
  }

  add(event: AuditEvent): void {
    const line = formatAuditEvent(event);
    this.buffered.push(line);
    this.size += line.length;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buffered.length === 0) return;
    writeSync(this.fd, this.buffered.join(''));
    this.buffered = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}
