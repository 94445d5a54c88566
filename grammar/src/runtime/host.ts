// The interface between the ML runtime and whoever hosts it (the sandbox worker wires it to
// isolated-vm callbacks; tests use an in-memory host). Types only: the runtime never does I/O itself.
import type { MLModule } from './values.js';

export type OutputStream = 'stdout' | 'stderr';

/**
 * Everything the runtime needs from outside the isolate. Every member receives and returns plain
 * data (strings, numbers, booleans, arrays, null) so it can be bridged by copying.
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
}

/** What a stdlib module factory receives. */
export interface ModuleContext {
  readonly host: RuntimeHost;
  /** Raises CapabilityError unless the run is granted `capability` (`resource:operation[:target]`). */
  requireCapability(capability: string): void;
}

/** A stdlib module implementation: `grammar/src/runtime/modules/<name>.ts` exports one. */
export type ModuleFactory = (ctx: ModuleContext) => MLModule;
