// The words around a chat turn, shared by the page the host writes (the saved turns, drawn before any script
// runs) and the webview script that takes the page over: both must say the same thing. No imports but types.
import type { ChatTurn } from './webview';

/** The line under an answer: the model, and whether it was a dry run, its tokens, or stopped. */
export function describeTurn(turn: ChatTurn): string {
  const parts = [turn.model];
  if (turn.dryRun) {
    parts.push('dry run: nothing sent');
  }
  if (turn.usage) {
    parts.push(`${turn.usage.prompt} + ${turn.usage.completion} tokens`);
  }
  if (turn.outcome === 'stopped') {
    parts.push('stopped');
  }
  return parts.join(' · ');
}

/** The summary of the "Sent" disclosure. */
export function sentSummary(turn: ChatTurn): string {
  return `Sent · ${turn.redactions} redaction${turn.redactions === 1 ? '' : 's'}`;
}

/** The summary of an answer hidden because moderation flagged it. */
export function flaggedSummary(categories: readonly string[]): string {
  return `Answer hidden: moderation flagged it (${categories.join(', ') || 'unspecified'}). Show anyway`;
}

/** Whether the answer is a dry run's payload (older turns carry no `dryRun` flag). */
export function isDryRun(turn: ChatTurn): boolean {
  return turn.dryRun ?? turn.answer.startsWith('Dry run: nothing was sent.');
}
