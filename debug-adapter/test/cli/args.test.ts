// The strict argument parser as a table: accepted forms and the exact usage errors.
import { describe, expect, test } from 'vitest';
import { optionsHelp, parseArgs, UsageError, type ArgSpec } from '../../src/cli/args.js';

const spec = {
  options: {
    format: { type: 'string', choices: ['text', 'json'], valueName: 'FORMAT', description: 'output format' },
    out: { type: 'string', short: 'o', valueName: 'FILE', description: 'output file' },
    allow: { type: 'strings', valueName: 'CAP', description: 'grant a capability' },
    json: { type: 'boolean', description: 'JSON output' },
  },
  positionals: { name: 'FILE', min: 1, max: 1 },
  passThrough: true,
} as const satisfies ArgSpec;

describe('parseArgs', () => {
  const accepted: { argv: string[]; result: unknown }[] = [
    {
      argv: ['a.ml'],
      result: {
        options: { format: undefined, out: undefined, allow: [], json: false },
        positionals: ['a.ml'],
        rest: [],
      },
    },
    {
      argv: ['--format', 'json', 'a.ml', '-o', 'x.js', '--allow', 'file:read', '--allow=http:get', '--json'],
      result: {
        options: { format: 'json', out: 'x.js', allow: ['file:read', 'http:get'], json: true },
        positionals: ['a.ml'],
        rest: [],
      },
    },
    {
      argv: ['a.ml', '--', '--not-an-option', 'x'],
      result: {
        options: { format: undefined, out: undefined, allow: [], json: false },
        positionals: ['a.ml'],
        rest: ['--not-an-option', 'x'],
      },
    },
    {
      argv: ['-'],
      result: { options: { format: undefined, out: undefined, allow: [], json: false }, positionals: ['-'], rest: [] },
    },
  ];
  test.each(accepted)('accepts $argv', ({ argv, result }) => {
    expect(parseArgs(argv, spec)).toEqual(result);
  });

  const rejected: { argv: string[]; message: string }[] = [
    { argv: [], message: 'missing FILE' },
    { argv: ['a.ml', 'b.ml'], message: 'too many arguments (expected at most 1 FILE)' },
    { argv: ['--nope', 'a.ml'], message: "unknown option '--nope'" },
    { argv: ['--nope=1', 'a.ml'], message: "unknown option '--nope'" },
    { argv: ['-x', 'a.ml'], message: "unknown option '-x'" },
    { argv: ['-oo', 'a.ml'], message: "unknown option '-oo'" },
    { argv: ['a.ml', '--format'], message: "option '--format' needs a value" },
    { argv: ['a.ml', '-o', '--json'], message: "option '-o' needs a value" },
    { argv: ['a.ml', '--format', 'xml'], message: "option '--format' must be one of text, json (got 'xml')" },
    { argv: ['a.ml', '--json=1'], message: "option '--json' takes no value" },
    { argv: ['a.ml', '--out', 'x', '--out', 'y'], message: "option '--out' given more than once" },
  ];
  test.each(rejected)('rejects $argv', ({ argv, message }) => {
    expect(() => parseArgs(argv, spec)).toThrow(new UsageError(message));
  });

  test("'--' is refused by commands that take no pass-through arguments", () => {
    expect(() => parseArgs(['a', '--', 'b'], { options: {}, positionals: { name: 'FILE', min: 0, max: 5 } })).toThrow(
      "'--' is not accepted here",
    );
  });

  test('help text lists every option with its value name and choices', () => {
    expect(optionsHelp(spec)).toBe(
      [
        '  --format FORMAT  output format (text|json)',
        '  -o, --out FILE   output file',
        '  --allow CAP      grant a capability',
        '  --json           JSON output',
        '  -h, --help       show this help',
      ].join('\n'),
    );
  });
});
