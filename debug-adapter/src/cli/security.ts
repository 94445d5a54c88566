// What `check` and `caps` need for the security analysis of one file: the mlpy.yaml that applies
// (--config, or found beside the file or in a parent folder), the grant selected by --profile /
// --allow / --deny, and the user modules the file imports (read ahead through CliIO, so the
// analysis itself stays synchronous and free of I/O).
import path from 'node:path';
import type {
  AnalysisGrant,
  AnalysisResult,
  Diagnostic,
  LoadedModule,
  MlpyConfig,
  ModuleLoader,
  Program,
} from '@mlsec/grammar';
import { analyze, grantFromConfig, overlyBroadGrants } from '@mlsec/grammar/analysis';
import { CONFIG_FILE_NAMES, parseMlpyConfig } from '@mlsec/grammar/config';
import { resolve } from '@mlsec/grammar/names';
import { STDLIB_MODULE_NAMES } from '@mlsec/grammar/stdlib';
import { parse } from '@mlsec/grammar/syntax';
import { UsageError } from './args.js';
import { FileError, type CliIO } from './io.js';

export interface SecurityFlags {
  profile?: string | undefined;
  allow: readonly string[];
  deny: readonly string[];
  config?: string | undefined;
}

export interface LoadedConfig {
  file: string;
  config: MlpyConfig;
  /** CFGxxx problems of the file, plus SEC008 for grants that give everything away. */
  diagnostics: Diagnostic[];
}

export interface SecuritySetup {
  config: LoadedConfig | null;
  grant: AnalysisGrant;
  root: string;
  loader: ModuleLoader;
}

/** Finds and parses mlpy.yaml once per folder across the files of one command. */
export class ConfigFinder {
  private readonly cache = new Map<string, Promise<LoadedConfig | null>>();

  constructor(
    private readonly io: CliIO,
    private readonly explicit: string | undefined,
  ) {}

  find(file: string): Promise<LoadedConfig | null> {
    if (this.explicit !== undefined) return this.load(this.explicit, true);
    return this.search(path.resolve(path.dirname(file)));
  }

  private search(dir: string): Promise<LoadedConfig | null> {
    let found = this.cache.get(dir);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const loaded = await this.load(path.join(dir, name), false);
          if (loaded) return loaded;
        }
        const parent = path.dirname(dir);
        return parent === dir ? null : this.search(parent);
      })();
      this.cache.set(dir, found);
    }
    return found;
  }

  private load(file: string, required: boolean): Promise<LoadedConfig | null> {
    let found = this.cache.get(`file:${file}`);
    if (!found) {
      found = (async () => {
        let text: string;
        try {
          text = await this.io.readFile(file);
        } catch (error) {
          if (!(error instanceof FileError)) throw error;
          if (required) throw new UsageError(`cannot read config ${error.path}: ${error.reason}`);
          return null;
        }
        const parsed = parseMlpyConfig(text);
        return { file, config: parsed.config, diagnostics: [...parsed.diagnostics] };
      })();
      this.cache.set(`file:${file}`, found);
    }
    return found;
  }
}

function userImports(program: Program): string[][] {
  return program.body
    .flatMap((s) => (s.kind === 'ImportStmt' ? [s.path.map((p) => p.name)] : []))
    .filter((p) => !(p.length === 1 && STDLIB_MODULE_NAMES.has(p[0]!)));
}

