import { pushLiteral } from './literalValue';
import type { RecallSpan } from './recallSpan';

// A password in a log line's message or pairs (`INFO connecting with password=…`, `ERROR login failed for
// admin (password: …)`, logfmt's `level=info user=admin password=…`). In code a bare value after a name is
// an expression, so only a generated one was taken there, and a chosen word went out with the log. In a log
// line, which a level among its first words marks, the value is a literal: a word that ends at a blank or
// a closing mark, and holds nothing a format string or a template would (`%(pw)s`, `{pw}`, `$PW`).

/**
 * A log line up to the name: a level among its first words (`INFO`, `[ERROR]`, `level=warn`), after a
 * timestamp or a logger's name, then anything, then a blank, `(`, `,`, `[` or `{` right before the name.
 */
const LOG_PREFIX =
  /^[ \t]{0,8}(?:\S{1,40}[ \t]{1,4}){0,4}?(?:\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|CRIT)\]?:?|level=(?:trace|debug|info|warn|warning|error|fatal))[ \t][^\r\n]{0,200}[ \t(,[{]$/;
/** The value: letters, digits and a password's marks, up to a blank or a closing mark. */
const LOG_VALUE = /[A-Za-z0-9._~!@#^&+:/-]{4,128}(?=[\s,;)\]}"']|$)/y;

/**
 * Hides the bare password at `at` when `prefix` (its line up to the name) is a log line's; returns where
 * reading stopped (`at` when it took nothing).
 */
export function logLineValue(text: string, at: number, prefix: string, out: RecallSpan[]): number {
  if (prefix.length > 300 || !LOG_PREFIX.test(prefix)) {
    return at;
  }
  LOG_VALUE.lastIndex = at;
  const m = LOG_VALUE.exec(text);
  return m === null
    ? at
    : pushLiteral(text, { start: at, end: at + m[0].length, quoted: false }, 'password', true, out);
}
