import type { DisposableLike } from '../../core/disposable';

/**
 * A webview page that never reports `ready`. VS Code's webviews load through a service worker, and its
 * registration sometimes fails (microsoft/vscode#125993: "Could not register service worker: InvalidStateError"),
 * which leaves the view blank until the page is set again or the window reloads. A page that is shown and has
 * not reported `ready` after `waitMs` is set again, up to `attempts` pages in all; then `giveUp` offers the
 * reload. A hidden view loads nothing, so its wait does not count. Pages report `ready` in 2-5 s in the
 * code-server harness, so the wait leaves a slow start its time.
 */
export interface PageWatchOptions {
  /** Whether the page watched is still the view's (a new webview or a disposed one ends the watch). */
  readonly isCurrent: () => boolean;
  readonly isVisible: () => boolean;
  /** Sets the page again (a fresh page: a new nonce, so the webview loads it anew). */
  readonly setPage: () => void;
  /** Told before each new page, with the attempt about to start (2 for the first retry). */
  readonly retrying: (attempt: number, waitedMs: number) => void;
  readonly giveUp: () => void;
  readonly waitMs?: number;
  readonly attempts?: number;
}

/** How long a shown page may take to report `ready`, and how many pages are tried. */
export const PAGE_READY_MS = 15_000;
export const PAGE_ATTEMPTS = 3;

/** Watches a page just set; `dispose` (on `ready`, a new page or the view's end) stops the watch. */
export function watchPage(options: PageWatchOptions): DisposableLike {
  const waitMs = options.waitMs ?? PAGE_READY_MS;
  const attempts = options.attempts ?? PAGE_ATTEMPTS;
  let attempt = 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (): void => {
    timer = setTimeout(check, waitMs);
    // A watch never keeps a process alive (the extension host ends as it will; tests end when done).
    (timer as { unref?: () => void }).unref?.();
  };
  const check = (): void => {
    timer = undefined;
    if (!options.isCurrent()) {
      return;
    }
    if (!options.isVisible()) {
      arm(); // a hidden view loads nothing: wait on, without counting
      return;
    }
    if (attempt >= attempts) {
      options.giveUp();
      return;
    }
    attempt++;
    options.retrying(attempt, waitMs);
    options.setPage();
    arm();
  };
  arm();
  return {
    dispose: () => {
      if (timer !== undefined) {
        clearTimeout(timer);
        timer = undefined;
      }
    },
  };
}
