// Third step of name resolution: gives every read and callee its symbol and reports unknown names.
// Reading an unknown name is an error (ML301); calling one is only a run-time NameError, so ML302
// is a warning. At a call site a builtin wins over any user binding of the same name (§5).
import type { Diagnostic } from '../diagnostics.js';
import type { Identifier, Node } from '../syntax/ast.js';
import type { Collected } from './collect.js';
import { NAME_CODES, didYouMean, laterWhere, nameDiagnostic, renameFix } from './messages.js';
import { closestName } from './suggest.js';
import type { SymbolTable } from './symbol-table.js';
import type { MlSymbol, Scope } from './types.js';
import { boundBefore, firstOwnDeclaration, visibleSymbols } from './visibility.js';

export interface ResolvedUses {
  /** The symbol of each use, by its index in Collected.uses. */
  symbols: MlSymbol[];
  /** Program symbols that a call bypassed in favour of the builtin of the same name. */
  bypassed: Set<MlSymbol>;
}

/**
 * Resolves every use, in traversal order (which decides the order in which shared symbols are
 * made). `function f(values) { values(1); }` calls the builtin `values`, bypassing the parameter.
 */
export function resolveUses(collected: Collected, table: SymbolTable, diagnostics: Diagnostic[]): ResolvedUses {
  const bypassed = new Set<MlSymbol>();
  const suggest = suggester(table);
  const { identifiers, names, offsets, calls, scopes, loops } = collected.uses;
  const allScopes = collected.scopes;
  const symbols = new Array<MlSymbol>(identifiers.length);
  for (let u = 0; u < identifiers.length; u++) {
    const scope = allScopes[scopes.at(u)]!;
    const loop = loops.at(u);
    const outerLoop = loop < 0 ? null : collected.loops[loop]!;
    const name = names[u]!;
    // The binding visible through the scope chain (inlined lookupInChain: this runs for every use).
    let hit: MlSymbol | undefined;
    let hitScope: Scope | null = null;
    let local = false;
    for (let s: Scope | null = scope; s; s = s.parent) {
      const target = s.nonlocals.size > 0 ? s.nonlocals.get(name) : undefined;
      if (target) {
        hit = target;
        hitScope = s;
        break;
      }
      const own = s.symbols.get(name);
      if (own) {
        hit = own;
        hitScope = s;
        local = true;
        break;
      }
    }
    const call = calls.at(u) === 1;
    if (call && table.builtins.has(name)) {
      if (hit) bypassed.add(hit);
      symbols[u] = table.global(name);
      continue;
    }
    if (hit && !(local && hitScope === scope)) {
      // Found in an enclosing scope (or through `nonlocal`): that code has run by the time this runs.
      symbols[u] = hit;
      continue;
    }
    if (hit && boundBefore(hit, scope, offsets.at(u), outerLoop)) {
      symbols[u] = hit;
      continue;
    }
    if (table.isGloballyBound(name)) {
      // Not yet bound here by the program, but a builtin / null / predefined name covers it.
      symbols[u] = table.global(name);
      continue;
    }
    const use: RawUse = { identifier: identifiers[u]!, role: call ? 'call' : 'read', scope, outerLoop };
    if (hit) {
      symbols[u] = hit;
      diagnostics.push(usedTooEarly(use, hit.declarations[0]?.kind === 'function', laterLine(use, hit)));
      continue;
    }
    symbols[u] = table.global(name);
    diagnostics.push(unknown(use, suggest(use)));
  }
  return { symbols, bypassed };
}

/** A use that is reported, with what the messages and suggestions need. */
interface RawUse {
  identifier: Identifier;
  role: 'read' | 'call';
  scope: Scope;
  outerLoop: Node | null;
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
  return nameDiagnostic(
    NAME_CODES.unknownIdentifier,
    'error',
    `Unknown identifier '${name}': ${why}`,
    use.identifier.range,
  );
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
