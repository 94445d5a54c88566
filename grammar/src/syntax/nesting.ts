// Guards the recursive-descent parser against pathological nesting: the lexer finds the first
// bracket that opens more than MAX_NESTING levels deep, and api.ts reports it before any rule recurses.

/**
 * 100 keeps the deepest rule chain (arrow functions with block bodies, seven rule frames per level)
 * well inside Node's default stack even when the caller is itself deep; measured overflow points are
 * about 175 such levels and 360 nested parentheses. No hand-written program nests this deep.
 */
export const MAX_NESTING = 100;
