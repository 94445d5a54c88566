// User modules (`import a.b;` → `a/b.ml` beside the importing file, ML-LANGUAGE.md §5): where they
// live, their parsed programs (cached per text), and the synchronous loader the analysis wants,
// filled ahead of time. Reads through Workspace; never writes.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import {
  closestName,
  parse,
  resolve,
  STDLIB_MODULE_NAMES,
  type ImportStmt,
  type LoadedModule,
  type ModuleLoader,
  type Program,
  type Resolution,
} from '@mlsec/grammar';
import type { Workspace } from './workspace.js';

export interface ParsedModule {
  file: string;
  text: string;
  program: Program;
  /** Resolved on first use. */
  readonly resolution: Resolution;
}

/** Whether an import names a user module rather than a stdlib one. */
export function isUserImport(stmt: ImportStmt): boolean {
  return !(stmt.path.length === 1 && STDLIB_MODULE_NAMES.has(stmt.path[0]!.name));
}

/** The file a user import refers to, relative to the importing file. */
export function modulePath(fromFile: string, importPath: readonly string[]): string {
  return path.join(path.dirname(fromFile), ...importPath) + '.ml';
}

export function userImports(program: Program): ImportStmt[] {
  return program.body.filter((s): s is ImportStmt => s.kind === 'ImportStmt' && isUserImport(s));
}

function parsedModule(file: string, text: string): ParsedModule {
  const program = parse(text).program;
  let resolution: Resolution | undefined;
  return {
    file,
    text,
    program,
    get resolution(): Resolution {
      return (resolution ??= resolve(program));
    },
  };
}

export interface PreloadedModules {
  loader: ModuleLoader;
  /** Every module file the program reaches (found or not), for invalidation. */
  files: string[];
  /** The imports of the program itself whose file does not exist. */
  missing: MissingImport[];
}

export interface MissingImport {
  stmt: ImportStmt;
  /** The file looked for. */
  file: string;
  /** A close module name (stdlib, or a sibling .ml file), for "did you mean". */
  suggestion: string | undefined;
}

async function siblingModules(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => n.endsWith('.ml')).map((n) => n.slice(0, -3));
  } catch {
    return [];
  }
}

async function suggestModule(stmt: ImportStmt, file: string): Promise<string | undefined> {
  const last = stmt.path[stmt.path.length - 1]!.name;
  const candidates = await siblingModules(path.dirname(file));
  if (stmt.path.length === 1) candidates.push(...STDLIB_MODULE_NAMES);
  const found = closestName(last, candidates);
  return found === undefined ? undefined : [...stmt.path.slice(0, -1).map((p) => p.name), found].join('.');
}

const MAX_MODULES = 200;
/** Parsed files kept (most recently used); workspace-wide searches parse many files once. */
export const RETAINED_MODULES = 64;

export class ModuleCache {
  /** Insertion order is recency: a hit moves the entry to the end. */
  private readonly parsed = new Map<string, ParsedModule>();

  constructor(private readonly workspace: Workspace) {}

  /** The module in `file`, parsed (reusing the last parse while the text is unchanged); undefined when missing. */
  async get(file: string): Promise<ParsedModule | undefined> {
    const text = await this.workspace.readText(file);
    if (text === undefined) {
      this.parsed.delete(file);
      return undefined;
    }
    const cached = this.parsed.get(file);
    this.parsed.delete(file);
    const found = cached && cached.text === text ? cached : parsedModule(file, text);
    this.parsed.set(file, found);
    for (const old of this.parsed.keys()) {
      if (this.parsed.size <= RETAINED_MODULES) break;
      this.parsed.delete(old);
    }
    return found;
  }

  /** Reads every user module reachable from `file` so the analysis can load them synchronously. */
  async preload(file: string, program: Program): Promise<PreloadedModules> {
    const byKey = new Map<string, LoadedModule>();
    const visited = new Set<string>();
    const missing: MissingImport[] = [];
    const key = (from: string, modulePathParts: readonly string[]): string => `${from}\0${modulePathParts.join('.')}`;
    const visit = async (from: string, prog: Program, top: boolean): Promise<void> => {
      for (const stmt of userImports(prog)) {
        const parts = stmt.path.map((p) => p.name);
        const target = modulePath(from, parts);
        const mod = visited.size < MAX_MODULES || visited.has(target) ? await this.get(target) : undefined;
        if (!mod) {
          if (top) missing.push({ stmt, file: target, suggestion: await suggestModule(stmt, target) });
          continue;
        }
        byKey.set(key(from, parts), { file: mod.file, program: mod.program, resolution: mod.resolution });
        if (visited.has(target)) continue;
        visited.add(target);
        await visit(target, mod.program, false);
      }
    };
    await visit(file, program, true);
    return {
      loader: { load: (parts, from) => byKey.get(key(from ?? file, parts)) },
      files: [...visited, ...missing.map((m) => m.file)],
      missing,
    };
  }

  /** Forgets a file's parse (it changed on disk). */
  forget(file: string): void {
    this.parsed.delete(file);
  }
}
