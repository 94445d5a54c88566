// Chevrotain token types of ML and the keyword table (ML-LANGUAGE.md §1).
// Only declarations live here: lexer.ts scans the text (the types carry no patterns), and no token
// decides by itself whether a word is a keyword (the parser does, see parser-base.ts).
import { createToken } from 'chevrotain';
import type { TokenType } from 'chevrotain';

// ---- Word categories ---------------------------------------------------------------------------

/** Any word usable as an object key or member name: identifiers, keywords, `true`/`false`. */
export const Name = createToken({ name: 'Name', label: 'a name' });
/** A word usable as a variable name: plain identifiers and every contextual keyword. */
export const Identifier = createToken({ name: 'Identifier', categories: [Name], label: 'a name' });

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, categories: [Identifier], label: `'${word}'` });
}

export const Capability = keyword('capability');
export const Resource = keyword('resource');
export const Allow = keyword('allow');
export const Read = keyword('read');
export const Write = keyword('write');
export const Execute = keyword('execute');
export const Network = keyword('network');
export const System = keyword('system');
export const Import = keyword('import');
export const As = keyword('as');
export const Function = keyword('function');
export const If = keyword('if');
export const Elif = keyword('elif');
export const Else = keyword('else');
export const While = keyword('while');
export const For = keyword('for');
export const In = keyword('in');
export const Return = keyword('return');
export const Throw = keyword('throw');
export const Try = keyword('try');
export const Except = keyword('except');
export const Finally = keyword('finally');
export const Break = keyword('break');
export const Continue = keyword('continue');
export const Nonlocal = keyword('nonlocal');

export const True = createToken({ name: 'True', categories: [Name], label: "'true'" });
export const False = createToken({ name: 'False', categories: [Name], label: "'false'" });
/** `fn` is reserved everywhere (never a name, not even a key). */
export const Fn = createToken({ name: 'Fn', label: "'fn'" });

/** Words the lexer types as their keyword (or `true`/`false`/`fn`) rather than `Identifier`. */
export const WORD_TYPES: ReadonlyMap<string, TokenType> = new Map([
  ...[
    Capability,
    Resource,
    Allow,
    Read,
    Write,
    Execute,
    Network,
    System,
    Import,
    As,
    Function,
    If,
    Elif,
    Else,
    While,
    For,
    In,
    Return,
    Throw,
    Try,
    Except,
    Finally,
    Break,
    Continue,
    Nonlocal,
  ].map((t): [string, TokenType] => [t.name.slice(3), t]),
  ['true', True],
  ['false', False],
  ['fn', Fn],
]);

// ---- Trivia and literals -----------------------------------------------------------------------

export const StringLit = createToken({ name: 'StringLit', label: 'a string' });
/** A string without its closing quote, cut at the end of its line; reported by lexer.ts. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  categories: [StringLit],
  label: 'a string',
});
/** `` `text` `` is not ML: lexed as a string so that it is reported once (ML104) and parsing goes on. */
export const TemplateString = createToken({ name: 'TemplateString', categories: [StringLit], label: 'a string' });
export const NumberLit = createToken({ name: 'NumberLit', label: 'a number' });

// ---- Operators and punctuation -------------------------------------------------------------------

/** Category of every infix operator of the binary precedence levels (incl. the rejected `===` `!==` `**`). */
export const BinaryOp = createToken({ name: 'BinaryOp', label: 'an operator' });
/** Category of the prefix operators `!` and `-`. */
export const PrefixOp = createToken({ name: 'PrefixOp', label: "'!' or '-'" });
/** Category of `+=` `-=` `*=` `/=` `%=` (not ML; parsed to give a fix). */
export const CompoundAssign = createToken({ name: 'CompoundAssign', label: 'an assignment' });

/**
 * Stands for characters the lexer could not match (already reported as ML102). It joins the
 * binary operators so that `a & b` parses on without a second, cascading diagnostic.
 */
export const Invalid = createToken({ name: 'Invalid', categories: [BinaryOp], label: 'an invalid character' });

function op(name: string, text: string, categories: TokenType[] = []): TokenType {
  return createToken({ name, categories, label: `'${text}'` });
}

/** `++` / `--`, lexed as one token only where they can be reported as the C idiom (lex-scan.ts). */
export const IncDec = createToken({ name: 'IncDec', label: "'++' or '--'" });
export const StrictEq = op('StrictEq', '===', [BinaryOp]);
export const StrictNotEq = op('StrictNotEq', '!==', [BinaryOp]);
export const EqEq = op('EqEq', '==', [BinaryOp]);
export const NotEq = op('NotEq', '!=', [BinaryOp]);
export const LessEq = op('LessEq', '<=', [BinaryOp]);
export const GreaterEq = op('GreaterEq', '>=', [BinaryOp]);
export const Arrow = op('Arrow', '=>');
export const AndAnd = op('AndAnd', '&&', [BinaryOp]);
export const OrOr = op('OrOr', '||', [BinaryOp]);
export const PlusAssign = op('PlusAssign', '+=', [CompoundAssign]);
export const MinusAssign = op('MinusAssign', '-=', [CompoundAssign]);
export const StarAssign = op('StarAssign', '*=', [CompoundAssign]);
export const SlashAssign = op('SlashAssign', '/=', [CompoundAssign]);
export const PercentAssign = op('PercentAssign', '%=', [CompoundAssign]);
export const StarStar = op('StarStar', '**', [BinaryOp]);
export const SlashSlash = op('SlashSlash', '//', [BinaryOp]);
export const Assign = op('Assign', '=');
export const Less = op('Less', '<', [BinaryOp]);
export const Greater = op('Greater', '>', [BinaryOp]);
export const Bang = op('Bang', '!', [PrefixOp]);
export const Plus = op('Plus', '+', [BinaryOp]);
export const Minus = op('Minus', '-', [BinaryOp, PrefixOp]);
export const Star = op('Star', '*', [BinaryOp]);
export const Slash = op('Slash', '/', [BinaryOp]);
export const Percent = op('Percent', '%', [BinaryOp]);
export const Question = op('Question', '?');
export const Colon = op('Colon', ':');
export const Dot = op('Dot', '.');
export const Comma = op('Comma', ',');
export const Semi = op('Semi', ';');
export const LParen = op('LParen', '(');
export const RParen = op('RParen', ')');
export const LBracket = op('LBracket', '[');
export const RBracket = op('RBracket', ']');
export const LCurly = op('LCurly', '{');
export const RCurly = op('RCurly', '}');

/** Every token type the parser knows (lexer tokens plus categories and retyped words). */
export const ALL_TOKENS: TokenType[] = [
  StringLit,
  UnterminatedString,
  TemplateString,
  NumberLit,
  IncDec,
  Identifier,
  StrictEq,
  StrictNotEq,
  EqEq,
  NotEq,
  LessEq,
  GreaterEq,
  Arrow,
  AndAnd,
  OrOr,
  PlusAssign,
  MinusAssign,
  StarAssign,
  SlashAssign,
  PercentAssign,
  StarStar,
  SlashSlash,
  Assign,
  Less,
  Greater,
  Bang,
  Plus,
  Minus,
  Star,
  Slash,
  Percent,
  Question,
  Colon,
  Dot,
  Comma,
  Semi,
  LParen,
  RParen,
  LBracket,
  RBracket,
  LCurly,
  RCurly,
  Name,
  BinaryOp,
  PrefixOp,
  CompoundAssign,
  Invalid,
  ...WORD_TYPES.values(),
];
