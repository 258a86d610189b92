// Placeholders in the transcript (`‹secret:github-pat#2›`) get a tooltip that says what they stand for and
// why the number may not start at 1. Pure string work, shared by both sides of the chat webview: the host
// writes the saved turns into the page with it (escaped), and the webview wraps the pieces in elements with
// textContent, never innerHTML. It runs in plain Node under unit tests.

/** One piece of a text: plain, or a placeholder with its rule and number. */
export type Piece =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly text: string; readonly rule: string; readonly n: number };

// Same shape as core's PLACEHOLDER_PATTERN; the webview may import only the protocol, so it is repeated.
const PATTERN = /‹secret:([a-z0-9][a-z0-9-]*)#(\d+)›/g;

/** Splits `text` into plain runs and placeholders, in order; joining the pieces' text gives `text` back. */
export function splitPlaceholders(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    const at = match.index;
    if (at > last) {
      pieces.push({ kind: 'text', text: text.slice(last, at) });
    }
    pieces.push({ kind: 'placeholder', text: match[0], rule: match[1] ?? '', n: Number(match[2]) });
    last = at + match[0].length;
  }
  if (last < text.length) {
    pieces.push({ kind: 'text', text: text.slice(last) });
  }
  return pieces;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st... */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * The tooltip of a placeholder: the rule that matched, what the number counts, and whether Insert can
 * put the value back (`restorable` is false for an earlier chat, whose values were in memory only).
 */
export function placeholderTitle(rule: string, n: number, restorable: boolean): string {
  return [
    `A secret found by the rule '${rule}', replaced before anything was sent; the model never saw the value.`,
    `#${n} = the ${ordinal(n)} distinct value of this kind in this conversation (a value seen in an earlier turn or an attachment keeps its number).`,
    restorable
      ? 'Restored locally on Insert (as the secureGpt.redaction.restoreOnInsert setting allows).'
      : 'Not restorable here: this is an earlier chat, and placeholder values are kept in memory only for the current one.',
  ].join('\n');
}
