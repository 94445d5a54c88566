// Shapes shared by the pure stdlib modules: the module record and the context through which the host
// hands in the few things with authority (clock, randomness, output). Types only, no behaviour.
import type { MLModule } from '../values.js';

/** A stdlib module is the value model's MLModule: functions (carrying `mlName`) and constants. */
export type { MLModule };

/** Output streams a module may write to through the context. */
export type OutputStream = 'stdout' | 'stderr';

/**
 * Everything a module needs that is not pure computation. Modules never reach for ambient
 * authority (Date.now, Math.random, globals): the host decides what these return.
 */
export interface ModuleContext {
  /** A number in [0, 1) from the host's (seeded) generator. */
  random(): number;
  /** Milliseconds since the Unix epoch, from the host clock. */
  now(): number;
  /** Writes already-formatted text (including any trailing newline) to a stream. */
  write(stream: OutputStream, text: string): void;
  /** The run's working directory (POSIX). When absent, `path.cwd`/`path.absolute` are not offered. */
  cwd?(): string;
  /** The program's own arguments (after the script name), used by `ArgParser.parse()` with no argv. */
  argv?(): string[];
}

/** A module factory: builds a fresh module (fresh state) for one run. */
export type ModuleFactory = (ctx: ModuleContext) => MLModule;
