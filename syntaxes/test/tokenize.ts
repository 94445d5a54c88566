// Tokenizes ML source with the real TextMate engine (vscode-textmate + vscode-oniguruma) and renders
// the readable snapshot format used by grammar.test.ts. Test helper only: it never edits the grammar.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import oniguruma from 'vscode-oniguruma';
import vsctm from 'vscode-textmate';

export const GRAMMAR_PATH = fileURLToPath(new URL('../ml.tmLanguage.json', import.meta.url));
const SCOPE = 'source.ml';

/** One token of one line; `scopes` leaves out the root `source.ml`. */
export interface Token {
  line: number;
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

let grammarPromise: Promise<vsctm.IGrammar> | undefined;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const require = createRequire(import.meta.url);
  const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
  const wasm = readFileSync(wasmPath);
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE);
  if (!grammar) throw new Error(`grammar ${SCOPE} did not load from ${GRAMMAR_PATH}`);
  return grammar;
}

/** Tokenizes a whole document line by line, carrying the rule stack across lines. */
export async function tokenize(source: string): Promise<{ lines: string[]; tokens: Token[][] }> {
  grammarPromise ??= loadGrammar();
  const grammar = await grammarPromise;
  const lines = source.split(/\r?\n/);
  const tokens: Token[][] = [];
  let stack = vsctm.INITIAL;
  lines.forEach((text, line) => {
    const result = grammar.tokenizeLine(text, stack);
    stack = result.ruleStack;
    const lineTokens: Token[] = [];
    for (const t of result.tokens) {
      const end = Math.min(t.endIndex, text.length);
      if (end <= t.startIndex) continue;
      const scopes = t.scopes.filter((s) => s !== SCOPE);
      lineTokens.push({ line, start: t.startIndex, end, text: text.slice(t.startIndex, end), scopes });
    }
    tokens.push(lineTokens);
  });
  return { lines, tokens };
}

/**
 * Snapshot text: each source line prefixed with `>`, then one `#` line per token with carets under
 * the token's columns and its scopes. Whitespace that carries only `meta.*` scopes is left out.
 */
export function renderSnapshot(lines: string[], tokens: Token[][]): string {
  const out: string[] = [];
  lines.forEach((text, i) => {
    out.push('>' + text);
    for (const t of tokens[i] ?? []) {
      if (t.text.trim() === '' && t.scopes.every((s) => s.startsWith('meta.'))) continue;
      const scopes = t.scopes.length === 0 ? '(no scope)' : t.scopes.join(' ');
      out.push('#' + ' '.repeat(t.start) + '^'.repeat(t.end - t.start) + ' ' + scopes);
    }
  });
  return out.join('\n') + '\n';
}

/** The tokens covering `[start, end)` of `line`: what a word at that place is coloured as. */
export function tokensAt(tokens: Token[][], line: number, start: number, end: number): Token[] {
  return (tokens[line] ?? []).filter((t) => t.start < end && t.end > start);
}
