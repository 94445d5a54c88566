// Syntax: AST types, traversal, lexer/parser API.
export type * from './ast.js';
export * from './visit.js';
