// Finds and loads the mlpy.yaml a run uses: --config FILE, else mlpy.yaml / .mlpy.yaml beside the
// program or in a parent folder, stopping at the file-system root or at a folder holding `.git`.
// Errors in the file refuse the run with their positions (RunConfigError); nothing is ignored.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic, MlpyConfig } from '@mlsec/grammar';
import { CONFIG_FILE_NAMES, parseMlpyConfig } from '@mlsec/grammar/config';
import { FileError, type CliIO } from '../io.js';

export interface RunConfig {
  file: string;
  config: MlpyConfig;
}

/** An unusable configuration: the problems, as `file:line:col: error CODE: message` where they have a place. */
export class RunConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'RunConfigError';
  }
}

/** `file` relative to `cwd` when it is below it. */
export function shownPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}

async function load(io: CliIO, file: string, cwd: string, required: boolean): Promise<RunConfig | null> {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    if (required) throw new RunConfigError([`cannot read the configuration ${shownPath(file, cwd)}: ${error.reason}`]);
    return null;
  }
  const parsed = parseMlpyConfig(text);
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  const at = (d: Diagnostic): string =>
    `${shownPath(file, cwd)}:${d.range.start.line + 1}:${d.range.start.column + 1}: ${d.severity} ${d.code}: ${d.message}`;
  if (errors.length > 0) throw new RunConfigError(errors.map(at));
  return { file, config: parsed.config };
}

/** The folders searched for a program in `dir`: dir, its parents, up to a `.git` folder or `/`. */
export function configSearchPath(
  dir: string,
  isRepoRoot: (dir: string) => boolean = (d) => existsSync(path.join(d, '.git')),
): string[] {
  const dirs: string[] = [];
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    dirs.push(d);
    if (isRepoRoot(d) || path.dirname(d) === d) return dirs;
  }
}

/** `explicit` and `programFile` are absolute; `cwd` only shortens the paths in messages. */
export async function findRunConfig(
  io: CliIO,
  programFile: string,
  explicit: string | undefined,
  cwd: string,
): Promise<RunConfig | null> {
  if (explicit !== undefined) return load(io, explicit, cwd, true);
  for (const dir of configSearchPath(path.dirname(programFile))) {
    for (const name of CONFIG_FILE_NAMES) {
      const found = await load(io, path.join(dir, name), cwd, false);
      if (found) return found;
    }
  }
  return null;
}
