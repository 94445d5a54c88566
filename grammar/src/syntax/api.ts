// Public parsing API: `parse(source)` → program, diagnostics, tokens, comments. It never throws:
// any internal failure becomes an ML299 diagnostic. One parser instance is created lazily and reused.
import type { Diagnostic } from '../diagnostics.js';
import type { Comment, Program } from './ast.js';
import { AstBuilder } from './builder.js';
import { tokenize } from './lexer.js';
import { LineMap } from './line-map.js';
import { syntaxError } from './messages.js';
import { tooDeep } from './nesting.js';
import { MlParser } from './parser.js';
import { recognitionDiagnostics } from './parser-errors.js';
import { syntaxTokens } from './syntax-tokens.js';
import type { SyntaxToken } from './syntax-tokens.js';

export interface ParseResult {
  program: Program;
  /** Lexer (ML1xx) and parser (ML2xx) diagnostics in source order. */
  diagnostics: Diagnostic[];
  /** Every significant token in order, classified for editors. */
  tokens: SyntaxToken[];
  comments: Comment[];
}

let shared: MlParser | undefined;

/** The parser instance shared by every parse (construction analyses the grammar once). */
export function sharedParser(): MlParser {
  return (shared ??= new MlParser());
}

export function parse(source: string): ParseResult {
  const text = typeof source === 'string' ? source : String(source ?? '');
  try {
    return parseText(text);
  } catch (err) {
    const lines = new LineMap(text);
    const reason = err instanceof Error && err.message ? ` (${err.message.split('\n')[0]})` : '';
    const d = syntaxError('ML299', lines.range(0, 0), `Internal parser error; the file could not be parsed${reason}.`);
    return {
      program: { kind: 'Program', body: [], comments: [], range: lines.range(0, text.length) },
      diagnostics: [d],
      tokens: [],
      comments: [],
    };
  }
}

function parseText(text: string): ParseResult {
  const lines = new LineMap(text);
  const b = new AstBuilder();
  b.lines = lines;
  const lexed = tokenize(text, lines);
  const comments: Comment[] = lexed.comments.map((c) => ({ text: c.image, range: b.range(c) }));
  const program: Program = { kind: 'Program', body: [], comments, range: lines.range(0, text.length) };
  const diagnostics = lexed.diagnostics;
  let namesFromKeywords: ReadonlySet<number> = new Set();

  const deep = tooDeep(lexed.tokens);
  if (deep) {
    diagnostics.push(syntaxError('ML220', b.range(deep)));
  } else {
    const parser = sharedParser();
    const result = parser.parseTokens(lexed.tokens, lines);
    program.body = result.body;
    namesFromKeywords = result.namesFromKeywords;
    const parserDiagnostics = [...result.problems, ...recognitionDiagnostics(result.errors, lexed.tokens, b)];
    diagnostics.push(...dedupe(parserDiagnostics, lexed.diagnostics));
    parser.input = [];
  }
  diagnostics.sort((x, y) => x.range.start.offset - y.range.start.offset);
  return { program, diagnostics, tokens: syntaxTokens(lexed.tokens, namesFromKeywords, b), comments };
}

/**
 * One diagnostic per place: drops a parser diagnostic that starts where another one starts, or
 * right after a lexical error (the lexer already explained that spot).
 */
function dedupe(parser: Diagnostic[], lexical: Diagnostic[]): Diagnostic[] {
  const seen = new Set<number>();
  const lexEnds = new Set(lexical.map((d) => d.range.end.offset));
  const out: Diagnostic[] = [];
  for (const d of parser) {
    const at = d.range.start.offset;
    if (seen.has(at)) continue;
    seen.add(at);
    if (lexical.some((l) => l.range.start.offset <= at && at < l.range.end.offset) || lexEnds.has(at)) continue;
    out.push(d);
  }
  return out;
}
