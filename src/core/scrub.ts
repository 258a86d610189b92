import type { ScanOptions } from './detect/scanner';
import { findSecrets } from './detect/scanner';

/** Shortest known value the scrubber masks fragments of; below it a fragment is too likely a common word. */
export const FRAGMENT = 8;
/** Characters providers use to mask a key they echo (`sk-abc***wxyz`). */
const MASK_RUN = /[*•…]{3,}/;
/** What a token is, for fragment matching: anything between spaces, quotes and brackets. */
const TOKEN = /[^\s"'`()[\]{}<>,;]+/g;
/** What ends a token, for a stream that must not cut one. */
export const TOKEN_BREAK = /[\s"'`()[\]{}<>,;]/;

/**
 * The one scrubber every string passes before it reaches a user, a log or the audit: error messages,
 * stack traces, SDK errors. It masks the known values (the key in use) by exact value and by fragment,
 * the masked echoes providers make of them, and anything the detection engine flags.
 */
export class Scrubber {
  private readonly known = new Map<string, string>();
  private readonly windows = new Set<string>();
  /** The known values longest first, so a value containing another is masked whole; rebuilt on `add`. */
  private sorted: Array<[string, string]> | undefined;

  constructor(
    known: Iterable<{ readonly value: string; readonly label: string }> = [],
    private readonly scanOptions: ScanOptions = {},
  ) {
    for (const k of known) {
      this.add(k.value, k.label);
    }
  }

  /** Adds a value to mask by exact match, shown as `‹redacted:label›`. Values shorter than 4 are ignored. */
  add(value: string, label = 'secret'): this {
    if (value.length >= 4 && !this.known.has(value)) {
      this.known.set(value, label);
      this.sorted = undefined;
      if (value.length >= FRAGMENT + 4) {
        for (let i = 0; i + FRAGMENT <= value.length; i++) {
          this.windows.add(value.slice(i, i + FRAGMENT));
        }
      }
    }
    return this;
  }

  /** Returns `text` with every known value, fragment, masked echo and detected secret masked. */
  scrub(text: string): string {
    let out = this.scrubKnown(text);
    const found = findSecrets(out, this.scanOptions);
    for (let i = found.length - 1; i >= 0; i--) {
      const { finding } = found[i]!;
      out = `${out.slice(0, finding.start)}‹redacted:${finding.ruleId}›${out.slice(finding.end)}`;
    }
    return out;
  }

  /**
   * Masks the known values only (exact, fragments, masked echoes), without running detection: for model
   * answers, whose example keys and placeholders are the point of the answer.
   */
  scrubKnown(text: string): string {
    let out = text;
    this.sorted ??= [...this.known.entries()].sort((a, b) => b[0].length - a[0].length);
    for (const [value, label] of this.sorted) {
      if (out.includes(value)) {
        out = out.split(value).join(`‹redacted:${label}›`);
      }
    }
    if (this.known.size > 0) {
      out = out.replace(TOKEN, (token) => (this.leaks(token) ? '‹redacted›' : token));
    }
    return out;
  }

  /** The values masked by exact match. In-process only. */
  knownValues(): IterableIterator<string> {
    return this.known.keys();
  }

  /** Scrubs an error to one short line: its message, never its stack. */
  scrubError(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return this.scrub(message.split('\n')[0] ?? '');
  }

  /** Whether a token holds part of a known value: 8 characters in a row, or a masked echo of one. */
  private leaks(token: string): boolean {
    if (token.startsWith('‹redacted')) {
      return false;
    }
    for (let i = 0; i + FRAGMENT <= token.length; i++) {
      if (this.windows.has(token.slice(i, i + FRAGMENT))) {
        return true;
      }
    }
    const mask = MASK_RUN.exec(token);
    if (!mask) {
      return false;
    }
    const head = token.slice(0, mask.index);
    const tail = token.slice(mask.index + mask[0].length).replace(/[.!?:]+$/, '');
    if (head.length + tail.length < 3) {
      return false;
    }
    for (const value of this.known.keys()) {
      if (value.length >= FRAGMENT && value.startsWith(head) && value.endsWith(tail)) {
        return true;
      }
    }
    return false;
  }
}

/** Scrubs one string with a throwaway scrubber: detection plus the given known values. */
export function scrub(text: string, known: readonly string[] = []): string {
  return new Scrubber(known.map((value) => ({ value, label: 'secret' }))).scrub(text);
}
