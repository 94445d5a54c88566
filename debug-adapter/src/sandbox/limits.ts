// Default sandbox limits, validation of requested limits, and the typed errors a limit hit ends a
// run with (each names the limit and how to raise it). Pure data and functions; no I/O.
import type { RunError, SandboxLimits } from './types.js';

export const DEFAULT_LIMITS: Readonly<SandboxLimits> = Object.freeze({
  memoryMb: 128,
  cpuTimeMs: 30_000,
  wallTimeMs: 60_000,
  outputBytes: 1024 * 1024,
  fileWriteBytes: 10 * 1024 * 1024,
  fileReadBytes: 32 * 1024 * 1024,
  openFiles: 20,
  httpTimeoutMs: 30_000,
  httpResponseBytes: 10 * 1024 * 1024,
  copyOutChars: 16 * 1024 * 1024,
});

/** isolated-vm refuses isolates below 8 MB; larger than 4 GB makes no sense for a script. */
const BOUNDS: Record<keyof SandboxLimits, readonly [number, number]> = {
  memoryMb: [8, 4096],
  cpuTimeMs: [1, 24 * 3600_000],
  wallTimeMs: [1, 24 * 3600_000],
  outputBytes: [1, 1024 ** 3],
  fileWriteBytes: [0, 1024 ** 3],
  fileReadBytes: [0, 1024 ** 3],
  openFiles: [0, 10_000],
  httpTimeoutMs: [1, 3600_000],
  httpResponseBytes: [0, 1024 ** 3],
  copyOutChars: [1024, 256 * 1024 * 1024],
};

/** Merges requested limits over the defaults; rejects unknown keys and out-of-range values. */
export function resolveLimits(requested: Partial<SandboxLimits> | undefined): SandboxLimits {
  const limits: SandboxLimits = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(requested ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(BOUNDS, key)) throw new Error(`unknown sandbox limit '${key}'`);
    if (value === undefined) continue;
    const [min, max] = BOUNDS[key as keyof SandboxLimits];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`sandbox limit '${key}' must be an integer between ${min} and ${max}`);
    }
    limits[key as keyof SandboxLimits] = value;
  }
  return limits;
}

/** Which limit ended a run. */
export type LimitKind = 'cpu' | 'wall' | 'memory' | 'output';

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

/** The message of the typed error a limit hit produces. */
export function limitMessage(kind: LimitKind, limits: SandboxLimits): { kind: string; message: string } {
  switch (kind) {
    case 'cpu':
      return {
        kind: 'SandboxTimeoutError',
        message:
          `CPU time limit of ${formatMs(limits.cpuTimeMs)} exceeded; raise it with --cpu-time SECONDS ` +
          `or sandbox.max_execution_time in mlpy.yaml`,
      };
    case 'wall':
      return {
        kind: 'SandboxTimeoutError',
        message:
          `wall-time limit of ${formatMs(limits.wallTimeMs)} exceeded; raise it with ` +
          `sandbox.max_wall_time in mlpy.yaml`,
      };
    case 'memory':
      return {
        kind: 'SandboxMemoryError',
        message:
          `memory limit of ${limits.memoryMb} MB exceeded; raise it with --memory MB ` +
          `or sandbox.max_memory_mb in mlpy.yaml`,
      };
    case 'output':
      return {
        kind: 'SandboxOutputLimitError',
        message:
          `output limit of ${formatBytes(limits.outputBytes)} exceeded; raise it with ` +
          `sandbox.max_output_kb in mlpy.yaml`,
      };
  }
}

/** The marker appended to truncated output. */
export function truncationMarker(limits: SandboxLimits): string {
  return `\n[output truncated: limit of ${formatBytes(limits.outputBytes)} reached]\n`;
}

/** A RunError without a program location (limits, crashes, refusals before the program started). */
export function hostError(kind: string, message: string): RunError {
  return { kind, message, file: null, line: null, column: null, mlStack: [] };
}

/** Exit codes of TOOLING.md: 1 program error, 3 refused by security, 4 limit exceeded. */
export function exitCodeFor(error: RunError | undefined): number {
  if (!error) return 0;
  if (error.kind === 'CapabilityError' || error.kind === 'SecurityError') return 3;
  if (
    error.kind === 'SandboxTimeoutError' ||
    error.kind === 'SandboxMemoryError' ||
    error.kind === 'SandboxOutputLimitError' ||
    error.kind === 'RecursionError'
  ) {
    return 4;
  }
  return 1;
}
