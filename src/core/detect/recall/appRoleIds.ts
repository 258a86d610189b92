import { hasExampleShape } from '../placeholders';
import { charTable, longRuns, matchesAt } from './charRuns';
import type { RecallDetector } from './recallSpan';

/**
 * Vault AppRole credentials: a `role_id` and a `secret_id`, both UUIDs. Every other `*_id` names an
 * identifier, and the credential-name test leaves them; these two log in together, and the role id is
 * the half a leak guide tells you to keep as close as the secret id. Only a UUID is taken: a name (`role_id:
 * admin`), a reference (`$ROLE_ID`) or a documented example (`12345678-1234-…`) is left.
 */
export const APPROLE_ID =
  /(?<![A-Za-z0-9])(?:vault[_-]?|approle[_-]?)?(?:role|secret)[_-]?id["']?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;

/** `APPROLE_ID` tried at one position. */
const APPROLE_AT = new RegExp(APPROLE_ID.source, 'iy');
/** Hex digits and `-`: a UUID is a whole run of them, the pattern's look-ahead and separators bound it. */
const UUID_CHARS = charTable('0123456789abcdefABCDEF-');
const UUID_LENGTH = 36;
/** Where a match starts before its UUID: `approle_` `secret` `_` `id` `"` 4 blanks `:=` 4 blanks `"`, or `role` `id` `:`. */
const NAME_REACH = [7, 29] as const;

/**
 * The matches of `APPROLE_ID`, found from its UUIDs: runs of exactly 36 UUID characters, which code
 * seldom holds, tried from each offset a name before them could start at. Tried at every position, the
 * pattern read each `r`, `s`, `v` and `a` of the text.
 */
export function* appRoleMatches(text: string): Generator<RegExpExecArray> {
  const runs = longRuns(text, UUID_CHARS, UUID_LENGTH);
  const starts = function* (): Generator<number> {
    for (let r = 0; r < runs.length; r += 2) {
      if (runs[r + 1]! - runs[r]! === UUID_LENGTH) {
        for (let s = runs[r]! - NAME_REACH[1]; s <= runs[r]! - NAME_REACH[0]; s++) {
          yield s;
        }
      }
    }
  };
  yield* matchesAt(text, APPROLE_AT, starts());
}

export const findAppRoleIds: RecallDetector = (text, out) => {
  for (const m of appRoleMatches(text)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (hasExampleShape(m[1]!)) {
      continue;
    }
    out.push({ start, end: start + m[1]!.length, kind: 'vault-approle-id' });
  }
};
