// Friendly messages for Chevrotain's generic syntax errors (IParserErrorMessageProvider) and their
// conversion to ML2xx diagnostics with exact ranges and fixes. It must not decide grammar: targeted
// checks for known mistakes live in the parser; this only words what Chevrotain detected.
import { EOF, tokenMatcher } from 'chevrotain';
import type { IParserErrorMessageProvider, IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { Diagnostic } from '../diagnostics.js';
import type { AstBuilder } from './builder.js';
import { syntaxError } from './messages.js';
import type { TokenStore } from './token-store.js';
import type { SyntaxCode } from './messages.js';
import * as T from './tokens.js';

/** Separates the code chosen by the provider from the message text inside Chevrotain's message. */
const CODE_MARK = '\u0001';

const CLOSERS = new Map<TokenType, [TokenType, string, string]>([
  [T.RParen, [T.LParen, '(', ')']],
  [T.RBracket, [T.LBracket, '[', ']']],
  [T.RCurly, [T.LCurly, '{', '}']],
]);

export function describeToken(tok: IToken): string {
  if (tok.tokenType === EOF) return 'the end of the file';
  if (tokenMatcher(tok, T.StringLit)) return 'a string';
  if (tok.tokenType === T.NumberLit) return `the number ${tok.image}`;
  return `\`${tok.image}\``;
}

function label(type: TokenType): string {
  const l = type.LABEL ?? type.name;
  return l.startsWith("'") ? `\`${l.slice(1, -1)}\`` : l;
}

const RULE_EXPECTATIONS: Record<string, string> = {
  expression: 'an expression',
  statement: 'a statement',
  program: 'a statement',
  block: 'a statement or `}`',
  objectProperty: 'a key (a name or a string)',
  params: 'a parameter name',
  forStatement: '`name in expression` inside `for ( )`',
  capabilityItem: '`resource` or `allow`',
};

function expectation(ruleName: string, fallback: string): string {
  return RULE_EXPECTATIONS[ruleName] ?? fallback;
}

/** What a missing name is, by the rule that wanted it. */
const NAME_ROLES: Record<string, string> = {
  importStatement: 'a module name',
  functionDef: 'a function name',
  parameter: 'a parameter name',
  forStatement: 'a loop variable name',
  capabilityDecl: 'a capability name',
  nameList: 'a name',
  expression: 'a property name',
};

/** Rules whose closing bracket ends a comma-separated list. */
const LIST_RULES = new Set([
  'expression',
  'arrayLiteral',
  'parenExpression',
  'objectLiteral',
  'arrowFunction',
  'functionDef',
]);

const OPERAND_STARTS: TokenType[] = [
  T.Name,
  T.NumberLit,
  T.StringLit,
  T.Fn,
  T.LParen,
  T.LBracket,
  T.LCurly,
  T.PrefixOp,
];
const OPERAND_ENDS: TokenType[] = [T.Name, T.NumberLit, T.StringLit, T.RParen, T.RBracket, T.RCurly];

function startsOperand(tok: IToken): boolean {
  return OPERAND_STARTS.some((t) => tokenMatcher(tok, t));
}

function endsOperand(tok: IToken | undefined): boolean {
  return tok !== undefined && OPERAND_ENDS.some((t) => tokenMatcher(tok, t));
}

function mark(code: SyntaxCode, message: string): string {
  return `${code}${CODE_MARK}${message}`;
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous, ruleName }) {
    if (expected === EOF) {
      if (actual.tokenType === T.RCurly) return mark('ML200', 'Unexpected `}`: there is no open `{` to close here.');
      return mark('ML200', `Expected a statement but found ${describeToken(actual)}.`);
    }
    if (expected === T.RCurly && (ruleName === 'block' || ruleName === 'capabilityDecl') && actual.tokenType !== EOF) {
      // Junk inside a block: Chevrotain skips it and carries on with the next statement.
      const what = ruleName === 'block' ? 'a statement or `}`' : '`resource`, `allow` or `}`';
      return mark('ML200', `Expected ${what} but found ${describeToken(actual)}.`);
    }
    const closer = CLOSERS.get(expected);
    if (closer && LIST_RULES.has(ruleName) && startsOperand(actual) && endsOperand(previous)) {
      return mark('ML200', `Expected \`,\` or \`${closer[2]}\` but found ${describeToken(actual)}.`);
    }
    if (expected === T.Semi)
      return mark('ML201', `Missing \`;\` at the end of the statement (found ${describeToken(actual)}).`);
    if (closer) return mark('ML202', `Missing \`${closer[2]}\` (found ${describeToken(actual)}).`);
    const what = ((expected === T.Name || expected === T.Identifier) && NAME_ROLES[ruleName]) || label(expected);
    const after =
      previous && tokenMatcher(previous, T.Name) && expected === T.LParen ? ` after \`${previous.image}\`` : '';
    return mark('ML200', `Expected ${what}${after} but found ${describeToken(actual)}.`);
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (firstRedundant.tokenType === T.RCurly)
      return mark('ML200', 'Unexpected `}`: there is no open `{` to close here.');
    return mark('ML200', `Expected a statement but found ${describeToken(firstRedundant)}.`);
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    const tok = actual[0];
    const found = tok ? describeToken(tok) : 'the end of the file';
    return mark('ML200', `Expected ${expectation(ruleName, 'something else')} but found ${found}.`);
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    const tok = actual[0];
    const found = tok ? describeToken(tok) : 'the end of the file';
    return mark('ML200', `Expected ${expectation(ruleName, 'more input')} but found ${found}.`);
  },
};

