import { credentialKind } from './credentialName';
import { pushLiteral } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { holdsWord, wordSet } from './wordIndex';

// A Go struct printed with `%+v` (`{Host:db Password:… Port:5432}`, `&{User:app Password:…}`,
// `main.Config{…}` in a panic or a log): fields `Name:value` parted by blanks, strings unquoted. The
// named-literal detector reads a bare value after `Name:` as code unless it is generated, so a chosen
// password went out with the log line (the everyday-placements probe, 2026-12-07).

/** A credential word that a field's name holds, for the shared word search: a text without one is passed over. */
const WORDS = wordSet(['pass', 'pwd', 'secret', 'token', 'key', 'credential']);
/**
 * A printed struct's opening (`{`, `&{`, `pkg.Type{`) right before its first field's name: found from its
 * `{`, which a search finds natively (an optional type name before it, tried at every letter, cost 6 ms a MB).
 */
const OPENING = /\{(?=[A-Z]\w{0,63}:[^\s:])/g;
/** One field: its name (group 1), `:`, an unquoted value up to a blank or `}` (group 2), and the blank after. */
const FIELD = /([A-Z]\w{0,63}):([^\s{}"]{0,200})(?=[ }])[ ]?/dy;
/** The most fields read in one struct: a line of them stays linear. */
const MAX_FIELDS = 64;

export const findPrintedStructs: RecallDetector = (text, out) => {
  if (!holdsWord(text, WORDS)) {
    return;
  }
  for (const open of text.matchAll(OPENING)) {
    FIELD.lastIndex = open.index + open[0].length;
    for (let k = 0; k < MAX_FIELDS; k++) {
      const m = FIELD.exec(text);
      if (m === null) {
        break;
      }
      const kind = m[2] === '' ? undefined : credentialKind(m[1]!);
      if (kind !== undefined) {
        const [start, end] = m.indices![2]!;
        pushLiteral(text, { start, end, quoted: false }, kind, true, out);
      }
    }
  }
};
