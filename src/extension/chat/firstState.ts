// Why a reloaded chat stayed blank: the host answered the webview's `ready` with whatever it held at that
// moment. When `ready` came before the history file was read, the state had no turns and nothing sent
// them later; when the view was created before the handler was set, nothing was sent until a settings
// change re-posted it. The first state now goes out exactly when both the webview is ready and the
// history is loaded, and waits on nothing else (not the language client, not the key store).

/** A source of the webview's first state. */
export interface FirstStateSource<T> {
  initialState(): T;
  /** Settles once `initialState` holds the saved turns. */
  readonly whenLoaded?: Promise<void>;
}

/**
 * Posts `source`'s first state once its history is loaded, unless `stillCurrent` says the webview or the
 * source changed meanwhile. Resolves true when it posted. A failed load posts the state all the same.
 */
export async function postWhenLoaded<T>(
  source: FirstStateSource<T>,
  post: (state: T) => void,
  stillCurrent: () => boolean,
): Promise<boolean> {
  await source.whenLoaded?.catch(() => undefined);
  if (!stillCurrent()) {
    return false;
  }
  post(source.initialState());
  return true;
}
