// Shared machinery of the ML parser: Chevrotain configuration, per-document state, diagnostics
// recording, lookahead helpers for contextual keywords, and recovery placeholders.
// Grammar rules live in the parser-*.ts layers and parser.ts; node construction in builder.ts.
import { createTokenInstance, EOF, tokenMatcher } from 'chevrotain';
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { Diagnostic, QuickFix } from '../diagnostics.js';
import type { ErrorExpr, Identifier, Range } from './ast.js';
import { AstBuilder } from './builder.js';
import type { LineMap } from './line-map.js';
import { syntaxError } from './messages.js';
import type { SyntaxCode } from './messages.js';
import { LazyLookaheadStrategy } from './parser-analysis.js';
import { errorMessageProvider } from './parser-errors.js';
import { TokenWindowParser } from './parser-input.js';
import { IDX, IS_COMPOUND_ASSIGN, IS_IDENTIFIER } from './token-classes.js';
import type { TokenStore } from './token-store.js';
import * as T from './tokens.js';

const INSERTABLE_AT_EOF: TokenType[] = [T.Semi, T.RParen, T.RBracket, T.RCurly];

/** Rules whose MANY is a list of statements or capability items. */
const STATEMENT_LISTS = new Set(['program', 'block', 'capabilityDecl']);

/** Chevrotain internals used by `limitRepetitionRecovery` (present in 11.x). */
interface RepetitionRecoveryHook {
  attemptInRepetitionRecovery: (...args: unknown[]) => void;
  fullRuleNameToShort: Record<string, number>;
  RULE_STACK: number[];
  RULE_STACK_IDX: number;
}

export interface ParserOptions {
  /**
   * Chevrotain's complete analysis at construction (tests): its grammar validations, and every
   * lookahead function and follow set built up front. Off in production, where they are built
   * on first use (parser-analysis.ts) and the validations skipped, for a cheaper start.
   */
  validate?: boolean;
  /** Use the hand-written fast paths of the hottest rules (default true; tests compare both). */
  fastPaths?: boolean;
}

export abstract class ParserBase extends TokenWindowParser {
  protected readonly b = new AstBuilder();
  protected problems: Diagnostic[] = [];
  /** Start offsets of keyword-typed tokens that were used as names (for semantic tokens). */
  protected namesFromKeywords = new Set<number>();
  /** Use the hand-written fast paths (set after grammar recording; tests can turn them off). */
  protected fast = false;
  protected readonly reporter = (code: SyntaxCode, range: Range, message?: string, fixes?: QuickFix[]): void =>
    this.report(code, range, message, fixes);

  constructor(options: ParserOptions) {
    super(T.ALL_TOKENS, {
      recoveryEnabled: true,
      maxLookahead: 1,
      errorMessageProvider,
      skipValidations: options.validate !== true,
      ...(options.validate === true ? {} : { lookaheadStrategy: new LazyLookaheadStrategy({ maxLookahead: 1 }) }),
    });
    this.limitRepetitionRecovery();
  }

  /**
   * Chevrotain tries "in-repetition" recovery each time any MANY loop exits, which walks the grammar
   * for follow sets and dominated parse time. Only statement lists need it (to skip junk between
   * statements and carry on), so the hook installed by Chevrotain is kept for those rules only.
   * This touches an undocumented member; `parser-config.test.ts` guards that it still exists.
   */
  private limitRepetitionRecovery(): void {
    const self = this as unknown as RepetitionRecoveryHook;
    const original = self.attemptInRepetitionRecovery;
    if (typeof original !== 'function') return;
    let lists: number[] | undefined;
    self.attemptInRepetitionRecovery = function (this: RepetitionRecoveryHook, ...args: unknown[]) {
      lists ??= [...STATEMENT_LISTS].map((name) => this.fullRuleNameToShort[name]!);
      if (lists.includes(this.RULE_STACK[this.RULE_STACK_IDX]!)) original.apply(this, args);
    };
  }

  /** Prepares the parser for one document. */
  protected begin(tokens: TokenStore, lines: LineMap): void {
    this.useTokens(tokens);
    this.b.lines = lines;
    this.problems = [];
    this.namesFromKeywords = new Set();
  }

  protected report(code: SyntaxCode, range: Range, message?: string, fixes?: QuickFix[]): void {
    this.problems.push(syntaxError(code, range, message, fixes));
  }

  protected is(k: number, type: TokenType): boolean {
    return tokenMatcher(this.LA(k), type);
  }

  /**
   * A statement keyword is a keyword unless the next token makes the word an assignment target
   * (`=`, `.`, a compound assignment or `++`/`--` follows).
   */
  protected keywordAt(type: TokenType): boolean {
    if (this.peek(1) !== type.tokenTypeIdx) return false;
    const next = this.peek(2);
    return !(next === IDX.Assign || next === IDX.Dot || IS_COMPOUND_ASSIGN[next] === 1 || next === IDX.IncDec);
  }

  /** `let`/`const`/`var` followed by a name: the declaration keyword ML does not have. */
  protected declarationKeywordAhead(): boolean {
    if (this.peek(1) !== IDX.Identifier) return false;
    const word = this.peekImage(1);
    return (word === 'let' || word === 'const' || word === 'var') && IS_IDENTIFIER[this.peek(2)] === 1;
  }

  /** After `=>`, a `{` opens an object literal if it is empty or starts with `key :`. */
  protected objectBraceAhead(): boolean {
    if (!this.is(1, T.LCurly)) return false;
    if (this.is(2, T.RCurly)) return true;
    return (this.is(2, T.Name) || this.is(2, T.StringLit)) && this.is(3, T.Colon);
  }

  /** An identifier node from a word; records keyword words used as names. */
  protected nameNode(tok: IToken) {
    if (tok.tokenType !== T.Identifier) this.namesFromKeywords.add(tok.startOffset);
    return this.b.ident(tok);
  }

  /** `nameNode` for LA(1), consumed (the caller checked it is a word the grammar accepts here). */
  protected takeName(): Identifier {
    const start = this.peekStart(1);
    const name = this.peekImage(1);
    if (this.peek(1) !== IDX.Identifier) this.namesFromKeywords.add(start);
    this.advance();
    return { kind: 'Identifier', name, range: this.b.rangeAt(start, start + name.length, false) };
  }

  /** Placeholder expression for recovery: zero-width just after the last good token. */
  protected recoveredExpression(e: IRecognitionException): ErrorExpr {
    const prev = (e as { previousToken?: IToken }).previousToken;
    let offset = 0;
    if (prev && prev.tokenType !== EOF && prev.startOffset >= 0) offset = this.b.end(prev);
    else if (e.token.tokenType !== EOF && e.token.startOffset >= 0) offset = e.token.startOffset;
    return this.b.errorExpr(this.b.at(offset));
  }

  /**
   * Chevrotain's single-token insertion, extended to the end of input: a missing `;` or closing
   * bracket at EOF is inserted instead of discarding the unfinished statement or function.
   */
  protected canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean {
    const next = this.LA(1);
    if (next.tokenType === EOF) return INSERTABLE_AT_EOF.includes(expected);
    return follows.some((f) => tokenMatcher(next, f));
  }

  /** Tokens inserted by recovery sit zero-width right after the previous token. */
  protected override getTokenToInsert(tokType: TokenType): IToken {
    const prev = this.LA(0);
    const offset = prev.tokenType !== EOF && prev.startOffset >= 0 ? prev.startOffset + prev.image.length : 0;
    const tok = createTokenInstance(tokType, '', offset, offset - 1, NaN, NaN, NaN, NaN);
    tok.isInsertedInRecovery = true;
    return tok;
  }
}
