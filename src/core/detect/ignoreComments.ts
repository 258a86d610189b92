/**
 * Inline suppression that users write: our own `secure-gpt-ignore` and the comments of the scanners
 * people already use, so a repository that is clean for gitleaks, detect-secrets, secretlint or
 * trufflehog stays clean here.
 */

/** Our marker; `secure-gpt-ignore: rule-a, rule-b` limits it to those rule ids. Quick fixes write it. */
export const IGNORE_MARKER = 'secure-gpt-ignore';
const OWN = IGNORE_MARKER;
/** Other tools' markers that act on their own line. */
const SAME_LINE = [
  'gitleaks:allow',
  'pragma: allowlist secret',
  'secretlint-disable-line',
  'trufflehog:ignore',
];
/** Other tools' markers that act on the next line. */
const NEXT_LINE = ['secretlint-disable-next-line', 'pragma: allowlist nextline secret'];

/** Text before a marker that still makes its line a comment of its own (`//`, `#`, `/*`, `<!--`, `{/*`, `--`, `;`, `REM`). */
const COMMENT_ONLY = /^[\s/*#;%'!<>{(-]*(?:rem\b|::)?[\s/*#;%'!<>{(-]*$/i;

/** Characters read at each end of a long line: enough for any comment, and bounded on a 1 MB line. */
const LINE_END_READ = 4096;

/**
 * True when a comment on line `line` (0-based), or a comment-only line just above it, tells the
 * scanners to ignore a finding of `ruleId` there. `starts` are the text's line starts.
 */
export function ignoredByComment(
  text: string,
  starts: readonly number[],
  line: number,
  ruleId: string,
): boolean {
  if (answered === undefined || answered.starts !== starts || answered.text !== text) {
    answered = { text, starts, results: new Map() };
  }
  const key = `${line}:${ruleId}`;
  let ignored = answered.results.get(key);
  if (ignored === undefined) {
    ignored = markedIgnored(text, starts, line, ruleId);
    answered.results.set(key, ignored);
  }
  return ignored;
}

/**
 * The answers given for the text being scanned (its line starts are made once per scan), by line and rule: a
 * line of many findings (a 1 MB line of tokens) had its ends read, lower-cased and searched for each of them,
 * 8 KB a time, most of the scan's time on such a line.
 */
let answered: { text: string; starts: readonly number[]; results: Map<string, boolean> } | undefined;

function markedIgnored(text: string, starts: readonly number[], line: number, ruleId: string): boolean {
  const own = lineText(text, starts, line);
  if (ownMarkerApplies(own, ruleId, false) || SAME_LINE.some((m) => own.includes(m))) {
    return true;
  }
  if (line === 0) {
    return false;
  }
  const above = lineText(text, starts, line - 1);
  return ownMarkerApplies(above, ruleId, true) || NEXT_LINE.some((m) => above.includes(m));
}

/**
 * Our marker applies to its own line wherever it sits, and to the next line only from a comment-only
 * line: a trailing `// secure-gpt-ignore` after one key must not hide a second key below it.
 */
function ownMarkerApplies(line: string, ruleId: string, fromAbove: boolean): boolean {
  for (let at = line.indexOf(OWN); at !== -1; at = line.indexOf(OWN, at + OWN.length)) {
    if (fromAbove && !COMMENT_ONLY.test(line.slice(0, at))) {
      continue;
    }
    const ids = ruleList(line.slice(at + OWN.length));
    if (ids === undefined || ids.includes(ruleId)) {
      return true;
    }
  }
  return false;
}

/**
 * The rule ids after `secure-gpt-ignore:`; undefined for "all rules". Only a bare comma-separated list
 * counts (optionally followed by a comment closer or ` -- reason`): `secure-gpt-ignore: test fixture`
 * is a reason, not a rule list.
 */
function ruleList(rest: string): string[] | undefined {
  const m =
    /^(?:-[a-z-]+)?\s*:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:$|\*\/|-->|[;#)}]|--\s|\u2014)/.exec(rest);
  return m ? m[1]!.split(',').map((id) => id.trim()) : undefined;
}

/** Line `line`, lower-cased; only its two ends when it is very long. */
function lineText(text: string, starts: readonly number[], line: number): string {
  const start = starts[line] ?? text.length;
  const next = starts[line + 1];
  const end = next === undefined ? text.length : next - 1;
  const raw =
    end - start <= 2 * LINE_END_READ
      ? text.slice(start, end)
      : `${text.slice(start, start + LINE_END_READ)}\n${text.slice(end - LINE_END_READ, end)}`;
  return raw.toLowerCase();
}
