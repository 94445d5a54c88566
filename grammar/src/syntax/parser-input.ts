// Feeds the Chevrotain parser from a TokenStore through its documented lookahead hooks (LA,
// LA_FAST): IToken objects are made for the few positions around the parser's cursor, not for the
// whole document up front. No grammar here.
import { EmbeddedActionsParser, EOF } from 'chevrotain';
import type { IParserConfig, IToken, TokenType } from 'chevrotain';
import type { TokenStore } from './token-store.js';

const EOF_IDX = EOF.tokenTypeIdx!;

/** Chevrotain's lexer-adapter state (present in 11.x): the cursor and the input length. */
interface LexerAdapterState {
  currIdx: number;
  tokVectorLength: number;
}

/** Positions kept per document: LA(0) .. LA(3) are the most the parser looks at around its cursor. */
const WINDOW = 8;

export abstract class TokenWindowParser extends EmbeddedActionsParser {
  private store: TokenStore | null = null;
  private count = 0;
  private readonly windowIndex = new Int32Array(WINDOW).fill(-1);
  private readonly windowTokens: IToken[] = new Array<IToken>(WINDOW);

  constructor(tokens: TokenType[], config: IParserConfig) {
    super(tokens, config);
  }

  /** Starts a document (null: none). */
  protected useTokens(store: TokenStore | null): void {
    this.input = [];
    this.store = store;
    this.count = store ? store.count : 0;
    (this as unknown as LexerAdapterState).tokVectorLength = this.count;
    this.windowIndex.fill(-1);
    this.windowTokens.fill(undefined as unknown as IToken);
  }

  /** Index of the last consumed token (-1 before the first). */
  protected position(): number {
    return (this as unknown as LexerAdapterState).currIdx;
  }

  // The fast paths look at tokens through these without making IToken objects.

  /** tokenTypeIdx of LA(k) (EOF's past the end of the document). */
  protected peek(k: number): number {
    const index = (this as unknown as LexerAdapterState).currIdx + k;
    return index >= 0 && index < this.count ? this.store!.typeIdx(index) : EOF_IDX;
  }

  /** Start offset of LA(k), a token inside the document. */
  protected peekStart(k: number): number {
    return this.store!.start((this as unknown as LexerAdapterState).currIdx + k);
  }

  /** End offset of LA(k), a token inside the document. */
  protected peekEnd(k: number): number {
    return this.store!.end((this as unknown as LexerAdapterState).currIdx + k);
  }

  /** Text of LA(k), a token inside the document. */
  protected peekImage(k: number): string {
    return this.store!.image((this as unknown as LexerAdapterState).currIdx + k);
  }

  /**
   * Consumes LA(1), which the caller checked matches the type CONSUME would ask for: what CONSUME
   * does then (this parser builds no CST), without making the token.
   */
  protected advance(): void {
    (this as unknown as LexerAdapterState).currIdx++;
  }

  protected override LA(howMuch: number): IToken {
    const index = (this as unknown as LexerAdapterState).currIdx + howMuch;
    if (index < 0 || index >= this.count) return super.LA(howMuch);
    const slot = index & (WINDOW - 1);
    if (this.windowIndex[slot] === index) return this.windowTokens[slot]!;
    const tok = this.store!.token(index);
    this.windowIndex[slot] = index;
    this.windowTokens[slot] = tok;
    return tok;
  }

  protected override LA_FAST(howMuch: number): IToken {
    return this.LA(howMuch);
  }
}
