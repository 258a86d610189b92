'use strict';
// The peers' own names for their test cases, stored as a case's `case` (README.md, "Format"): read by the
// extractors only (node, offline); the same source always gives the same names.

/**
 * The table entry's `name:`, the peer's own words for the case ("valid pattern - key out of prefix
 * range", "invalid pattern - too short"): read back from `input` to the `{` that opens the entry, then on
 * to the `}` that closes it. Undefined where the entry has none or it is not a string literal.
 */
function caseName(toks, i) {
  const isName = (j) => toks[j].v === 'name' && toks[j + 1]?.v === ':' && toks[j + 2]?.t === 'str';
  const opens = (t) => t.t === 'p' && '([{'.includes(t.v);
  const closes = (t) => t.t === 'p' && ')]}'.includes(t.v);
  for (let j = i - 1, depth = 0; j >= 0; j--) {
    if (closes(toks[j])) depth++;
    else if (opens(toks[j]) && depth-- === 0) break;
    else if (depth === 0 && isName(j)) return toks[j + 2].v;
  }
  for (let j = i, depth = 0; j < toks.length; j++) {
    if (opens(toks[j])) depth++;
    else if (closes(toks[j]) && depth-- === 0) break;
    else if (depth === 0 && isName(j)) return toks[j + 2].v;
  }
  return undefined;
}

/**
 * The test's own words for the tuple matched at [start, end) of `src`: a `#` comment inside the tuple, or
 * after it on its line, or alone on the line before it (`# token < 20 chars should be too short`). Lint
 * pragmas (`noqa: E501`, `gitleaks:allow`) are not words. Undefined where the tuple has none.
 */
function commentOf(src, start, end) {
  const words = (c) =>
    c
      ?.replace(/#?\s*(?:noqa|gitleaks:allow)(?::[^#]*)?/g, '')
      .replace(/^#\s*/, '')
      .trim() || undefined;
  const inside = /^\(\s*#([^\n]*)/.exec(src.slice(start, end));
  // llm-guard's match stops before the tuple's last field (a score) and its `)`.
  const after = /^(?:\s*-?[\d.]+\s*,?\s*\))?[ \t]*,?[ \t]*#([^\n]*)/.exec(src.slice(end));
  const lineStart = src.lastIndexOf('\n', start - 1);
  const before = /(?:^|\n)[ \t]*#([^\n]*)\n[ \t]*$/.exec(src.slice(0, lineStart + 1));
  const blank = src.slice(lineStart + 1, start).trim() === '';
  return words(inside?.[1]) ?? words(after?.[1]) ?? (blank ? words(before?.[1]) : undefined);
}

module.exports = { caseName, commentOf };
