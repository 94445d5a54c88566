// Lexical context of ML: decides from the tokens already matched whether the previous token ends a
// value (so `//` is floor division and `-1` is `-` then `1`) or not (so `//` starts a comment and
// `-1` is one literal). It must not look at anything but the tokens fed to it and the source text.
import type { IToken } from 'chevrotain';

/** What an open bracket began; `value` covers calls and parenthesised expressions. */
type Frame = 'value' | 'header' | 'params' | 'fnparams' | 'index' | 'block' | 'object' | 'pattern';

/** Words that act as keywords when they start a statement (or follow a closed block). */
const STATEMENT_KEYWORDS = new Set([
  'if',
  'while',
  'for',
  'function',
  'return',
  'throw',
  'try',
  'break',
  'continue',
  'nonlocal',
  'import',
  'capability',
  'else',
  'elif',
  'except',
  'finally',
]);
const HEADER_KEYWORDS = new Set(['if', 'elif', 'while', 'for', 'except']);
const BLOCK_KEYWORDS = new Set(['else', 'try', 'finally', 'except']);

export class LexContext {
  private stack: Frame[] = [];
  /** Tokens inside the innermost `for (` header, to recognise `in` as its third token. */
  private headerCounts: number[] = [];
  private headerOpeners: (string | null)[] = [];
  private endsValueFlag = false;
  private stmtStart = true;
  private keyword: string | null = null;
  private pendingBlock = false;
  private afterArrow = false;
  private fed = 0;
  /** Token class by tokenTypeIdx, filled on first sight of each token type. */
  private readonly classes = new Uint8Array(1024);
  private tokens: IToken[] | null = null;
  private text = '';

  /** Starts a new document. */
  reset(text: string): void {
    this.stack = [];
    this.headerCounts = [];
    this.headerOpeners = [];
    this.endsValueFlag = false;
    this.stmtStart = true;
    this.keyword = null;
    this.pendingBlock = false;
    this.afterArrow = false;
    this.fed = 0;
    this.tokens = null;
    this.text = text;
  }

  /** Releases the document so that it is not retained between runs. */
  release(): void {
    this.reset('');
  }

  /** Feeds the tokens matched so far (the lexer's own growing array) and returns the state. */
  catchUp(matched: IToken[]): this {
    if (this.tokens !== matched) {
      this.tokens = matched;
      this.fed = 0;
    }
    while (this.fed < matched.length) this.feed(matched[this.fed++]!);
    return this;
  }

  /** True when the last token ends a complete operand. */
  get endsValue(): boolean {
    return this.endsValueFlag;
  }

  /** True when the next token starts a statement. */
  get atStatementStart(): boolean {
    return this.stmtStart;
  }

  private feed(tok: IToken): void {
    const wasStmtStart = this.stmtStart;
    const prevKeyword = this.keyword;
    const prevPendingBlock = this.pendingBlock;
    const prevArrow = this.afterArrow;
    this.stmtStart = false;
    this.keyword = null;
    this.pendingBlock = false;
    this.afterArrow = false;
    const depth = this.headerCounts.length;
    if (depth > 0) this.headerCounts[depth - 1]!++;
    let cls = this.classes[tok.tokenTypeIdx]!;
    if (cls === 0) cls = this.classes[tok.tokenTypeIdx] = classify(tok);
    if (cls === WORD) {
      this.feedWord(tok.image, wasStmtStart, prevKeyword);
      return;
    }
    if (cls === LITERAL) {
      this.endsValueFlag = true;
      return;
    }
    this.endsValueFlag = false;
    switch (cls) {
      case OPEN_PAREN: {
        const kind: Frame =
          prevKeyword !== null && HEADER_KEYWORDS.has(prevKeyword)
            ? 'header'
            : prevKeyword === 'function-name'
              ? 'params'
              : prevKeyword === 'fn'
                ? 'fnparams'
                : 'value';
        this.stack.push(kind);
        this.headerCounts.push(0);
        this.headerOpeners.push(kind === 'header' ? prevKeyword : null);
        return;
      }
      case CLOSE_PAREN: {
        const kind = this.pop();
        this.headerCounts.pop();
        this.headerOpeners.pop();
        if (kind === 'value' || kind === undefined) this.endsValueFlag = true;
        else if (kind === 'header' || kind === 'params') this.pendingBlock = true;
        return;
      }
      case OPEN_BRACKET:
        this.stack.push('index');
        return;
      case CLOSE_BRACKET:
        this.pop();
        this.endsValueFlag = true;
        return;
      case OPEN_CURLY: {
        let kind: Frame;
        const after = tok.startOffset + 1;
        if (prevPendingBlock || prevKeyword === 'capability-name') kind = 'block';
        else if (prevArrow) kind = looksLikeObject(this.text, after) ? 'object' : 'block';
        else if (wasStmtStart) kind = looksLikePattern(this.text, after) ? 'pattern' : 'object';
        else kind = 'object';
        this.stack.push(kind);
        this.stmtStart = kind === 'block';
        return;
      }
      case CLOSE_CURLY: {
        const kind = this.pop();
        if (kind === 'object') this.endsValueFlag = true;
        else if (kind !== 'pattern') this.stmtStart = true;
        return;
      }
      case SEMI:
        this.stmtStart = true;
        return;
      case ARROW:
        this.afterArrow = true;
        return;
      default:
        return;
    }
  }

