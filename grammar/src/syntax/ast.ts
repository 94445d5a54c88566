// The ML abstract syntax tree: typed nodes, each with an exact source range.
// Pure data (JSON-serialisable, no methods, no parent pointers) so that snapshots, workers and the
// language server can pass it around; tools needing parents build them on the side (see visit.ts).

/**
 * A point in a document. `line` and `column` are 0-based, and `column` counts UTF-16 code units,
 * exactly like LSP positions, so ranges flow to editors without conversion. `offset` is the 0-based
 * UTF-16 index into the source string. Human-facing messages add 1 to line and column.
 */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** Half-open range: `end` is the position just after the last character. */
export interface Range {
  start: Position;
  end: Position;
}

interface NodeBase {
  range: Range;
}

/** An identifier as written in source (a name use, a binding, a key or a member name). */
export interface Identifier extends NodeBase {
  kind: 'Identifier';
  name: string;
}

// ---------------------------------------------------------------------------------------------
// Program and top-level declarations
// ---------------------------------------------------------------------------------------------

export interface Comment {
  /** The comment text including the leading `//`, without the line break. */
  text: string;
  range: Range;
}

export interface Program extends NodeBase {
  kind: 'Program';
  body: TopLevelStatement[];
  /** Every `//` comment in source order (comments are not attached to nodes). */
  comments: Comment[];
}

export type TopLevelStatement = CapabilityDecl | ImportStmt | Statement;

/** `capability NAME { resource "..."; allow read "..."; }` */
export interface CapabilityDecl extends NodeBase {
  kind: 'CapabilityDecl';
  name: Identifier;
  items: CapabilityItem[];
}

export type CapabilityItem = CapabilityResource | CapabilityAllow;

export interface CapabilityResource extends NodeBase {
  kind: 'CapabilityResource';
  pattern: StringLiteral;
}

export type Permission = 'read' | 'write' | 'execute' | 'network' | 'system';

export interface CapabilityAllow extends NodeBase {
  kind: 'CapabilityAllow';
  permission: Permission;
  /** Range of the permission word. */
  permissionRange: Range;
  target: StringLiteral | null;
}

