// The interface between the ML runtime and whoever hosts it (the sandbox worker wires it to
// isolated-vm callbacks; tests use an in-memory host). Types only: the runtime never does I/O itself.

export type OutputStream = 'stdout' | 'stderr';

/**
 * Everything the runtime needs from outside the isolate. Every member receives and returns plain
 * data (strings, numbers, booleans, arrays of strings, null) so it can be bridged by copying.
 */
export interface RuntimeHost {
  /** Appends text to the run's stdout or stderr (the host enforces the output limit). */
  write(stream: OutputStream, text: string): void;
  /** One line of the run's stdin without its line break; null at end of input. */
  readLine(): string | null;
  /** Enforced capability check (audited by the host): true iff `capability` is granted. */
  checkCapability(capability: string): boolean;
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
}
