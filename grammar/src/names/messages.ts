// The names pass's diagnostic codes and message texts (ML3xx). One table so codes stay stable and
// messages consistent; this file builds Diagnostic values and must not decide when to report them.
import type { Diagnostic, QuickFix, Severity } from '../diagnostics.js';
import type { Identifier, Range } from '../syntax/ast.js';

export const NAME_CODES = {
  /** Reading a name bound nowhere visible (error). */
  unknownIdentifier: 'ML301',
  /** Calling a name bound nowhere visible: a run-time NameError, so a warning (§5). */
  unknownCallee: 'ML302',
  /** `break` / `continue` outside a loop of the same function (error). */
  loopControlOutsideLoop: 'ML303',
  /** `nonlocal x` with no binding of `x` in an enclosing function or at the top level (error). */
  nonlocalUnbound: 'ML304',
  /** A function or assignment named like a builtin, or another binding a call bypasses (warning). */
  shadowsBuiltin: 'ML305',
  /** `nonlocal` at the top level (error). */
  nonlocalAtTopLevel: 'ML306',
  /** The same parameter name twice in one parameter list (error). */
  duplicateParameter: 'ML307',
  /** `nonlocal p` where `p` is a parameter of the same function (error). */
  nonlocalParameter: 'ML308',
} as const;

export function nameDiagnostic(
  code: string,
  severity: Severity,
  message: string,
  range: Range,
  fixes?: QuickFix[],
): Diagnostic {
  const d: Diagnostic = { code, severity, message, range, source: 'names' };
  if (fixes && fixes.length > 0) d.fixes = fixes;
  return d;
}

/** A quick fix replacing the identifier by a suggested name. */
export function renameFix(identifier: Identifier, suggestion: string): QuickFix {
  return { title: `Change to '${suggestion}'`, edits: [{ range: identifier.range, newText: suggestion }] };
}

export function didYouMean(suggestion: string | undefined): string {
  return suggestion === undefined ? '' : `. Did you mean '${suggestion}'?`;
}

/**
 * Why a name bound only after its use is not visible there. `owner` describes the function whose
 * local it is ("function 'f'", "this arrow function"), or null at the top level.
 */
export function laterWhere(line: number, owner: string | null, verb: 'assigned' | 'defined'): string {
  return owner === null
    ? `it is ${verb} only later in the file (line ${line}), and the top level runs in order`
    : `it is ${verb} only later in ${owner} (line ${line}), which makes it local there`;
}