/** `import a.b.c as d;` — `path` holds `a`, `b`, `c`. */
export interface ImportStmt extends NodeBase {
  kind: 'ImportStmt';
  path: Identifier[];
  alias: Identifier | null;
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

export type Statement =
  | ExpressionStmt
  | AssignStmt
  | ArrayDestructureStmt
  | ObjectDestructureStmt
  | FunctionDef
  | IfStmt
  | WhileStmt
  | ForStmt
  | ReturnStmt
  | ThrowStmt
  | TryStmt
  | BreakStmt
  | ContinueStmt
  | NonlocalStmt;

export interface ExpressionStmt extends NodeBase {
  kind: 'ExpressionStmt';
  expression: Expression;
}

export type AssignTarget = Identifier | MemberExpr | IndexExpr;

export interface AssignStmt extends NodeBase {
  kind: 'AssignStmt';
  target: AssignTarget;
  value: Expression;
}

/** `[a, b] = expr;` */
export interface ArrayDestructureStmt extends NodeBase {
  kind: 'ArrayDestructureStmt';
  names: Identifier[];
  value: Expression;
}

/** `{a, b} = expr;` */
export interface ObjectDestructureStmt extends NodeBase {
  kind: 'ObjectDestructureStmt';
  names: Identifier[];
  value: Expression;
}

export interface Parameter extends NodeBase {
  kind: 'Parameter';
  name: Identifier;
  /** `x: int` — parsed and ignored by the language. */
  annotation: Identifier | null;
}

export interface FunctionDef extends NodeBase {
  kind: 'FunctionDef';
  name: Identifier;
  params: Parameter[];
  body: Block;
}

export interface Block extends NodeBase {
  kind: 'Block';
  body: Statement[];
}

export interface ElifClause extends NodeBase {
  kind: 'ElifClause';
  condition: Expression;
  body: Block;
}

export interface IfStmt extends NodeBase {
  kind: 'IfStmt';
  condition: Expression;
  then: Block;
  elifs: ElifClause[];
  else: Block | null;
}

export interface WhileStmt extends NodeBase {
  kind: 'WhileStmt';
  condition: Expression;
  body: Block;
}

/** `for (x in e) { ... }` */
export interface ForStmt extends NodeBase {
  kind: 'ForStmt';
  variable: Identifier;
  iterable: Expression;
  body: Block;
}

export interface ReturnStmt extends NodeBase {
  kind: 'ReturnStmt';
  value: Expression | null;
}

/** `throw {message: "m"};` — the grammar only admits an object literal. */
export interface ThrowStmt extends NodeBase {
  kind: 'ThrowStmt';
  value: ObjectLiteral;
}

export interface ExceptClause extends NodeBase {
  kind: 'ExceptClause';
  variable: Identifier | null;
  body: Block;
}

export interface TryStmt extends NodeBase {
  kind: 'TryStmt';
  body: Block;
  handlers: ExceptClause[];
  finally: Block | null;
}

export interface BreakStmt extends NodeBase {
  kind: 'BreakStmt';
}

export interface ContinueStmt extends NodeBase {
  kind: 'ContinueStmt';
}

export interface NonlocalStmt extends NodeBase {
  kind: 'NonlocalStmt';
  names: Identifier[];
}

// ---------------------------------------------------------------------------------------------
// Expressions
// ---------------------------------------------------------------------------------------------

export type Expression =
  | NumberLiteral
  | StringLiteral
  | BooleanLiteral
  | Identifier
  | ArrayLiteral
  | ObjectLiteral
  | ArrowFunction
  | ParenExpr
  | UnaryExpr
  | BinaryExpr
  | ConditionalExpr
  | MemberExpr
  | IndexExpr
  | SliceExpr
  | CallExpr
  | ErrorExpr;

/**
 * A number literal. `raw` is the source text including a sign that belongs to the literal
 * (`-5`, `+2.5`); `isFloat` is true when it has a `.` or an exponent. The value is kept as text
 * so that big ints survive JSON; use `numberValue()` in literals.ts to evaluate it.
 */
export interface NumberLiteral extends NodeBase {
  kind: 'NumberLiteral';
  raw: string;
  isFloat: boolean;
}

/** A string literal; `value` has escapes interpreted (ML-LANGUAGE.md §1), `raw` is the source text with quotes. */
export interface StringLiteral extends NodeBase {
  kind: 'StringLiteral';
  value: string;
  raw: string;
}

export interface BooleanLiteral extends NodeBase {
  kind: 'BooleanLiteral';
  value: boolean;
}

export interface ArrayLiteral extends NodeBase {
  kind: 'ArrayLiteral';
  elements: Expression[];
}

export interface ObjectProperty extends NodeBase {
  kind: 'ObjectProperty';
  /** The key: an identifier or a string literal (`{"a b": 1}`); `keyName` is its text either way. */
  key: Identifier | StringLiteral;
  keyName: string;
  value: Expression;
}

export interface ObjectLiteral extends NodeBase {
  kind: 'ObjectLiteral';
  properties: ObjectProperty[];
}

/** `fn(a, b) => expr` or `fn(a) => { statements }`. */
export interface ArrowFunction extends NodeBase {
  kind: 'ArrowFunction';
  params: Parameter[];
  body: Expression | Block;
}

/** `( expression )` — kept so ranges, the printer and the `//` rule see the parentheses. */
export interface ParenExpr extends NodeBase {
  kind: 'ParenExpr';
  expression: Expression;
}

export type UnaryOperator = '!' | '-';

export interface UnaryExpr extends NodeBase {
  kind: 'UnaryExpr';
  operator: UnaryOperator;
  operand: Expression;
}

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '//' | '%';

export interface BinaryExpr extends NodeBase {
  kind: 'BinaryExpr';
  operator: BinaryOperator;
  /** Range of the operator token itself (for diagnostics such as SEC016). */
  operatorRange: Range;
  left: Expression;
  right: Expression;
}

/** `test ? consequent : alternate` (right-associative, loosest binding). */
export interface ConditionalExpr extends NodeBase {
  kind: 'ConditionalExpr';
  test: Expression;
  consequent: Expression;
  alternate: Expression;
}

/** `object.property` */
export interface MemberExpr extends NodeBase {
  kind: 'MemberExpr';
  object: Expression;
  property: Identifier;
}

/** `object[index]` */
export interface IndexExpr extends NodeBase {
  kind: 'IndexExpr';
  object: Expression;
  index: Expression;
}

/** `object[start:stop:step]`, every part optional. */
export interface SliceExpr extends NodeBase {
  kind: 'SliceExpr';
  object: Expression;
  start: Expression | null;
  stop: Expression | null;
  step: Expression | null;
}

/** A call; the grammar only allows an identifier or a member as callee. */
export interface CallExpr extends NodeBase {
  kind: 'CallExpr';
  callee: Identifier | MemberExpr;
  args: Expression[];
}

/** Placeholder produced by error recovery where an expression was expected but missing. */
export interface ErrorExpr extends NodeBase {
  kind: 'ErrorExpr';
}

export type Node =
  | Program
  | TopLevelStatement
  | CapabilityItem
  | Block
  | ElifClause
  | ExceptClause
  | Parameter
  | ObjectProperty
  | Expression;

export type NodeKind = Node['kind'];
