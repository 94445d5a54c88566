// Creates and owns the symbols of one resolution: program symbols per scope, plus one shared symbol
// per builtin, implicit (`null`/`undefined`), predefined and unresolved name, made on first use.
import type { ImportInfo, MlSymbol, Scope, SymbolKind } from './types.js';

/** The names that evaluate to null unless the program binds them (ML-LANGUAGE.md §1). */
export const IMPLICIT_NAMES: ReadonlySet<string> = new Set(['null', 'undefined']);

type SharedKind = 'predefined' | 'builtin' | 'implicit' | 'unresolved';

export class SymbolTable {
  readonly symbols: MlSymbol[] = [];
  /** What `global` answered for each name so far. */
  private readonly globals = new Map<string, MlSymbol>();
  private readonly shared: Record<SharedKind, Map<string, MlSymbol>> = {
    predefined: new Map(),
    builtin: new Map(),
    implicit: new Map(),
    unresolved: new Map(),
  };

  constructor(
    readonly builtins: ReadonlySet<string>,
    readonly predefined: ReadonlySet<string>,
  ) {}

  /** A new symbol owned by `scope` (registered in `scope.symbols`). */
  local(name: string, kind: SymbolKind, scope: Scope, importInfo?: ImportInfo): MlSymbol {
    const symbol = this.make(name, kind, scope, importInfo);
    scope.symbols.set(name, symbol);
    return symbol;
  }

  /** The shared symbol for a name no scope binds, by the order of precedence of §5. */
  global(name: string): MlSymbol {
    let symbol = this.globals.get(name);
    if (symbol === undefined) {
      if (this.predefined.size > 0 && this.predefined.has(name)) symbol = this.sharedSymbol('predefined', name);
      else if (this.builtins.has(name)) symbol = this.sharedSymbol('builtin', name);
      else if (IMPLICIT_NAMES.has(name)) symbol = this.sharedSymbol('implicit', name);
      else symbol = this.sharedSymbol('unresolved', name);
      this.globals.set(name, symbol);
    }
    return symbol;
  }

  builtin(name: string): MlSymbol | undefined {
    return this.builtins.has(name) ? this.sharedSymbol('builtin', name) : undefined;
  }

  /** Whether `global(name)` would find a real binding (anything but `unresolved`). */
  isGloballyBound(name: string): boolean {
    return this.predefined.has(name) || this.builtins.has(name) || IMPLICIT_NAMES.has(name);
  }

  private sharedSymbol(kind: SharedKind, name: string): MlSymbol {
    const byName = this.shared[kind];
    let symbol = byName.get(name);
    if (!symbol) {
      symbol = this.make(name, kind, null);
      byName.set(name, symbol);
    }
    return symbol;
  }

  private make(name: string, kind: SymbolKind, scope: Scope | null, importInfo?: ImportInfo): MlSymbol {
    const symbol: MlSymbol = importInfo
      ? { id: this.symbols.length, name, kind, scope, declarations: [], occurrences: [], importInfo }
      : { id: this.symbols.length, name, kind, scope, declarations: [], occurrences: [] };
    this.symbols.push(symbol);
    return symbol;
  }
}
