// Reading position over a Python pattern (code points) and the syntax error it raises. Shared by
// the translator and the escape/class parsers; knows nothing about JavaScript output.

/** A Python regex syntax error (re.error) or an untranslatable construct, at a code-point position. */
export class RegexSyntaxError {
  constructor(
    readonly message: string,
    /** Code-point position, or -1 when Python reports none. */
    readonly position: number,
  ) {}
}

export class Cursor {
  readonly src: string[];
  pos = 0;

  constructor(pattern: string) {
    this.src = Array.from(pattern);
  }

  get length(): number {
    return this.src.length;
  }

  peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  /** The current character, advancing past it (undefined at the end). */
  take(): string | undefined {
    return this.src[this.pos++];
  }

  /** The source text between two positions. */
  slice(from: number, to: number): string {
    return this.src.slice(from, to).join('');
  }

  error(message: string, at: number = this.pos): never {
    throw new RegexSyntaxError(message, at);
  }
}
