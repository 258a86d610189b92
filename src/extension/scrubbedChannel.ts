import type * as vscode from 'vscode';
import type { Scrubber } from '../core/scrub';

/** What the channel needs of a scrubber. A type only: the entry bundle loads the engine after activation. */
export type TextScrubber = Pick<Scrubber, 'scrub'>;

/** A partial line longer than this is written out (scrubbed) without waiting for its newline. */
const MAX_PENDING = 64 * 1024;
/** A partial line (a server's last words before it exits) is written out after this long without a newline. */
const PENDING_FLUSH_MS = 200;

/** What the scrubbing writer writes to. */
type Target = Pick<vscode.OutputChannel, 'append' | 'appendLine' | 'replace'>;

/**
 * The writing half of a scrubbing channel. `append` is what the language client uses for the server's
 * stdout/stderr, which arrive in chunks that can cut a secret in two: text is held until its line is complete
 * (or grows long, or waits too long) and the whole line is scrubbed, so no chunk boundary lets part of a key through.
 */
function scrubbingWriter(target: Target, scrubber: TextScrubber) {
  let pending = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
    }
    if (pending !== '') {
      const text = pending;
      pending = '';
      target.append(scrubber.scrub(text));
    }
  };
  return {
    flush,
    append(value: string): void {
      pending += value;
      const end = pending.lastIndexOf('\n');
      if (pending.length > MAX_PENDING) {
        flush();
      } else if (end !== -1) {
        const complete = pending.slice(0, end + 1);
        pending = pending.slice(end + 1);
        target.append(scrubber.scrub(complete));
      }
      if (pending !== '' && !timer) {
        timer = setTimeout(flush, PENDING_FLUSH_MS);
        timer.unref?.();
      }
    },
    appendLine(value: string): void {
      const text = pending + value;
      pending = '';
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      target.appendLine(scrubber.scrub(text));
    },
    replace(value: string): void {
      pending = '';
      target.replace(scrubber.scrub(value));
    },
  };
}

/** Extra arguments of a log call, folded into its line so that they are scrubbed with it. */
function line(message: string | Error, args: readonly unknown[]): string {
  const head = typeof message === 'string' ? message : message.message;
  const rest = args.map((arg) => {
    if (typeof arg === 'string') {
      return arg;
    }
    if (arg instanceof Error) {
      return arg.message;
    }
    try {
      return JSON.stringify(arg);
    } catch {
      return String(arg);
    }
  });
  return [head, ...rest].join(' ');
}

/**
 * The extension's only writable view of its `LogOutputChannel`: every method that writes scrubs first. The `Log`
 * keeps the raw channel to itself and hands out this, to its own methods and to the language client, whose output
 * channel receives the server's console and its stdout/stderr, and whose trace channel (a user can turn it on
 * with `secureGpt.trace.server`) carries whole documents: no line reaches the channel unscrubbed.
 */
export function scrubbedLogChannel(
  target: vscode.LogOutputChannel,
  scrubber: TextScrubber,
): vscode.LogOutputChannel {
  const writer = scrubbingWriter(target, scrubber);
  return channelView(target, {
    line: (level, message, args) => {
      writer.flush();
      target[level](scrubber.scrub(line(message, args)));
    },
    append: (value) => writer.append(value),
    appendLine: (value) => writer.appendLine(value),
    replace: (value) => writer.replace(value),
    show: () => {
      writer.flush();
      target.show(true);
    },
    // The target belongs to the Log, which disposes it.
    dispose: () => writer.flush(),
  });
}

type LevelName = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** The writing side of a channel view; name, level, clear and hide come from its target. */
export interface ChannelWrites {
  line(level: LevelName, message: string | Error, args: readonly unknown[]): void;
  append(value: string): void;
  appendLine(value: string): void;
  replace(value: string): void;
  show(): void;
  dispose(): void;
}

/** A `LogOutputChannel` over `target` whose every write goes through `writes`. */
export function channelView(target: vscode.LogOutputChannel, writes: ChannelWrites): vscode.LogOutputChannel {
  const level =
    (name: LevelName) =>
    (message: string | Error, ...args: unknown[]): void =>
      writes.line(name, message, args);
  return {
    name: target.name,
    get logLevel() {
      return target.logLevel;
    },
    onDidChangeLogLevel: target.onDidChangeLogLevel,
    trace: level('trace'),
    debug: level('debug'),
    info: level('info'),
    warn: level('warn'),
    error: level('error'),
    append: (value) => writes.append(value),
    appendLine: (value) => writes.appendLine(value),
    replace: (value) => writes.replace(value),
    clear: () => target.clear(),
    show: () => writes.show(),
    hide: () => target.hide(),
    dispose: () => writes.dispose(),
  };
}
