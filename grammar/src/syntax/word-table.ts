// One string per distinct word (or number text) of a document: the lexer looks a word up by its
// characters in the source, so a name used a thousand times is sliced out once and every node that
// holds it shares it. Also tells which words are keywords. Knows nothing about syntax beyond that.
import type { TokenType } from 'chevrotain';
import { WORD_TYPES } from './tokens.js';

/** Hash of text[start, end) as the lexer computes it while scanning. */
export function hashText(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

export class WordTable {
  /** Entry index + 1 per slot (0: empty). */
  private slots = new Int32Array(1 << 10);
  /** 32 minus log2(slots.length): the slot is the top bits of the mixed hash. */
  private shift = 22;
  private readonly hashes: number[] = [];
  private readonly words: string[] = [];
  /** The keyword type a word spells (`if`, `true`, `fn`, ...), or undefined. */
  readonly types: (TokenType | undefined)[] = [];

  constructor(private readonly text: string) {}

  /** The entry of text[start, end), whose hash is `hash`, added on first sight. */
  entry(start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const length = end - start;
    let slot = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const e = slots[slot]! - 1;
      if (e < 0) break;
      if (this.hashes[e] === hash && this.same(this.words[e]!, start, length)) return e;
      slot = (slot + 1) & mask;
    }
    const e = this.words.length;
    const word = this.text.slice(start, end);
    this.words.push(word);
    this.hashes.push(hash);
    this.types.push(length <= MAX_KEYWORD_LENGTH ? WORD_TYPES.get(word) : undefined);
    slots[slot] = e + 1;
    if (this.words.length * 2 > slots.length) this.rehash();
    return e;
  }

  word(e: number): string {
    return this.words[e]!;
  }

  private same(word: string, start: number, length: number): boolean {
    if (word.length !== length) return false;
    const text = this.text;
    for (let i = 0; i < length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    this.shift--;
    for (let e = 0; e < this.words.length; e++) {
      let slot = Math.imul(this.hashes[e]!, 0x9e3779b1) >>> this.shift;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = e + 1;
    }
    this.slots = slots;
  }
}

/** Longer words are never keywords (`capability` is the longest). */
const MAX_KEYWORD_LENGTH = 10;
