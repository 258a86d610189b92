import * as vscode from 'vscode';
import type { Logger } from '../core/log';
import { Disposable } from '../core/disposable';
import { withError } from '../core/log';
import { Scrubber } from '../core/scrub';
import { scrubbedLogChannel } from './scrubbedChannel';

/**
 * The extension's one log: a LogOutputChannel, also handed to the language client. The raw channel never leaves
 * this class: `channel` is a view that scrubs every line, so the scrubbing happens here, once, and no caller can
 * forget it (the server's console, its stderr and the protocol trace included).
 */
export class Log extends Disposable implements Logger {
  /** The scrubbing view of the channel: the only way to write to it. */
  readonly channel: vscode.LogOutputChannel;
  private readonly raw: vscode.LogOutputChannel;

  constructor(private readonly scrubber: Scrubber = new Scrubber()) {
    super();
    this.raw = this.register(vscode.window.createOutputChannel('Secure GPT', { log: true }));
    this.channel = this.register(scrubbedLogChannel(this.raw, scrubber));
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
    // The notification is not a channel: it is scrubbed here, by the log's own scrubber.
    const text = this.scrubber.scrub(withError(message, error));
    this.channel.error(text);
    void vscode.window.showErrorMessage(`Secure GPT: ${text}`, 'Show Log').then((choice) => {
      if (choice === 'Show Log') {
        this.show();
      }
    });
  }

  /** Masks `value` in every later line of this log, and in its notifications (see `Logger.mask`). */
  mask(value: string, label: string): void {
    this.scrubber.add(value, label);
  }

  show(): void {
    this.channel.show(true);
  }
}
