// Stable diagnostic codes of the lexer (ML1xx) and parser (ML2xx) with their default messages.
// Data table plus two constructors; never renumber a published code.
import type { Diagnostic, QuickFix } from '../diagnostics.js';
import type { Range } from './ast.js';

export const SYNTAX_CODES = {
  ML101: 'Unterminated string literal: add the closing quote.',
  ML102: 'Unexpected character.',
  ML103: 'Block comments `/* */` are not part of ML; use `//` at the start of each line.',
  ML104: 'Template strings are not part of ML: use a quoted string and `+` to join values.',
  ML200: 'Syntax error.',
  ML201: 'Missing `;` at the end of the statement.',
  ML202: 'Unclosed bracket.',
  ML203: 'ML writes `elif`, not `else if`.',
  ML204: 'ML has no variable declarations: assign directly (`x = 1;`).',
  ML205: 'Compound assignment is not part of ML: write `x = x + 1;`.',
  ML206: '`++` and `--` are not part of ML: write `x = x + 1;`.',
  ML207: '`throw` takes an object literal: `throw {message: "..."};`.',
  ML208: 'C-style `for (;;)` loops are not part of ML: use `for (x in range(n))` or `while`.',
  ML209: 'Trailing commas are not allowed in ML.',
  ML210: 'ML writes `except`, not `catch`.',
  ML211: 'ML has no strict equality: use `==` / `!=` (they compare values).',
  ML212: 'Only a name or a member (`f(x)`, `o.m(x)`) can be called; store the function in a variable first.',
  ML213: '`import` is only allowed at the top level of a program.',
  ML214: '`capability` declarations are only allowed at the top level of a program.',
  ML215: 'ML has no `**` operator; use `math.pow(a, b)` from the `math` module.',
  ML216: 'ML has no `new`: call the constructor function directly.',
  ML217: 'Empty statement: remove the stray `;`.',
  ML218: 'No `;` after a block: remove it.',
  ML219: 'Arrow functions are written `fn(x) => ...` in ML.',
  ML220: 'Nesting is too deep (more than 100 open brackets); the file was not parsed.',
  ML221: 'Invalid assignment target: only a name, `o.key` or `a[i]` can be assigned.',
  ML222: 'Invalid destructuring: only plain names are allowed inside the brackets.',
  ML223: 'Empty index: write an index or a slice inside `[]`.',
  ML224: 'Parentheses hold a single expression; ML has no tuples.',
  ML225: '`fn` is reserved for arrow functions and cannot be used as a name.',
  ML226: 'A clause word (`else`, `elif`, `except`, `finally`) is not attached to a statement.',
  ML227: 'Unknown permission: use `read`, `write`, `execute`, `network` or `system`.',
  ML228: 'ML has no chained assignment (`a = b = c`): assign each name in its own statement.',
  ML229: 'Expression is too long (more than 1,000 operators in one statement); the file was not parsed.',
  ML299: 'Internal parser error; the file could not be parsed completely.',
} as const;

export type SyntaxCode = keyof typeof SYNTAX_CODES;

const SPECIAL_CHARACTERS: Record<string, string> = {
  '&': 'Unexpected character `&`: ML has no bitwise operators (logical and is `&&`).',
  '|': 'Unexpected character `|`: ML has no bitwise operators (logical or is `||`).',
  '^': 'Unexpected character `^`: ML has no bitwise operators.',
  '~': 'Unexpected character `~`: ML has no bitwise operators.',
  '`': 'Unexpected character `` ` ``: ML has no template strings; use `+` to join strings.',
  '#': 'Unexpected character `#`: comments start with `//`.',
};

export function lexError(code: 'ML101' | 'ML102' | 'ML103' | 'ML104', range: Range, text?: string): Diagnostic {
  let message: string = SYNTAX_CODES[code];
  if (code === 'ML102' && text !== undefined) {
    const plain = `Unexpected character${text.length > 1 ? 's' : ''} \`${text}\``;
    message =
      SPECIAL_CHARACTERS[text.charAt(0)] ??
      (/\p{L}/u.test(text) ? `${plain}: names may only use ASCII letters, digits and \`_\`.` : `${plain}.`);
  }
  return { code, severity: 'error', message, range, source: 'lexer' };
}

export function syntaxError(code: SyntaxCode, range: Range, message?: string, fixes?: QuickFix[]): Diagnostic {
  const d: Diagnostic = { code, severity: 'error', message: message ?? SYNTAX_CODES[code], range, source: 'parser' };
  if (fixes && fixes.length > 0) d.fixes = fixes;
  return d;
}
