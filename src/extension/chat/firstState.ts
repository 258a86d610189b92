// Why a reloaded chat stayed blank: the host answered the webview's `ready` with whatever it held at that
// moment. When `ready` came before the history file was read, the state had no turns and nothing sent
// them later; when the view was created before the handler was set, nothing was sent until a settings
// change re-posted it. The first state now goes out exactly when both the webview is ready and the
// history is loaded, and waits on nothing else (not the language client, not the key store).
//
// Why it is also written into the page: after a reload the extension host is busy starting everything
// else (other extensions, the language server), and the round trip `ready` -> host -> `init` waited
// behind that for seconds on a loaded machine. The view's HTML is set once the history is read, with the
// first state in it, so the turns render with the page itself; `ready` then posts only what changed.
//
// No vscode import: unit-tested in plain Node.

/** A source of the webview's first state. */
export interface FirstStateSource<T> {
  initialState(): T;
  /** Settles once `initialState` holds the saved turns. */
  readonly whenLoaded?: Promise<void>;
}

/**
 * Posts `source`'s first state once its history is loaded, unless `stillCurrent` says the webview or the
 * source changed meanwhile. Resolves true when the webview has the state: posted now, or already in its
 * page (`embedded`, the JSON written there) and unchanged since, which is not posted again. A failed load
 * posts the state all the same.
 */
export async function postWhenLoaded<T>(
  source: FirstStateSource<T>,
  post: (state: T) => void,
  stillCurrent: () => boolean,
  embedded?: string,
): Promise<boolean> {
  await source.whenLoaded?.catch(() => undefined);
  if (!stillCurrent()) {
    return false;
  }
  const state = source.initialState();
  if (embedded === undefined || JSON.stringify(state) !== embedded) {
    post(state);
  }
  return true;
}

/**
 * The first state to write into the view's page: `source`'s state once its history is loaded, or
 * undefined when there is no source yet or the load takes longer than `waitMs` (the page is then shown
 * without it, and `ready` brings the state as before). A failed load gives the state all the same.
 */
export async function stateForPage<T>(
  source: FirstStateSource<T> | undefined,
  waitMs: number,
): Promise<T | undefined> {
  if (!source) {
    return undefined;
  }
  const loaded = await settlesWithin(source.whenLoaded ?? Promise.resolve(), waitMs);
  return loaded ? source.initialState() : undefined;
}

/** Whether `promise` settles (either way) within `waitMs`. */
export async function settlesWithin(promise: Promise<unknown>, waitMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), waitMs);
  });
  const settled = promise.then(
    () => true,
    () => true,
  );
  const first = await Promise.race([settled, late]);
  clearTimeout(timer);
  return first;
}

/**
 * `value` as JSON safe inside `<script type="application/json">`: every `<`, `>` and `&` is escaped, so
 * no string in it (a question holding `</script>` or `<!--`) can end the element or open a comment, and
 * the two line separators JavaScript once refused are escaped too. JSON.parse gives `value` back.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