  private feedWord(word: string, wasStmtStart: boolean, prevKeyword: string | null): void {
    this.endsValueFlag = false;
    if ((wasStmtStart || (prevKeyword === 'else' && word === 'if')) && STATEMENT_KEYWORDS.has(word)) {
      this.keyword = word;
      this.pendingBlock = BLOCK_KEYWORDS.has(word);
    } else if (prevKeyword === 'function') {
      this.keyword = 'function-name';
    } else if (prevKeyword === 'capability') {
      this.keyword = 'capability-name';
    } else if (word === 'fn') {
      this.keyword = 'fn';
    } else if (word === 'in' && this.inForHeaderAt(2)) {
      // `for (x in` — `in` is the keyword here, a value follows.
    } else {
      this.endsValueFlag = true;
    }
  }

  private inForHeaderAt(count: number): boolean {
    const depth = this.headerCounts.length;
    return depth > 0 && this.headerOpeners[depth - 1] === 'for' && this.headerCounts[depth - 1] === count;
  }

  private pop(): Frame | undefined {
    return this.stack.pop();
  }
}

const WORD = 1;
const LITERAL = 2;
const OPEN_PAREN = 3;
const CLOSE_PAREN = 4;
const OPEN_BRACKET = 5;
const CLOSE_BRACKET = 6;
const OPEN_CURLY = 7;
const CLOSE_CURLY = 8;
const SEMI = 9;
const ARROW = 10;
const OTHER = 11;

const PUNCTUATION_CLASSES: Record<string, number> = {
  '(': OPEN_PAREN,
  ')': CLOSE_PAREN,
  '[': OPEN_BRACKET,
  ']': CLOSE_BRACKET,
  '{': OPEN_CURLY,
  '}': CLOSE_CURLY,
  ';': SEMI,
  '=>': ARROW,
};

/** The lexical class of a token's type (words are still plain identifiers while lexing). */
function classify(tok: IToken): number {
  const name = tok.tokenType.name;
  if (name === 'Identifier') return WORD;
  if (name === 'NumberLit' || name === 'StringLit' || name === 'UnterminatedString' || name === 'TemplateString')
    return LITERAL;
  return PUNCTUATION_CLASSES[tok.image] ?? OTHER;
}

/** Skips whitespace and `//` comments (which are comments right after `{` or `,`). */
function skipTrivia(text: string, pos: number): number {
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 12) pos++;
    else if (c === 47 && text.charCodeAt(pos + 1) === 47) {
      while (pos < text.length && text.charCodeAt(pos) !== 10 && text.charCodeAt(pos) !== 13) pos++;
    } else return pos;
  }
}

function skipWord(text: string, pos: number): number {
  const start = pos;
  while (pos < text.length && isWordChar(text.charCodeAt(pos))) pos++;
  return isWordStart(text.charCodeAt(start)) ? pos : start;
}

function skipString(text: string, pos: number): number {
  const quote = text.charCodeAt(pos);
  if (quote !== 34 && quote !== 39) return pos;
  for (let i = pos + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) i++;
    else if (c === quote) return i + 1;
  }
  return pos;
}

/** After `=> {`: an object literal if the brace is empty or starts with `key :`. */
export function looksLikeObject(text: string, pos: number): boolean {
  let p = skipTrivia(text, pos);
  if (text.charCodeAt(p) === 125) return true;
  let q = skipWord(text, p);
  if (q === p) q = skipString(text, p);
  if (q === p) return false;
  p = skipTrivia(text, q);
  return text.charCodeAt(p) === 58;
}

/** At a statement start, `{a, b} = ...` is a destructuring pattern. */
function looksLikePattern(text: string, pos: number): boolean {
  let p = skipTrivia(text, pos);
  const q = skipWord(text, p);
  if (q === p) return false;
  p = skipTrivia(text, q);
  const c = text.charCodeAt(p);
  return c === 44 || c === 125;
}

export function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function isWordChar(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
