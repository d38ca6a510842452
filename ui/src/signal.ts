// A value the views observe. Not @preact/signals: its core assigns
// `Signal.prototype.valueOf = …`, which throws under Tauri's
// `freezePrototype` (a frozen Object.prototype makes inherited read-only
// properties unassignable), and the window would stay blank. Classes define
// their methods instead of assigning them, so this works frozen.
export class Signal<T> {
  #value: T;
  #subscribers = new Set<() => void>();

  constructor(value: T) {
    this.#value = value;
  }

  get value(): T {
    return this.#value;
  }

  set value(next: T) {
    if (Object.is(next, this.#value)) return;
    this.#value = next;
    for (const notify of [...this.#subscribers]) notify();
  }

  subscribe(notify: () => void): () => void {
    this.#subscribers.add(notify);
    return () => this.#subscribers.delete(notify);
  }
}

export function signal<T>(value: T): Signal<T> {
  return new Signal(value);
}
