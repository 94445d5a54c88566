// textDocument/signatureHelp for stdlib functions, methods of values of known type, user functions
// and functions of imported user modules. Finds the open call from the tokens (so it works while the
// arguments are half typed); the documentation says which capabilities the function needs.
import type { ArrowFunction, FunctionDef, SyntaxToken } from '@mlsec/grammar';
import { MarkupKind, type Position, type SignatureHelp, type SignatureInformation } from 'vscode-languageserver';
import { chainStart, expressionOf, tokenIndexAt } from './cursor.js';
import type { DocumentAnalysis } from './document-analysis.js';
import { moduleFunction } from './module-analysis.js';
import { topLevelName } from './module-symbols.js';
import { modulePath, type ModuleCache } from './modules.js';
import { callableMarkdown, parameterText, signatureText } from './stdlib-text.js';
import { resolutionAt } from './repair.js';
import { expressionType } from './value-types.js';

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };

/** The `(` of the innermost call still open at token index `end`, and the commas before the cursor. */
function openCall(tokens: readonly SyntaxToken[], end: number): { paren: number; commas: number } | undefined {
  const stack: string[] = [];
  let commas = 0;
  for (let i = end - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind !== 'punctuation') continue;
    if (t.text in CLOSERS) stack.push(CLOSERS[t.text]!);
    else if (t.text === '(' || t.text === '[' || t.text === '{') {
      if (stack.length === 0) return t.text === '(' ? { paren: i, commas } : undefined;
      stack.pop();
    } else if (t.text === ',' && stack.length === 0) commas++;
    else if (t.text === ';' && stack.length === 0) return undefined;
  }
  return undefined;
}

function userSignature(node: FunctionDef | ArrowFunction, label: string, doc: string): SignatureInformation {
  const params = node.params.map((p) => p.name.name);
  return {
    label: `${label}(${params.join(', ')})`,
    parameters: params.map((p) => ({ label: p })),
    documentation: { kind: MarkupKind.Markdown, value: doc },
  };
}

function needs(list: readonly string[] | undefined): string {
  return list && list.length > 0 ? `Needs ${list.map((c) => `\`${c}\``).join(', ')}.` : 'Needs no capability.';
}

export async function signatureHelp(
  a: DocumentAnalysis,
  position: Position,
  modules: ModuleCache,
): Promise<SignatureHelp | null> {
  const offset = a.offsetAt(position);
  const tokens = a.tokens;
  const call = openCall(tokens, tokenIndexAt(tokens, offset));
  if (!call) return null;
  const first = chainStart(tokens, call.paren - 1);
  if (first < 0) return null;
  const callee = expressionOf(a.text, tokens, first, call.paren - 1);
  if (!callee) return null;
  const visible = new Map(
    resolutionAt(a, offset)
      .visibleNames(offset)
      .map((s) => [s.name, s]),
  );
  const type = expressionType(callee, (id) => visible.get(id.name));
  let signature: SignatureInformation | undefined;
  let variadic = -1;
  if (type?.kind === 'stdlib-function' || type?.kind === 'method') {
    const spec = type.spec;
    signature = {
      label: signatureText(spec),
      parameters: spec.params.map((p) => ({ label: parameterText(p) })),
      documentation: { kind: MarkupKind.Markdown, value: callableMarkdown(spec) },
    };
    variadic = spec.params.findIndex((p) => p.variadic === 'positional');
  } else if (type?.kind === 'user-function') {
    const node = type.node;
    const name = node.kind === 'FunctionDef' ? node.name.name : 'fn';
    const entry =
      node.kind === 'FunctionDef'
        ? a.security.capabilities.functions.find((f) => f.range.start.offset === node.name.range.start.offset)
        : undefined;
    signature = userSignature(node, name, needs(entry?.transitive));
  } else if (type?.kind === 'module-member') {
    const mod = await modules.get(modulePath(a.context.file, type.path));
    const entry = mod && topLevelName(mod, type.name);
    if (mod && entry?.declaration.node.kind === 'FunctionDef') {
      const label = `${type.path[type.path.length - 1]}.${type.name}`;
      signature = userSignature(entry.declaration.node, label, needs(moduleFunction(a, mod, type.name)?.transitive));
    }
  }
  if (!signature) return null;
  const active = variadic >= 0 ? Math.min(call.commas, variadic) : call.commas;
  return { signatures: [signature], activeSignature: 0, activeParameter: active };
}
