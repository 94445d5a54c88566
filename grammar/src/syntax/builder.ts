// Builds AST nodes with exact ranges from Chevrotain tokens and child nodes (the parser's actions
// call these). Pure construction: no grammar decisions and no diagnostics here.
import { tokenMatcher } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type {
  BinaryOperator,
  Block,
  ErrorExpr,
  Expression,
  Identifier,
  NumberLiteral,
  Position,
  Range,
  StringLiteral,
} from './ast.js';
import { isFloatText, decodeString } from './literals.js';
import { LineMap } from './line-map.js';
import { StringLit } from './tokens.js';

/**
 * The non-null items as an array of exactly their number: lists grown by push keep room for 16
 * elements, which the finished tree would carry around.
 */
export function present<T>(items: readonly (T | null)[]): T[] {
  for (const item of items) if (item === null) return items.filter((i): i is T => i !== null).slice();
  return items.slice() as T[];
}

export class AstBuilder {
  lines = new LineMap('');

  /** Offset just after a token; tokens inserted by recovery are zero-width. */
  end(tok: IToken): number {
    return tok.startOffset + tok.image.length;
  }

  range(tok: IToken): Range {
    const start = this.lines.position(tok.startOffset);
    const n = tok.image.length;
    // Only string-like tokens can span lines; every other token ends on its own line.
    if (n === 0 || tokenMatcher(tok, StringLit)) return { start, end: this.lines.position(tok.startOffset + n) };
    return { start, end: { line: start.line, column: start.column + n, offset: start.offset + n } };
  }

  /** A token's range from its offsets (only strings can span lines). */
  rangeAt(start: number, end: number, multiline: boolean): Range {
    const from = this.lines.position(start);
    if (multiline) return { start: from, end: this.lines.position(end) };
    const n = end - start;
    return { start: from, end: { line: from.line, column: from.column + n, offset: from.offset + n } };
  }

  /** From the start of `first` to the end of `last`. */
  tokens(first: IToken, last: IToken): Range {
    return this.lines.range(first.startOffset, Math.max(first.startOffset, this.end(last)));
  }

  start(tok: IToken): Position {
    return this.lines.position(tok.startOffset);
  }

  endPos(tok: IToken): Position {
    return this.lines.position(this.end(tok));
  }

  /** Range from a start position to an end position, never inverted. */
  span(start: Position, end: Position): Range {
    return end.offset < start.offset ? { start, end: start } : { start, end };
  }

  /** Zero-width range at an offset. */
  at(offset: number): Range {
    return this.lines.range(offset, offset);
  }

  /** From offset `first` to offset `last` (never before `first`). */
  between(first: number, last: number): Range {
    return this.lines.range(first, Math.max(first, last));
  }

  numberAt(raw: string, start: number): NumberLiteral {
    return {
      kind: 'NumberLiteral',
      raw,
      isFloat: isFloatText(raw),
      range: this.rangeAt(start, start + raw.length, false),
    };
  }

  stringAt(raw: string, start: number): StringLiteral {
    return {
      kind: 'StringLiteral',
      value: decodeString(raw),
      raw,
      range: this.rangeAt(start, start + raw.length, true),
    };
  }

  ident(tok: IToken): Identifier {
    return { kind: 'Identifier', name: tok.image, range: this.range(tok) };
  }

  number(tok: IToken): NumberLiteral {
    return { kind: 'NumberLiteral', raw: tok.image, isFloat: isFloatText(tok.image), range: this.range(tok) };
  }

  string(tok: IToken): StringLiteral {
    return { kind: 'StringLiteral', value: decodeString(tok.image), raw: tok.image, range: this.range(tok) };
  }

  errorExpr(range: Range): ErrorExpr {
    return { kind: 'ErrorExpr', range };
  }

  binary(operator: BinaryOperator, opTok: IToken, left: Expression, right: Expression): Expression {
    return {
      kind: 'BinaryExpr',
      operator,
      operatorRange: this.range(opTok),
      left,
      right,
      range: this.span(left.range.start, right.range.end),
    };
  }

  block(open: IToken, body: Block['body'], close: IToken): Block {
    return { kind: 'Block', body, range: this.tokens(open, close) };
  }
}
