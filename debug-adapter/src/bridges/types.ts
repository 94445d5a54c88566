// Shared shapes of the host bridges: the operation table a run's session dispatches to, and the
// error a bridge throws to raise an ML error. Bridges receive and return plain data only.

/** A synchronous bridge operation: plain-data arguments in, plain-data result out. */
export type SyncBridge = (args: unknown[]) => unknown;
/** An operation whose host side waits (http, stdin): the isolate blocks until it settles. */
export type AsyncBridge = (args: unknown[]) => Promise<unknown>;

/** Operations by name (`<module>.<function>` of STDLIB.md, e.g. `file.read`). */
export interface BridgeTable {
  sync: Record<string, SyncBridge>;
  async: Record<string, AsyncBridge>;
}

/**
 * Raised by a bridge to fail the ML call with an ML error of `kind`. The message is shown to the
 * program: it names ML-level values (the path as the program wrote it), never host internals.
 */
export class BridgeError extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}
