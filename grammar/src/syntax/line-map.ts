// Converts UTF-16 offsets of one document to AST positions (0-based line and column).
// Line breaks are `\n`, `\r\n` and a lone `\r`, as in LSP. Knows nothing about tokens or syntax.
import type { Position, Range } from './ast.js';

export class LineMap {
  /** Offset at which each line starts. */
  private readonly starts: number[] = [0];
  private hint = 0;

  constructor(readonly text: string) {
    if (text.indexOf('\r') < 0) {
      // Only `\n` breaks (the usual case): let indexOf scan.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** The position of `offset`, clamped into the document. */
  position(offset: number): Position {
    if (!(offset >= 0)) offset = 0;
    if (offset > this.text.length) offset = this.text.length;
    const line = this.lineOf(offset);
    return { line, column: offset - this.starts[line]!, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end < start ? start : end) };
  }

  /** Offset at which `line` starts (0-based; clamped to the last line). */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 0), this.starts.length - 1)]!;
  }

  /** The 0-based line of an offset inside the document (fastest when offsets come in order). */
  lineOf(offset: number): number {
    const starts = this.starts;
    const h = this.hint;
    // Parsing moves forward, so the previous line or the next one is almost always right.
    if (starts[h]! <= offset && (h + 1 >= starts.length || offset < starts[h + 1]!)) return h;
    if (h + 1 < starts.length && starts[h + 1]! <= offset && (h + 2 >= starts.length || offset < starts[h + 2]!)) {
      this.hint = h + 1;
      return h + 1;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hint = lo;
    return lo;
  }
}
