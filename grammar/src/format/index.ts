// Barrel of the formatter area: format(), formatRange() and the AST comparison they rely on.
export { format, formatRange } from './format.js';
export type { FormatInput, FormatOptions } from './layout.js';
export { sameAst, stripPositions } from './ast-equal.js';
