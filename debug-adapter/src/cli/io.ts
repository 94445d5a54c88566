// The CLI's only door to the outside world: output streams and files. Commands receive it as a
// parameter so tests run them in-process with a fake; only node-io.ts talks to Node.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a UTF-8 file; rejects with a FileError whose message is fit for users. */
  readFile(path: string): Promise<string>;
  /** Writes a UTF-8 file; rejects with a FileError. */
  writeFile(path: string, text: string): Promise<void>;
}

/** A file that could not be read or written, with a short reason ("no such file", ...). */
export class FileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'FileError';
  }
}
