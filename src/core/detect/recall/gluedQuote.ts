// Reading a quoted value whose own characters include its quote, as generated passwords often do. Split from
// literalValue.ts, which calls it for every quoted value it reads.

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
export function lastClosingQuote(text: string, at: number, quote: number, limit: number): number {
  const next = text[at + 1];
  // Bounded by `limit` (at most MAX_VALUE past the opening quote), as the read of an unclosed value is.
  const cut = limit < text.length && !/[\r\n]/.test(text[limit]!);
  if (next === undefined || cut || PAIR_AFTER.test(text.slice(at + 1, at + 4))) {
    return at;
  }
  const last = text.lastIndexOf(String.fromCharCode(quote), limit - 1);
  if (last <= at || /\s/.test(text.slice(at + 1, last)) || !CLOSING_TAIL.test(text.slice(last + 1, limit))) {
    return at;
  }
  return last;
}
