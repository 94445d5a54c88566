// Syntax: AST types, traversal, lexer/parser API.
export type * from './ast.js';
export * from './visit.js';
export { parse } from './api.js';
export type { ParseResult } from './api.js';
export type { SyntaxToken, SyntaxTokenKind, TokenTable } from './syntax-tokens.js';
export { SYNTAX_TOKEN_KINDS, tokenIndexAt } from './syntax-tokens.js';
export { numberValue, decodeString, isFloatText } from './literals.js';
export type { NumberValue } from './literals.js';
export { SYNTAX_CODES } from './messages.js';
export type { SyntaxCode } from './messages.js';
