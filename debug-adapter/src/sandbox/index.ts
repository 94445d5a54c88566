// Public surface of the sandbox for the CLI and the debug adapter: createSandbox and the run
// request/result types. Nothing here loads isolated-vm until a run needs it.
export { createSandbox, MAX_AUDIT_IN_RESULT, type SandboxHandle, type SandboxOptions } from './sandbox.js';
export { DEFAULT_LIMITS, resolveLimits } from './limits.js';
export { readModuleFromDisk, type Analyzer, type ModuleReader } from './pipeline.js';
export { defaultRuntimePath, defaultWorkerPath, processCanHostIsolates } from './artifacts.js';
export type * from './types.js';
