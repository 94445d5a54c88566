// Diagnostics as data: every stage (lexer, parser, names, security, config) reports values of this
// shape to an acceptor; nothing in grammar/ throws on user input.
import type { Range } from './syntax/ast.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Which stage produced a diagnostic. */
export type DiagnosticSource = 'lexer' | 'parser' | 'names' | 'security' | 'capabilities' | 'config' | 'transpiler';

/** A text edit proposed by a quick fix (ranges as in the AST: 0-based, UTF-16 columns). */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface QuickFix {
  title: string;
  edits: TextEdit[];
}

export interface Diagnostic {
  /**
   * Stable code: `ML1xx` lexer, `ML2xx` parser, `ML3xx` names/scopes, `SECxxx` security rules,
   * `CAPxxx` capability model, `CFGxxx` mlpy.yaml, `ML9xx` transpiler. Never renumber a published code.
   */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  source: DiagnosticSource;
  /** Optional machine-applicable fixes (editor quick fixes). */
  fixes?: QuickFix[];
}

export type DiagnosticAcceptor = (diagnostic: Diagnostic) => void;
