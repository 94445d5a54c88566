// Guards the recursive-descent parser against pathological nesting: the lexer finds the first
// bracket that opens more than MAX_NESTING levels deep, and api.ts reports it before any rule recurses.

/**
 * 100 keeps the deepest rule chain (arrow functions with block bodies, seven rule frames per level)
 * well inside Node's default stack even when the caller is itself deep; measured overflow points are
 * about 175 such levels and 360 nested parentheses. No hand-written program nests this deep.
 */
export const MAX_NESTING = 100;

/**
 * Chains of operators build trees as deep as they are long (`a + a + ...` nests left), and every
 * later pass (names, analysis, transpiler, formatter) recurses over them: 1,000 operators in one
 * expression still run everywhere, 1,500 overflowed the transpiler. The lexer counts operators per
 * expression segment (reset at `;` and `,`; a bracket group adds its count to the enclosing
 * segment, a `{...}` group counts as at most its own), an upper bound on the tree's depth.
 */
export const MAX_OPERATOR_CHAIN = 1000;
