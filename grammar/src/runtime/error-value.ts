// The value an `except (e)` clause binds: a read-only view of the caught MLError. `str(e)` is the
// message as Python prints it; `e.message`, `e.type` and the thrown object's keys can be read.
import { MLNative, type MLError, type NativeMethodTable, type Value } from './values.js';

export class MLErrorValue extends MLNative {
  readonly typeName = 'error';
  readonly methods: NativeMethodTable = Object.freeze(Object.create(null) as NativeMethodTable);
  constructor(readonly error: MLError) {
    super();
  }
  override toMLString(): string {
    return this.error.message;
  }
  /** `e.name`: message, type (the error kind), or a key of the thrown object; undefined if none. */
  member(name: string): Value | undefined {
    if (name === 'message') return this.error.message;
    if (name === 'type' || name === 'kind') return this.error.kind;
    const payload = this.error.payload;
    return payload ? payload.map.get(name) : undefined;
  }
}
