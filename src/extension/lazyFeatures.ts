import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import type { DisposableLike } from '../core/disposable';
import { Disposable, DisposableStore } from '../core/disposable';
import type { Log } from './log';

/** The two ends of `LazyPart.ready`. */
interface Settle<T> {
  resolve(part: T): void;
  reject(error: unknown): void;
}

/** How the entry starts a lazily loaded part of the extension; see `startLazily`. */
export interface LazyStart<M, T extends DisposableLike> {
  /** Commands the part registers: each gets a stand-in until it has. */
  readonly commands: readonly string[];
  /** Loads the part's bundle (a `require` under esbuild, see chunks.ts). */
  readonly load: () => Promise<M>;
  /** Registers the part synchronously, its commands among it; throws if it cannot. */
  readonly start: (module: M) => T;
  /** Settles when the part may load; one of its commands invoked earlier loads it at once. */
  readonly after?: Promise<unknown>;
}

/**
 * A part of the extension loaded after `activate` returns (once the chat's page is set, or a second; see
 * extension.ts): VS Code then parses only the entry bundle before `activate`, and the part's bundle while the
 * editor is already usable.
 *
 * Until the part has started, each of its commands has a stand-in, so that a command invoked at any moment (a
 * click during start-up, another extension, a test) waits for the part and then runs as if the part had been
 * there all along: with the same arguments, through the real handler. The stand-ins go and the part registers
 * its commands in one synchronous step, so no command is ever missing. If the part fails to load or start, the
 * error goes to the log scrubbed and to a notification, and the stand-ins stay, saying the command is
 * unavailable rather than "command not found".
 */
export class LazyPart<T extends DisposableLike> extends Disposable {
  /** Resolves with the started part; rejects with the reason it could not start (already shown and logged). */
  readonly ready: Promise<T>;
  /** `performance.now()` when the part had started, for the activation figures. */
  startedAt: number | undefined;
  private readonly settle: Settle<T>;
  private readonly standIns = this.register(new DisposableStore());
  private readonly part = this.register(new DisposableStore());
  /** Starts loading the part, once: set by `startSoon`. */
  private kick: () => void = () => undefined;

  constructor(
    private readonly log: Log,
    private readonly what: string,
    private readonly commands: readonly string[],
  ) {
    super();
    let settle: Settle<T> = { resolve: () => undefined, reject: () => undefined };
    this.ready = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
    this.settle = settle;
    // Nothing may wait on it unhandled: each stand-in handles a failure itself.
    this.ready.catch(() => undefined);
    this.registerStandIns();
  }

  /**
   * Loads and starts the part on a turn of the event loop after `activate` has returned and `after` has
   * settled, or as soon as one of its commands is invoked.
   */
  startSoon<M>(
    load: () => Promise<M>,
    start: (module: M) => T,
    after: Promise<unknown> = Promise.resolve(),
  ): void {
    let kicked = false;
    this.kick = () => {
      if (!kicked) {
        kicked = true;
        setImmediate(() => void this.loadAndStart(load, start));
      }
    };
    after.then(this.kick, this.kick);
  }

  private async loadAndStart<M>(load: () => Promise<M>, start: (module: M) => T): Promise<void> {
    try {
      const module = await load();
      if (this.isDisposed) {
        return; // deactivated meanwhile: nothing to start
      }
      // One synchronous step: the stand-ins go and the real commands come, with no turn in between.
      this.standIns.clear();
      let part: T;
      try {
        part = start(module);
      } catch (error) {
        this.registerStandIns();
        throw error;
      }
      this.part.add(part);
      this.startedAt = performance.now();
      this.settle.resolve(part);
    } catch (error) {
      this.log.showError(`${this.what} could not start`, error);
      this.settle.reject(error);
    }
  }

  private registerStandIns(): void {
    for (const id of this.commands) {
      try {
        this.standIns.add(vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, args)));
      } catch {
        // Registered by the entry itself: it needs no stand-in.
      }
    }
  }

  private async run(id: string, args: unknown[]): Promise<unknown> {
    this.kick();
    try {
      await this.ready;
    } catch {
      // The reason is in the log and was shown once; the command's arguments are never echoed.
      void vscode.window
        .showErrorMessage(`Secure GPT: '${id}' is unavailable: ${this.what} could not start.`, 'Show Log')
        .then((choice) => choice && this.log.show());
      return undefined;
    }
    return vscode.commands.executeCommand(id, ...args);
  }
}

/** Starts `how` lazily (see `LazyPart`); the caller owns the result. */
export function startLazily<M, T extends DisposableLike>(
  log: Log,
  what: string,
  how: LazyStart<M, T>,
): LazyPart<T> {
  const part = new LazyPart<T>(log, what, how.commands);
  part.startSoon(how.load, how.start, how.after);
  return part;
}

/** The commands the extension contributes in its manifest. */
export function contributedCommands(context: vscode.ExtensionContext): string[] {
  const manifest = context.extension.packageJSON as {
    contributes?: { commands?: Array<{ command?: unknown }> };
  };
  return (manifest.contributes?.commands ?? [])
    .map((c) => c.command)
    .filter((id): id is string => typeof id === 'string');
}
