import { LDAP_TOOL } from '../rules/serverPasswords';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector } from './recallSpan';

/**
 * Passwords that command-line tools take in a place of their own, which no credential-named flag marks:
 * - the OpenLDAP clients' bind password, `-w` (`ldapsearch -x -D "cn=admin,…" -w '…'`);
 * - an RDP client's `/p:` (`xfreerdp /u:Administrator /p:…`);
 * - Windows `net use Z: \\host\share <password> /user:<user>`, the word after the share;
 * - `htpasswd -b [-c…] <file> <user> <password>`, the last of its three words.
 * The value is quoted or runs to the next blank; a variable (`$PW`, `%PW%`), a template or `*` (net use's
 * prompt) is not one.
 */

/** A value as a shell passes it: what the quotes hold, or a run up to a blank. */
const VALUE = `(?:"([^"\\r\\n]{1,128})"|'([^'\\r\\n]{1,128})'|([^\\s"']{1,128}))`;

const TOOL_PASSWORDS: readonly RegExp[] = [
  new RegExp(`\\b${LDAP_TOOL}\\b[^\\r\\n]{0,240}?[ \\t]-w[ \\t]{1,4}${VALUE}`, 'g'),
  new RegExp(`\\b(?:xfreerdp|wlfreerdp|sdl-freerdp)\\b[^\\r\\n]{0,240}?[ \\t][/+]p:${VALUE}`, 'g'),
  new RegExp(
    `\\bnet[ \\t]{1,4}use[ \\t]{1,4}(?:[A-Za-z]:[ \\t]{1,4})?\\\\\\\\[^\\s]{1,200}[ \\t]{1,4}${VALUE}(?=[ \\t]{1,4}/user:)`,
    'gi',
  ),
  new RegExp(
    `\\bhtpasswd[ \\t]{1,4}-[A-Za-z]*b[A-Za-z]*(?:[ \\t]{1,4}-[A-Za-z]{1,8})*[ \\t]{1,4}[^\\s-][^\\s]{0,200}[ \\t]{1,4}[^\\s]{1,64}[ \\t]{1,4}${VALUE}`,
    'g',
  ),
];

export const findToolPasswords: RecallDetector = (text, out) => {
  for (const re of TOOL_PASSWORDS) {
    for (const m of text.matchAll(re)) {
      const value = m[1] ?? m[2] ?? m[3]!;
      if (value === '*' || /^(?:\$\{?\w+\}?|%\w+%|\$\(.*\))$/.test(value) || isPlaceholderValue(value)) {
        continue;
      }
      const start = m.index + m[0].length - value.length - (m[3] === undefined ? 1 : 0);
      out.push({ start, end: start + value.length, kind: 'password' });
    }
  }
};
