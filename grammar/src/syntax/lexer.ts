// The ML lexer: a hand-written scanner that fills a TokenStore for the parser (words already typed
// as their keyword types), and returns the `//` comments and the lexical diagnostics (ML1xx). It never
// throws on user input and does not decide which words act as keywords (the parser does).
import type { TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.js';
import * as C from './lex-context.js';
import {
  blockCommentEnd,
  closedStringEnd,
  isIncDec,
  lineEnd,
  numberEnd,
  templateEnd,
  unterminatedStringEnd,
} from './lex-scan.js';
import type { LineMap } from './line-map.js';
import { lexError } from './messages.js';
import { MAX_NESTING, MAX_OPERATOR_CHAIN } from './nesting.js';
import { TokenStore } from './token-store.js';
import * as T from './tokens.js';
import { hashText, WordTable } from './word-table.js';

/** A `//` comment: its text and start offset. */
export interface LexComment {
  image: string;
  startOffset: number;
}

export interface LexResult {
  /** Significant tokens (and one `Invalid` token per run of unexpected characters), in order. */
  tokens: TokenStore;
  /** `//` comments in source order. */
  comments: LexComment[];
  diagnostics: Diagnostic[];
  /** Index of the first opening bracket nested deeper than MAX_NESTING, or -1. */
  tooDeep: number;
  /** Index of the operator that made one expression longer than MAX_OPERATOR_CHAIN, or -1. */
  tooLong: number;
}

export function tokenize(text: string, lines: LineMap): LexResult {
  return new Scanner(text, lines).run();
}

/** Characters at which some token can start (`&`, `|` and a backtick only in pairs; see canStart). */
const STARTS = new Uint8Array(128);
for (const c of ' \t\r\n\f"\'_=!<>+-*/%?:.,;()[]{}0123456789') STARTS[c.charCodeAt(0)] = 1;
for (let c = 65; c <= 90; c++) STARTS[c] = STARTS[c + 32] = 1;

/**
 * By tokenTypeIdx: 1 for the tokens that add a level to an expression tree when chained (binary,
 * unary, ternary, postfix), 2 for `;` and `,`, which end a chain.
 */
const CHAIN = new Uint8Array(Math.max(...T.ALL_TOKENS.map((t) => t.tokenTypeIdx!)) + 1);
for (const type of [
  T.Plus,
  T.Minus,
  T.Star,
  T.Slash,
  T.SlashSlash,
  T.Percent,
  T.EqEq,
  T.NotEq,
  T.Less,
  T.LessEq,
  T.Greater,
  T.GreaterEq,
  T.AndAnd,
  T.OrOr,
  T.Bang,
  T.Question,
  T.Dot,
  T.LBracket,
  T.LParen,
])
  CHAIN[type.tokenTypeIdx!] = 1;
CHAIN[T.Semi.tokenTypeIdx!] = 2;
CHAIN[T.Comma.tokenTypeIdx!] = 2;

class Scanner {
  private readonly tokens: TokenStore;
  private readonly comments: LexComment[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly ctx: C.LexContext;
  private readonly words: WordTable;
  private depth = 0;
  private tooDeep = -1;
  /** Operators in the current expression segment, one counter per open bracket (see nesting.ts). */
  private readonly chain: number[] = [0];
  private tooLong = -1;

  constructor(
    private readonly text: string,
    private readonly lines: LineMap,
  ) {
    this.ctx = new C.LexContext(text);
    this.tokens = new TokenStore(text);
    this.words = new WordTable(text);
  }

  run(): LexResult {
    const text = this.text;
    const n = text.length;
    let pos = 0;
    while (pos < n) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12) {
        pos++;
        continue;
      }
      const end = this.next(c, pos);
      if (end > pos) {
        pos = end;
        continue;
      }
      // No token starts here: the run of characters up to the next possible token start is one error.
      let stop = pos + 1;
      while (stop < n && !this.canStart(stop)) stop++;
      const bad = text.slice(pos, stop);
      this.diagnostics.push(lexError('ML102', this.lines.range(pos, stop), bad));
      this.tokens.push(T.Invalid, bad, pos);
      pos = stop;
    }
    this.tokens.finish();
    return {
      tokens: this.tokens,
      comments: this.comments,
      diagnostics: this.diagnostics,
      tooDeep: this.tooDeep,
      tooLong: this.tooLong,
    };
  }

  /** Whether some token (or whitespace) matches at `pos`. */
  private canStart(pos: number): boolean {
    const c = this.text.charCodeAt(pos);
    if (c === 38 || c === 124) return this.text.charCodeAt(pos + 1) === c;
    if (c === 96) return templateEnd(this.text, pos) >= 0;
    return c < 128 && STARTS[c] === 1;
  }

  /** A significant token, fed to the lexical context. */
  private emit(type: TokenType, image: string, start: number, cls: number): number {
    const chain = CHAIN[type.tokenTypeIdx!];
    if (chain === 1) {
      const top = this.chain.length - 1;
      if (++this.chain[top]! > MAX_OPERATOR_CHAIN && this.tooLong < 0) this.tooLong = this.tokens.count;
    } else if (chain === 2) {
      this.chain[this.chain.length - 1] = 0;
    }
    this.tokens.push(type, image, start);
    this.ctx.feed(cls, image, start);
    return start + image.length;
  }

  private open(type: TokenType, image: string, start: number, cls: number): number {
    if (++this.depth > MAX_NESTING && this.tooDeep < 0) this.tooDeep = this.tokens.count;
    this.chain.push(0);
    return this.emit(type, image, start, cls);
  }

  private close(type: TokenType, image: string, start: number, cls: number): number {
    if (this.depth > 0) this.depth--;
    if (this.chain.length > 1) {
      const inner = this.chain.pop()!;
      const top = this.chain.length - 1;
      this.chain[top] = type === T.RCurly ? Math.max(this.chain[top]!, inner) : this.chain[top]! + inner;
    }
    return this.emit(type, image, start, cls);
  }

  /** Emits the token starting at `pos` with first character `c`; returns its end, or -1 if none. */
  private next(c: number, pos: number): number {
    const text = this.text;
    const c1 = text.charCodeAt(pos + 1);
    switch (c) {
      case 40:
        return this.open(T.LParen, '(', pos, C.OPEN_PAREN);
      case 41:
        return this.close(T.RParen, ')', pos, C.CLOSE_PAREN);
      case 91:
        return this.open(T.LBracket, '[', pos, C.OPEN_BRACKET);
      case 93:
        return this.close(T.RBracket, ']', pos, C.CLOSE_BRACKET);
      case 123:
        return this.open(T.LCurly, '{', pos, C.OPEN_CURLY);
      case 125:
        return this.close(T.RCurly, '}', pos, C.CLOSE_CURLY);
      case 59:
        return this.emit(T.Semi, ';', pos, C.SEMI);
      case 44:
        return this.emit(T.Comma, ',', pos, C.OTHER);
      case 58:
        return this.emit(T.Colon, ':', pos, C.OTHER);
      case 63:
        return this.emit(T.Question, '?', pos, C.OTHER);
      case 34:
      case 39:
        return this.string(pos);
      case 96:
        return this.template(pos);
      case 47:
        return this.slash(pos, c1);
      case 46: {
        const end = numberEnd(text, pos, this.ctx.endsValue);
        if (end > pos) return this.number(pos, end);
        return this.emit(T.Dot, '.', pos, C.OTHER);
      }
      case 43:
        return this.plusMinus(pos, c1, T.Plus, '+', T.PlusAssign, '+=', '++');
      case 45:
        return this.plusMinus(pos, c1, T.Minus, '-', T.MinusAssign, '-=', '--');
      case 61:
        if (c1 === 61) {
          if (text.charCodeAt(pos + 2) === 61) return this.emit(T.StrictEq, '===', pos, C.OTHER);
          return this.emit(T.EqEq, '==', pos, C.OTHER);
        }
        if (c1 === 62) return this.emit(T.Arrow, '=>', pos, C.ARROW);
        return this.emit(T.Assign, '=', pos, C.OTHER);
      case 33:
        if (c1 === 61) {
          if (text.charCodeAt(pos + 2) === 61) return this.emit(T.StrictNotEq, '!==', pos, C.OTHER);
          return this.emit(T.NotEq, '!=', pos, C.OTHER);
        }
        return this.emit(T.Bang, '!', pos, C.OTHER);
      case 60:
        return c1 === 61 ? this.emit(T.LessEq, '<=', pos, C.OTHER) : this.emit(T.Less, '<', pos, C.OTHER);
      case 62:
        return c1 === 61 ? this.emit(T.GreaterEq, '>=', pos, C.OTHER) : this.emit(T.Greater, '>', pos, C.OTHER);
      case 38:
        return c1 === 38 ? this.emit(T.AndAnd, '&&', pos, C.OTHER) : -1;
      case 124:
        return c1 === 124 ? this.emit(T.OrOr, '||', pos, C.OTHER) : -1;
      case 42:
        if (c1 === 61) return this.emit(T.StarAssign, '*=', pos, C.OTHER);
        if (c1 === 42) return this.emit(T.StarStar, '**', pos, C.OTHER);
        return this.emit(T.Star, '*', pos, C.OTHER);
      case 37:
        return c1 === 61 ? this.emit(T.PercentAssign, '%=', pos, C.OTHER) : this.emit(T.Percent, '%', pos, C.OTHER);
      default:
        if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) return this.word(pos);
        if (c >= 48 && c <= 57) return this.number(pos, numberEnd(text, pos, false));
        return -1;
    }
  }

  /** A word (`[A-Za-z_][A-Za-z0-9_]*`): an identifier, or typed as the keyword it spells. */
  private word(pos: number): number {
    const text = this.text;
    let hash = 0;
    let end = pos;
    for (;;) {
      const c = text.charCodeAt(end);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57))) break;
      hash = (Math.imul(hash, 31) + c) | 0;
      end++;
    }
    const e = this.words.entry(pos, end, hash);
    return this.emit(this.words.types[e] ?? T.Identifier, this.words.word(e), pos, C.WORD);
  }

  private number(pos: number, end: number): number {
    const e = this.words.entry(pos, end, hashText(this.text, pos, end));
    return this.emit(T.NumberLit, this.words.word(e), pos, C.LITERAL);
  }

  /** `-1`/`+.5` (a signed number where a value is expected), `++`/`--`, `+=`/`-=`, `+`/`-`. */
  private plusMinus(
    pos: number,
    c1: number,
    single: TokenType,
    singleImage: string,
    assign: TokenType,
    assignImage: string,
    doubled: string,
  ): number {
    const text = this.text;
    const ctx = this.ctx;
    const end = numberEnd(text, pos, ctx.endsValue);
    if (end > pos) return this.number(pos, end);
    if (isIncDec(text, pos, ctx.endsValue, ctx.atStatementStart)) return this.emit(T.IncDec, doubled, pos, C.OTHER);
    if (c1 === 61) return this.emit(assign, assignImage, pos, C.OTHER);
    return this.emit(single, singleImage, pos, C.OTHER);
  }

  /** `//` comment (unless it follows a complete operand), a block comment (reported), `/=`, `//`, `/`. */
  private slash(pos: number, c1: number): number {
    const text = this.text;
    if (c1 === 47 && !this.ctx.endsValue) {
      const end = lineEnd(text, pos + 2);
      this.comments.push({ image: text.slice(pos, end), startOffset: pos });
      return end;
    }
    if (c1 === 42) {
      const end = blockCommentEnd(text, pos);
      this.diagnostics.push(lexError('ML103', this.lines.range(pos, end)));
      return end;
    }
    if (c1 === 61) return this.emit(T.SlashAssign, '/=', pos, C.OTHER);
    if (c1 === 47) return this.emit(T.SlashSlash, '//', pos, C.OTHER);
    return this.emit(T.Slash, '/', pos, C.OTHER);
  }

  /** A string; one without its closing quote runs to the end of its line and is reported (ML101). */
  private string(pos: number): number {
    const text = this.text;
    const closed = closedStringEnd(text, pos);
    if (closed > pos) return this.emit(T.StringLit, text.slice(pos, closed), pos, C.LITERAL);
    const end = unterminatedStringEnd(text, pos);
    this.diagnostics.push(lexError('ML101', this.lines.range(pos, end)));
    return this.emit(T.UnterminatedString, text.slice(pos, end), pos, C.LITERAL);
  }

  /** `` `text` `` is not ML: one token, reported once (ML104); an unclosed backtick is an error. */
  private template(pos: number): number {
    const end = templateEnd(this.text, pos);
    if (end < 0) return -1;
    this.diagnostics.push(lexError('ML104', this.lines.range(pos, end)));
    return this.emit(T.TemplateString, this.text.slice(pos, end), pos, C.LITERAL);
  }
}
