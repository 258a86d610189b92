import { createHash } from 'node:crypto';
import type { CompletionRequest, CompletionResult, Provider } from './provider';
import { holdSecrets } from './provider';

/**
 * Answers with the exact request that would have been sent, and sends nothing. It is the default when
 * no key is set, so a new user sees redaction work with nothing to configure.
 */
export function createDryRunProvider(
  wouldSendTo = 'the endpoint',
  secrets: readonly string[] = [],
): Provider {
  const provider = dryRun(wouldSendTo);
  // The key the real request would use: guarded and redacted all the same, since the payload is printed.
  return holdSecrets(provider, secrets);
}

/** The dry-run provider itself, before its secrets are registered. */
function dryRun(wouldSendTo: string): Provider {
  return {
    kind: 'dry-run',
    endpoint: 'dry-run',
    complete(request: CompletionRequest): Promise<CompletionResult> {
      if (request.signal?.aborted === true) {
        return Promise.resolve({ text: '', failure: { kind: 'cancelled', message: 'Cancelled.' } });
      }
      const sha = createHash('sha256').update(request.serialized, 'utf8').digest('hex');
      const pretty = JSON.stringify(JSON.parse(request.serialized) as unknown, null, 2);
      // A fence longer than any backtick run inside, so code in the payload cannot close it.
      const fence = '`'.repeat(Math.max(3, ...(pretty.match(/`+/g) ?? []).map((run) => run.length + 1)));
      const text =
        `Dry run: nothing was sent. This is the exact request body that would go to ${wouldSendTo} ` +
        `(pretty-printed here; ${Buffer.byteLength(request.serialized, 'utf8')} bytes, sha256 ${sha}):\n\n` +
        `${fence}json\n${pretty}\n${fence}\n`;
      request.onDelta?.(text);
      return Promise.resolve({ text, finishReason: 'dry-run' });
    },
  };
}
