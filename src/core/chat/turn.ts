import type { RunResult } from '../pipeline/pipeline';
import type { ReadyRequest } from '../pipeline/prepare';
import type { ChatTurn } from '../../protocol/webview';

/** What a turn is labelled with before anything is prepared. */
export interface TurnLabel {
  readonly id: string;
  readonly model: string;
  /** The sub-label under the question ("Ask about: config.js"). */
  readonly about?: string;
}

/** The turn a prepared request opens: the redacted question, what went, and an empty answer. */
export function streamingTurn(label: TurnLabel, ready: ReadyRequest, dryRun: boolean): ChatTurn {
  return {
    id: label.id,
    question: ready.prompt,
    ...(label.about !== undefined ? { about: label.about } : {}),
    dryRun,
    answer: '',
    sent: ready.userMessage,
    redactions: ready.redactions.length,
    excluded: ready.excluded.map((e) => `${e.path} (${e.glob})`),
    model: label.model,
    outcome: 'streaming',
  };
}

/**
 * The turn of a request that never opened one (blocked, refused, failed before it was prepared):
 * `question` is already redacted, and nothing was sent.
 */
export function unsentTurn(label: TurnLabel, question: string, result: RunResult | undefined): ChatTurn {
  return {
    id: label.id,
    question,
    ...(label.about !== undefined ? { about: label.about } : {}),
    answer: '',
    sent: '',
    redactions: result?.prepared.redactions.length ?? 0,
    excluded: result?.prepared.excluded.map((e) => `${e.path} (${e.glob})`) ?? [],
    model: label.model,
    outcome: 'blocked',
  };
}

/** How a turn ends: its outcome, the answer (partial when stopped or cut), usage, error and moderation. */
export function finishedTurn(base: ChatTurn, result: RunResult | undefined, error?: string): ChatTurn {
  const outcome: ChatTurn['outcome'] =
    result?.outcome === 'cancelled'
      ? 'stopped'
      : result?.outcome === 'blocked'
        ? 'blocked'
        : result?.failure || error !== undefined
          ? 'error'
          : 'done';
  const message = error ?? result?.message;
  return {
    ...base,
    answer: result?.text ?? base.answer,
    outcome,
    ...(result?.usage ? { usage: { prompt: result.usage.prompt, completion: result.usage.completion } } : {}),
    ...(message !== undefined && outcome !== 'done' && outcome !== 'stopped' ? { error: message } : {}),
    ...(result?.flagged ? { flagged: result.flagged } : {}),
  };
}
