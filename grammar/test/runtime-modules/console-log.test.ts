// console and log modules: exact text written through the context (stdout/stderr), levels, formats,
// timestamps from the context clock, and Logger objects.
import { describe, expect, it } from 'vitest';
import { MLFloat, MLObject, type Value } from '../../src/runtime/values.js';
import { createConsoleModule } from '../../src/runtime/modules/console.js';
import { createLogModule } from '../../src/runtime/modules/log.js';
import { call, callMethod, outcome, testContext } from './context.js';

type Step = (mod: ReturnType<typeof createLogModule>) => unknown;

const consoleCases: [string, string, Value[], string][] = [
  ['log', 'stdout', ['hello from console.log'], 'hello from console.log\n'],
  ['log', 'stdout', ['several', 'args', 1, 2.5], 'several args 1 2.5\n'],
  ['log', 'stdout', [], '\n'],
  ['log', 'stdout', ['list:', [1, 'two', new MLFloat(3)]], "list: [1, 'two', 3.0]\n"],
  [
    'log',
    'stdout',
    [
      'object:',
      new MLObject([
        ['k', 'v'],
        ['n', 1],
      ]),
    ],
    "object: {'k': 'v', 'n': 1}\n",
  ],
  ['log', 'stdout', [true, null, [false]], 'True None [False]\n'],
  ['log', 'stdout', ['value is', new MLFloat(1e20), 'and', 0.1 + 0.2], 'value is 1e+20 and 0.30000000000000004\n'],
  ['info', 'stdout', ['service started on port', 8080], 'INFO: service started on port 8080\n'],
  ['debug', 'stdout', ['cache size', 3, 'items'], 'DEBUG: cache size 3 items\n'],
  ['info', 'stdout', [], 'INFO:\n'],
  ['warn', 'stderr', ['disk', 91, '%'], 'WARNING: disk 91 %\n'],
  ['error', 'stderr', ['failed:', 'timeout'], 'failed: timeout\n'],
];

const logCases: [string, Step[], string][] = [
  [
    'default level hides debug',
    [(l) => call(l, 'debug', 'hidden'), (l) => call(l, 'info', 'shown')],
    '2024-03-15T12:34:56.789Z [INFO]: shown\n',
  ],
  [
    'levels and data',
    [
      (l) => call(l, 'set_level', 'debug'),
      (l) => call(l, 'debug', 'd', new MLObject([['k', 1]])),
      (l) => call(l, 'warn', 'w'),
      (l) => call(l, 'critical', 'c', [1, 'x']),
    ],
    '2024-03-15T12:34:56.789Z [DEBUG]: d {"k": 1}\n2024-03-15T12:34:56.789Z [WARNING]: w\n2024-03-15T12:34:56.789Z [CRITICAL]: c [1, "x"]\n',
  ],
  ['no timestamp', [(l) => call(l, 'set_timestamp', false), (l) => call(l, 'error', 'boom')], '[ERROR]: boom\n'],
  [
    'json format',
    [(l) => call(l, 'set_format', 'json'), (l) => call(l, 'info', 'saved "x"', new MLObject([['n', 2]]))],
    '{"timestamp": "2024-03-15T12:34:56.789Z", "level": "INFO", "message": "saved \\"x\\"", "data": {"n": 2}}\n',
  ],
  [
    'threshold by number',
    [(l) => call(l, 'set_level', 40), (l) => call(l, 'warn', 'no'), (l) => call(l, 'error', 'yes')],
    '2024-03-15T12:34:56.789Z [ERROR]: yes\n',
  ],
  [
    'unserialisable data falls back to str',
    [(l) => call(l, 'set_timestamp', false), (l) => call(l, 'info', 'f', [() => null])],
    '[INFO]: f "[<function <lambda>>]"\n',
  ],
  [
    'named logger',
    [
      (l) => call(l, 'set_timestamp', false),
      (l) => callMethod(call(l, 'create_logger', 'db') as Value, 'info', 'connected'),
    ],
    '[INFO] db: connected\n',
  ],
  [
    'logger settings are its own',
    [
      (l) => {
        const db = call(l, 'create_logger', 'db') as Value;
        callMethod(db, 'set_level', 'ERROR');
        callMethod(db, 'set_format', 'json');
        callMethod(db, 'set_timestamp', false);
        callMethod(db, 'warn', 'no');
        callMethod(db, 'error', 'yes');
        call(l, 'warn', 'root');
      },
    ],
    '{"level": "ERROR", "logger": "db", "message": "yes"}\n2024-03-15T12:34:56.789Z [WARNING]: root\n',
  ],
];

describe('console module', () => {
  it.each(consoleCases.map((c, i) => [`${c[0]} #${i}`, ...c] as const))('%s', (_label, name, stream, args, text) => {
    const ctx = testContext();
    expect(call(createConsoleModule(ctx), name, ...args)).toBe(null);
    expect(ctx.output).toEqual([{ stream, text }]);
  });
});

describe('log module', () => {
  it.each(logCases)('%s', (_name, steps, text) => {
    const ctx = testContext();
    const log = createLogModule(ctx);
    for (const step of steps) step(log);
    expect(ctx.output.every((o) => o.stream === 'stderr')).toBe(true);
    expect(ctx.output.map((o) => o.text).join('')).toBe(text);
  });

  it('answers is_debug and rejects unknown settings', () => {
    const log = createLogModule(testContext());
    expect(call(log, 'is_debug')).toBe(false);
    call(log, 'set_level', 'DEBUG');
    expect(call(log, 'is_debug')).toBe(true);
    expect(outcome(() => call(log, 'set_level', 'LOUD'))).toBe('ValueError: Invalid log level: LOUD');
    expect(outcome(() => call(log, 'set_format', 'xml'))).toBe(
      "ValueError: Invalid log format: xml (use 'text' or 'json')",
    );
    expect(log.members.has('add_file')).toBe(false);
  });
});
