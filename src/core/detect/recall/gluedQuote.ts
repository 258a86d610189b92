// Reading a quoted value whose own characters include its quote, as generated passwords often do, and the
// quote that ends a bare value inside a string. Split from literalValue.ts, which calls it for every quoted
// value it reads.

/** After a closing quote: a space, or a delimiter and the next quoted item (`","`, `':'`, `'+'`). */
const PAIR_AFTER = /^(?:\s|[,;:=+.)\]}]?[ \t]*["'`])/;
/** What may follow a value's closing quote to the line's end: `;`, `,`, `)`, spaces, a comment. */
const CLOSING_TAIL = /^[\s;,)\]}]*(?:(?:#|\/\/|--).*)?$/;

/**
 * Where a quoted value really closes when the quote found at `at` is glued to more value characters
 * (`'k8;F'3K;lH6,'`: a generated password holding the quote): at the line's last same quote, if only
 * closers follow it and no space comes between. A quote followed by a space or by the next quoted item
 * (`'a' + 'b'`, `'u','p'`, `{"password":"x","user":"y"}`) closes there.
 */
export function lastClosingQuote(text: string, at: number, quote: number, limit: number, open = at): number {
  const next = text[at + 1];
  // Bounded by `limit` (at most MAX_VALUE past the opening quote), as the read of an unclosed value is.
  const cut = limit < text.length && !/[\r\n]/.test(text[limit]!);
  if (next === undefined || cut) {
    return at;
  }
  const last = text.lastIndexOf(String.fromCharCode(quote), limit - 1);
  if (last <= at || /\s/.test(text.slice(at + 1, last)) || !CLOSING_TAIL.test(text.slice(last + 1, limit))) {
    return at;
  }
  // A pair of items (`'u','p'`) closes at the first quote, unless the run from the opening quote to the
  // line's last one is long, holds no space and holds a quote glued to value characters on both sides:
  // then it is one generated value (peers' samples draw quotes and commas into 340-character keys), and
  // cutting it at the first quote would send the rest. Minified JSON and lists put a delimiter beside
  // every quote.
  if (
    PAIR_AFTER.test(text.slice(at + 1, at + 4)) &&
    (last - open < GLUED_RUN ||
      !GLUED_BOTH_SIDES[quote === 34 ? 0 : quote === 39 ? 1 : 2]!.test(text.slice(at, last)))
  ) {
    return at;
  }
  return last;
}

/** From this many characters between the opening quote and the line's last one, with no space, one value. */
const GLUED_RUN = 100;
/** A quote (", ' or `) with a value character, not a delimiter, on each side. */
const GLUED_BOTH_SIDES = ['"', "'", '`'].map((q) => {
  const value = `[^\\s"'\`,;:=+.()[\\]{}]`;
  return new RegExp(`${value}${q}${value}`);
});

/**
 * A bare value inside a string that opened right before its name or flag (`"-auth=user:pw",`,
 * `'--password=x'`): it ends at that string's closing quote, not a backslash-escaped one, which is no
 * part of it. `opener` is the character before the name; anything but a quote leaves `span` as it is.
 */
export function endAtOpener<T extends { start: number; end: number }>(
  text: string,
  span: T,
  opener: number,
): T {
  if (opener !== 34 && opener !== 39) {
    return span;
  }
  for (let i = span.start; i < span.end; i++) {
    if (text.charCodeAt(i) === opener && text.charCodeAt(i - 1) !== 92) {
      return { ...span, end: i };
    }
  }
  return span;
}
