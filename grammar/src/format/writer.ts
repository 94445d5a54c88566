// Layout engine of the formatter: receives the program's tokens in source order from the printer and
// lays them out with indentation, blank lines and every comment. A comment is anchored to the index
// of the source token that follows it, so it always comes back after the same token it followed in
// the source (where `//` was a comment, so it re-lexes as one). It must not reorder or invent tokens.

/** A significant token of the source, with the lines it spans. */
export interface SourceToken {
  image: string;
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
  private readonly blocks: { saved: number; brace: number }[] = [];
  private lineIndent = 0;
  private next = 0;
  private commentIndex = 0;
  private lastEndLine: number | null = null;
  private lastWasOpener = false;
  private readonly anchored: Set<number>;

  constructor(
    private readonly tokens: readonly SourceToken[],
    private readonly comments: readonly SourceComment[],
    private readonly indentUnit: string,
  ) {
    this.anchored = new Set(comments.map((c) => c.anchor));
  }

  /** The finished lines (complete after finish()). */
  get outputLines(): readonly string[] {
    return this.lines;
  }

  /** The image of the next source token (the printer uses it for the one token the AST omits). */
  peek(): string | undefined {
    return this.tokens[this.next]?.image;
  }

  /** Whether any comment sits between the previous token and the next one. */
  hasCommentsAhead(): boolean {
    return this.anchored.has(this.next);
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

  /** After a block's `{`: statements go one level deeper than the line holding the brace. */
  openBlock(): void {
    this.blocks.push({ saved: this.indent, brace: this.lineIndent });
    this.indent = this.lineIndent + 1;
  }

  /** Prints the comments left inside the block, then the `}` at the brace line's indentation. */
  closeBlock(): void {
    const block = this.blocks.pop() ?? { saved: 0, brace: 0 };
    this.newline();
    this.flushOwnLineComments(this.indent);
    this.newline(block.brace);
    this.indent = block.saved;
    this.token('}');
  }

  /** Ends the document: the last comments, then one final newline. */
  finish(): string {
    this.newline(0);
    this.flushOwnLineComments(0);
    if (this.next !== this.tokens.length || this.commentIndex !== this.comments.length) this.ok = false;
    if (!this.atLineStart) this.endLine();
    return this.lines.length === 0 ? '' : this.lines.join('\n') + '\n';
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
