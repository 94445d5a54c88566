// The `console` module: print-like output through ctx.write. Arguments use Python's str() (so
// booleans print True/False even at top level); info/debug prefix stdout lines, warn/error go to stderr.
import type { Value } from '../values.js';
import { pyStr } from '../ops.js';
import type { MLModule, ModuleContext, OutputStream } from './types.js';
import { ModuleBuilder } from './util.js';

/** Python's print(*args) line: arguments joined by one space, then a newline. */
export function printLine(args: readonly Value[], prefix: string | null): string {
  const parts = args.map((a) => pyStr(a));
  if (prefix !== null) parts.unshift(prefix);
  return parts.join(' ') + '\n';
}

export function createConsoleModule(ctx: ModuleContext): MLModule {
  const writer =
    (stream: OutputStream, prefix: string | null) =>
    (...args: Value[]) => {
      ctx.write(stream, printLine(args, prefix));
      return null;
    };
  return new ModuleBuilder('console')
    .fn('log', 0, Infinity, writer('stdout', null))
    .fn('info', 0, Infinity, writer('stdout', 'INFO:'))
    .fn('debug', 0, Infinity, writer('stdout', 'DEBUG:'))
    .fn('warn', 0, Infinity, writer('stderr', 'WARNING:'))
    .fn('error', 0, Infinity, writer('stderr', null))
    .build();
}
