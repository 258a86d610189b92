import { credentialKind } from './credentialName';
import { pushLiteral, readQuoted } from './literalValue';
import type { RecallDetector } from './recallSpan';

/**
 * Several names given several values in one statement, each value to the name at its place: Go's
 * `const user, password string = "admin", "…"` and `u, p := "admin", "…"`, Python's `user, password = "admin",
 * "…"` (or a tuple in parentheses), Perl's `my ($user, $pass) = ("admin", "…")`. A name detector reads the
 * name before `=` and takes the first value, so the credential, further along, was sent (whispers' Go case).
 * Read from a line's start with one anchored pattern, tried only on a line where a comma comes before an
 * assignment's name and operator (`LAST_NAME`), and once a line.
 */
const STATEMENT =
  /[ \t]{0,32}(?:(?:const|var|let|local|my|our)[ \t]{1,4})?\(?((?:[$@]?[A-Za-z_][\w.]{0,63}[ \t]{0,4},[ \t]{0,4}){1,7}[$@]?[A-Za-z_][\w.]{0,63})\)?(?:[ \t]{1,4}[A-Za-z_][\w.[\]*]{0,40})?[ \t]{0,4}:?=(?![=~>])[ \t]{0,4}[([]?[ \t]{0,4}/y;
/** A bare value: a number, a name, a call's start; read to the next comma. */
const BARE = /[^,\s)\]]{1,200}/y;
/** The comma between two values. */
const COMMA = /[ \t]{0,4},[ \t]{0,4}/y;

/**
 * What every statement holds, found first: a comma, then the last name and the operator. Most lines have
 * no such place, so a line start is tried only where one is (see `STATEMENT`).
 */
const LAST_NAME =
  /,[ \t]{0,4}[$@]?[A-Za-z_][\w.]{0,63}\)?(?:[ \t]{1,4}[A-Za-z_][\w.[\]*]{0,40})?[ \t]{0,4}:?=(?![=~>])/g;

export const findTupleAssignments: RecallDetector = (text, out) => {
  const re = new RegExp(STATEMENT.source, 'y');
  const trigger = new RegExp(LAST_NAME.source, 'g');
  // The line of the last trigger, as [its start, the next line break]: a later trigger before that break is on
  // the same line, tried already. Each break is found once, so a line of many triggers stays linear.
  let lineBreak = -1;
  for (let t = trigger.exec(text); t !== null; t = trigger.exec(text)) {
    if (t.index < lineBreak) {
      continue;
    }
    const lineStart = text.lastIndexOf('\n', t.index) + 1;
    lineBreak = text.indexOf('\n', t.index);
    if (lineBreak === -1) {
      lineBreak = text.length;
    }
    re.lastIndex = lineStart;
    const m = re.exec(text);
    if (m === null) {
      continue;
    }
    const names = m[1]!.split(',').map((n) => n.trim().replace(/^[$@]/, ''));
    const kinds = names.map((n) => credentialKind(n));
    if (kinds.every((k) => k === undefined)) {
      continue;
    }
    let at = m.index + m[0].length;
    for (let k = 0; k < names.length; k++) {
      const c = text[at];
      let next: number;
      if (c === '"' || c === "'" || c === '`') {
        const span = readQuoted(text, at);
        const kind = kinds[k];
        if (kind !== undefined) {
          pushLiteral(text, span, kind, false, out);
        }
        next = span.end + 1;
      } else {
        BARE.lastIndex = at;
        if (!BARE.test(text)) {
          break;
        }
        next = BARE.lastIndex;
      }
      COMMA.lastIndex = next;
      if (k < names.length - 1 && !COMMA.test(text)) {
        break; // fewer values than names: a call's result unpacked, not values in place
      }
      at = COMMA.lastIndex;
    }
  }
};
