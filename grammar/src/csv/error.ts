// The one error the shared CSV code throws: a Python error kind and message that the runtime turns
// into an ML error and the host bridges into a BridgeError. Carries no host detail.

/** Bad CSV input or arguments, reported the way Python's csv module reports them. */
export class CsvError extends Error {
  constructor(
    readonly kind: 'TypeError' | 'ValueError',
    message: string,
  ) {
    // No `this.name = ...`: inside the isolate Error.prototype is frozen, and assigning a property
    // that a frozen prototype holds throws in strict code.
    super(message);
  }
}
