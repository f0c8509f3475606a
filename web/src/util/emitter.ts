// A typed event source: `on` returns the function that unsubscribes. Events are plain objects with a
// `type`; a listener receives exactly the variant it subscribed to.
export class Emitter<E extends { type: string }> {
  private readonly listeners = new Map<E['type'], Set<(event: never) => void>>();
  private readonly everything = new Set<(event: E) => void>();

  on<T extends E['type']>(type: T, listener: (event: Extract<E, { type: T }>) => void): () => void {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener as (event: never) => void);
    return () => set!.delete(listener as (event: never) => void);
  }

  // Every event, whatever its type (for whoever keeps or reports all of them).
  onAny(listener: (event: E) => void): () => void {
    this.everything.add(listener);
    return () => this.everything.delete(listener);
  }

  emit(event: E): void {
    for (const listener of this.listeners.get(event.type as E['type']) ?? []) (listener as (e: E) => void)(event);
    for (const listener of this.everything) listener(event);
  }
}
