// Splits the stdout of `mlsec run --json` into program output (streamed as it arrives) and the final
// run result. Accepts the result as one compact JSON line or as pretty-printed JSON at the end.
// Pure: fed with text chunks, it never touches processes or the editor.
import { readRunResult, type RunResultView } from './run-result.js';

export class RunOutputParser {
  private partial = '';
  /** Lines held back because they may start a pretty-printed result (from a line `{` on). */
  private held: string[] = [];
  private result: RunResultView | null = null;
  private streamed = false;

  constructor(private readonly emit: (text: string) => void) {}

  /** Feeds a chunk of stdout; complete lines that are program output are emitted at once. */
  feed(chunk: string): void {
    const text = this.partial + chunk;
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.line(line);
  }

  /** Ends the stream; returns the run result if one was found. */
  finish(): RunResultView | null {
    if (this.partial !== '') {
      const last = this.partial;
      this.partial = '';
      this.line(last, false);
    }
    if (this.held.length > 0) {
      const held = this.held;
      this.held = [];
      const parsed = this.result === null ? parseResult(held.join('\n')) : null;
      if (parsed) this.result = parsed;
      else this.output(held.map((l) => l + '\n').join(''));
    }
    return this.result;
  }

  /** Whether any program output was emitted from stdout (a buffered result carries it instead). */
  get streamedOutput(): boolean {
    return this.streamed;
  }

  private line(line: string, newline = true): void {
    if (this.held.length > 0 || line.trimEnd() === '{') {
      this.held.push(line);
      return;
    }
    const parsed = line.trimStart().startsWith('{') ? parseResult(line) : null;
    if (parsed) {
      this.result = parsed;
      return;
    }
    this.output(newline ? line + '\n' : line);
  }

  private output(text: string): void {
    if (text === '') return;
    this.streamed = true;
    this.emit(text);
  }
}

function parseResult(text: string): RunResultView | null {
  try {
    return readRunResult(JSON.parse(text));
  } catch {
    return null;
  }
}
