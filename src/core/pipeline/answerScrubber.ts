import { FRAGMENT, Scrubber, TOKEN_BREAK } from '../scrub';

/** A value that must never come back in an answer, and the label its mask shows (`‹redacted:api-key›`). */
export interface AnswerSecret {
  readonly value: string;
  readonly label: string;
}

/**
 * Masks the key, the known values and the conversation's secrets in an answer as it streams. A value may
 * arrive split across chunks, so `push` holds back the end of the text that could still be the start of
 * one (never more than the longest value), and the partial token at the end (so a fragment of a value is
 * judged whole); `flush` releases the rest. What it emits, joined, never holds a value.
 */
export class AnswerScrubber {
  private readonly scrubber: Scrubber;
  private readonly values: readonly string[];
  private readonly longest: number;
  /** Values by their first character: most positions of a text start none, and are passed over at once. */
  private readonly byFirst = new Map<string, string[]>();
  private pending = '';

  constructor(secrets: Iterable<AnswerSecret>) {
    this.scrubber = new Scrubber(secrets);
    this.values = [...this.scrubber.knownValues()];
    this.longest = this.values.reduce((n, v) => Math.max(n, v.length), 0);
    for (const v of this.values) {
      this.byFirst.set(v[0]!, [...(this.byFirst.get(v[0]!) ?? []), v]);
    }
  }

  /** Feeds one chunk; returns the masked text that is safe to show now (often shorter, sometimes empty). */
  push(chunk: string): string {
    if (this.values.length === 0) {
      return chunk;
    }
    const text = this.pending + chunk;
    const cut = Math.min(this.prefixHold(text), this.tokenHold(text));
    this.pending = text.slice(cut);
    return this.scrubber.scrubKnown(text.slice(0, cut));
  }

  /** Returns whatever was held back, masked. */
  flush(): string {
    const rest = this.scrubber.scrubKnown(this.pending);
    this.pending = '';
    return rest;
  }

  /** A whole text, masked the same way (what is stored once the answer is complete). */
  scrub(text: string): string {
    return this.values.length === 0 ? text : this.scrubber.scrubKnown(text);
  }

  /** Where the longest tail of `text` that is a proper prefix of some value begins (`text.length`: none). */
  private prefixHold(text: string): number {
    for (let at = Math.max(0, text.length - this.longest + 1); at < text.length; at++) {
      const candidates = this.byFirst.get(text[at]!);
      if (candidates === undefined) {
        continue;
      }
      const tail = text.slice(at);
      if (candidates.some((v) => v.length > tail.length && v.startsWith(tail))) {
        return at;
      }
    }
    return text.length;
  }

  /**
   * Where the trailing partial token begins, so fragments (8 characters of a value inside a token) are
   * judged on whole tokens. A token longer than the longest value is cut, keeping its last characters
   * back, so any window across the cut is still seen whole next time.
   */
  private tokenHold(text: string): number {
    const floor = Math.max(0, text.length - this.longest);
    let at = text.length;
    while (at > floor && !TOKEN_BREAK.test(text[at - 1]!)) {
      at--;
    }
    const whole = at === 0 || TOKEN_BREAK.test(text[at - 1]!);
    return whole ? at : Math.max(0, text.length - (FRAGMENT - 1));
  }
}
