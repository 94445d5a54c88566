// Catalogue data: `console`, `math` and `regex` (STDLIB.md). Data table; no behaviour here.
import { cls, constant, defineModule, fn, method } from './define.js';

export const CONSOLE_MODULE = defineModule('console', "Write to the run's standard output and error streams.", [
  fn('log', '*args', 'null', 'console:write', 'Write the values to standard output.'),
  fn('error', '*args', 'null', 'console:error', 'Write the values to standard error.'),
  fn('warn', '*args', 'null', 'console:error', 'Write the values to standard error as a warning.'),
  fn('info', '*args', 'null', 'console:write', 'Write the values to standard output.'),
  fn('debug', '*args', 'null', 'console:write', 'Write the values to standard output as debug text.'),
]);

const M = 'math:compute';
export const MATH_MODULE = defineModule(
  'math',
  'Numeric functions and constants.',
  [
    fn('sqrt', 'x', 'float', M, 'Square root (0 for a negative argument).'),
    fn('abs', 'x', 'number', M, 'Absolute value.'),
    fn('sin', 'x', 'float', M, 'Sine of an angle in radians.'),
    fn('cos', 'x', 'float', M, 'Cosine of an angle in radians.'),
    fn('tan', 'x', 'float', M, 'Tangent of an angle in radians.'),
    fn('ln', 'x', 'float', M, 'Natural logarithm (-999 for x <= 0).'),
    fn('log', 'x, base=10', 'float', M, 'Logarithm in the given base (-999 when undefined).'),
    fn('exp', 'x', 'float', M, 'e raised to x.'),
    fn('pow', 'x, y', 'number', M, 'x raised to y (inf on overflow).'),
    fn('floor', 'x', 'int', M, 'Largest integer <= x.'),
    fn('ceil', 'x', 'int', M, 'Smallest integer >= x.'),
    fn('round', 'x', 'int', M, 'Nearest integer, halves to even.'),
    fn('min', 'a, b', 'number', M, 'Smaller of two numbers.'),
    fn('max', 'a, b', 'number', M, 'Larger of two numbers.'),
    fn('random', '', 'float', M, 'Pseudo-random float in [0, 1).'),
    fn('degToRad', 'degrees', 'float', M, 'Degrees to radians.'),
    fn('radToDeg', 'radians', 'float', M, 'Radians to degrees.'),
    fn('radians', 'degrees', 'float', M, 'Degrees to radians.'),
    fn('degrees', 'radians', 'float', M, 'Radians to degrees.'),
    fn('sign', 'x', 'int', M, 'Sign of x: -1, 0 or 1.'),
    fn('asin', 'x', 'float', M, 'Arc sine in radians.'),
    fn('acos', 'x', 'float', M, 'Arc cosine in radians.'),
    fn('atan', 'x', 'float', M, 'Arc tangent in radians.'),
    fn('atan2', 'y, x', 'float', M, 'Arc tangent of y/x using the signs of both.'),
    fn('factorial', 'n', 'int', M, 'n! (0 for a negative n).'),
    fn('gcd', 'a, b', 'int', M, 'Greatest common divisor.'),
    fn('lcm', 'a, b', 'int', M, 'Least common multiple.'),
  ],
  [],
  [
    constant('math', 'pi', 'float', '3.141592653589793', "The ratio of a circle's circumference to its diameter."),
    constant('math', 'e', 'float', '2.718281828459045', "Euler's number, the base of natural logarithms."),
  ],
);

const RM = 'regex:match';
const POS = 'text, pos=0, endpos=None';
export const MATCH_CLASS = cls('regex', 'Match', 'Result of a successful regex match.', [
  method('group', 'group_id=0', 'string', '—', 'Text of a group (0 = the whole match).'),
  method('groups', '', 'array', '—', 'Texts of all capturing groups.'),
  method('groupDict', 'default=None', 'object', '—', 'Named groups as an object.'),
  method('start', 'group=0', 'int', '—', 'Start index of a group.'),
  method('end', 'group=0', 'int', '—', 'End index of a group.'),
  method('span', 'group=0', 'array', '—', 'Start and end index of a group.'),
  method('value', '', 'string', '—', 'Text of the whole match.'),
  method('lastGroup', '', 'string', '—', 'Name of the last matched group, or null.'),
  method('groupCount', '', 'int', '—', 'Number of capturing groups.'),
  method('expand', 'template', 'string', '—', 'Template with group references substituted.'),
  method('toString', '', 'string', '—', 'Printable description of the match.'),
]);

