/** Matches any placeholder this module makes; group 1 is the kind (rule id), group 2 the number. */
export const PLACEHOLDER_PATTERN = /‹secret:([a-z0-9][a-z0-9-]*)#(\d+)›/g;

/** The kind of the key in use: its placeholder is never restored. */
export const KEY_KIND = 'api-key';

/**
 * The secrets of one conversation and their placeholders: the same value always gets the same
 * placeholder (`‹secret:github-pat#1›`), numbered per kind in order of first sight. It lives in memory
 * only, for the local restore; nothing in it is ever sent, logged or recorded.
 */
export class RedactionMap {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<string, number>();
  private clears = 0;

  /** The placeholder for `value`, made on first sight as the next number of `kind`. */
  placeholderFor(kind: string, value: string): string {
    const existing = this.byValue.get(value);
    if (existing !== undefined) {
      return existing;
    }
    const n = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, n);
    const placeholder = `‹secret:${kind}#${n}›`;
    this.byValue.set(value, placeholder);
    this.byPlaceholder.set(placeholder, value);
    return placeholder;
  }

  /** The placeholder already given to `value`, if any. */
  lookup(value: string): string | undefined {
    return this.byValue.get(value);
  }

  /** Changes when the map is cleared: what was redacted against it before then no longer holds. */
  get generation(): number {
    return this.clears;
  }

  /** How many distinct secrets the conversation has met. */
  get size(): number {
    return this.byValue.size;
  }

  /** Every secret held with its kind, for the answer scrubber. In-process only. */
  secrets(): Array<{ readonly value: string; readonly kind: string }> {
    return [...this.byValue].map(([value, placeholder]) => ({
      value,
      kind: placeholder.slice('‹secret:'.length, placeholder.lastIndexOf('#')),
    }));
  }

  /** Every secret value held, for the final payload guard. In-process only. */
  values(): IterableIterator<string> {
    return this.byValue.keys();
  }

  /**
   * The value behind a placeholder this conversation issued; undefined for one it never issued (a
   * placeholder the model made up) and for the key in use, which is never given back by any path.
   */
  valueOf(placeholder: string): string | undefined {
    return placeholder.startsWith(`‹secret:${KEY_KIND}#`) ? undefined : this.byPlaceholder.get(placeholder);
  }

  /** Whether this conversation issued `placeholder` (the key's included). */
  issued(placeholder: string): boolean {
    return this.byPlaceholder.has(placeholder);
  }

  /**
   * Replaces every placeholder of this conversation in `text` by its real value; unknown ones and the
   * key's stay. Callers that write into files or the clipboard go through the restore policy instead.
   */
  restore(text: string): string {
    if (!text.includes('‹secret:')) {
      return text;
    }
    return text.replace(PLACEHOLDER_PATTERN, (placeholder) => this.valueOf(placeholder) ?? placeholder);
  }

  /** A copy to try a redaction on without changing this map (a preview the user may still refuse). */
  clone(): RedactionMap {
    const copy = new RedactionMap();
    for (const [value, placeholder] of this.byValue) {
      copy.byValue.set(value, placeholder);
      copy.byPlaceholder.set(placeholder, value);
    }
    for (const [kind, n] of this.counters) {
      copy.counters.set(kind, n);
    }
    return copy;
  }

  /** Forgets everything, when the conversation is cleared. */
  clear(): void {
    this.byValue.clear();
    this.byPlaceholder.clear();
    this.counters.clear();
    this.clears += 1;
  }
}
