// Turns a run's program into the closure body the engine executes: ML source goes through parse →
// resolve → analyze (refuse on errors) → transpile, for the main file and every user module it
// imports, with each stage timed; `js` programs are wrapped as they are. Never executes anything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DeclaredCapability, Diagnostic, Program, Resolution } from '@mlsec/grammar';
import { capabilitiesFromDeclaration } from '@mlsec/grammar/capabilities';
import { resolve } from '@mlsec/grammar/names';
import { STDLIB_MODULE_NAMES } from '@mlsec/grammar/stdlib';
import { parse, walk } from '@mlsec/grammar/syntax';
import { transpile } from '@mlsec/grammar/transpiler';
import { nowMs } from './clock.js';
import { hostError } from './limits.js';
import { wrapJsProgram, wrapMlProgram } from './program-wrapper.js';
import type { DebugInstrumentation, RunError, RunProgram } from './types.js';

/**
 * Extra analysis run on each ML file after name resolution (security rules, with the caller's
 * settings); it receives the pipeline's resolution so the program is not resolved twice.
 */
export type Analyzer = (input: {
  program: Program;
  resolution: Resolution;
  source: string;
  file: string;
}) => Diagnostic[];

/** Reads user module `a.b` (`a/b.ml` under the root); null when it does not exist. */
export type ModuleReader = (dotted: string, rootDir: string) => { file: string; source: string } | null;

export interface PipelineOptions {
  analyze?: Analyzer;
  readModule?: ModuleReader;
  /** Debug run: transpile in debug mode, report each unit, and let the debugger wrap them. */
  debug?: DebugInstrumentation;
}

export interface CompiledProgram {
  /** Closure body for the engine (`$0` host facade, `$1` file). */
  code: string;
  /** Capabilities the program's `capability` declarations ask for (they narrow the grant). */
  declared: DeclaredCapability[];
  parseMs: number;
  analyzeMs: number;
  transpileMs: number;
  /** Set when the program is refused before it runs; `stderr` then lists every error found. */
  error?: RunError;
  stderr: string;
}

/** User modules one program may pull in (a guard against absurd import graphs). */
const MAX_MODULES = 500;

export const readModuleFromDisk: ModuleReader = (dotted, rootDir) => {
  const file = path.join(rootDir, ...dotted.split('.')) + '.ml';
  try {
    return { file, source: readFileSync(file, 'utf8') };
  } catch {
    return null;
  }
};

function kindOf(d: Diagnostic): string {
  if (d.code.startsWith('ML1') || d.code.startsWith('ML2')) return 'SyntaxError';
  if (d.code.startsWith('ML3')) return 'NameError';
  if (d.code.startsWith('SEC')) return 'SecurityError';
  if (d.code.startsWith('CAP')) return 'CapabilityError';
  return 'SyntaxError';
}

function refusal(file: string, d: Diagnostic): RunError {
  return {
    kind: kindOf(d),
    message: `${d.code}: ${d.message}`,
    file,
    line: d.range.start.line + 1,
    column: d.range.start.column + 1,
    mlStack: [],
  };
}

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.range.start.line + 1}:${d.range.start.column + 1}: ${d.severity} ${d.code}: ${d.message}\n`;
}

/** Dotted names of the user modules a program imports (anywhere in the file). */
function userImports(program: Program): string[] {
  const names: string[] = [];
  walk(program, (node) => {
    if (node.kind === 'ImportStmt') {
      const dotted = node.path.map((p) => p.name).join('.');
      if (!(node.path.length === 1 && STDLIB_MODULE_NAMES.has(dotted))) names.push(dotted);
    }
  });
  return names;
}

/** Where the program runs: its root (relative imports and paths) and its arguments. */
export interface ProgramSetting {
  rootDir: string;
  args: readonly string[];
}

export function compileProgram(
  program: RunProgram,
  setting: ProgramSetting,
  options: PipelineOptions = {},
): CompiledProgram {
  const { rootDir } = setting;
  if (program.kind === 'js') {
    return { code: wrapJsProgram(program.code), declared: [], parseMs: 0, analyzeMs: 0, transpileMs: 0, stderr: '' };
  }
  const times = { parseMs: 0, analyzeMs: 0, transpileMs: 0 };
  const errors: { file: string; d: Diagnostic }[] = [];
  const declared: DeclaredCapability[] = [];
  const readModule = options.readModule ?? readModuleFromDisk;

  const compileFile = (
    source: string,
    absFile: string,
    moduleName: string | undefined,
  ): { code: string; imports: string[] } | null => {
    const shown = path.relative(rootDir, absFile) || path.basename(absFile);
    let t = nowMs();
    const parsed = parse(source);
    times.parseMs += nowMs() - t;
    const fail = (ds: readonly Diagnostic[]): boolean => {
      const bad = ds.filter((d) => d.severity === 'error');
      for (const d of bad) errors.push({ file: shown, d });
      return bad.length > 0;
    };
    if (fail(parsed.diagnostics)) return null;
    t = nowMs();
    const names = resolve(parsed.program);
    let refused = fail(names.diagnostics);
    if (!refused && options.analyze)
      refused = fail(options.analyze({ program: parsed.program, resolution: names, source, file: shown }));
    if (!refused && moduleName === undefined) {
      for (const node of parsed.program.body) {
        if (node.kind !== 'CapabilityDecl') continue;
        const decl = capabilitiesFromDeclaration(node);
        refused = fail(decl.diagnostics) || refused;
        declared.push(...decl.capabilities);
      }
    }
    times.analyzeMs += nowMs() - t;
    if (refused) return null;
    t = nowMs();
    const out = transpile(parsed.program, {
      file: shown,
      ...(moduleName ? { moduleName } : {}),
      ...(options.debug ? { debug: true } : {}),
    });
    times.transpileMs += nowMs() - t;
    if (fail(out.diagnostics)) return null;
    options.debug?.unit({
      file: absFile,
      shown,
      moduleName: moduleName ?? null,
      source,
      program: parsed.program,
      transpiled: out,
    });
    return { code: out.code, imports: userImports(parsed.program) };
  };

  const file = path.resolve(program.file);
  const main = compileFile(program.source, file, undefined);
  const modules: { name: string; code: string }[] = [];
  if (main !== null) {
    const seen = new Set<string>();
    const queue = [...main.imports];
    while (queue.length > 0 && seen.size < MAX_MODULES) {
      const name = queue.shift()!;
      if (seen.has(name)) continue;
      seen.add(name);
      // A module that cannot be found is left to the runtime: importing it raises ImportError.
      const found = readModule(name, rootDir);
      if (found === null) continue;
      const unit = compileFile(found.source, path.resolve(found.file), name);
      if (unit === null) continue;
      modules.push({ name, code: unit.code });
      queue.push(...unit.imports);
    }
  }
  if (main === null || errors.length > 0) {
    const first = errors[0];
    const error = first ? refusal(first.file, first.d) : hostError('SyntaxError', 'the program could not be compiled');
    return { code: '', declared, ...times, error, stderr: errors.map((e) => formatDiagnostic(e.file, e.d)).join('') };
  }
  const units = { main: main.code, modules, info: { cwd: rootDir, argv: [...setting.args] } };
  const code = options.debug ? options.debug.wrap(units) : wrapMlProgram(units);
  return { code, declared, ...times, stderr: '' };
}
