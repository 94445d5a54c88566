// Control-flow rules of the ML grammar (§2 `ifStmt`, `whileStmt`, `forStmt`, `tryStmt`) in
// Chevrotain's DSL, with targeted diagnostics for `else if` (ML203), C-style `for` (ML208) and
// `catch` (ML210). Node building only; dispatch between statements is in parser-statements.ts.
import { EOF } from 'chevrotain';
import type { IToken } from 'chevrotain';
import type { Block, ElifClause, ExceptClause, Expression, Statement } from './ast.js';
import { DeclarationParser } from './parser-declarations.js';
import { describeToken } from './parser-errors.js';
import { IDX, IS_IDENTIFIER } from './token-classes.js';
import * as T from './tokens.js';

export abstract class ControlFlowParser extends DeclarationParser {
  readonly ifStatement = this.RULE(
    'ifStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.If);
      const condition = this.SUBRULE(this.condition);
      const then = this.SUBRULE(this.block);
      const elifs: ElifClause[] = [];
      let elseBlock: Block | null = null;
      // LL(2): `else if` (reported, kept as elif) versus the final `else {`.
      this.MANY({
        MAX_LOOKAHEAD: 2,
        DEF: () =>
          this.OR([
            {
              ALT: () => {
                const elifTok = this.CONSUME(T.Elif);
                const c = this.SUBRULE2(this.condition);
                const body = this.SUBRULE2(this.block);
                this.ACTION(() =>
                  elifs.push({
                    kind: 'ElifClause',
                    condition: c,
                    body,
                    range: this.b.span(this.b.start(elifTok), body.range.end),
                  }),
                );
              },
            },
            {
              ALT: () => {
                const elseTok = this.CONSUME(T.Else);
                const ifTok = this.CONSUME2(T.If);
                const c = this.SUBRULE3(this.condition);
                const body = this.SUBRULE3(this.block);
                this.ACTION(() => {
                  const words = this.b.tokens(elseTok, ifTok);
                  this.report('ML203', words, undefined, [
                    { title: 'Replace with `elif`', edits: [{ range: words, newText: 'elif' }] },
                  ]);
                  elifs.push({
                    kind: 'ElifClause',
                    condition: c,
                    body,
                    range: this.b.span(words.start, body.range.end),
                  });
                });
              },
            },
          ]),
      });
      this.OPTION(() => {
        this.CONSUME2(T.Else);
        elseBlock = this.SUBRULE4(this.block);
      });
      return this.ACTION(() => ({
        kind: 'IfStmt',
        condition,
        then,
        elifs: elifs.slice(),
        else: elseBlock,
        range: this.b.span(this.b.start(kw), (elseBlock ?? elifs[elifs.length - 1] ?? then).range.end),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  /** `( expression )` of if/elif/while. */
  readonly condition = this.RULE(
    'condition',
    (): Expression => {
      this.CONSUME(T.LParen);
      const e = this.SUBRULE(this.expression);
      this.CONSUME(T.RParen);
      return e;
    },
    { recoveryValueFunc: (e) => this.recoveredExpression(e) },
  );

  readonly whileStatement = this.RULE(
    'whileStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.While);
      const condition = this.SUBRULE(this.condition);
      const body = this.SUBRULE(this.block);
      return this.ACTION(() => ({
        kind: 'WhileStmt',
        condition,
        body,
        range: this.b.span(this.b.start(kw), body.range.end),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  readonly forStatement = this.RULE(
    'forStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.For);
      this.CONSUME(T.LParen);
      let variable: IToken | undefined;
      let iterable: Expression | undefined;
      let cCondition: Expression | null = null;
      let badHeader = false;
      // `for (name in ...)`, the usual header, without the OR: the choice the OR makes (the gates of
      // its first two alternatives fail), minus building and running its two-token lookahead.
      if (
        this.fast &&
        IS_IDENTIFIER[this.peek(1)] === 1 &&
        this.peek(2) === IDX.In &&
        !this.declarationKeywordAhead() &&
        !this.semicolonInHeader()
      ) {
        variable = this.CONSUME3(T.Identifier);
        this.CONSUME2(T.In);
        iterable = this.SUBRULE2(this.expression);
      } else
        this.OR({
          MAX_LOOKAHEAD: 2,
          IGNORE_AMBIGUITIES: true,
          DEF: [
            {
              GATE: () => this.declarationKeywordAhead() && this.is(3, T.In),
              ALT: () => {
                const decl = this.CONSUME(T.Identifier);
                this.ACTION(() => this.declarationKeyword(decl));
                variable = this.CONSUME2(T.Identifier);
                this.CONSUME(T.In);
                iterable = this.SUBRULE(this.expression);
              },
            },
            {
              GATE: () => this.semicolonInHeader(),
              ALT: () => {
                cCondition = this.SUBRULE(this.cForHeader);
              },
            },
            {
              ALT: () => {
                variable = this.CONSUME3(T.Identifier);
                this.CONSUME2(T.In);
                iterable = this.SUBRULE2(this.expression);
              },
            },
            // Anything else: one diagnostic, skip to the header's `)`, and still parse the body.
            {
              ALT: () =>
                this.ACTION(() => {
                  badHeader = true;
                  this.skipBadForHeader();
                }),
            },
          ],
        });
      const close = this.CONSUME(T.RParen);
      const body = this.SUBRULE(this.block);
      return this.ACTION((): Statement => {
        const range = this.b.span(this.b.start(kw), body.range.end);
        if (variable && iterable) {
          return { kind: 'ForStmt', variable: this.nameNode(variable), iterable, body, range };
        }
        if (!badHeader) this.report('ML208', this.b.tokens(kw, close));
        const condition = cCondition ?? this.b.errorExpr(this.b.at(this.b.end(kw)));
        return { kind: 'WhileStmt', condition, body, range };
      });
    },
    { recoveryValueFunc: () => null },
  );

  /** `init; condition; update` of a C-style for (reported once by forStatement). */
  readonly cForHeader = this.RULE(
    'cForHeader',
    (): Expression | null => {
      let condition: Expression | null = null;
      this.OPTION(() => this.SUBRULE(this.cForClause));
      this.CONSUME(T.Semi);
      this.OPTION2(() => {
        condition = this.SUBRULE(this.expression);
      });
      this.CONSUME2(T.Semi);
      this.OPTION3(() => this.SUBRULE2(this.cForClause));
      return condition;
    },
    { recoveryValueFunc: () => null },
  );

  readonly cForClause = this.RULE('cForClause', (): void => {
    this.OPTION({ GATE: () => this.declarationKeywordAhead(), DEF: () => this.CONSUME(T.Identifier) });
    this.OPTION2(() => this.CONSUME(T.IncDec));
    this.SUBRULE(this.expression);
    this.OPTION3(() => {
      this.OR([
        {
          ALT: () => {
            this.CONSUME(T.Assign);
            this.SUBRULE2(this.expression);
          },
        },
        {
          ALT: () => {
            this.CONSUME(T.CompoundAssign);
            this.SUBRULE3(this.expression);
          },
        },
        { ALT: () => this.CONSUME2(T.IncDec) },
      ]);
    });
  });

  readonly tryStatement = this.RULE(
    'tryStatement',
    (): Statement | null => {
      const kw = this.CONSUME(T.Try);
      const body = this.SUBRULE(this.block);
      const handlers: ExceptClause[] = [];
      let finallyBlock: Block | null = null;
      this.MANY({
        GATE: () => this.LA(1).tokenType === T.Except || this.catchAhead(),
        DEF: () => {
          const word = this.OR([
            { ALT: () => this.CONSUME(T.Except) },
            { GATE: () => this.catchAhead(), ALT: () => this.CONSUME(T.Identifier) },
          ]);
          let variable: IToken | undefined;
          this.OPTION(() => {
            this.CONSUME(T.LParen);
            variable = this.CONSUME2(T.Identifier);
            this.CONSUME(T.RParen);
          });
          const handlerBody = this.SUBRULE2(this.block);
          this.ACTION(() => {
            if (word.tokenType !== T.Except) {
              const r = this.b.range(word);
              this.report('ML210', r, undefined, [
                { title: 'Replace with `except`', edits: [{ range: r, newText: 'except' }] },
              ]);
            }
            handlers.push({
              kind: 'ExceptClause',
              variable: variable ? this.nameNode(variable) : null,
              body: handlerBody,
              range: this.b.span(this.b.start(word), handlerBody.range.end),
            });
          });
        },
      });
      this.OPTION2(() => {
        this.CONSUME(T.Finally);
        finallyBlock = this.SUBRULE3(this.block);
      });
      return this.ACTION(() => ({
        kind: 'TryStmt',
        body,
        handlers: handlers.slice(),
        finally: finallyBlock,
        range: this.b.span(this.b.start(kw), (finallyBlock ?? handlers[handlers.length - 1] ?? body).range.end),
      }));
    },
    { recoveryValueFunc: () => null },
  );

  /** `else`/`elif`/`except`/`finally` with no statement to attach to: reported (ML226) and skipped. */
  readonly strayClause = this.RULE(
    'strayClause',
    (): Statement | null => {
      const word = this.OR([
        { ALT: () => this.CONSUME(T.Else) },
        { ALT: () => this.CONSUME(T.Elif) },
        { ALT: () => this.CONSUME(T.Except) },
        { ALT: () => this.CONSUME(T.Finally) },
      ]);
      this.OPTION(() => this.SUBRULE(this.condition));
      this.SUBRULE(this.block);
      return this.ACTION(() => {
        const owner = word.image === 'except' || word.image === 'finally' ? 'a `try` block' : 'an `if` block';
        this.report(
          'ML226',
          this.b.range(word),
          `\`${word.image}\` must directly follow the closing \`}\` of ${owner}.`,
        );
        return null;
      });
    },
    { recoveryValueFunc: () => null },
  );

  private skipBadForHeader(): void {
    const first = this.LA(1);
    this.report(
      'ML200',
      first.tokenType === EOF ? this.b.at(this.b.end(this.LA(0))) : this.b.range(first),
      `Expected \`name in expression\` inside \`for ( )\` but found ${describeToken(first)}.`,
    );
    let depth = 0;
    for (let t = this.LA(1); t.tokenType !== EOF; t = this.LA(1)) {
      if (depth === 0 && (t.tokenType === T.RParen || t.tokenType === T.LCurly)) return;
      if (t.tokenType === T.LParen || t.tokenType === T.LBracket) depth++;
      else if ((t.tokenType === T.RParen || t.tokenType === T.RBracket) && depth > 0) depth--;
      this.SKIP_TOKEN();
    }
  }

  /** Inside `for (`: a `;` before the header's closing `)` means a C-style loop. */
  protected semicolonInHeader(): boolean {
    let depth = 0;
    for (let k = 1; k < 200; k++) {
      const type = this.LA(k).tokenType;
      if (type === T.Semi && depth === 0) return true;
      if (type === T.LParen || type === T.LBracket || type === T.LCurly) depth++;
      else if (type === T.RParen || type === T.RBracket || type === T.RCurly) {
        if (depth === 0) return false;
        depth--;
      } else if (type === EOF) return false;
    }
    return false;
  }

  /** A clause word followed by `{` or by `( ... ) {`. */
  protected strayClauseAhead(): boolean {
    const type = this.LA(1).tokenType;
    if (type !== T.Else && type !== T.Elif && type !== T.Except && type !== T.Finally) return false;
    if (this.is(2, T.LCurly)) return true;
    if (!this.is(2, T.LParen)) return false;
    let depth = 0;
    for (let k = 2; k < 200; k++) {
      const t = this.LA(k);
      if (t.tokenType === T.LParen) depth++;
      else if (t.tokenType === T.RParen && --depth === 0) return this.is(k + 1, T.LCurly);
      else if (t.tokenType === EOF) return false;
    }
    return false;
  }

  protected catchAhead(): boolean {
    const t = this.LA(1);
    return t.tokenType === T.Identifier && t.image === 'catch' && (this.is(2, T.LParen) || this.is(2, T.LCurly));
  }

  protected declarationKeyword(decl: IToken): void {
    const next = this.b.lines.position(this.b.end(decl));
    const removeTo = this.b.lines.text.slice(next.offset).search(/\S/);
    const end = this.b.lines.position(next.offset + Math.max(0, removeTo));
    this.report('ML204', this.b.range(decl), `ML has no \`${decl.image}\`: assign directly (\`x = 1;\`).`, [
      { title: `Remove \`${decl.image}\``, edits: [{ range: this.b.span(this.b.start(decl), end), newText: '' }] },
    ]);
  }
}
