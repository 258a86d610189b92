import { credentialKind } from './credentialName';
import { pushLiteral, readQuoted } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { forEachLineWith, wordSet } from './wordIndex';

// A credential changed in place as a plan or a diff tool shows it: Terraform's `~ password = "old" -> "new"`,
// Pulumi's `~ password: "old" => "new"`, Ansible's `--diff` line `db_password: old -> new`. The old value
// reads as any assignment's; the new one stood after an arrow that no other detector reads, and left the
// machine with the plan (the hunts' Terraform plans, 2026-12-07).

/** The arrow, with the blanks a plan writes around it. */
const ARROWS = wordSet([' -> ', ' => ']);
/**
 * A plan's line: its change mark, the name (quoted or not), `=` or `:`, the old value (quoted or bare),
 * the arrow, then the new value's opening quote or first character (at `lastIndex`). The name is group 1.
 */
const CHANGE =
  /[ \t]{0,32}(?:[~+-][ \t]{1,8})?(["']?)([A-Za-z_][\w.-]{0,63})\1[ \t]{0,4}[=:][ \t]{0,4}(?:"[^"\r\n]{0,400}"|'[^'\r\n]{0,400}'|[^\s"']{1,400})[ \t]{1,4}(?:->|=>)[ \t]{1,4}(?=\S)/y;
/** A value a plan writes for what it does not show, or an empty one: nothing to hide. */
const NOT_SHOWN = /^(?:null|\(known after apply\)|\(sensitive(?: value)?\)|<computed>|""|'')/;

export const findChangedValues: RecallDetector = (text, out) => {
  forEachLineWith(text, ARROWS, (from, end) => {
    CHANGE.lastIndex = from;
    const m = CHANGE.exec(text);
    const kind = m === null || CHANGE.lastIndex > end ? undefined : credentialKind(m[2]!);
    if (kind === undefined || NOT_SHOWN.test(text.slice(CHANGE.lastIndex, end))) {
      return;
    }
    const at = CHANGE.lastIndex;
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      pushLiteral(text, readQuoted(text, at), kind, false, out);
      return;
    }
    let stop = at;
    while (stop < end && !/\s/.test(text[stop]!)) {
      stop++;
    }
    pushLiteral(text, { start: at, end: stop, quoted: false }, kind, true, out);
  });
};