/** Converts Chevrotain's recorded errors into diagnostics (ranges, opener locations, `;` fixes). */
export function recognitionDiagnostics(
  errors: IRecognitionException[],
  tokens: TokenStore,
  b: AstBuilder,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const sep = e.message.indexOf(CODE_MARK);
    const code = (sep > 0 ? e.message.slice(0, sep) : 'ML200') as SyntaxCode;
    let message = sep > 0 ? e.message.slice(sep + 1) : e.message;
    const tok = e.token;
    const prev = (e as { previousToken?: IToken }).previousToken;
    const atEof = tok.tokenType === EOF || !(tok.startOffset >= 0);
    const prevValid = prev !== undefined && prev.tokenType !== EOF && prev.startOffset >= 0;
    let range = atEof ? (prevValid ? b.range(prev) : b.at(b.lines.text.length)) : b.range(tok);
    if (code === 'ML201' && prevValid) {
      out.push(
        syntaxError('ML201', b.range(prev), 'Missing `;` at the end of the statement.', [
          { title: 'Insert `;`', edits: [{ range: b.at(b.end(prev)), newText: ';' }] },
        ]),
      );
      continue;
    }
    if (code === 'ML202') {
      const opener = unmatchedOpener(tokens, atEof ? Infinity : tok.startOffset, message);
      if (opener) {
        const where = b.start(opener);
        message = `${message.replace(/ \(found .*\)\.$/, '')} to close the \`${opener.image}\` at line ${where.line + 1}, column ${where.column + 1}.`;
        if (atEof) range = b.range(opener);
      }
    }
    out.push(syntaxError(code, range, message));
  }
  return out;
}

/** The innermost bracket still open before `offset` whose closer is named in `message`. */
function unmatchedOpener(tokens: TokenStore, offset: number, message: string): IToken | undefined {
  const entry = [...CLOSERS.entries()].find(([, v]) => message.startsWith(`Missing \`${v[2]}\``));
  if (!entry) return undefined;
  const [closeType, [openType]] = entry;
  let depth = 0;
  let i = tokens.firstAtOrAfter(offset) - 1;
  for (; i >= 0; i--) {
    const t = tokens.type(i);
    if (t === closeType) depth++;
    else if (t === openType) {
      if (depth === 0) return tokens.token(i);
      depth--;
    }
  }
  return undefined;
}
