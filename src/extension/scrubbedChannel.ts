import type * as vscode from 'vscode';
import { Scrubber } from '../core/scrub';

/**
 * An output channel that writes through the scrubber. The language client's protocol trace (a user can turn
 * it on with `secureGpt.trace.server`) carries whole documents, secrets included: it goes through this, so
 * even a verbose trace never puts a key in the log.
 */
export function scrubbedChannel(
  target: vscode.OutputChannel,
  scrubber: Scrubber = new Scrubber(),
): vscode.OutputChannel {
  return {
    name: target.name,
    append: (value) => target.append(scrubber.scrub(value)),
    appendLine: (value) => target.appendLine(scrubber.scrub(value)),
    replace: (value) => target.replace(scrubber.scrub(value)),
    clear: () => target.clear(),
    show: () => target.show(true),
    hide: () => target.hide(),
    // The target belongs to the extension's Log, which disposes it.
    dispose: () => undefined,
  };
}
