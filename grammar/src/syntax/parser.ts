// The ML parser: the `program` rule, hand-written fast paths for the hottest rules, and the entry
// point. Each fast path follows its DSL rule exactly (same CONSUME/SUBRULE occurrences, so Chevrotain's
// recovery sees the same grammar positions) and falls back to the DSL where it would report an error.
import { EOF, tokenMatcher } from 'chevrotain';
import type { IRecognitionException, IToken, OrMethodOpts, TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.js';
import type {
  Block,
  ErrorExpr,
  Expression,
  ObjectLiteral,
  ObjectProperty,
  Statement,
  TopLevelStatement,
} from './ast.js';
import type { IndexSuffix } from './parser-expression-actions.js';
import { operatorInfoAt } from './operators.js';
import { analyseDeferringFollows } from './parser-analysis.js';
import {
  ENDS_EXPRESSION,
  IDX,
  IS_BINARY_OP,
  IS_COMPOUND_ASSIGN,
  IS_IDENTIFIER,
  IS_NAME,
  IS_PREFIX_OP,
  IS_STRING,
  IS_TOKEN_ATOM,
} from './token-classes.js';
import type { LineMap } from './line-map.js';
import type { TokenStore } from './token-store.js';
import type { ParserOptions } from './parser-base.js';
import { StatementParser } from './parser-statements.js';
import { emptySimpleParts } from './statement-builder.js';
import * as T from './tokens.js';

export interface ParsedTokens {
  body: TopLevelStatement[];
  problems: Diagnostic[];
  errors: IRecognitionException[];
  namesFromKeywords: ReadonlySet<number>;
}

export class MlParser extends StatementParser {
  /** `===`, `!==` and `**` met in the binary chains being parsed, reported when a chain completes. */
  private readonly operatorChecks: IToken[] = [];

  /** Top-level alternatives, built once (this runs for every top-level statement). */
  private readonly topLevelChoice: OrMethodOpts<TopLevelStatement | null> = {
    MAX_LOOKAHEAD: 1,
    IGNORE_AMBIGUITIES: true,
    DEF: [
      { GATE: () => this.keywordAt(T.Capability), ALT: () => this.SUBRULE(this.capabilityDecl) },
      { GATE: () => this.keywordAt(T.Import), ALT: () => this.SUBRULE(this.importStatement) },
      { ALT: () => this.SUBRULE(this.statement) },
    ],
  };

  readonly program = this.RULE('program', (): TopLevelStatement[] => {
    const body: TopLevelStatement[] = [];
    if (this.fast) {
      this.programFast(body);
      // At the end of input the DSL loop would match nothing and recover nothing: skipping it saves
      // building its lookahead (the first set of every statement) on a one-shot run's only parse.
      if (this.peek(1) === EOF.tokenTypeIdx) return body;
    }
    this.MANY(() => {
      const s = this.OR(this.topLevelChoice);
      if (s && !this.RECORDING_PHASE) body.push(s);
    });
    return body;
  });

  constructor(options: ParserOptions = {}) {
    super(options);
    if (options.validate === true) this.performSelfAnalysis();
    else analyseDeferringFollows(this);
    this.fast = options.fastPaths !== false;
  }

  /** Parses one document's tokens. */
  parseTokens(tokens: TokenStore, lines: LineMap): ParsedTokens {
    this.begin(tokens, lines);
    const body = this.program();
    const result = {
      body: body ?? [],
      problems: this.problems,
      errors: this.errors,
      namesFromKeywords: this.namesFromKeywords,
    };
    this.useTokens(null);
    return result;
  }

  /**
   * The program's MANY/OR without the DSL while statements follow (same SUBRULE occurrences); the
   * DSL loop then ends the program, so Chevrotain's in-repetition recovery runs where it would.
   */
  private programFast(body: TopLevelStatement[]): void {
    for (;;) {
      if (!this.startsStatement()) return;
      const at = this.position();
      let s: TopLevelStatement | null;
      if (this.keywordAt(T.Capability)) s = this.SUBRULE(this.capabilityDecl);
      else if (this.keywordAt(T.Import)) s = this.SUBRULE(this.importStatement);
      else s = this.SUBRULE(this.statement);
      if (s) body.push(s);
      // A statement always consumes its first token; never loop on the same one.
      if (this.position() === at) return;
    }
  }

  // ---- expressions ---------------------------------------------------------------------------

  protected expressionFast(): Expression {
    if (!this.startsExpression(1)) this.AT_LEAST_ONE_SEP(this.noOperand);
    let result = this.operandFast();
    if (IS_BINARY_OP[this.peek(1)] === 1) {
      // Operators that are not ML are reported once the whole chain parsed, as `climb` does.
      const checks = this.operatorChecks;
      const from = checks.length;
      try {
        result = this.binaryFast(result, 1);
        for (let i = from; i < checks.length; i++) this.checkOperator(checks[i]!);
      } finally {
        checks.length = from;
      }
    }
    if (this.peek(1) === IDX.Question) {
      this.advance();
      const consequent = this.atomIsExpression() ? this.atomFast() : this.SUBRULE(this.expression);
      if (this.peek(1) === IDX.Colon) this.advance();
      else this.CONSUME(T.Colon);
      const alternate = this.atomIsExpression() ? this.atomFast() : this.SUBRULE2(this.expression);
      result = this.conditional(result, consequent, alternate);
    }
    return result;
  }

  /**
   * Precedence climbing over `operand (BinaryOp operand)*`: the same tokens, consumed in the same
   * order, and the same left-associative tree as `climb` builds from the DSL's operand lists.
   */
  private binaryFast(left: Expression, minPrecedence: number): Expression {
    for (;;) {
      const next = this.peek(1);
      if (IS_BINARY_OP[next] !== 1) return left;
      const info = operatorInfoAt(next);
      if (info.precedence < minPrecedence) return left;
      const opStart = this.peekStart(1);
      const opEnd = this.peekEnd(1);
      if (next === IDX.StrictEq || next === IDX.StrictNotEq || next === IDX.StarStar)
        this.operatorChecks.push(this.LA(1));
      this.advance();
      let right = this.operandFast();
      for (;;) {
        const after = this.peek(1);
        if (IS_BINARY_OP[after] !== 1 || operatorInfoAt(after).precedence <= info.precedence) break;
        right = this.binaryFast(right, info.precedence + 1);
      }
      left = {
        kind: 'BinaryExpr',
        operator: info.operator,
        operatorRange: this.b.rangeAt(opStart, opEnd, false),
        left,
        right,
        range: this.b.span(left.range.start, right.range.end),
      };
    }
  }

  /** `operandBody` without the DSL (same CONSUME/SUBRULE occurrences). */
  private operandFast(): Expression {
    let prefixes: IToken[] | undefined;
    while (IS_PREFIX_OP[this.peek(1)] === 1) (prefixes ??= []).push(this.CONSUME(T.PrefixOp));
    let newTok: IToken | undefined;
    if (this.newAhead()) newTok = this.CONSUME(T.Identifier);
    let expr = this.atomFast();
    for (;;) {
      const type = this.peek(1);
      if (type === IDX.LParen) {
        // `callArguments` inlined (same CONSUME occurrences), without its result object.
        const open = this.peekStart(1);
        this.advance();
        const args = this.list(T.RParen);
        expr = this.callAt(expr, open, args, this.closing(IDX.RParen, T.RParen));
      } else if (type === IDX.Dot) {
        this.advance();
        expr =
          IS_NAME[this.peek(1)] === 1
            ? this.memberAt(expr, this.takeName())
            : this.memberNode(expr, this.CONSUME(T.Name));
      } else if (type === IDX.LBracket) expr = this.applyIndex(expr, this.SUBRULE(this.indexSuffix));
      else break;
    }
    let arrowUsed = false;
    if (this.peek(1) === IDX.Arrow) {
      const arrow = this.CONSUME(T.Arrow);
      const body = this.SUBRULE(this.arrowBody);
      arrowUsed = true;
      expr = this.misusedArrow(expr, arrow, body);
    }
    return this.finishOperand(prefixes, newTok, expr, arrowUsed);
  }

  /** `atom`: literals and names are built from the token columns; the rest are rules. */
  private atomFast(): Expression {
    const type = this.peek(1);
    if (IS_IDENTIFIER[type] === 1) return this.takeName();
    if (type === IDX.NumberLit || IS_STRING[type] === 1 || type === IDX.True || type === IDX.False) {
      const start = this.peekStart(1);
      const image = this.peekImage(1);
      this.advance();
      if (type === IDX.NumberLit) return this.b.numberAt(image, start);
      if (type === IDX.True || type === IDX.False)
        return {
          kind: 'BooleanLiteral',
          value: type === IDX.True,
          range: this.b.rangeAt(start, start + image.length, false),
        };
      return this.b.stringAt(image, start);
    }
    if (type === IDX.LBracket) return this.SUBRULE(this.arrayLiteral);
    if (type === IDX.LCurly) return this.SUBRULE(this.objectLiteral);
    if (type === IDX.Fn) return this.SUBRULE(this.arrowFunction);
    if (type === IDX.LParen) return this.SUBRULE(this.parenExpression);
    return this.OR(this.atomAlts);
  }

  /** End offset of the closing bracket of type `idx`, consumed (recovery as CONSUME's if missing). */
  private closing(idx: number, type: TokenType): number {
    if (this.peek(1) === idx) {
      const end = this.peekEnd(1);
      this.advance();
      return end;
    }
    const tok = this.CONSUME(type);
    return tok.startOffset + tok.image.length;
  }

  protected listFast(closer: typeof T.RParen): Expression[] {
    if (!this.startsExpression(1)) return [];
    const first = this.atomIsExpression() ? this.atomFast() : this.SUBRULE8(this.expression);
    let items: Expression[] | undefined;
    const closerIdx = closer.tokenTypeIdx!;
    while (this.peek(1) === IDX.Comma && this.peek(2) !== closerIdx) {
      this.advance();
      (items ??= [first]).push(this.atomIsExpression() ? this.atomFast() : this.SUBRULE9(this.expression));
    }
    if (this.peek(1) === IDX.Comma) this.trailingComma(this.CONSUME9(T.Comma));
    // Exact-size arrays: a list grown by push keeps room for 16 elements in the finished tree.
    return items ? items.slice() : [first];
  }

  protected indexSuffixFast(): IndexSuffix | null {
    const open = this.CONSUME(T.LBracket);
    let start: Expression | null = null;
    let stop: Expression | null = null;
    let step: Expression | null = null;
    let isSlice = false;
    if (this.atomIsExpression()) start = this.atomFast();
    else if (this.startsExpression(1)) start = this.SUBRULE(this.expression);
    if (this.peek(1) === IDX.Colon) {
      this.advance();
      isSlice = true;
      if (this.startsExpression(1)) stop = this.SUBRULE2(this.expression);
      if (this.peek(1) === IDX.Colon) {
        this.advance();
        if (this.startsExpression(1)) step = this.SUBRULE3(this.expression);
      }
    }
    const close = this.CONSUME(T.RBracket);
    return { open, start, stop, step, isSlice, close };
  }

  protected arrayLiteralFast(): Expression {
    const open = this.peek(1) === IDX.LBracket ? this.peekStart(1) : -1;
    if (open >= 0) this.advance();
    const start = open >= 0 ? open : this.CONSUME(T.LBracket).startOffset;
    const elements = this.list(T.RBracket);
    const end = this.closing(IDX.RBracket, T.RBracket);
    return { kind: 'ArrayLiteral', elements, range: this.b.between(start, end) };
  }

  protected objectLiteralFast(): ObjectLiteral | ErrorExpr {
    const open = this.CONSUME(T.LCurly);
    const properties: (ObjectProperty | null)[] = [];
    if (IS_NAME[this.peek(1)] === 1 || IS_STRING[this.peek(1)] === 1) {
      properties.push(this.SUBRULE(this.objectProperty));
      while (this.peek(1) === IDX.Comma && this.peek(2) !== IDX.RCurly) {
        this.advance();
        properties.push(this.SUBRULE2(this.objectProperty));
      }
      if (this.peek(1) === IDX.Comma) this.trailingComma(this.CONSUME2(T.Comma));
    }
    const close = this.CONSUME(T.RCurly);
    return this.objectNode(open, properties, close);
  }

  protected objectPropertyFast(): ObjectProperty | null {
    const next = this.LA(1);
    const keyTok = tokenMatcher(next, T.Name)
      ? this.CONSUME(T.Name)
      : tokenMatcher(next, T.StringLit)
        ? this.CONSUME(T.StringLit)
        : this.OR(this.keyAlts);
    if (this.peek(1) === IDX.Colon) this.advance();
    else this.CONSUME(T.Colon);
    const value = this.atomIsExpression() ? this.atomFast() : this.SUBRULE(this.expression);
    return this.property(keyTok, value);
  }

  // ---- statements ----------------------------------------------------------------------------

  /**
   * LA(1) is a name or literal and LA(2) cannot continue an expression: `expression` would build just
   * that atom and could report nothing, so the fast paths build it without invoking the rule (about a
   * third of all expressions).
   */
  private atomIsExpression(): boolean {
    return IS_TOKEN_ATOM[this.peek(1)] === 1 && ENDS_EXPRESSION[this.peek(2)] === 1;
  }

  /** LA(k) is in the first set of `expression` (what Chevrotain computes for OPTION lookahead). */
  private startsExpression(k: number): boolean {
    const t = this.peek(k);
    return (
      IS_NAME[t] === 1 ||
      t === IDX.NumberLit ||
      IS_STRING[t] === 1 ||
      t === IDX.Fn ||
      t === IDX.LParen ||
      t === IDX.LBracket ||
      t === IDX.LCurly ||
      IS_PREFIX_OP[t] === 1
    );
  }

  /** LA(1) is in the first set of `statement`: an expression, `++`/`--`, or `;`. */
  private startsStatement(): boolean {
    const t = this.peek(1);
    return t === IDX.Semi || t === IDX.IncDec || this.startsExpression(1);
  }

  /** `returnStatement` with the OPTION's lookahead (the first set of `expression`) written out. */
  protected returnStatementFast(): Statement {
    const kw = this.CONSUME(T.Return);
    let value: Expression | null = null;
    if (this.atomIsExpression()) value = this.atomFast();
    else if (this.startsExpression(1)) value = this.SUBRULE(this.expression);
    const semi = this.CONSUME(T.Semi);
    return { kind: 'ReturnStmt', value, range: this.b.tokens(kw, semi) };
  }

  protected blockFast(): Block {
    const open = this.peek(1) === IDX.LCurly ? this.peekStart(1) : -1;
    if (open >= 0) this.advance();
    const start = open >= 0 ? open : this.CONSUME(T.LCurly).startOffset;
    const body: Statement[] = [];
    while (this.startsStatement()) {
      const s = this.SUBRULE(this.statement);
      if (s) body.push(s);
    }
    // Anything else: the DSL loop, whose exit runs Chevrotain's in-repetition recovery.
    if (this.peek(1) !== IDX.RCurly) this.statementLoop(body);
    const end = this.closing(IDX.RCurly, T.RCurly);
    return { kind: 'Block', body: body.slice(), range: this.b.between(start, end) };
  }

  protected statementFast(): Statement | null {
    switch (this.peek(1)) {
      case IDX.If:
        if (this.keywordAt(T.If)) return this.SUBRULE(this.ifStatement);
        break;
      case IDX.While:
        if (this.keywordAt(T.While)) return this.SUBRULE(this.whileStatement);
        break;
      case IDX.For:
        if (this.keywordAt(T.For)) return this.SUBRULE(this.forStatement);
        break;
      case IDX.Function:
        if (this.keywordAt(T.Function)) return this.SUBRULE(this.functionDef);
        break;
      case IDX.Return:
        if (this.keywordAt(T.Return)) return this.SUBRULE(this.returnStatement);
        break;
      case IDX.Throw:
        if (this.keywordAt(T.Throw)) return this.SUBRULE(this.throwStatement);
        break;
      case IDX.Try:
        if (this.keywordAt(T.Try)) return this.SUBRULE(this.tryStatement);
        break;
      case IDX.Break:
      case IDX.Continue:
        if (this.keywordAt(T.Break) || this.keywordAt(T.Continue)) return this.SUBRULE(this.jumpStatement);
        break;
      case IDX.Nonlocal:
        if (this.keywordAt(T.Nonlocal)) return this.SUBRULE(this.nonlocalStatement);
        break;
      case IDX.Identifier:
        return this.simpleStatementFast();
      default:
        break;
    }
    return this.OR(this.statementChoice());
  }

  protected simpleStatementFast(): Statement | null {
    const parts = emptySimpleParts();
    if (this.declarationKeywordAhead()) parts.decl = this.CONSUME(T.Identifier);
    if (this.peek(1) === IDX.IncDec) parts.prefix = this.CONSUME(T.IncDec);
    parts.target = this.atomIsExpression() ? this.atomFast() : this.SUBRULE(this.expression);
    const next = this.peek(1);
    if (next === IDX.Assign) {
      // `=` needs no token object: only its type is used.
      this.advance();
      parts.opType = T.Assign;
      parts.value = this.atomIsExpression() ? this.atomFast() : this.SUBRULE2(this.expression);
      if (this.peek(1) === IDX.Assign) {
        parts.chained = this.CONSUME2(T.Assign);
        this.SUBRULE4(this.expression);
      }
    } else if (IS_COMPOUND_ASSIGN[next] === 1) {
      parts.op = this.CONSUME(T.CompoundAssign);
      parts.opType = parts.op.tokenType;
      parts.value = this.SUBRULE3(this.expression);
    } else if (next === IDX.IncDec) {
      parts.op = this.CONSUME2(T.IncDec);
      parts.opType = T.IncDec;
    }
    parts.semiEnd = this.closing(IDX.Semi, T.Semi);
    return this.finishSimpleStatement(parts);
  }
}
