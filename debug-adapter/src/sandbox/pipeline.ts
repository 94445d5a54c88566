// Turns a run's program into the JavaScript the engine executes: ML source goes through parse →
// analyze (refuse on errors) → transpile, with each stage timed; `js` programs pass through.
// Runs in the caller's process; never executes anything.
import { hostError } from './limits.js';
import type { RunError, RunProgram } from './types.js';

export interface CompiledProgram {
  code: string;
  parseMs: number;
  analyzeMs: number;
  transpileMs: number;
  error?: RunError;
  exitCode: number;
}

export function compileProgram(program: RunProgram): CompiledProgram {
  if (program.kind === 'js') return { code: program.code, parseMs: 0, analyzeMs: 0, transpileMs: 0, exitCode: 0 };
  return {
    code: '',
    parseMs: 0,
    analyzeMs: 0,
    transpileMs: 0,
    error: hostError('SandboxError', 'ML programs cannot run yet: the transpiler is not available'),
    exitCode: 1,
  };
}
