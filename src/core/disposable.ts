/**
 * Anything that releases what it holds: a `vscode.Disposable`, an LSP handler registration, a timer wrapper.
 * Typed structurally so that `core` never imports the editor's API.
 */
export interface DisposableLike {
  dispose(): void;
}

/** Wraps a release function, so that a timer or an unsubscribe callback can have an owner like any listener. */
export function toDisposable(release: () => void): DisposableLike {
  let released = false;
  return {
    dispose: () => {
      if (!released) {
        released = true;
        release();
      }
    },
  };
}

/**
 * Disposes `items` last first (what was set up later may depend on what came before), each even when an
 * earlier one throws; then throws the first error, or all of them together.
 */
function disposeAll(items: readonly DisposableLike[]): void {
  const errors: unknown[] = [];
  for (let i = items.length - 1; i >= 0; i--) {
    try {
      items[i]?.dispose();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) {
    throw errors[0];
  }
  if (errors.length > 1) {
    throw new AggregateError(errors, `${errors.length} disposables failed to dispose`);
  }
}

/**
 * A list of disposables with one owner. `clear()` releases what it holds and stays usable (a webview's
 * listeners, re-created with each webview); `dispose()` releases it for good.
 */
export class DisposableStore implements DisposableLike {
  private items: DisposableLike[] = [];
  private disposed = false;

  /** One owner for `items`: what a `registerX` function returns instead of an array. */
  static of(...items: DisposableLike[]): DisposableStore {
    const store = new DisposableStore();
    items.forEach((item) => store.add(item));
    return store;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `item`. Added after `dispose()`, it is released at once, so nothing outlives its owner. */
  add<T extends DisposableLike>(item: T): T {
    if (this.disposed) {
      item.dispose();
    } else {
      this.items.push(item);
    }
    return item;
  }

  /** Releases everything held so far; the store takes new items afterwards. */
  clear(): void {
    const items = this.items;
    this.items = [];
    disposeAll(items);
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.clear();
  }
}

/**
 * The base of every object that owns listeners, emitters, commands or timers (the pattern of
 * vscode-pull-request-github): each one goes through `register`, and `dispose` releases them all, once.
 */
export abstract class Disposable implements DisposableLike {
  private readonly owned = new DisposableStore();

  get isDisposed(): boolean {
    return this.owned.isDisposed;
  }

  protected register<T extends DisposableLike>(item: T): T {
    return this.owned.add(item);
  }

  dispose(): void {
    this.owned.dispose();
  }
}
