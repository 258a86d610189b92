import { isPlaceholder } from '../placeholders';

/**
 * Values that name or point at a credential kept elsewhere, in forms the general reference test
 * (literalValue's `REFERENCE`) does not read: a shell variable quoted on its own, a variable that leads a
 * path or a URL, and a placeholder whose angle brackets were HTML-escaped.
 */

/** `'$DB_PASSWORD'`, `"${DB_PASSWORD}"`: a shell variable between quotes (as in `"'$PW'"` concatenation). */
const QUOTED_VARIABLE = /^(['"])\$\{?[A-Za-z_]\w{0,80}\}?\1$/;
/** `$BASE_URL/forgot_password`, `${HOME}/.pgpass`: a variable, then a path or URL in plain characters. */
const VARIABLE_THEN_PATH = /^\$\{?[A-Za-z_]\w{1,80}\}?[/:@?#&=.][\w/:@?#&=.%~+-]{0,200}$/;
/** `anonymous:$FROM_EMAIL`, `admin:${PW}`: a user and a variable for the password. */
const USER_THEN_VARIABLE = /^[\w.@-]{1,64}:\$\{?[A-Za-z_]\w{0,80}\}?$/;
/** Sixteen letters and digits in a row, both kinds in it: a literal key beside the variable. */
const KEY_RUN = /[A-Za-z0-9]{16,}/g;
/** `&lt;YOUR_PASSWORD&gt;`: a placeholder in HTML or XML text. */
const ESCAPED_ANGLES = /^&lt;([^&<>\r\n]{1,60})&gt;$/;

/** Whether `value` (trimmed, unquoted) is one of those forms, and so no literal. */
export function isReferenceForm(value: string): boolean {
  if (QUOTED_VARIABLE.test(value) || USER_THEN_VARIABLE.test(value)) {
    return true;
  }
  if (VARIABLE_THEN_PATH.test(value)) {
    return !(value.match(KEY_RUN) ?? []).some((run) => /\d/.test(run) && /[A-Za-z]/.test(run));
  }
  const escaped = ESCAPED_ANGLES.exec(value);
  return escaped !== null && isPlaceholder(`<${escaped[1]!}>`, [], 'whole-template');
}
