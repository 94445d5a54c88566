// What a CLI command is. Each command lives in commands/<name>.ts and is listed once in
// commands/index.ts; main.ts dispatches to it. Commands report through CliIO and return an exit code.
import type { CliIO } from './io.js';

/** Exit codes of TOOLING.md: 0 ok, 1 program error or findings, 2 usage, 3 refused by security, 4 limit exceeded. */
export const EXIT = { ok: 0, findings: 1, usage: 2, security: 3, limit: 4 } as const;

export interface Command {
  /** The word after `mlsec` (`check`). */
  name: string;
  /** One line for the command list in `mlsec --help`. */
  summary: string;
  /** Full help text printed by `mlsec <name> --help` (starts with `usage: mlsec <name> ...`). */
  usage: string;
  /**
   * Runs with the arguments after the command name (`--help` is handled by main). Throws UsageError
   * (from parseArgs) for bad invocations; every other failure is reported through `io` and the code.
   */
  run(args: readonly string[], io: CliIO): Promise<number>;
}
