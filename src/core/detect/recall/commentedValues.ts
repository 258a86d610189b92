import type { RecallSpan } from './recallSpan';

/**
 * A credential commented out on its line (`# DB_PASS=…` in a `.env`, `// password: …`) still leaves with
 * the text, but a comment also holds prose (`# token: see the docs`). So in a comment, a value counts
 * only as one word that ends its line.
 */

/** What a comment documents rather than sets: a choice (`true|false`), a flag word, an identifier (`allHosts`). */
const DOCUMENTED = /[|<>]|^(?:true|false|yes|no|on|off|none|null)$/i;
const IDENTIFIER = /^[a-z]{3,}(?:[A-Z][a-z]{2,})+$/;

/** How far back the start of the name's line is looked for. */
const LINE_REACH = 160;

/**
 * Whether the name at `s` follows a comment marker that opens its line (`#`, `//`, `;`, `--`, `/*`, a block
 * comment's `*`, `<!--`). A network
 * share's `//host/share` (an fstab line, `mount -t cifs //nas/b …`) opens with no comment.
 */
function commentedOut(text: string, s: number): boolean {
  const before = text.slice(Math.max(0, s - LINE_REACH), s);
  // Ruby's `inspect` (`#<Config host="db" password="…">`, in a log or a console) opens with `#` and no comment.
  return /^[ \t]*(?:#(?!<[A-Z])|\/\/(?![\w.-]{1,64}\/)|;|--|\/\*|\*(?!\/)|<!--)/.test(
    before.slice(before.lastIndexOf('\n') + 1),
  );
}

/** Whether the value `v` found for the name at `s` is one: outside a comment, or one word ending its line or comment. */
export function valueOutsideProse(text: string, s: number, v: RecallSpan): boolean {
  if (!commentedOut(text, s)) {
    return true;
  }
  const value = text.slice(v.start, v.end);
  // Code commented out keeps its quoted literals (`# conn = connect(password="…")`): no prose is quoted so.
  const quote = text[v.start - 1];
  if ((quote === '"' || quote === "'") && text[v.end] === quote && !/\s/.test(value)) {
    return !DOCUMENTED.test(value);
  }
  // Its line's end, or the comment's (`/* password: … */`, `<!-- token: … -->`).
  const endsLine = /^["'`]?[,;]?[ \t]*(?:\*\/[ \t]*|-->[ \t]*)?(?:\r?\n|$)/.test(
    text.slice(v.end, v.end + 64),
  );
  return endsLine && !/\s/.test(value) && !DOCUMENTED.test(value) && !IDENTIFIER.test(value);
}
