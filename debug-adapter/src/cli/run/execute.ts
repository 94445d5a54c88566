// `mlsec run` after its arguments are parsed: config, grant, limits and env view; the security gate;
// one run in the sandbox (in this process when it can host isolates) with output streamed as the
// program prints; then the error, refusal or --audit-only report, or the --json run result.
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { AuditEvent } from '@mlsec/grammar';
import { minimalGrantList } from '@mlsec/grammar/capabilities';
import { EXIT } from '../command.js';
import { FileError, type CliIO } from '../io.js';
import {
  createSandbox,
  defaultRuntimePath,
  processCanHostIsolates,
  type SandboxHandle,
  type SandboxOptions,
} from '../../sandbox/index.js';
import { discardPrestarted } from '../../sandbox/inprocess.js';
import type { RunResult } from '../../sandbox/types.js';
import { AuditFile } from './audit-file.js';
import { findRunConfig, RunConfigError } from './config.js';
import { runGrant } from './grant.js';
import { randomSeed, runLimits, sandboxEnv } from './options.js';
import { auditOnlySummary, fileDisplay, formatRunError, refusalSummary, relocateDiagnostics } from './report.js';
import { securityGate, type SecurityGate } from './security-gate.js';
import { StdinLines } from './stdin-lines.js';

export interface RunInvocation {
  file: string;
  args: string[];
  allow: string[];
  deny: string[];
  profile: string | undefined;
  config: string | undefined;
  audit: string | undefined;
  auditOnly: boolean;
  memory: string | undefined;
  cpuTime: string | undefined;
  wallTime: string | undefined;
  json: boolean;
  seed: string | undefined;
  env: string[];
  passEnv: string[];
}

/** What the run takes from its surroundings (tests pass built bundles and a fake environment). */
export interface RunHost {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Opened only if the program reads input. */
  stdin: () => Readable;
  sandbox?: Pick<SandboxOptions, 'runtimePath' | 'workerPath'>;
}

/** A refusal because a call needs a capability the grant lacks is a capability error, not a rule breach. */
function capabilityRefusal(result: RunResult): RunResult {
  if (result.error?.kind !== 'SecurityError' || !result.error.message.startsWith('SEC010:')) return result;
  return { ...result, error: { ...result.error, kind: 'CapabilityError' } };
}

export async function executeRun(inv: RunInvocation, io: CliIO, host: RunHost): Promise<number> {
  const runtimePath = host.sandbox?.runtimePath === undefined ? defaultRuntimePath() : host.sandbox.runtimePath;
  const runtimeBuilt = runtimePath === null || existsSync(runtimePath);
  const inProcess = processCanHostIsolates();
  // The gate needs the configuration; the sandbox asks for it only once the program is compiled.
  let gate: SecurityGate | null = null;
  // Created first: in this process the sandbox's isolate loads the ML runtime on its own thread
  // while this one reads the configuration and compiles the program (a worker starts later, once
  // the run is known to go ahead: starting a process for a usage error is not worth it).
  const sandbox = runtimeBuilt
    ? createSandbox({
        mode: inProcess ? 'inprocess' : 'worker',
        ...(inProcess ? { poolSize: 1 } : {}),
        analyze: (input) => gate!.analyzer(input),
        runtimePath,
        ...(host.sandbox?.workerPath ? { workerPath: host.sandbox.workerPath } : {}),
      })
    : null;
  try {
    return await prepareAndRun(inv, io, host, runtimePath, sandbox, (g) => (gate = g));
  } finally {
    await sandbox?.dispose();
    discardPrestarted();
  }
}

async function prepareAndRun(
  inv: RunInvocation,
  io: CliIO,
  host: RunHost,
  runtimePath: string | null,
  sandbox: SandboxHandle | null,
  setGate: (gate: SecurityGate) => void,
): Promise<number> {
  const fail = (lines: string[]): number => {
    for (const line of lines) io.stderr(`mlsec run: ${line}\n`);
    return EXIT.usage;
  };
  const programPath = path.resolve(host.cwd, inv.file);
  let source: string;
  try {
    source = await io.readFile(programPath);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return fail([`cannot read ${inv.file}: ${error.reason}`]);
  }
  const root = path.dirname(programPath);
  let config;
  try {
    const explicit = inv.config === undefined ? undefined : path.resolve(host.cwd, inv.config);
    config = await findRunConfig(io, programPath, explicit, host.cwd);
  } catch (error) {
    if (!(error instanceof RunConfigError)) throw error;
    return fail(error.problems);
  }
  const granted = runGrant(config, { profile: inv.profile, allow: inv.allow, deny: inv.deny }, root, host.cwd);
  if ('errors' in granted) return fail(granted.errors);
  const limits = runLimits(
    { memory: inv.memory, 'cpu-time': inv.cpuTime, 'wall-time': inv.wallTime },
    config?.config ?? null,
  );
  const env = sandboxEnv(inv.env, inv.passEnv, host.env);
  const seed = randomSeed(inv.seed);
  if (sandbox === null) {
    return fail([`the ML runtime is not built (${runtimePath} is missing); run \`npm run build\``]);
  }
  let auditFile: AuditFile | null = null;
  if (inv.audit !== undefined) {
    try {
      auditFile = AuditFile.open(path.resolve(host.cwd, inv.audit));
    } catch (error) {
      return fail([`cannot write the audit file ${inv.audit}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`]);
    }
  }

  const gate = securityGate(root, config?.config ?? null, inv.auditOnly ? undefined : granted.grant.analysis);
  setGate(gate);
  // A worker (no-op in this process) boots while the program is compiled; a failed start is
  // reported by the run itself.
  sandbox.start().catch(() => undefined);
  const stdin = new StdinLines(host.stdin);
  const denied: AuditEvent[] = [];
  // Output before the program starts is the refusal's diagnostics: held back to show paths the
  // way the user named the program.
  let started = false;
  let early = '';
  let result: RunResult;
  try {
    result = await sandbox.run(
      {
        program: { kind: 'ml', source, file: programPath },
        capabilities: { ...granted.grant.capabilities, auditOnly: inv.auditOnly },
        rootDir: root,
        args: inv.args,
        env,
        limits,
        randomSeed: seed,
      },
      {
        control: () => {
          started = true;
        },
        output: (stream, text) => {
          if (inv.json) return;
          if (!started) early += text;
          else if (stream === 'stdout') io.stdout(text);
          else io.stderr(text);
        },
        audit: (event) => {
          auditFile?.add(event);
          if (inv.auditOnly && event.result === 'DENIED') denied.push(event);
        },
        input: () => stdin.next(),
      },
    );
  } finally {
    stdin.close();
    auditFile?.close();
  }
  result = capabilityRefusal(result);

  const realRoot = ((): string => {
    try {
      return realpathSync(root);
    } catch {
      return root;
    }
  })();
  const needed = inv.auditOnly ? minimalGrantList(denied, { root: realRoot }) : [];
  if (inv.json) {
    io.stdout(JSON.stringify(inv.auditOnly ? { ...result, minimalGrants: needed } : result, null, 2) + '\n');
    return result.exitCode;
  }
  const display = fileDisplay(inv.file, root);
  if (early !== '') {
    io.stderr(relocateDiagnostics(early, display));
    io.stderr(refusalSummary(gate.refusedBy()));
  } else if (result.error) {
    io.stderr(formatRunError(result.error, display, display(path.basename(programPath))));
  }
  if (inv.auditOnly) io.stderr(auditOnlySummary(needed));
  return result.exitCode;
}
