// Layout engine of the formatter: receives the program's tokens in source order from the printer and
// lays them out with indentation, blank lines and every comment. A comment is anchored to the index
// of the source token that follows it, so it always comes back after the same token it followed in
// the source (where `//` was a comment, so it re-lexes as one). It must not reorder or invent tokens.

/** A significant token of the source, with the lines it spans. */
export interface SourceToken {
  image: string;
  startOffset: number;
  startLine: number;
  endLine: number;
}

/** A `//` comment of the source with its anchor: the index of the first token after it. */
export interface SourceComment {
  text: string;
  line: number;
  anchor: number;
  /** True when code precedes it on its line (it is printed at the end of that code's line). */
  trailing: boolean;
}

const OPENERS = new Set(['{', '(', '[']);
const CLOSERS = new Set(['}', ')', ']']);

export class Writer {
  /** False once the printer emitted something other than the next source token. */
  ok = true;
  /** Output line index of every emitted token (for range formatting). */
  readonly tokenLines: number[] = [];

  private readonly lines: string[] = [];
  private line = '';
  private atLineStart = true;
  private pendingIndent = 0;
  private pendingSpace = false;
  /** A trailing comment ended the current line: the next token must start a new one. */
  private needBreak = false;
  private indent = 0;
  private readonly blocks: { saved: number; owner: number }[] = [];
  private lineIndent = 0;
  private next = 0;
  private commentIndex = 0;
  private lastEndLine: number | null = null;
  private lastWasOpener = false;
  /** Comment anchors in order (a comment sits just before the token with that index). */
  private readonly anchors: number[];

  constructor(
    private readonly tokens: readonly SourceToken[],
    private readonly comments: readonly SourceComment[],
    private readonly indentUnit: string,
  ) {
    this.anchors = comments.map((c) => c.anchor);
  }

  /** The finished lines (complete after finish()). */
  get outputLines(): readonly string[] {
    return this.lines;
  }

  /** The image of the next source token (the printer uses it for the one token the AST omits). */
  peek(): string | undefined {
    return this.tokens[this.next]?.image;
  }

  /** Indentation level of the line being written (where a construct such as `fn` started). */
  get currentLineIndent(): number {
    return this.atLineStart ? this.pendingIndent : this.lineIndent;
  }

  /**
   * Whether a comment sits anywhere between the last emitted token and the token at `offset`
   * (a closing bracket): such a construct is laid out one item per line.
   */
  hasCommentsBefore(offset: number): boolean {
    return this.anchoredWithin(this.next, this.tokenIndexAt(offset));
  }

  space(): void {
    this.pendingSpace = true;
  }

  /** A statement boundary: the next token starts a line at the current indentation (or `indent`). */
  newline(indent = this.indent): void {
    if (!this.atLineStart) this.endLine();
    this.needBreak = false;
    this.pendingIndent = indent;
  }

  /** Emits the next source token. `clause` marks `else`/`elif`/`except`/`finally` (no extra indent). */
  token(text: string, clause = false): void {
    const continuation = clause ? this.indent : this.indent + 1;
    this.flushOwnLineComments(continuation);
    if (this.needBreak) this.newline(continuation);
    const source = this.tokens[this.next];
    if (!source || source.image !== text) this.ok = false;
    this.startItem(source?.startLine ?? this.lastEndLine ?? 0, CLOSERS.has(text));
    this.tokenLines.push(this.lines.length);
    this.line += text;
    this.lastEndLine = source?.endLine ?? this.lastEndLine;
    this.lastWasOpener = OPENERS.has(text);
    this.next++;
    const trailing = this.comments[this.commentIndex];
    if (trailing && trailing.anchor === this.next && trailing.trailing) {
      this.line += ' ' + trailing.text;
      this.lastEndLine = trailing.line;
      this.lastWasOpener = false;
      this.needBreak = true;
      this.commentIndex++;
    }
  }

  /** Like hasCommentsBefore, up to the next token with this image (a bracket with no nesting inside). */
  hasCommentsBeforeNext(image: string): boolean {
    let last = this.next;
    while (last < this.tokens.length && this.tokens[last]!.image !== image) last++;
    return this.anchoredWithin(this.next, last);
  }

  /** Whether some comment anchor lies in [from, to] (anchors are sorted: binary search). */
  private anchoredWithin(from: number, to: number): boolean {
    let lo = 0;
    let hi = this.anchors.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.anchors[mid]! < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.anchors.length && this.anchors[lo]! <= to;
  }

  /**
   * After an opening bracket laid out over several lines: the content goes one level deeper than
   * `owner`, the indentation of the construct that owns the bracket (its statement, its `fn`).
   */
  openBlock(owner: number = this.indent): void {
    this.blocks.push({ saved: this.indent, owner });
    this.indent = owner + 1;
  }

  /** Prints the comments left inside, then the closing bracket on its own line at the owner's level. */
  closeBlock(closer = '}'): void {
    const block = this.blocks.pop() ?? { saved: 0, owner: 0 };
    this.newline();
    this.flushOwnLineComments(this.indent);
    this.newline(block.owner);
    this.indent = block.saved;
    this.token(closer);
  }

  /** Ends the document: the last comments, then one final newline. */
  finish(): string {
    this.newline(0);
    this.flushOwnLineComments(0);
    if (this.next !== this.tokens.length || this.commentIndex !== this.comments.length) this.ok = false;
    if (!this.atLineStart) this.endLine();
    return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n';
  }

  private tokenIndexAt(offset: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.startOffset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private flushOwnLineComments(breakIndent: number): void {
    for (;;) {
      const comment = this.comments[this.commentIndex];
      if (!comment || comment.anchor > this.next) return;
      if (!this.atLineStart) this.newline(breakIndent);
      this.needBreak = false;
      this.startItem(comment.line, false);
      this.line += comment.text;
      this.lastEndLine = comment.line;
      this.lastWasOpener = false;
      this.commentIndex++;
      this.endLine();
    }
  }

  /** Starts a token or comment: indentation and one preserved blank line at line start, else a space. */
  private startItem(startLine: number, isCloser: boolean): void {
    if (this.atLineStart) {
      const gap = this.lastEndLine === null ? 0 : startLine - this.lastEndLine;
      if (gap >= 2 && !this.lastWasOpener && !isCloser) this.lines.push('');
      this.lineIndent = this.pendingIndent;
      this.line = this.indentUnit.repeat(this.lineIndent);
      this.atLineStart = false;
    } else if (this.pendingSpace) {
      this.line += ' ';
    }
    this.pendingSpace = false;
  }

  private endLine(): void {
    this.lines.push(this.line);
    this.line = '';
    this.atLineStart = true;
    this.pendingSpace = false;
  }
}
