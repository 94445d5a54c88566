// Work-done progress and cancellation for workspace-wide requests: reports `$/progress` on the token
// the client sent, and yields to the event loop between files so a cancel can arrive and be honoured.
import {
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';

export class RequestCancelled extends Error {
  constructor() {
    super('request cancelled');
  }
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new RequestCancelled();
}

export function cancelledError(): ResponseError<never> {
  return new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/** Lets pending messages (such as $/cancelRequest) be read before continuing. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Runs `each` over `items` with progress, yielding between items and stopping when cancelled. */
export async function forEachWithProgress<T>(
  items: readonly T[],
  reporter: WorkDoneProgressReporter | undefined,
  title: string,
  token: CancellationToken | undefined,
  each: (item: T) => Promise<void> | void,
): Promise<void> {
  reporter?.begin(title, 0, undefined, true);
  try {
    for (const [i, item] of items.entries()) {
      throwIfCancelled(token);
      await each(item);
      if (i % 20 === 19) {
        reporter?.report(Math.round(((i + 1) / items.length) * 100), `${i + 1}/${items.length} files`);
        await yieldToEventLoop();
      }
    }
  } finally {
    reporter?.done();
  }
}
