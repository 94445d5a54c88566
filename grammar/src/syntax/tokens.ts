// Chevrotain token types of ML and the keyword table (ML-LANGUAGE.md §1).
// Only declarations live here: the context-sensitive matchers are in lex-patterns.ts, and no token
// decides by itself whether a word is a keyword (the parser does, see parser-base.ts).
import { createToken, Lexer } from 'chevrotain';
import type { TokenType } from 'chevrotain';
import { commentPattern, incDecPattern, numberPattern } from './lex-patterns.js';

// ---- Word categories ---------------------------------------------------------------------------

/** Any word usable as an object key or member name: identifiers, keywords, `true`/`false`. */
export const Name = createToken({ name: 'Name', pattern: Lexer.NA, label: 'a name' });
/** A word usable as a variable name: plain identifiers and every contextual keyword. */
export const Identifier = createToken({
  name: 'Identifier',
  pattern: /[A-Za-z_][A-Za-z0-9_]*/,
  categories: [Name],
  label: 'a name',
});

function keyword(word: string): TokenType {
  return createToken({ name: `Kw_${word}`, pattern: Lexer.NA, categories: [Identifier], label: `'${word}'` });
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

export const True = createToken({ name: 'True', pattern: Lexer.NA, categories: [Name], label: "'true'" });
export const False = createToken({ name: 'False', pattern: Lexer.NA, categories: [Name], label: "'false'" });
/** `fn` is reserved everywhere (never a name, not even a key). */
export const Fn = createToken({ name: 'Fn', pattern: Lexer.NA, label: "'fn'" });

/** Words the lexer emits as `Identifier` and the keyword pass retypes (see lexer.ts). */
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

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\f]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const Comment = createToken({
  name: 'Comment',
  pattern: { exec: commentPattern },
  start_chars_hint: ['/'],
  line_breaks: false,
  group: 'comments',
});
/** `/* ... *\/` is not ML; lexed so that it can be reported once and skipped. */
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: /\/\*(?:[^*]|\*(?!\/))*(?:\*\/)?/,
  line_breaks: true,
  group: 'invalid',
});

export const StringLit = createToken({
  name: 'StringLit',
  pattern: /"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'/,
  line_breaks: true,
  label: 'a string',
});
/** A string without its closing quote, cut at the end of its line; reported by lexer.ts. */
export const UnterminatedString = createToken({
  name: 'UnterminatedString',
  pattern: /"(?:[^"\\\r\n]|\\[^\r\n])*\\?|'(?:[^'\\\r\n]|\\[^\r\n])*\\?/,
  categories: [StringLit],
  label: 'a string',
});
/** `` `text` `` is not ML; lexed as a string so that it is reported once (ML104) and parsing goes on. */
export const TemplateString = createToken({
  name: 'TemplateString',
  pattern: /`[^`]*`/,
  categories: [StringLit],
  line_breaks: true,
  label: 'a string',
});
export const NumberLit = createToken({
  name: 'NumberLit',
  pattern: { exec: numberPattern },
  start_chars_hint: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', '+', '-'],
  line_breaks: false,
  label: 'a number',
});

// ---- Operators and punctuation -------------------------------------------------------------------

/** Category of every infix operator of the binary precedence levels (incl. the rejected `===` `!==` `**`). */
export const BinaryOp = createToken({ name: 'BinaryOp', pattern: Lexer.NA, label: 'an operator' });
/** Category of the prefix operators `!` and `-`. */
export const PrefixOp = createToken({ name: 'PrefixOp', pattern: Lexer.NA, label: "'!' or '-'" });
/** Category of `+=` `-=` `*=` `/=` `%=` (not ML; parsed to give a fix). */
export const CompoundAssign = createToken({ name: 'CompoundAssign', pattern: Lexer.NA, label: 'an assignment' });

/**
 * Stands for characters the lexer could not match (already reported as ML102). It joins the
 * binary operators so that `a & b` parses on without a second, cascading diagnostic.
 */
export const Invalid = createToken({
  name: 'Invalid',
  pattern: Lexer.NA,
  categories: [BinaryOp],
  label: 'an invalid character',
});

/**
 * One-character operators use plain string patterns, which Chevrotain matches by character code
 * without running a regex; longer ones are regexes (Chevrotain would convert them anyway).
 */
function op(name: string, text: string, categories: TokenType[] = []): TokenType {
  const pattern = text.length === 1 ? text : new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return createToken({ name, pattern, categories, label: `'${text}'` });
}

export const IncDec = createToken({
  name: 'IncDec',
  pattern: { exec: incDecPattern },
  start_chars_hint: ['+', '-'],
  line_breaks: false,
  label: "'++' or '--'",
});
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

/** Lexer order: trivia, literals, then longest operators first. */
export const LEXER_TOKENS: TokenType[] = [
  WhiteSpace,
  Comment,
  BlockComment,
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
];

/** Every token type the parser knows (lexer tokens plus categories and retyped words). */
export const ALL_TOKENS: TokenType[] = [
  ...LEXER_TOKENS,
  Name,
  BinaryOp,
  PrefixOp,
  CompoundAssign,
  Invalid,
  ...WORD_TYPES.values(),
];
