import { hasExampleShape } from '../placeholders';
import type { RecallDetector } from './recallSpan';

/**
 * Vault AppRole credentials: a `role_id` and a `secret_id`, both UUIDs. Every other `*_id` names an
 * identifier, and the credential-name test leaves them; these two log in together, and the role id is
 * the half a leak guide tells you to keep as close as the secret id. Only a UUID is taken: a name (`role_id:
 * admin`), a reference (`$ROLE_ID`) or a documented example (`12345678-1234-…`) is left.
 */
const APPROLE_ID =
  /(?<![A-Za-z0-9])(?:vault[_-]?|approle[_-]?)?(?:role|secret)[_-]?id["']?[ \t]{0,4}(?::=|=>|[:=])[ \t]{0,4}["']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/gi;

export const findAppRoleIds: RecallDetector = (text, out) => {
  for (const m of text.matchAll(APPROLE_ID)) {
    const start = m.index + m[0].length - m[1]!.length;
    if (hasExampleShape(m[1]!)) {
      continue;
    }
    out.push({ start, end: start + m[1]!.length, kind: 'vault-approle-id' });
  }
};
