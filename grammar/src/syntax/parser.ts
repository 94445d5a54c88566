// The ML parser: the `program` rule, hand-written fast paths for the hottest rules, and the entry
// point. Each fast path follows its DSL rule exactly (same CONSUME/SUBRULE occurrences, so Chevrotain's
// recovery sees the same grammar positions) and falls back to the DSL where it would report an error.
import { tokenMatcher } from 'chevrotain';
import type { IRecognitionException, IToken, OrMethodOpts } from 'chevrotain';
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
import { operatorInfo } from './operators.js';
import type { LineMap } from './line-map.js';
import type { TokenStore } from './token-store.js';
import type { ParserOptions } from './parser-base.js';
import { StatementParser } from './parser-statements.js';
import type { SimpleParts } from './statement-builder.js';
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
    if (this.fast) this.programFast(body);
    this.MANY(() => {
      const s = this.OR(this.topLevelChoice);
      if (s && !this.RECORDING_PHASE) body.push(s);
    });
    return body;
  });

  constructor(options: ParserOptions = {}) {
    super(options);
    this.performSelfAnalysis();
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
      if (!startsStatement(this.LA(1))) return;
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
    if (!startsExpression(this.LA(1))) this.AT_LEAST_ONE_SEP(this.noOperand);
    let result = this.operandFast();
    if (tokenMatcher(this.LA(1), T.BinaryOp)) {
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
    if (this.LA(1).tokenType === T.Question) {
      this.CONSUME(T.Question);
      const consequent = this.SUBRULE(this.expression);
      this.CONSUME(T.Colon);
      const alternate = this.SUBRULE2(this.expression);
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
      const next = this.LA(1);
      if (!tokenMatcher(next, T.BinaryOp)) return left;
      const info = operatorInfo(next.tokenType);
      if (info.precedence < minPrecedence) return left;
      const op = this.CONSUME(T.BinaryOp);
      const type = op.tokenType;
      if (type === T.StrictEq || type === T.StrictNotEq || type === T.StarStar) this.operatorChecks.push(op);
      let right = this.operandFast();
      for (;;) {
        const after = this.LA(1);
        if (!tokenMatcher(after, T.BinaryOp) || operatorInfo(after.tokenType).precedence <= info.precedence) break;
        right = this.binaryFast(right, info.precedence + 1);
      }
      left = this.b.binary(info.operator, op, left, right);
    }
  }

  /** `operandBody` without the DSL (same CONSUME/SUBRULE occurrences). */
  private operandFast(): Expression {
    let prefixes: IToken[] | undefined;
    while (tokenMatcher(this.LA(1), T.PrefixOp)) (prefixes ??= []).push(this.CONSUME(T.PrefixOp));
    let newTok: IToken | undefined;
    if (this.newAhead()) newTok = this.CONSUME(T.Identifier);
    let expr = this.atomFast();
    for (;;) {
      const type = this.LA(1).tokenType;
      if (type === T.LParen) {
        // `callArguments` inlined (same CONSUME occurrences), without its result object.
        const open = this.CONSUME(T.LParen);
        const args = this.list(T.RParen);
        const close = this.CONSUME(T.RParen);
        expr = this.callNode(expr, open, args, close);
      } else if (type === T.Dot) {
        this.CONSUME(T.Dot);
        expr = this.memberNode(expr, this.CONSUME(T.Name));
      } else if (type === T.LBracket) expr = this.applyIndex(expr, this.SUBRULE(this.indexSuffix));
      else break;
    }
    let arrowUsed = false;
    if (this.LA(1).tokenType === T.Arrow) {
      const arrow = this.CONSUME(T.Arrow);
      const body = this.SUBRULE(this.arrowBody);
      arrowUsed = true;
      expr = this.misusedArrow(expr, arrow, body);
    }
    return this.finishOperand(prefixes, newTok, expr, arrowUsed);
  }

  private atomFast(): Expression {
    const tok = this.LA(1);
    const type = tok.tokenType;
    if (type === T.NumberLit) return this.literalNode(this.CONSUME(T.NumberLit));
    if (type === T.StringLit || type === T.UnterminatedString || type === T.TemplateString)
      return this.literalNode(this.CONSUME(T.StringLit));
    if (type === T.True) return this.literalNode(this.CONSUME(T.True));
    if (type === T.False) return this.literalNode(this.CONSUME(T.False));
    if (tokenMatcher(tok, T.Identifier)) return this.literalNode(this.CONSUME2(T.Identifier));
    if (type === T.LBracket) return this.SUBRULE(this.arrayLiteral);
    if (type === T.LCurly) return this.SUBRULE(this.objectLiteral);
    if (type === T.Fn) return this.SUBRULE(this.arrowFunction);
    if (type === T.LParen) return this.SUBRULE(this.parenExpression);
    return this.OR(this.atomAlts);
  }

  protected listFast(closer: typeof T.RParen): Expression[] {
    if (!startsExpression(this.LA(1))) return [];
    const first = this.SUBRULE8(this.expression);
    let items: Expression[] | undefined;
    while (this.LA(1).tokenType === T.Comma && !tokenMatcher(this.LA(2), closer)) {
      this.CONSUME8(T.Comma);
      (items ??= [first]).push(this.SUBRULE9(this.expression));
    }
    if (this.LA(1).tokenType === T.Comma) this.trailingComma(this.CONSUME9(T.Comma));
    // Exact-size arrays: a list grown by push keeps room for 16 elements in the finished tree.
    return items ? items.slice() : [first];
  }

  protected indexSuffixFast(): IndexSuffix | null {
    const open = this.CONSUME(T.LBracket);
    let start: Expression | null = null;
    let stop: Expression | null = null;
    let step: Expression | null = null;
    let isSlice = false;
    if (startsExpression(this.LA(1))) start = this.SUBRULE(this.expression);
    if (this.LA(1).tokenType === T.Colon) {
      this.CONSUME(T.Colon);
      isSlice = true;
      if (startsExpression(this.LA(1))) stop = this.SUBRULE2(this.expression);
      if (this.LA(1).tokenType === T.Colon) {
        this.CONSUME2(T.Colon);
        if (startsExpression(this.LA(1))) step = this.SUBRULE3(this.expression);
      }
    }
    const close = this.CONSUME(T.RBracket);
    return { open, start, stop, step, isSlice, close };
  }

  protected objectLiteralFast(): ObjectLiteral | ErrorExpr {
    const open = this.CONSUME(T.LCurly);
    const properties: (ObjectProperty | null)[] = [];
    if (tokenMatcher(this.LA(1), T.Name) || tokenMatcher(this.LA(1), T.StringLit)) {
      properties.push(this.SUBRULE(this.objectProperty));
      while (this.LA(1).tokenType === T.Comma && this.LA(2).tokenType !== T.RCurly) {
        this.CONSUME(T.Comma);
        properties.push(this.SUBRULE2(this.objectProperty));
      }
      if (this.LA(1).tokenType === T.Comma) this.trailingComma(this.CONSUME2(T.Comma));
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
    this.CONSUME(T.Colon);
    const value = this.SUBRULE(this.expression);
    return this.property(keyTok, value);
  }

  // ---- statements ----------------------------------------------------------------------------

  protected blockFast(): Block {
    const open = this.CONSUME(T.LCurly);
    const body: Statement[] = [];
    while (startsStatement(this.LA(1))) {
      const s = this.SUBRULE(this.statement);
      if (s) body.push(s);
    }
    // Anything else: the DSL loop, whose exit runs Chevrotain's in-repetition recovery.
    if (this.LA(1).tokenType !== T.RCurly) this.statementLoop(body);
    const close = this.CONSUME(T.RCurly);
    return this.b.block(open, body.slice(), close);
  }

  protected statementFast(): Statement | null {
    const tok = this.LA(1);
    switch (tok.tokenType) {
      case T.If:
        if (this.keywordAt(T.If)) return this.SUBRULE(this.ifStatement);
        break;
      case T.While:
        if (this.keywordAt(T.While)) return this.SUBRULE(this.whileStatement);
        break;
      case T.For:
        if (this.keywordAt(T.For)) return this.SUBRULE(this.forStatement);
        break;
      case T.Function:
        if (this.keywordAt(T.Function)) return this.SUBRULE(this.functionDef);
        break;
      case T.Return:
        if (this.keywordAt(T.Return)) return this.SUBRULE(this.returnStatement);
        break;
      case T.Identifier:
        return this.simpleStatementFast();
      default:
        break;
    }
    return this.OR(this.statementChoice());
  }

  protected simpleStatementFast(): Statement | null {
    const parts: SimpleParts = {
      decl: undefined,
      prefix: undefined,
      target: undefined!,
      op: undefined,
      value: undefined,
      chained: undefined,
      semi: undefined!,
    };
    if (this.declarationKeywordAhead()) parts.decl = this.CONSUME(T.Identifier);
    if (this.LA(1).tokenType === T.IncDec) parts.prefix = this.CONSUME(T.IncDec);
    parts.target = this.SUBRULE(this.expression);
    const next = this.LA(1);
    if (next.tokenType === T.Assign) {
      parts.op = this.CONSUME(T.Assign);
      parts.value = this.SUBRULE2(this.expression);
      if (this.LA(1).tokenType === T.Assign) {
        parts.chained = this.CONSUME2(T.Assign);
        this.SUBRULE4(this.expression);
      }
    } else if (tokenMatcher(next, T.CompoundAssign)) {
      parts.op = this.CONSUME(T.CompoundAssign);
      parts.value = this.SUBRULE3(this.expression);
    } else if (next.tokenType === T.IncDec) {
      parts.op = this.CONSUME2(T.IncDec);
    }
    parts.semi = this.CONSUME(T.Semi);
    return this.finishSimpleStatement(parts);
  }
}

const EXPRESSION_STARTS = [T.Name, T.NumberLit, T.StringLit, T.Fn, T.LParen, T.LBracket, T.LCurly, T.PrefixOp];

/** The first set of `statement`: an expression, `++`/`--`, or `;`. */
function startsStatement(tok: IToken): boolean {
  const type = tok.tokenType;
  return type === T.Semi || type === T.IncDec || startsExpression(tok);
}

/** The first set of `expression` (what Chevrotain computes for OPTION lookahead over it). */
function startsExpression(tok: IToken): boolean {
  for (const t of EXPRESSION_STARTS) if (tokenMatcher(tok, t)) return true;
  return false;
}
