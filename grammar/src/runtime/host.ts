// The interface between the ML runtime and whoever hosts it (the sandbox worker wires it to
// isolated-vm callbacks; tests use an in-memory host). Types only: the runtime never does I/O itself.
import type { ErrorKind } from './values.js';

export type OutputStream = 'stdout' | 'stderr';

/** Plain data crossing the bridge; `{"$float": n}` marks an integral float coming back. */
export type BridgeValue = null | boolean | number | string | BridgeValue[] | { [key: string]: BridgeValue };

/**
 * Where in the ML program a capability check comes from (for the audit log): the file as the run
 * shows it, the 1-based line and column of the ML call, and the stdlib function checking.
 */
export interface HostCallSite {
  file: string;
  line: number;
  column: number;
  /** The stdlib function that checks (`math.sqrt`, `input`); absent for host functions, which name themselves. */
  functionName?: string;
}

/** Outcome of a host-implemented stdlib call: a value, or an ML error as data. */
export type BridgeResult = { ok: true; value: BridgeValue } | { ok: false; kind: ErrorKind; message: string };

/**
 * Everything the runtime needs from outside the isolate. Every member receives and returns plain
 * data (strings, numbers, booleans, arrays of strings, null) so it can be bridged by copying.
 * To end the run from inside any member (output limit, timeout), throw an Error whose message is
 * `SandboxOutputLimitError: ...` (or SandboxTimeoutError / SandboxMemoryError): ML code cannot catch it.
 */
export interface RuntimeHost {
  /** Appends text to the run's stdout or stderr (the host enforces the output limit). */
  write(stream: OutputStream, text: string): void;
  /** One line of the run's stdin without its line break; null at end of input. */
  readLine(): string | null;
  /**
   * Enforced capability check (audited by the host): true iff `capability` is granted. `site` is
   * the ML call it is for, when known.
   */
  checkCapability(capability: string, site?: HostCallSite): boolean;
  /** Query for `hasCapability()`: true iff granted; must not count as a use of the capability. */
  queryCapability(capability: string): boolean;
  /** The granted capability strings, for `getCapabilities()`. */
  listCapabilities(): string[];
  /** A number in [0, 1) from the run's (seedable) generator. */
  random(): number;
  /** Milliseconds since the Unix epoch from the host clock. */
  now(): number;
  /** The run's working directory (POSIX); omit to leave `path.cwd`/`path.absolute` out. */
  cwd?(): string;
  /** The program's own arguments (after the script name). */
  argv?(): string[];
  /**
   * Runs stdlib function `module.fn` on the host (file, http, env, path I/O, ...): checks every
   * capability it needs (target-less ones too; the runtime does not check them again) with the
   * actual arguments, audits (at `site`, the ML call, when known), acts, and returns plain data
   * or an error. Omit it to run without any host-implemented function (they raise CapabilityError).
   */
  bridge?(module: string, fn: string, args: BridgeValue[], site?: HostCallSite): BridgeResult;
}