/** Reads every user module reachable from `file` (`import a.b;` → `a/b.ml` beside the importer). */
export async function preloadModules(file: string, program: Program, io: CliIO): Promise<ModuleLoader> {
  const byKey = new Map<string, LoadedModule>();
  const byFile = new Map<string, LoadedModule | null>();
  const key = (from: string, modulePath: readonly string[]): string => `${from}\0${modulePath.join('.')}`;
  const visit = async (from: string, prog: Program): Promise<void> => {
    for (const modulePath of userImports(prog)) {
      const candidate = path.join(path.dirname(from), ...modulePath) + '.ml';
      if (!byFile.has(candidate)) {
        byFile.set(candidate, null);
        try {
          const loaded: LoadedModule = { file: candidate, program: parse(await io.readFile(candidate)).program };
          byFile.set(candidate, loaded);
          await visit(candidate, loaded.program);
        } catch (error) {
          if (!(error instanceof FileError)) throw error;
        }
      }
      const loaded = byFile.get(candidate);
      if (loaded) byKey.set(key(from, modulePath), loaded);
    }
  };
  await visit(file, program);
  return { load: (modulePath, from) => byKey.get(key(from ?? file, modulePath)) };
}

const FLAG_ORIGINS = new Set(['--allow', '--deny', '--profile']);

/** Config, grant and modules for one file; bad flags or an unknown profile are usage errors. */
export async function prepareSecurity(
  file: string,
  program: Program,
  flags: SecurityFlags,
  finder: ConfigFinder,
  io: CliIO,
): Promise<SecuritySetup> {
  const config = await finder.find(file);
  const root = path.resolve(path.dirname(file));
  const selection = { root, profile: flags.profile ?? null, allow: flags.allow, deny: flags.deny };
  const { grant, problems } = grantFromConfig(config?.config ?? null, selection);
  const fatal = problems.find((p) => p.severity === 'error' && FLAG_ORIGINS.has(p.origin));
  if (fatal) throw new UsageError(`${fatal.origin}${fatal.capability ? ` ${fatal.capability}` : ''}: ${fatal.message}`);
  if (grant === null) throw new UsageError(`cannot use ${root} as the root: ${problems[0]?.message ?? 'invalid path'}`);
  return { config, grant, root, loader: await preloadModules(file, program, io) };
}

/** SEC008 for grants that give everything away: mlpy.yaml entries as diagnostics, flags as messages. */
export function broadGrantReport(
  config: LoadedConfig | null,
  flags: SecurityFlags,
): { diagnostics: Diagnostic[]; flagWarnings: string[] } {
  const diagnostics: Diagnostic[] = [];
  const flagWarnings: string[] = [];
  for (const broad of overlyBroadGrants(config?.config ?? null, {
    root: '/',
    profile: flags.profile ?? null,
    allow: flags.allow,
  })) {
    const message = `'${broad.capability}' in ${broad.origin} grants everything; name what the programs need`;
    if (broad.range === null) flagWarnings.push(`warning SEC008: ${message}`);
    else diagnostics.push({ code: 'SEC008', severity: 'warning', message, range: broad.range, source: 'security' });
  }
  return { diagnostics, flagWarnings };
}

/** Runs the analysis of one file under a prepared setup. */
export function analyzeWithSetup(file: string, source: string, program: Program, setup: SecuritySetup): AnalysisResult {
  const security = setup.config?.config.security;
  return analyze(program, resolve(program), {
    text: source,
    file,
    root: setup.root,
    grant: setup.grant,
    analysisLevel: security?.analysisLevel?.value ?? 'moderate',
    suppress: security?.suppress ?? [],
    moduleLoader: setup.loader,
  });
}

/** The check stage for one file (its findings join the other diagnostics) and what else it found. */
export interface SecurityStage {
  stage: (program: Program, source: string) => readonly Diagnostic[];
  /** The analysis result once the stage has run. */
  result(): AnalysisResult | undefined;
  config: LoadedConfig | null;
}

export async function securityStage(
  file: string,
  source: string,
  flags: SecurityFlags,
  finder: ConfigFinder,
  io: CliIO,
): Promise<SecurityStage> {
  const setup = await prepareSecurity(file, parse(source).program, flags, finder, io);
  let result: AnalysisResult | undefined;
  return {
    stage: (program, text) => {
      result = analyzeWithSetup(file, text, program, setup);
      return result.findings;
    },
    result: () => result,
    config: setup.config,
  };
}
