import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { Disposable } from '../core/disposable';
import { withError } from '../core/log';
import type { TextScrubber } from './scrubbedChannel';
import { channelView, scrubbedLogChannel } from './scrubbedChannel';

/** What the log needs of its scrubber (core/scrub.ts's `Scrubber`). */
export type LogScrubber = TextScrubber & { add(value: string, label?: string): unknown };

/** Writes held while the scrubber loads; more are dropped (and counted) rather than kept unbounded. */
const MAX_HELD = 1000;

/** A write to the scrubbed channel; a notification also needs the scrubber itself. */
type Write = (channel: vscode.LogOutputChannel, scrubber: LogScrubber) => void;

/**
 * The extension's one log: a LogOutputChannel, also handed to the language client. The raw channel never leaves
 * this class: `channel` is a view that scrubs every line, so the scrubbing happens here, once, and no caller can
 * forget it (the server's console, its stderr and the protocol trace included).
 *
 * The scrubber (the detection engine) is loaded after activation (once the chat's page is set, or a second), not with the entry bundle: until
 * `useScrubber`, every write, notification and masked value is held in memory, in order, and nothing reaches the
 * channel or the screen unscrubbed. If the engine cannot load, what was held is dropped, never written.
 */
export class Log extends Disposable implements Logger {
  /** The scrubbing view of the channel: the only way to write to it. */
  readonly channel: vscode.LogOutputChannel;
  private readonly raw: vscode.LogOutputChannel;
  private scrubber: LogScrubber | undefined;
  private scrubbed: vscode.LogOutputChannel | undefined;
  private held: Write[] | undefined = [];
  private dropped = 0;
  private readonly masks: Array<[string, string]> = [];

  constructor(scrubber?: LogScrubber) {
    super();
    this.raw = this.register(vscode.window.createOutputChannel('Secure GPT', { log: true }));
    this.channel = heldChannel(
      this.raw,
      (write) => this.write(write),
      () => this.show(),
    );
    if (scrubber) {
      this.useScrubber(scrubber);
    }
  }

  /** Connects the scrubber: masked values first, then every held write, in order. Once only. */
  useScrubber(scrubber: LogScrubber): void {
    if (this.scrubber || this.isDisposed) {
      return;
    }
    this.scrubber = scrubber;
    this.masks.forEach(([value, label]) => scrubber.add(value, label));
    this.masks.length = 0;
    const scrubbed = this.register(scrubbedLogChannel(this.raw, scrubber));
    this.scrubbed = scrubbed;
    const held = this.held ?? [];
    this.held = undefined;
    held.forEach((write) => write(scrubbed, scrubber));
    if (this.dropped > 0) {
      scrubbed.warn(`${this.dropped} log lines written while the log started were dropped.`);
    }
  }

  /** The scrubber could not load: what was held is dropped unwritten, and so is every later line. */
  scrubberUnavailable(): void {
    if (this.scrubber) {
      return;
    }
    this.held = undefined;
    this.raw.error('The log is off: its scrubber could not load, so nothing more is written here.');
    void vscode.window.showErrorMessage('Secure GPT: the log is off (its scrubber could not load).');
  }

  trace(message: string): void {
    this.channel.trace(message);
  }
  debug(message: string): void {
    this.channel.debug(message);
  }
  info(message: string): void {
    this.channel.info(message);
  }
  /** Logs `message`, and `error`'s first line when given (never its stack). */
  warn(message: string, error?: unknown): void {
    this.channel.warn(withError(message, error));
  }
  /** Logs `message`, and `error`'s first line when given (never its stack). */
  error(message: string, error?: unknown): void {
    this.channel.error(withError(message, error));
  }

  /**
   * Logs `message: error` and shows it as a short error notification offering "Show Log". The notification's
   * text is scrubbed by the same scrubber as the log.
   */
  showError(message: string, error?: unknown): void {
    this.write((channel, scrubber) => {
      // The notification is not a channel: it is scrubbed here, by the log's own scrubber.
      const text = scrubber.scrub(withError(message, error));
      channel.error(text);
      void vscode.window.showErrorMessage(`Secure GPT: ${text}`, 'Show Log').then((choice) => {
        if (choice === 'Show Log') {
          this.show();
        }
      });
    });
  }

  /** Masks `value` in every later line of this log, and in its notifications (see `Logger.mask`). */
  mask(value: string, label: string): void {
    if (this.scrubber) {
      this.scrubber.add(value, label);
    } else {
      this.masks.push([value, label]);
    }
  }

  /** Shows the channel; what a scrubbing channel holds of a partial line is written first. */
  show(): void {
    (this.scrubbed ?? this.raw).show(true);
  }

  /** Runs `write` on the scrubbed channel now, or holds it until the scrubber has loaded. */
  private write(write: Write): void {
    if (this.scrubbed && this.scrubber) {
      write(this.scrubbed, this.scrubber);
    } else if (this.held && this.held.length < MAX_HELD) {
      this.held.push(write);
    } else if (this.held) {
      this.dropped++;
    }
  }
}

/** A channel whose every write goes through `write` (the log's: now, or once its scrubber has loaded). */
function heldChannel(
  raw: vscode.LogOutputChannel,
  write: (w: Write) => void,
  show: () => void,
): vscode.LogOutputChannel {
  return channelView(raw, {
    line: (level, message, args) => write((channel) => channel[level](message as string, ...args)),
    append: (value) => write((channel) => channel.append(value)),
    appendLine: (value) => write((channel) => channel.appendLine(value)),
    replace: (value) => write((channel) => channel.replace(value)),
    show,
    // The raw channel and the scrubbing view belong to the Log, which disposes them.
    dispose: () => undefined,
  });
}
