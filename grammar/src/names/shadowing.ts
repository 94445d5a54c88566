// ML305: bindings named like a builtin. At a call site the builtin wins (§5), so `len(x)` never calls
// a user's `len`. Functions and assignments are always reported; other bindings (parameters, loop
// and except variables, destructured names, imports) only when a call actually bypasses them.
import type { Diagnostic } from '../diagnostics.js';
import { NAME_CODES, nameDiagnostic } from './messages.js';
import type { MlSymbol, Scope } from './types.js';

export function warnBuiltinShadowing(
  scopes: readonly Scope[],
  builtins: ReadonlySet<string>,
  bypassed: ReadonlySet<MlSymbol>,
  diagnostics: Diagnostic[],
): void {
  for (const scope of scopes) {
    for (const symbol of scope.symbols.values()) {
      if (!builtins.has(symbol.name)) continue;
      const first = symbol.declarations[0];
      if (!first) continue;
      const always = first.kind === 'function' || first.kind === 'variable';
      if (!always && !bypassed.has(symbol)) continue;
      const what = first.kind === 'function' ? `Function '${symbol.name}'` : `'${symbol.name}'`;
      diagnostics.push(
        nameDiagnostic(
          NAME_CODES.shadowsBuiltin,
          'warning',
          `${what} shadows the builtin '${symbol.name}': a call ${symbol.name}(...) still calls the builtin`,
          first.identifier.range,
        ),
      );
    }
  }
}
