// Lexical context of ML: decides from the tokens already matched whether the previous token ends a
// value (so `//` is floor division and `-1` is `-` then `1`) or not (so `//` starts a comment and
// `-1` is one literal). It must not look at anything but the tokens fed to it and the source text.

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

/** Lexical classes of the tokens fed to the context (words are plain identifiers while lexing). */
export const WORD = 1;
export const LITERAL = 2;
export const OPEN_PAREN = 3;
export const CLOSE_PAREN = 4;
export const OPEN_BRACKET = 5;
export const CLOSE_BRACKET = 6;
export const OPEN_CURLY = 7;
export const CLOSE_CURLY = 8;
export const SEMI = 9;
export const ARROW = 10;
export const OTHER = 11;

/** The state after the significant tokens of one document fed so far, in order. */
export class LexContext {
  private readonly stack: Frame[] = [];
  /** Tokens inside the innermost `for (` header, to recognise `in` as its third token. */
  private readonly headerCounts: number[] = [];
  private readonly headerOpeners: (string | null)[] = [];
  private endsValueFlag = false;
  private stmtStart = true;
  private keyword: string | null = null;
  private pendingBlock = false;
  private afterArrow = false;

  constructor(private readonly text: string) {}

  /** True when the last token ends a complete operand. */
  get endsValue(): boolean {
    return this.endsValueFlag;
  }

  /** True when the next token starts a statement. */
  get atStatementStart(): boolean {
    return this.stmtStart;
  }

  /** Feeds the next significant token: its lexical class, its text and its start offset. */
  feed(cls: number, image: string, offset: number): void {
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
    if (cls === WORD) {
      this.feedWord(image, wasStmtStart, prevKeyword);
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
        const kind = this.stack.pop();
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
        this.stack.pop();
        this.endsValueFlag = true;
        return;
      case OPEN_CURLY: {
        let kind: Frame;
        const after = offset + 1;
        if (prevPendingBlock || prevKeyword === 'capability-name') kind = 'block';
        else if (prevArrow) kind = looksLikeObject(this.text, after) ? 'object' : 'block';
        else if (wasStmtStart) kind = looksLikePattern(this.text, after) ? 'pattern' : 'object';
        else kind = 'object';
        this.stack.push(kind);
        this.stmtStart = kind === 'block';
        return;
      }
      case CLOSE_CURLY: {
        const kind = this.stack.pop();
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
