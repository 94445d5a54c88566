// Every request handler runs through here: a cancelled request answers RequestCancelled, a failure
// in one feature becomes that request's error (and a log line), and the server keeps serving.
import {
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import { cancelledError, RequestCancelled, throwIfCancelled } from './progress.js';

/** `workDone` reports on the client's work-done token (the library takes it out of the params). */
export type Handler<P, R> = (
  params: P,
  token: CancellationToken,
  workDone: WorkDoneProgressReporter | undefined,
) => Promise<R> | R;

export function guard<P, R>(
  connection: Connection,
  feature: string,
  handler: Handler<P, R>,
): (params: P, token: CancellationToken, workDone?: WorkDoneProgressReporter) => Promise<R | ResponseError<never>> {
  return async (params, token, workDone) => {
    try {
      throwIfCancelled(token);
      const result = await handler(params, token, workDone);
      throwIfCancelled(token);
      return result;
    } catch (error) {
      if (error instanceof RequestCancelled) return cancelledError();
      if (error instanceof ResponseError) return error as ResponseError<never>;
      const message = error instanceof Error ? error.message : String(error);
      connection.console.error(`${feature} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      return new ResponseError<never>(ErrorCodes.InternalError, `${feature} failed: ${message}`);
    }
  };
}
