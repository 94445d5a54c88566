// `mlsec run FILE [-- args]`: runs an ML program in the sandbox under a capability grant and limits.
// This module only declares the command; the work (sandbox, bridges, analysis) is imported when
// the command runs, so other commands never initialise it.
import { optionsHelp, parseArgs, type ArgSpec } from '../args.js';
import type { Command } from '../command.js';
import type { CliIO } from '../io.js';
import type { RunHost } from '../run/execute.js';

const spec = {
  options: {
    allow: { type: 'strings', valueName: 'CAP', description: 'also grant CAP (repeatable)' },
    deny: { type: 'strings', valueName: 'CAP', description: 'deny CAP; denials always win (repeatable)' },
    profile: { type: 'string', valueName: 'NAME', description: 'grant the capability profile NAME of mlpy.yaml' },
    config: {
      type: 'string',
      valueName: 'FILE',
      description: 'mlpy.yaml to use (default: beside the program or in a parent folder)',
    },
    audit: { type: 'string', valueName: 'FILE', description: 'write every capability check to FILE (JSON lines)' },
    'audit-only': {
      type: 'boolean',
      description: 'allow everything, record what would be denied and list the grants the program needs',
    },
    memory: { type: 'string', valueName: 'MB', description: 'heap limit of the sandbox (default 128)' },
    'cpu-time': { type: 'string', valueName: 'S', description: 'CPU time limit in seconds (default 30)' },
    'wall-time': { type: 'string', valueName: 'S', description: 'wall-clock limit in seconds (default 60)' },
    json: { type: 'boolean', description: 'print the run result as JSON instead of the program output' },
    seed: { type: 'string', valueName: 'N', description: 'seed of the random module (same seed, same numbers)' },
    env: {
      type: 'strings',
      valueName: 'KEY=VALUE',
      description: 'set KEY in the environment the program sees (repeatable)',
    },
    'pass-env': { type: 'strings', valueName: 'NAME', description: "pass the host's NAME to the program (repeatable)" },
  },
  positionals: { name: 'FILE', min: 1, max: 1 },
  passThrough: true,
} as const satisfies ArgSpec;

/** The run command; tests give it built sandbox bundles and their own surroundings. */
export function createRunCommand(host?: () => RunHost): Command {
  return {
    name: 'run',
    summary: 'run a program in the sandbox under a capability grant',
    usage: `usage: mlsec run [options] FILE [-- ARGS...]

Runs FILE in the sandbox. The grant is the default grant (console, math, regex, json, collections,
functional, datetime, random, crypto, log, args; mlpy.yaml's default_capabilities replaces it),
plus --profile and --allow, minus mlpy.yaml's denied_capabilities and --deny. mlpy.yaml is found
beside FILE or in a parent folder (up to a folder holding .git), or given with --config; relative
grant patterns resolve against FILE's folder. The program sees no host environment variables
unless --env or --pass-env give them. ARGS are the program's own arguments (args.rest()).
Programs with security errors (mlsec check) are refused before they start.
Exit status: 0 ok, 1 program error, 2 usage or configuration error, 3 refused by security or a
capability error, 4 a limit was exceeded.

options:
${optionsHelp(spec)}
`,
    async run(args: readonly string[], io: CliIO): Promise<number> {
      const { options, positionals, rest } = parseArgs(args, spec);
      if (!host && options.memory === undefined) {
        // The sandbox's isolate starts loading the ML runtime (on its own thread) before the run's
        // own code (parser, analysis, configuration) is even initialised.
        const [{ prestartInProcess }, { defaultRuntimePath }] = await Promise.all([
          import('../../sandbox/inprocess.js'),
          import('../../sandbox/artifacts.js'),
        ]);
        prestartInProcess(defaultRuntimePath());
      }
      const { executeRun } = await import('../run/execute.js');
      const surroundings: RunHost = host
        ? host()
        : { cwd: process.cwd(), env: process.env, stdin: () => process.stdin };
      return executeRun(
        {
          file: positionals[0]!,
          args: rest,
          allow: options.allow,
          deny: options.deny,
          profile: options.profile,
          config: options.config,
          audit: options.audit,
          auditOnly: options['audit-only'],
          memory: options.memory,
          cpuTime: options['cpu-time'],
          wallTime: options['wall-time'],
          json: options.json,
          seed: options.seed,
          env: options.env,
          passEnv: options['pass-env'],
        },
        io,
        surroundings,
      );
    },
  };
}

export const runCommand: Command = createRunCommand();
