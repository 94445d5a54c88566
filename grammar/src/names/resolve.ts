// Entry point of name resolution (ML-LANGUAGE.md §5): scopes, symbols, every identifier occurrence,
// and the ML3xx diagnostics. Never throws on a parsed program, including one recovered from errors.
import type { Diagnostic } from '../diagnostics.js';
import { BUILTIN_NAMES, STDLIB_MODULE_NAMES } from '../stdlib/names.js';
import type { Program } from '../syntax/ast.js';
import { bindScopes } from './bind.js';
import { collect } from './collect.js';
import { resolveUses } from './lookup.js';
import { placeOccurrences } from './occurrences.js';
import { warnBuiltinShadowing } from './shadowing.js';
import { createResolution } from './resolution.js';
import { SymbolTable } from './symbol-table.js';
import type { ResolveEnv, Resolution } from './types.js';

export function resolve(program: Program, env: ResolveEnv = {}): Resolution {
  const collected = collect(program, env.stdlibModules ?? STDLIB_MODULE_NAMES);
  const table = new SymbolTable(env.builtins ?? BUILTIN_NAMES, new Set(env.predefined ?? []));
  const diagnostics: Diagnostic[] = [...collected.diagnostics];
  const bound = bindScopes(collected, table, diagnostics);
  const uses = resolveUses(collected, table, diagnostics);
  warnBuiltinShadowing(collected.scopes, table.builtins, uses.bypassed, diagnostics);
  diagnostics.sort((a, b) => a.range.start.offset - b.range.start.offset || a.code.localeCompare(b.code));
  return createResolution(program, collected, table, diagnostics, placeOccurrences(collected, bound, uses));
}
