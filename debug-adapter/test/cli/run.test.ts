// `mlsec run` in-process over test/cli/run-project/: grants from the default, --profile, --allow and
// mlpy.yaml denials; capability errors naming the request and the closest grant; refusals by the
// security gate; runtime errors with the ML stack; limits; args, env view and stdin; exit codes.
import { describe, expect, test } from 'vitest';
import { runCli, type RunSetting } from './run-harness.js';

interface Case {
  name: string;
  argv: string[];
  setting?: RunSetting;
  code: number;
  out: string;
  /** Exact stderr, or a pattern it must match. */
  err: string | RegExp;
}

const CASES: Case[] = [
  {
    name: 'a run-time file read without a grant is a CapabilityError with the ML stack',
    argv: ['read_dynamic.ml'],
    code: 3,
    out: 'reading\n',
    err:
      'read_dynamic.ml:9:10: CapabilityError: `file:read:data/notes.txt` is not granted\n' +
      '    at load (read_dynamic.ml:9:10)\n' +
      '    at <module> (read_dynamic.ml:12:7)\n',
  },
  {
    name: 'the CapabilityError names the closest grant',
    argv: ['--allow', 'file:read:lib/**', 'read_dynamic.ml'],
    code: 3,
    out: 'reading\n',
    err: /^read_dynamic\.ml:9:10: CapabilityError: `file:read:data\/notes\.txt` is not granted \(closest grant: `file:read:lib\/\*\*`\)\n/,
  },
  {
    name: 'a profile of mlpy.yaml grants what it lists',
    argv: ['--profile', 'reader', 'read_dynamic.ml'],
    code: 0,
    out: 'reading\nalpha\nbeta\n',
    err: '',
  },
  {
    name: 'mlpy.yaml denials win over the profile',
    argv: ['--profile', 'reader', 'read_secret.ml'],
    code: 3,
    out: '',
    err:
      'read_secret.ml:4:7: CapabilityError: `file:read:data/secret/key.txt` is denied by `!file:read:data/secret/**`\n' +
      '    at <module> (read_secret.ml:4:7)\n',
  },
  {
    name: '--deny wins over --allow',
    argv: ['--allow', 'file:read:data/**', '--deny', 'file:read:data/notes.txt', 'read_dynamic.ml'],
    code: 3,
    out: 'reading\n',
    err: /CapabilityError: `file:read:data\/notes\.txt` is denied by `!file:read:data\/notes\.txt`/,
  },
  {
    name: 'a literal target the grant lacks refuses the run before it starts (SEC010)',
    argv: ['read_literal.ml'],
    code: 3,
    out: '',
    err:
      "read_literal.ml:3:7: error SEC010: file.read(...) needs 'file:read:data/notes.txt', which the default grant does not grant; --profile reader would grant it\n" +
      'mlsec run: refused by SEC010 (capability-exceeds-grant): A capability declaration, or a stdlib call with a known target, that the active grant does not allow; see docs/security-rules.md#sec010\n',
  },
  {
    name: '--allow with the literal target lets it run',
    argv: ['--allow', 'file:read:data/notes.txt', 'read_literal.ml'],
    code: 0,
    out: 'alpha\nbeta\n',
    err: '',
  },
  {
    name: 'a program using eval is refused with the rule that refused it',
    argv: ['eval.ml'],
    code: 3,
    out: '',
    err:
      "eval.ml:3:5: error SEC001: 'eval' evaluates code or exposes the interpreter; ML has no such builtin\n" +
      'mlsec run: refused by SEC001 (code-injection): Use of a code-evaluation name (eval, exec, compile, __import__, ...) the program does not define; see docs/security-rules.md#sec001\n',
  },
  {
    name: 'syntax errors are program errors: exit 1, nothing runs',
    argv: ['syntax_error.ml'],
    code: 1,
    out: '',
    err: /^syntax_error\.ml:2:10: error ML200: Expected an expression but found `;`\.\n$/,
  },
  {
    name: 'a runtime error prints file:line:column, kind, message and the ML stack',
    argv: ['runtime_error.ml'],
    code: 1,
    out: 'start\n',
    err:
      'runtime_error.ml:3:3: ZeroDivisionError: division by zero\n' +
      '    at ratio (runtime_error.ml:3:3)\n' +
      '    at report (runtime_error.ml:6:10)\n' +
      '    at <module> (runtime_error.ml:9:7)\n',
  },
  {
    name: 'paths are shown the way the program was named',
    argv: ['run-project/runtime_error.ml'],
    setting: { cwd: new URL('.', import.meta.url).pathname },
    code: 1,
    out: 'start\n',
    err: /^run-project\/runtime_error\.ml:3:3: ZeroDivisionError: division by zero\n {4}at ratio \(run-project\/runtime_error\.ml:3:3\)\n/,
  },
  {
    name: 'an error inside a user module names the module file',
    argv: ['uses_lib.ml'],
    code: 1,
    out: '42\n',
    err: /^lib\/util\.ml:6:3: IndexError: .*\n {4}at fail_in_module \(lib\/util\.ml:6:3\)\n {4}at <module> \(uses_lib\.ml:4:7\)\n$/,
  },
  {
    name: 'the CPU-time limit ends a loop: exit 4 with how to raise it',
    argv: ['--cpu-time', '0.3', 'spin.ml'],
    code: 4,
    out: '',
    err: 'spin.ml: SandboxTimeoutError: CPU time limit of 300 ms exceeded; raise it with --cpu-time SECONDS or sandbox.max_execution_time in mlpy.yaml\n',
  },
  {
    name: 'endless recursion is a RecursionError (exit 4); repeated frames are counted, not listed',
    argv: ['recursion.ml'],
    code: 4,
    out: '',
    err:
      'recursion.ml:3:10: RecursionError: maximum recursion depth exceeded\n' +
      '    at down (recursion.ml:3:10)\n'.repeat(3) +
      '    ... the same call 97 more times\n',
  },
  {
    name: 'arguments after -- are the program’s own',
    argv: ['args.ml', '--', 'a', 'b c', '--x'],
    code: 0,
    out: "['a', 'b c', '--x']\n",
    err: '',
  },
  {
    name: 'the program sees no host environment by default',
    argv: ['--allow', 'env:read:*', 'env.ml'],
    setting: { env: { HOME: '/home/tester', GREETING: 'from host' } },
    code: 0,
    out: 'no greeting\nno home\n',
    err: '',
  },
  {
    name: '--env sets and --pass-env passes variables',
    argv: ['--allow', 'env:read:*', '--env', 'GREETING=hello=world', '--pass-env', 'HOME', 'env.ml'],
    setting: { env: { HOME: '/home/tester', GREETING: 'from host' } },
    code: 0,
    out: 'hello=world\n/home/tester\n',
    err: '',
  },
  {
    name: '--seed fixes the random module',
    argv: ['--seed', '42', 'dice.ml'],
    code: 0,
    out: '[6, 4, 2, 6, 1]\n',
    err: '',
  },
  {
    name: 'input() reads the CLI’s stdin line by line',
    argv: ['input.ml'],
    setting: { stdin: 'one\ntwo\n' },
    code: 0,
    out: 'first? got one and two\nthen: EOF when reading a line\n',
    err: '',
  },
];

describe('mlsec run', () => {
  test.each(CASES)('$name', async ({ argv, setting, code, out, err }) => {
    const r = await runCli(argv, setting);
    expect({ code: r.code, out: r.out }).toEqual({ code, out });
    if (typeof err === 'string') expect(r.err).toBe(err);
    else expect(r.err).toMatch(err);
  });

  test('without --seed each run draws a fresh seed', async () => {
    const rolls = new Set<string>();
    for (let i = 0; i < 4; i++) rolls.add((await runCli(['dice.ml'])).out);
    expect(rolls.size).toBeGreaterThan(1);
  });
});
