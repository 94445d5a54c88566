// The lexer's output as columns (type, start, end, image per token) instead of one object per token:
// the parser materialises Chevrotain IToken objects only for the few tokens it is looking at, so
// they die young instead of living (and being copied by the GC) for the whole parse. Data only.
import type { IToken, TokenType } from 'chevrotain';
import * as T from './tokens.js';

/** Token type by tokenTypeIdx, for every type the lexer emits. */
const TYPES: TokenType[] = [];
for (const type of T.ALL_TOKENS) TYPES[type.tokenTypeIdx!] = type;

/**
 * Columns while a document is lexed, and images until it is parsed, reused by the next document
 * (lexing and parsing never overlap: `finish` and `dropImages` end each use). Saves allocating and
 * zero-filling large arrays per parse; the typed ones count as external memory, which makes V8
 * collect sooner.
 */
const scratch = {
  types: new Uint16Array(0),
  starts: new Int32Array(0),
  ends: new Int32Array(0),
  images: [] as string[],
};

export class TokenStore {
  /** Number of tokens. */
  count = 0;
  private types: Uint16Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private images: string[];

  /** Room for one token per two characters (the conformance programs have one per three). */
  constructor(private readonly text: string) {
    const capacity = (text.length >> 1) + 16;
    if (scratch.types.length < capacity) {
      scratch.types = new Uint16Array(capacity);
      scratch.starts = new Int32Array(capacity);
      scratch.ends = new Int32Array(capacity);
    }
    if (scratch.images.length < capacity) scratch.images = new Array<string>(capacity);
    this.types = scratch.types;
    this.starts = scratch.starts;
    this.ends = scratch.ends;
    this.images = scratch.images;
  }

  push(type: TokenType, image: string, start: number): void {
    const i = this.count;
    if (i === this.types.length) this.grow();
    this.types[i] = type.tokenTypeIdx!;
    this.starts[i] = start;
    this.ends[i] = start + image.length;
    this.images[i] = image;
    this.count = i + 1;
  }

  /** Once lexed, the columns are copied at their exact size (they live as long as the parse result). */
  finish(): void {
    this.types = this.types.slice(0, this.count);
    this.starts = this.starts.slice(0, this.count);
    this.ends = this.ends.slice(0, this.count);
  }

  /** Once parsed, images are read from the text again (the parse result keeps only the columns). */
  dropImages(): void {
    // The shared array must not keep this document's strings alive.
    if (this.images === scratch.images) scratch.images.fill(undefined as unknown as string, 0, this.count);
    this.images = [];
  }

  private grow(): void {
    const capacity = this.types.length * 2;
    const types = new Uint16Array(capacity);
    types.set(this.types);
    this.types = types;
    const starts = new Int32Array(capacity);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(capacity);
    ends.set(this.ends);
    this.ends = ends;
    const images = new Array<string>(capacity);
    for (let i = 0; i < this.count; i++) images[i] = this.images[i]!;
    this.images = images;
    scratch.types = types;
    scratch.starts = starts;
    scratch.ends = ends;
    scratch.images = images;
  }

  typeIdx(i: number): number {
    return this.types[i]!;
  }

  type(i: number): TokenType {
    return TYPES[this.types[i]!]!;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  image(i: number): string {
    return this.images[i] ?? this.text.slice(this.starts[i]!, this.ends[i]!);
  }

  /** A new IToken for token `i` (the same shape Chevrotain's lexer produces with `onlyOffset`). */
  token(i: number): IToken {
    const idx = this.types[i]!;
    return { image: this.image(i), startOffset: this.starts[i]!, tokenTypeIdx: idx, tokenType: TYPES[idx]! };
  }

  /** Index of the first token starting at or after `offset`. */
  firstAtOrAfter(offset: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
