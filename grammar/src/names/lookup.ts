// Third step of name resolution: gives every read and callee its symbol and reports unknown names.
// Reading an unknown name is an error (ML301); calling one is only a run-time NameError, so ML302
// is a warning. At a call site a builtin wins over any user binding of the same name (§5).
import type { Diagnostic } from '../diagnostics.js';
import { lookupInChain } from './bind.js';
import type { Collected, RawUse } from './collect.js';
import { NAME_CODES, didYouMean, laterWhere, nameDiagnostic, renameFix } from './messages.js';
import { closestName } from './suggest.js';
import type { SymbolTable } from './symbol-table.js';
import type { MlSymbol, Scope } from './types.js';
import { boundBefore, firstOwnDeclaration, visibleSymbols } from './visibility.js';

/**
 * Resolves every use. Returns the program symbols that a call bypassed in favour of the builtin of
 * the same name (`function f(values) { values(1); }` calls the builtin `values`).
 */
export function resolveUses(collected: Collected, table: SymbolTable, diagnostics: Diagnostic[]): Set<MlSymbol> {
  const bypassed = new Set<MlSymbol>();
  const suggest = suggester(table);
  for (const use of collected.uses) {
    const name = use.identifier.name;
    const offset = use.identifier.range.start.offset;
    const hit = lookupInChain(use.scope, name);
    if (use.role === 'call' && table.builtins.has(name)) {
      if (hit) bypassed.add(hit.symbol);
      table.addOccurrence(use.identifier, table.global(name), use.role, use.scope);
      continue;
    }
    if (hit && !(hit.local && hit.scope === use.scope)) {
      // Found in an enclosing scope (or through `nonlocal`): that code has run by the time this runs.
      table.addOccurrence(use.identifier, hit.symbol, use.role, use.scope);
      continue;
    }
    if (hit && boundBefore(hit.symbol, use.scope, offset, use.outerLoop)) {
      table.addOccurrence(use.identifier, hit.symbol, use.role, use.scope);
      continue;
    }
    if (table.isGloballyBound(name)) {
      // Not yet bound here by the program, but a builtin / null / predefined name covers it.
      table.addOccurrence(use.identifier, table.global(name), use.role, use.scope);
      continue;
    }
    if (hit) {
      table.addOccurrence(use.identifier, hit.symbol, use.role, use.scope);
      diagnostics.push(usedTooEarly(use, hit.symbol.declarations[0]?.kind === 'function', laterLine(use, hit.symbol)));
      continue;
    }
    table.addOccurrence(use.identifier, table.global(name), use.role, use.scope);
    diagnostics.push(unknown(use, suggest(use)));
  }
  return bypassed;
}

function laterLine(use: RawUse, symbol: MlSymbol): number {
  const decl = firstOwnDeclaration(symbol, use.scope);
  return (decl?.identifier.range.start.line ?? use.identifier.range.start.line) + 1;
}

function ownerDescription(scope: Scope): string | null {
  if (scope.kind === 'program') return null;
  if (scope.node.kind === 'FunctionDef') return `function '${scope.node.name.name}'`;
  return 'this arrow function';
}

function usedTooEarly(use: RawUse, isFunction: boolean, line: number): Diagnostic {
  const name = use.identifier.name;
  const why = laterWhere(line, ownerDescription(use.scope), isFunction ? 'defined' : 'assigned');
  if (use.role === 'call') {
    return nameDiagnostic(
      NAME_CODES.unknownCallee,
      'warning',
      `'${name}' is called before it exists: ${why}; the call raises NameError`,
      use.identifier.range,
    );
  }
  return nameDiagnostic(NAME_CODES.unknownIdentifier, 'error', `Unknown identifier '${name}': ${why}`, use.identifier.range);
}

/**
 * "Did you mean" for unknown names, over the names visible at the use. Each search scans every
 * visible name, so in a file full of unknown names (pasted text, a missing import) only the first
 * SUGGESTION_BUDGET uses get a suggestion; every one is still reported.
 */
const SUGGESTION_BUDGET = 200;

function suggester(table: SymbolTable): (use: RawUse) => string | undefined {
  let left = SUGGESTION_BUDGET;
  return (use) => {
    if (left <= 0) return undefined;
    left--;
    const candidates = visibleSymbols(use.scope, use.identifier.range.start.offset, use.outerLoop, table)
      .filter((s) => s.kind !== 'unresolved')
      .map((s) => s.name);
    return closestName(use.identifier.name, candidates);
  };
}

function unknown(use: RawUse, suggestion: string | undefined): Diagnostic {
  const name = use.identifier.name;
  const fixes = suggestion === undefined ? undefined : [renameFix(use.identifier, suggestion)];
  if (use.role === 'call') {
    return nameDiagnostic(
      NAME_CODES.unknownCallee,
      'warning',
      `Unknown function '${name}': calling it raises NameError at run time${didYouMean(suggestion)}`,
      use.identifier.range,
      fixes,
    );
  }
  return nameDiagnostic(
    NAME_CODES.unknownIdentifier,
    'error',
    `Unknown identifier '${name}'${didYouMean(suggestion)}`,
    use.identifier.range,
    fixes,
  );
}
