import { heldCopy } from './byteLoops';
import { asciiLower } from './keywordIndex';

/**
 * `text[from, to)` lower-cased by `asciiLower`, as the prefilter and the anchored matcher read it, made
 * only when a search needs the string. The prefilter lower-cases its byte copy of a one-byte text itself
 * (`fold` in byteLoops.ts), and while that copy of the whole text is still held, a keyword is searched for
 * in its bytes: the same offsets, since a one-byte string's offsets are its bytes'. On the bench tree the
 * string was otherwise made for four texts in five (the anchored matcher searches its keywords again):
 * about 10 ms and 52 MB for the scavenger. A byte search costs more per call than a string search (about 5
 * ms more over the tree in a first pass; reading the string back from the copy saved too little to pay).
 */
export class LowerText {
  private lowered: string | undefined;
  /** The held copy (`heldCopy`) last searched, and a view of it as long as the text: made once per text. */
  private copy: Buffer | undefined;
  private view: Buffer | undefined;

  constructor(
    readonly text: string,
    readonly from: number,
    readonly to: number,
  ) {}

  /** A string taken as it is (tests, callers that lower-cased it already: `asciiLower` of it is itself). */
  static of(lower: string | LowerText): LowerText {
    return typeof lower === 'string' ? new LowerText(lower, 0, lower.length) : lower;
  }

  get length(): number {
    return this.to - this.from;
  }

  /** The slice of the text, not lower-cased (the text itself when the slice is all of it). */
  source(): string {
    const { text, from, to } = this;
    return from === 0 && to === text.length ? text : text.slice(from, to);
  }

  /** The lower-cased slice, made at the first call. */
  get value(): string {
    return (this.lowered ??= asciiLower(this.source()));
  }

  /**
   * Where `keyword` (lower-case) first occurs in the lower-cased slice at or after `from`, wholly before
   * `end` (default: the slice's end); -1 when it does not. `value.indexOf`'s answer, read from the
   * prefilter's folded copy where that still holds the whole text.
   */
  indexOf(keyword: string, from: number, end = this.length): number {
    const stop = Math.min(end, this.length);
    const start = Math.max(0, from);
    const copy =
      this.lowered === undefined && this.from === 0 && this.to === this.text.length
        ? heldCopy(this.text)
        : undefined;
    const needle = copy === undefined ? undefined : bytesOf(keyword);
    if (copy === undefined || needle === undefined) {
      const value = this.value;
      if (stop >= value.length) {
        return value.indexOf(keyword, start);
      }
      const at = start > stop ? -1 : value.slice(start, stop).indexOf(keyword);
      return at === -1 ? -1 : start + at;
    }
    if (start + needle.length > stop) {
      return -1;
    }
    if (this.copy !== copy) {
      this.copy = copy;
      this.view = copy.subarray(0, this.length);
    }
    return (stop === this.length ? this.view! : copy.subarray(0, stop)).indexOf(needle, start);
  }
}

/** Each keyword's Latin-1 bytes, made once; undefined for an empty keyword or one past Latin-1. */
const keywordBytes = new Map<string, Buffer | undefined>();

function bytesOf(keyword: string): Buffer | undefined {
  let bytes = keywordBytes.get(keyword);
  if (bytes === undefined && !keywordBytes.has(keyword)) {
    bytes =
      keyword.length > 0 && !/[\u0100-\uffff]/.test(keyword) ? Buffer.from(keyword, 'latin1') : undefined;
    keywordBytes.set(keyword, bytes);
  }
  return bytes;
}
