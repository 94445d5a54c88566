// Raising ML run-time errors, and turning anything a JS engine may throw into an MLError.
// Must not capture JS stacks or expose host details in messages: MLError is not a JS Error.
import { MLError, MLObject, type ErrorKind } from './values.js';

/** Throws an ML error of the given Python-style kind. */
export function raise(kind: ErrorKind, message: string): never {
  throw new MLError(kind, message);
}

/** Error kinds that end the run: ML `try/except` never catches them. */
const UNCATCHABLE: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'SandboxTimeoutError',
  'SandboxMemoryError',
  'SandboxOutputLimitError',
]);

export function isCatchable(e: MLError): boolean {
  return !UNCATCHABLE.has(e.kind);
}

/**
 * Normalises any thrown value into an MLError. Engine errors (stack overflow, invalid string or
 * array length) become RecursionError / MemoryError; anything else is an internal error whose
 * message names no host detail.
 */
export function toMLError(e: unknown): MLError {
  if (e instanceof MLError) return e;
  const stop = hostStop(e);
  if (stop) return stop;
  if (e instanceof RangeError) {
    const m = String(e.message);
    if (m.includes('call stack')) return new MLError('RecursionError', 'maximum recursion depth exceeded');
    if (m.includes('Invalid string length') || m.includes('Invalid array length') || m.includes('allocation')) {
      return new MLError('MemoryError', 'out of memory: value too large');
    }
    if (m.includes('BigInt')) return new MLError('OverflowError', 'integer too large');
    return new MLError('ValueError', m);
  }
  return new MLError('RuntimeError', 'internal runtime error');
}

/**
 * A host callback ends the run by throwing an error whose message is `<Kind>: <text>` with Kind
 * one of the uncatchable sandbox kinds (the error may come from another realm, so no instanceof).
 */
function hostStop(e: unknown): MLError | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const message = (e as { message?: unknown }).message;
  if (typeof message !== 'string') return undefined;
  const m = /^(Sandbox(?:Timeout|Memory|OutputLimit)Error): ([\s\S]*)$/.exec(message);
  return m ? new MLError(m[1] as ErrorKind, m[2]!) : undefined;
}

/** The error raised by `throw {message: ..., ...}`; the object stays attached as the payload. */
export function userError(payload: MLObject, messageText: string | null): MLError {
  return new MLError('MLUserError', messageText ?? 'User-defined exception', payload);
}
