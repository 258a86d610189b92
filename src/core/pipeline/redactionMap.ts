/** Matches any placeholder this module makes; group 1 is the kind (rule id), group 2 the number. */
export const PLACEHOLDER_PATTERN = /‹secret:([a-z0-9][a-z0-9-]*)#(\d+)›/g;

/**
 * The secrets of one conversation and their placeholders: the same value always gets the same
 * placeholder (`‹secret:github-pat#1›`), numbered per kind in order of first sight. It lives in memory
 * only, for the local restore; nothing in it is ever sent, logged or recorded.
 */
export class RedactionMap {
  private readonly byValue = new Map<string, string>();
  private readonly byPlaceholder = new Map<string, string>();
  private readonly counters = new Map<string, number>();

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

  /** How many distinct secrets the conversation has met. */
  get size(): number {
    return this.byValue.size;
  }

  /** Every secret value held, for the final payload guard. In-process only. */
  values(): IterableIterator<string> {
    return this.byValue.keys();
  }

  /** Replaces every placeholder of this conversation in `text` by its real value; unknown ones stay. */
  restore(text: string): string {
    if (!text.includes('‹secret:')) {
      return text;
    }
    return text.replace(
      PLACEHOLDER_PATTERN,
      (placeholder) => this.byPlaceholder.get(placeholder) ?? placeholder,
    );
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
  }
}

/**
 * Restores placeholders in a streamed answer chunk by chunk: a placeholder split across two chunks is
 * held back until it is whole. `push` returns what can be shown now; `flush` the rest at the end.
 */
export class StreamRestorer {
  private pending = '';

  constructor(private readonly map: RedactionMap) {}

  /** Feeds one chunk; returns the restored text that is safe to emit. */
  push(chunk: string): string {
    const text = this.pending + chunk;
    const open = text.lastIndexOf('‹');
    // Hold back from an unclosed `‹` if it could still become a placeholder (they are short).
    if (open !== -1 && !text.includes('›', open) && text.length - open < 64) {
      this.pending = text.slice(open);
      return this.map.restore(text.slice(0, open));
    }
    this.pending = '';
    return this.map.restore(text);
  }

  /** Returns whatever was held back. */
  flush(): string {
    const rest = this.map.restore(this.pending);
    this.pending = '';
    return rest;
  }
}
