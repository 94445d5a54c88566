// Public parsing API: `parse(source)` → program, diagnostics, tokens, comments. It never throws:
// any internal failure becomes an ML299 diagnostic. One parser instance is created lazily and reused.
import type { Diagnostic } from '../diagnostics.js';
import type { Comment, Program } from './ast.js';
import { AstBuilder } from './builder.js';
import { tokenize } from './lexer.js';
import { LineMap } from './line-map.js';
import { syntaxError } from './messages.js';
import { mergeDiagnostics } from './diagnostic-filter.js';
import { MlParser } from './parser.js';
import { recognitionDiagnostics } from './parser-errors.js';
import { emptyTokenTable, materialize, tokenTable } from './syntax-tokens.js';
import type { SyntaxToken, TokenTable } from './syntax-tokens.js';

export interface ParseResult {
  program: Program;
  /** Lexer (ML1xx) and parser (ML2xx) diagnostics in source order. */
  diagnostics: Diagnostic[];
  /** Every significant token in order, classified for editors (materialised on first access). */
  tokens: SyntaxToken[];
  /** The same tokens as columns (made on first access; cheaper than `tokens` when walking them all). */
  tokenTable: TokenTable;
  comments: Comment[];
}

let shared: MlParser | undefined;

/** The parser instance shared by every parse (construction analyses the grammar once). */
export function sharedParser(): MlParser {
  return (shared ??= new MlParser());
}

export function parse(source: string): ParseResult {
  return parseWith(sharedParser(), source);
}

/** `parse` with a given parser instance (tests compare parser configurations). */
export function parseWith(parser: MlParser, source: string): ParseResult {
  const text = typeof source === 'string' ? source : String(source ?? '');
  try {
    return parseText(text, parser);
  } catch (err) {
    const lines = new LineMap(text);
    const reason = err instanceof Error && err.message ? ` (${err.message.split('\n')[0]})` : '';
    const d = syntaxError('ML299', lines.range(0, 0), `Internal parser error; the file could not be parsed${reason}.`);
    return {
      program: { kind: 'Program', body: [], comments: [], range: lines.range(0, text.length) },
      diagnostics: [d],
      tokens: [],
      tokenTable: emptyTokenTable(),
      comments: [],
    };
  }
}

function parseText(text: string, parser: MlParser): ParseResult {
  const lines = new LineMap(text);
  const b = new AstBuilder();
  b.lines = lines;
  const lexed = tokenize(text, lines);
  const comments: Comment[] = lexed.comments.map((c) => ({
    text: c.image,
    range: lines.range(c.startOffset, c.startOffset + c.image.length),
  }));
  const program: Program = { kind: 'Program', body: [], comments, range: lines.range(0, text.length) };
  let diagnostics = lexed.diagnostics;
  let namesFromKeywords: ReadonlySet<number> = new Set();

  if (lexed.tooDeep >= 0 || lexed.tooLong >= 0) {
    const [code, at] = lexed.tooDeep >= 0 ? (['ML220', lexed.tooDeep] as const) : (['ML229', lexed.tooLong] as const);
    const deep = lexed.tokens.token(at);
    diagnostics = [...diagnostics, syntaxError(code, b.range(deep))].sort(
      (x, y) => x.range.start.offset - y.range.start.offset,
    );
  } else {
    const result = parser.parseTokens(lexed.tokens, lines);
    program.body = result.body;
    namesFromKeywords = result.namesFromKeywords;
    const generic = recognitionDiagnostics(result.errors, lexed.tokens, b);
    diagnostics = mergeDiagnostics(lexed.diagnostics, result.problems, generic, lexed.tokens);
  }
  lexed.tokens.dropImages();
  let tokens: SyntaxToken[] | undefined;
  let table: TokenTable | undefined;
  return {
    program,
    diagnostics,
    comments,
    // Built on first use: most consumers never read the token list, and it is a third of the objects.
    get tokens(): SyntaxToken[] {
      return (tokens ??= materialize(this.tokenTable, text, lines));
    },
    get tokenTable(): TokenTable {
      return (table ??= tokenTable(lexed.tokens, namesFromKeywords, lines));
    },
  };
}
