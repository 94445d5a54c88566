// Source positions for mlpy.yaml: converts the yaml package's offsets (through its LineCounter) to
// the AST's 0-based line/column ranges, including ranges inside a scalar's text.
import type { LineCounter, Scalar } from 'yaml';
import type { Position, Range } from '../syntax/ast.js';

export class ConfigPositions {
  constructor(
    private readonly text: string,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const { line, col } = this.lines.linePos(clamped);
    return { line: Math.max(0, line - 1), column: Math.max(0, col - 1), offset: clamped };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(Math.max(start, end)) };
  }

  /** Range of a node's value (`[start, valueEnd]` of the yaml node range). */
  nodeRange(node: { range?: [number, number, number] | null | undefined }): Range {
    const r = node.range;
    return r ? this.range(r[0], r[1]) : this.range(0, 0);
  }

  /**
   * Range of characters `[start, start+length)` of a scalar's value. Exact for plain scalars and
   * quoted scalars without escapes; otherwise the whole scalar.
   */
  withinScalar(node: Scalar, start: number, length: number): Range {
    const r = node.range;
    if (!r || typeof node.value !== 'string') return this.nodeRange(node);
    const source = this.text.slice(r[0], r[1]);
    const value = node.value;
    let base: number | null = null;
    if (node.type === 'PLAIN' && source === value) base = r[0];
    else if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && source.slice(1, -1) === value)
      base = r[0] + 1;
    if (base === null || start < 0 || start + length > value.length) return this.nodeRange(node);
    return this.range(base + start, base + start + Math.max(length, 0));
  }
}
