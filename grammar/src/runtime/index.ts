// Barrel of the runtime area: the value model, core operations, the host interface and the
// runtime factory. Everything here is pure JavaScript that also runs inside the isolate.
export * from './values.js';
export * from './ops.js';
export type * from './host.js';
export {
  createRuntime,
  describeError,
  type Runtime,
  type RunResult,
  type RunError,
  type UnitFunction,
} from './runtime.js';
export { formatValue } from './format-spec.js';
export { roundFloat } from './decimal.js';
export { MLIterator, iterate, toArray } from './iterate.js';
export { MLErrorValue } from './error-value.js';
export {
  getMember,
  setMember,
  getIndex,
  setIndex,
  getSlice,
  callMethod,
  lookupMember,
  isForbiddenName,
} from './access.js';
export { eq, ne, lt, le, gt, ge } from './operators.js';
export { registeredModuleNames } from './modules-registry.js';
