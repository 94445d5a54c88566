// Bundle entry for the isolate: installs the ML runtime API on `globalThis.__mlsecRuntime` as a
// frozen, non-writable, non-configurable object. Bundle with esbuild (format iife, platform
// neutral); the sandbox evaluates the bundle in each fresh context before any program code.
import { createRuntime, describeError } from './runtime.js';
import { lockdown } from './lockdown.js';
import { toMLError } from './errors.js';

const api = Object.freeze({
  /** One run's runtime bound to the host object the sandbox built from its callbacks. */
  createRuntime,
  /** Location and stack of an error thrown out of a unit (for hosts that run units themselves). */
  describeError: (e: unknown) => describeError(toMLError(e)),
  /** Removes code generation and freezes intrinsics; call once, after installing host callbacks. */
  lockdown: () => lockdown(globalThis),
});

Object.defineProperty(globalThis, '__mlsecRuntime', {
  value: api,
  writable: false,
  enumerable: false,
  configurable: false,
});
