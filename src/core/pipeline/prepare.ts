import { createHash } from 'node:crypto';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { findPathTokens } from '../detect/recall/pathTokens';
import { RECALL_DETECTORS } from '../detect/recall/recallTier';
import type { ScanOptions } from '../detect/scanner';
import type { Conversation } from './conversation';
import type { Attachment, Excluded } from './exclude';
import { DEFAULT_EXCLUDE_GLOBS, partitionAttachments } from './exclude';
import { guardPayload } from './guard';
import type { KnownValue } from './knownValues';
import { normalizeKnownValues } from './knownValues';
import { buildChatParams, composeUserMessage } from './payload';
import type { RedactedText, RedactOptions, Redaction } from './redact';
import { countByRule, redactText } from './redact';
import { anyStandsIn } from './standing';
import { RedactionMap } from './redactionMap';

/** A path also gets its generated-looking runs hidden (a token saved into a file name). */
const PATH_DETECTORS = [...RECALL_DETECTORS, findPathTokens];

/** `redact` (default) sends with placeholders; `block` refuses while secrets are present; `ask` lets the user choose. */
export type RedactionPolicy = 'redact' | 'block' | 'ask';

/** Every policy, for settings and CLI validation. */
export const REDACTION_POLICIES: readonly RedactionPolicy[] = ['redact', 'block', 'ask'];

/** The settings the pipeline runs with; all optional. */
export interface PipelineSettings {
  readonly policy?: RedactionPolicy;
  /** Globs of files never sent; default `DEFAULT_EXCLUDE_GLOBS`. */
  readonly excludeGlobs?: readonly string[];
  /** Workspace `.env` values and user-listed values. The provider's key is added per request. */
  readonly known?: readonly KnownValue[];
  readonly scan?: ScanOptions;
  readonly system?: string;
}

/** What the user asks: a message, the selection or files, and the model. */
export interface PipelineInput {
  readonly prompt: string;
  readonly attachments?: readonly Attachment[];
  readonly model: string;
  /** Default true. */
  readonly stream?: boolean;
}

/** A redaction and the part of the request it was in: `prompt`, `system`, or an attachment's path. */
export interface SourcedRedaction extends Redaction {
  readonly source: string;
}

interface Common {
  readonly model: string;
  readonly redactions: readonly SourcedRedaction[];
  readonly excluded: readonly Excluded[];
}

/** Ready to send: the exact body, its hash, and what was done to get there. */
export interface ReadyRequest extends Common {
  readonly kind: 'ready';
  readonly params: ChatCompletionCreateParams;
  /** The exact body: `JSON.stringify(params)`. */
  readonly serialized: string;
  readonly sha256: string;
  /** The redacted user message, kept in the history once answered. */
  readonly userMessage: string;
  /** The redacted prompt alone, without the attachments (the chat shows it as the question). */
  readonly prompt: string;
}

/** Not sent: the policy, the final guard, or the user said no. `message` names kinds, never values. */
export interface BlockedRequest extends Common {
  readonly kind: 'blocked';
  readonly reason: 'policy' | 'guard' | 'cancelled';
  readonly message: string;
  /**
   * The question redacted as it would have gone (known values and detected secrets as placeholders of a
   * throwaway map), so a caller can show and save what was refused without redacting it again.
   */
  readonly prompt: string;
  /** The whole user message (question and attachments), redacted the same way. */
  readonly userMessage: string;
}

/** Under the `ask` policy: what was found, for the user to decide on. */
export interface DecisionRequest extends Common {
  readonly kind: 'ask';
  resolve(decision: Decision): ReadyRequest | BlockedRequest;
}

/** The user's answer to a `DecisionRequest`. `allow` lets named detected secrets through (false positives). */
export type Decision =
  | { readonly action: 'redact' }
  | { readonly action: 'cancel' }
  | { readonly action: 'allow'; readonly fingerprints: readonly string[] };

/** The outcome of preparing a request. */
export type Prepared = ReadyRequest | BlockedRequest | DecisionRequest;

/**
 * Collect, exclude, redact, apply the policy and guard the final payload. Pure and synchronous: it
 * sends nothing. `secrets` are the provider's own values (its key), guarded like any known value.
 */