export const PATTERN_CLASS = cls('regex', 'Pattern', 'A compiled regular expression.', [
  method('search', POS, 'Match', RM, 'First match anywhere in text, or null.'),
  method('match', POS, 'Match', RM, 'Match at the start of text, or null.'),
  method('fullmatch', POS, 'Match', RM, 'Match of the whole text, or null.'),
  method('findall', POS, 'array', RM, 'All non-overlapping matches as strings (or group tuples).'),
  method('finditer', POS, 'array', RM, 'All non-overlapping matches as Match objects.'),
  method('split', 'text, maxsplit=0', 'array', RM, 'Split text at matches.'),
  method('sub', 'replacement, text, count=0', 'string', RM, 'Text with matches replaced.'),
  method('subn', 'replacement, text, count=0', 'array', RM, 'Replaced text and the number of replacements.'),
  method('test', 'text', 'boolean', RM, 'Whether the pattern matches anywhere in text.'),
  method('count', 'text', 'int', RM, 'Number of non-overlapping matches.'),
  method('getPattern', '', 'string', '—', 'The pattern source.'),
  method('getFlags', '', 'int', '—', 'The flags the pattern was compiled with.'),
  method('toString', '', 'string', '—', 'Printable description of the pattern.'),
]);

const FLAGS = 'pattern, text, flags=0';
export const REGEX_MODULE = defineModule(
  'regex',
  'Regular expressions in Python `re` syntax, run under the sandbox time limit.',
  [
    fn('IGNORECASE', '', 'int', '—', 'Flag: case-insensitive matching.'),
    fn('MULTILINE', '', 'int', '—', 'Flag: ^ and $ match at line boundaries.'),
    fn('DOTALL', '', 'int', '—', 'Flag: . matches newlines too.'),
    fn('VERBOSE', '', 'int', '—', 'Flag: whitespace and comments in the pattern are ignored.'),
    fn('ASCII', '', 'int', '—', 'Flag: \\w, \\d, \\s match ASCII only.'),
    fn('UNICODE', '', 'int', '—', 'Flag: Unicode matching (the default).'),
    fn('compile', 'pattern, flags=0', 'Pattern', 'regex:compile', 'Compile a pattern for repeated use.'),
    fn('search', FLAGS, 'Match', RM, 'First match anywhere in text, or null.'),
    fn('match', FLAGS, 'Match', RM, 'Match at the start of text, or null.'),
    fn('fullmatch', FLAGS, 'Match', RM, 'Match of the whole text, or null.'),
    fn('findall', FLAGS, 'array', RM, 'All non-overlapping matches as strings (or group tuples).'),
    fn('finditer', FLAGS, 'array', RM, 'All non-overlapping matches as Match objects.'),
    fn('split', 'pattern, text, maxsplit=0, flags=0', 'array', RM, 'Split text at matches.'),
    fn('sub', 'pattern, replacement, text, count=0, flags=0', 'string', RM, 'Text with matches replaced.'),
    fn(
      'subn',
      'pattern, replacement, text, count=0, flags=0',
      'array',
      RM,
      'Replaced text and the number of replacements.',
    ),
    fn('escape', 'text', 'string', '—', 'Text with regex metacharacters escaped.'),
    fn('isValid', 'pattern', 'boolean', '—', 'Whether a pattern compiles.'),
    fn('test', FLAGS, 'boolean', RM, 'Whether the pattern matches anywhere in text.'),
    fn('count', FLAGS, 'int', RM, 'Number of non-overlapping matches.'),
  ],
  [MATCH_CLASS, PATTERN_CLASS],
);
