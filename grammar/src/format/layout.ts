// Runs the printer over a parsed, error-free program: prepares the token and comment anchors from the
// parser's output and returns the laid-out text. It does not verify the result; format.ts does.
import type { Comment, Program, Range } from '../syntax/ast.js';
import { printProgram } from './print-stmt.js';
import { Writer, type SourceComment, type SourceToken } from './writer.js';
import { tokenIndexAt } from '../syntax/syntax-tokens.js';

/** The parser output the formatter needs (what `parse()` returns, plus the text). */
export interface FormatInput {
  source: string;
  program: Program;
  /** Significant tokens in source order, comments excluded (`parse().tokens`). */
  tokens: readonly { text: string; range: Range }[];
}

export interface FormatOptions {
  /** One indentation level (default two spaces). */
  indent?: string;
}

export interface Layout {
  text: string;
  /** The output's lines as laid out (a multi-line string token stays inside one entry). */
  lines: readonly string[];
  ok: boolean;
  /** Output line of every source token, by token index. */
  tokenLines: readonly number[];
  sourceTokens: readonly SourceToken[];
}

export function sourceTokens(input: FormatInput): SourceToken[] {
  return input.tokens.map((t) => ({
    image: t.text,
    startOffset: t.range.start.offset,
    startLine: t.range.start.line,
    endLine: t.range.end.line,
  }));
}

export { tokenIndexAt };

function anchorComments(
  input: FormatInput,
  tokens: readonly SourceToken[],
  comments: readonly Comment[],
): SourceComment[] {
  return comments.map((c) => {
    const anchor = tokenIndexAt(input.tokens, c.range.start.offset);
    const before = tokens[anchor - 1];
    return {
      text: c.text.trimEnd(),
      line: c.range.start.line,
      anchor,
      trailing: before !== undefined && before.endLine === c.range.start.line,
    };
  });
}

export function layout(input: FormatInput, options: FormatOptions = {}): Layout {
  const tokens = sourceTokens(input);
  const writer = new Writer(tokens, anchorComments(input, tokens, input.program.comments), options.indent ?? '  ');
  printProgram(input.program, writer);
  const text = writer.finish();
  return { text, lines: writer.outputLines, ok: writer.ok, tokenLines: writer.tokenLines, sourceTokens: tokens };
}