export function prepareRequest(
  conversation: Conversation,
  input: PipelineInput,
  settings: PipelineSettings,
  secrets: readonly string[] = [],
): Prepared {
  const known = normalizeKnownValues([
    ...secrets.map((value) => ({ kind: 'api-key' as const, value })),
    ...(settings.known ?? []),
  ]);
  const { kept, excluded } = partitionAttachments(
    input.attachments ?? [],
    settings.excludeGlobs ?? DEFAULT_EXCLUDE_GLOBS,
  );
  const common = { model: input.model, excluded };

  const build = (map: RedactionMap, allow?: ReadonlySet<string>): Omit<ReadyRequest, 'sha256'> => {
    const options = { known, ...(settings.scan ? { scan: settings.scan } : {}), ...(allow ? { allow } : {}) };
    const pathOptions = { ...options, recallDetectors: PATH_DETECTORS };
    // Each part in the order it is sent: the system text, the prompt, then each attachment's path and text.
    const parts: Array<{ text: string; path: boolean; result?: RedactedText }> = [];
    if (settings.system !== undefined) {
      parts.push({ text: settings.system, path: false });
    }
    parts.push({ text: input.prompt, path: false });
    for (const a of kept) {
      parts.push({ text: a.path, path: true }, { text: a.text, path: false });
    }
    const redactPart = (part: (typeof parts)[number], hidden?: RedactOptions['hidden']): RedactedText =>
      redactText(part.text, map, { ...(part.path ? pathOptions : options), ...(hidden ? { hidden } : {}) });
    for (const part of parts) {
      part.result = redactPart(part);
    }
    // A value hidden in one part (or an earlier turn) is hidden in every part: redo the parts it is left in.
    const hidden = map.secrets();
    const hiddenValues = hidden.map((s) => s.value);
    for (const part of parts) {
      if (anyStandsIn(part.result!.text, hiddenValues)) {
        part.result = redactPart(part, hidden);
      }
    }
    const results = parts.map((p) => p.result!);
    const redactions: SourcedRedaction[] = [];
    const take = (source: string): string => {
      const result = results.shift()!;
      for (const r of result.redactions) {
        redactions.push({ ...r, source });
      }
      return result.text;
    };
    const system = settings.system !== undefined ? take('system') : undefined;
    const prompt = take('prompt');
    // The path is sent too (`file (lines …)` above the code): a token in a folder name or a query string
    // must not leave either, nor be shown as the source of the redactions.
    const attachments = kept.map((a) => {
      const path = take('path');
      return { ...a, path, text: take(path) };
    });
    const userMessage = composeUserMessage(prompt, attachments);
    const params = buildChatParams({
      model: input.model,
      ...(system !== undefined ? { system } : {}),
      history: conversation.messages,
      user: userMessage,
      stream: input.stream ?? true,
    });
    return {
      kind: 'ready',
      ...common,
      redactions,
      params,
      serialized: JSON.stringify(params),
      userMessage,
      prompt,
    };
  };

  const finalize = (built: Omit<ReadyRequest, 'sha256'>): ReadyRequest | BlockedRequest => {
    const verdict = guardPayload(built.serialized, known, conversation.map.values());
    if (!verdict.ok) {
      return {
        kind: 'blocked',
        reason: 'guard',
        ...common,
        redactions: built.redactions,
        prompt: built.prompt,
        userMessage: built.userMessage,
        message:
          `Not sent: the final check found ${verdict.leaked.join(', ')} still in the request after ` +
          `redaction. Clear the conversation, or remove the value, and try again.`,
      };
    }
    const sha256 = createHash('sha256').update(built.serialized, 'utf8').digest('hex');
    return { ...built, sha256 };
  };

  const policy = settings.policy ?? 'redact';
  if (policy === 'redact') {
    return finalize(build(conversation.map));
  }
  // Try on a copy of the map: a refused or changed request must not number placeholders for good.
  const preview = build(conversation.map.clone());
  if (preview.redactions.length === 0) {
    return finalize(preview);
  }
  if (policy === 'block') {
    return {
      kind: 'blocked',
      reason: 'policy',
      ...common,
      redactions: preview.redactions,
      prompt: preview.prompt,
      userMessage: preview.userMessage,
      message: `Not sent: ${describeCounts(preview.redactions)} found, and the redaction policy is 'block'.`,
    };
  }
  return {
    kind: 'ask',
    ...common,
    redactions: preview.redactions,
    resolve(decision) {
      if (decision.action === 'cancel') {
        return {
          kind: 'blocked',
          reason: 'cancelled',
          ...common,
          redactions: [],
          prompt: preview.prompt,
          userMessage: preview.userMessage,
          message: 'Not sent: cancelled.',
        };
      }
      const allow = decision.action === 'allow' ? new Set(decision.fingerprints) : undefined;
      return finalize(build(conversation.map, allow));
    },
  };
}

/**
 * A question that never reached `prepareRequest` (the endpoint was refused, the key could not be read),
 * redacted as it would have gone, on a throwaway map: what the chat shows and saves in its place.
 */
export function redactUnsent(prompt: string, settings: PipelineSettings): string {
  const known = normalizeKnownValues(settings.known ?? []);
  return redactText(prompt, new RedactionMap(), { known, ...(settings.scan ? { scan: settings.scan } : {}) })
    .text;
}

/** "3 secrets (github-pat ×2, api-key ×1)": kinds and counts, never values. */
export function describeCounts(redactions: Iterable<Redaction>): string {
  const counts = Object.entries(countByRule(redactions));
  const total = counts.reduce((n, [, c]) => n + c, 0);
  const list = counts.map(([id, c]) => `${id} ×${c}`).join(', ');
  return `${total} secret${total === 1 ? '' : 's'} (${list})`;
}
