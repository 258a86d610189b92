import type { AnswerSecret } from '../pipeline/answerScrubber';
import { AnswerScrubber } from '../pipeline/answerScrubber';
import type { RedactionMap } from '../pipeline/redactionMap';
import { PLACEHOLDER_PATTERN } from '../pipeline/redactionMap';

/** Longest placeholder held back while it arrives; a longer run after `‹` is not one of ours. */
const MAX_PLACEHOLDER = 96;
const PARTIAL = /^‹secret:[a-z0-9][a-z0-9-]*(?:#\d*)?$/;
const PREFIX = '‹secret:';

/** How a restored value is written: raw in text, JSON-escaped inside a tool call's argument string. */
export type RestoreEncoding = 'text' | 'json-string';

/**
 * Puts a conversation's real values back in place of its placeholders as an answer streams to a local
 * client. A placeholder may arrive split across chunks (`‹secr` + `et:github-pat#1›`), so `push` holds
 * back a trailing partial one until it completes or proves not to be one. The map's restore rule applies:
 * the key in use and placeholders the conversation never issued stay as they are.
 */
export class PlaceholderRestorer {
  private pending = '';

  constructor(
    private readonly map: RedactionMap,
    private readonly encoding: RestoreEncoding = 'text',
  ) {}

  /** Feeds one chunk; returns the restored text that is safe to emit now. */
  push(chunk: string): string {
    const text = this.pending + chunk;
    const cut = partialStart(text);
    this.pending = text.slice(cut);
    return this.restore(text.slice(0, cut));
  }

  /** Whatever was held back (an unfinished placeholder is emitted as it came). */
  flush(): string {
    const rest = this.restore(this.pending);
    this.pending = '';
    return rest;
  }

  /** A whole text, restored at once. */
  restore(text: string): string {
    if (!text.includes(PREFIX)) {
      return text;
    }
    return text.replace(PLACEHOLDER_PATTERN, (placeholder) => {
      const value = this.map.valueOf(placeholder);
      if (value === undefined) {
        return placeholder;
      }
      return this.encoding === 'json-string' ? JSON.stringify(value).slice(1, -1) : value;
    });
  }
}

/** Where a trailing, still incomplete placeholder begins (`text.length` when there is none). */
function partialStart(text: string): number {
  const at = text.lastIndexOf('‹');
  if (at === -1 || text.length - at > MAX_PLACEHOLDER) {
    return text.length;
  }
  const tail = text.slice(at);
  return PREFIX.startsWith(tail) || PARTIAL.test(tail) ? at : text.length;
}

/**
 * One answer field on its way to the client: first masked (the key, the known values and the
 * conversation's secrets must not come from upstream in clear), then restored (the client's own values
 * come back where the model wrote their placeholders). Masks never look like placeholders, so the order
 * cannot restore something the upstream sent.
 */
export class AnswerField {
  private readonly scrubber: AnswerScrubber;
  private readonly restorer: PlaceholderRestorer;

  constructor(secrets: readonly AnswerSecret[], map: RedactionMap, encoding: RestoreEncoding = 'text') {
    this.scrubber = new AnswerScrubber(secrets);
    this.restorer = new PlaceholderRestorer(map, encoding);
  }

  push(chunk: string): string {
    return this.restorer.push(this.scrubber.push(chunk));
  }

  flush(): string {
    return this.restorer.push(this.scrubber.flush()) + this.restorer.flush();
  }

  /** A whole field at once (a non-streamed answer). */
  whole(text: string): string {
    return this.push(text) + this.flush();
  }
}
