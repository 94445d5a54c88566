// Types of name resolution: scopes, symbols, declarations and occurrences, keyed by AST node identity.
// Pure data plus the query interface; the algorithms live in collect.ts, bind.ts and lookup.ts.
import type { Diagnostic } from '../diagnostics.js';
import type { ArrowFunction, FunctionDef, Identifier, Node, Program } from '../syntax/ast.js';

/** What kind of binding a symbol is (from its first declaration) or where it comes from. */
export type SymbolKind =
  | 'variable'
  | 'parameter'
  | 'function'
  | 'import'
  | 'for-variable'
  | 'except-variable'
  | 'destructured'
  | 'builtin'
  /** `null` / `undefined` when the program does not bind them itself. */
  | 'implicit'
  /** A name the host declares visible (REPL, debugger evaluate in a frame). */
  | 'predefined'
  /** A name used but bound nowhere (reported as ML301 / ML302). */
  | 'unresolved';

/** The kinds a binding occurrence in source can have. */
export type DeclarationKind = Extract<
  SymbolKind,
  'variable' | 'parameter' | 'function' | 'import' | 'for-variable' | 'except-variable' | 'destructured'
>;

export type ScopeKind = 'program' | 'function' | 'arrow';

export interface Scope {
  readonly id: number;
  readonly kind: ScopeKind;
  readonly node: Program | FunctionDef | ArrowFunction;
  readonly parent: Scope | null;
  readonly children: Scope[];
  /** Offsets covered by the scope: a function's parameters and body (not its name). */
  readonly start: number;
  readonly end: number;
  /** Symbols owned by this scope (its locals), by name. Names declared `nonlocal` here are not in it. */
  readonly symbols: Map<string, MlSymbol>;
  /** Names declared `nonlocal` in this scope, with the symbol they refer to (null when unresolved). */
  readonly nonlocals: Map<string, MlSymbol | null>;
}

/** Where an imported module comes from. `path` is the dotted path as written (`['lib', 'stats']`). */
export interface ImportInfo {
  path: string[];
  source: 'stdlib' | 'user';
}

/** One binding occurrence of a symbol in source. */
export interface Declaration {
  identifier: Identifier;
  kind: DeclarationKind;
  /** The statement, parameter or clause that binds. */
  node: Node;
  /** The scope whose code performs the binding (differs from the symbol's scope for `nonlocal` writes). */
  scope: Scope;
  /** Offset from which the binding holds for code of `scope` that runs in source order. */
  effectiveOffset: number;
  /** The outermost loop of `scope` containing the binding (a later iteration sees it earlier). */
  outerLoop: Node | null;
}

export type OccurrenceRole = 'declaration' | 'read' | 'call' | 'nonlocal';

/** Any identifier occurrence that names a symbol. */
export interface Occurrence {
  identifier: Identifier;
  symbol: MlSymbol;
  role: OccurrenceRole;
  /** The scope whose code contains the occurrence. */
  scope: Scope;
}

export interface MlSymbol {
  readonly id: number;
  readonly name: string;
  readonly kind: SymbolKind;
  /** Owning scope; null for builtins, implicit, predefined and unresolved names. */
  readonly scope: Scope | null;
  /** Binding occurrences in source order (empty for builtins and friends). */
  readonly declarations: Declaration[];
  /** Every occurrence (declarations, reads, calls, nonlocal names) in source order. */
  readonly occurrences: Occurrence[];
  /** Set for symbols of kind `import`. */
  readonly importInfo?: ImportInfo;
}

/** Facts the host supplies; every field is optional and defaults to the stdlib's lists. */
export interface ResolveEnv {
  builtins?: ReadonlySet<string>;
  stdlibModules?: ReadonlySet<string>;
  /** Extra names to treat as bound before the program starts (REPL history, a debugger frame). */
  predefined?: Iterable<string>;
}

export interface ReferenceOptions {
  /** Include the binding occurrences (default true). */
  includeDeclarations?: boolean;
}

/** The result of `resolve()`: scopes, symbols, diagnostics and position queries. */
export interface Resolution {
  readonly program: Program;
  readonly root: Scope;
  /** Every scope in pre-order (root first). */
  readonly scopes: readonly Scope[];
  /** Every symbol created so far, in creation order (builtins appear once used or queried). */
  readonly symbols: readonly MlSymbol[];
  readonly diagnostics: readonly Diagnostic[];
  /** The occurrence of an identifier node (identity), if it names a symbol. */
  occurrenceOf(identifier: Identifier): Occurrence | undefined;
  symbolOf(identifier: Identifier): MlSymbol | undefined;
  /** The occurrence whose identifier contains `offset` (or ends exactly at it). */
  occurrenceAt(offset: number): Occurrence | undefined;
  symbolAt(offset: number): MlSymbol | undefined;
  /** Go-to-definition: the first declaration of the symbol the identifier names (none for builtins). */
  definitionOf(identifier: Identifier): Declaration | undefined;
  /** Every occurrence of the symbol in source order. */
  referencesOf(symbol: MlSymbol, options?: ReferenceOptions): Occurrence[];
  /** The innermost scope containing `offset`. */
  scopeAt(offset: number): Scope;
  /** Names usable at `offset` (innermost binding per name), including builtins and null/undefined. */
  visibleNames(offset: number): MlSymbol[];
  /** The symbol for a builtin name (created on demand); undefined when the name is no builtin. */
  builtinSymbol(name: string): MlSymbol | undefined;
}
