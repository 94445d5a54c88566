// What every bridge module receives for one run: the capability gate, limits, the open-files
// counter and the run's root. Per run; never shared between runs.
import type { SandboxLimits } from '../sandbox/types.js';
import type { Gate } from './gate.js';
import type { OpenFiles } from './safe-fs.js';

export interface BridgeEnv {
  gate: Gate;
  limits: SandboxLimits;
  files: OpenFiles;
  /** Absolute run root (the program's folder unless configured). */
  rootDir: string;
}
