// A typed event emitter: event names and payload types checked at compile time (no string-typed
// `emit('stoped')` mistakes). Synchronous delivery, in registration order.
export class TypedEmitter<Events extends object> {
  private readonly listeners = new Map<keyof Events, ((payload: never) => void)[]>();

  on<K extends keyof Events>(event: K, listener: (payload: Events[K]) => void): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (payload: never) => void);
    this.listeners.set(event, list);
    return this;
  }

  protected emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (p: Events[K]) => void)(payload);
  }
}
