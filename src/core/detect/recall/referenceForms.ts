import { isPlaceholder } from '../placeholders';
import { holdsKeyRun } from '../templateRefs';
import { isShellReference } from './nonSecretForms';

/**
 * Values that name or point at a credential kept elsewhere, in forms the general reference test
 * (literalValue's `REFERENCE`) does not read: a shell variable quoted on its own, a user and a variable
 * for the password, a variable that leads a path or a URL, Symfony's `%env(…)%`, and a placeholder whose
 * angle brackets were HTML-escaped. Shell variables are read as `isShellReference` reads them, as the command-flag reader does.
 */

/** `'$DB_PASSWORD'`, `"${DB_PASSWORD}"` (as in `"'$PW'"` concatenation): the variable between its quotes. */
const QUOTED = /^(['"])(.*)\1$/;
/** `anonymous:$FROM_EMAIL`, `admin:${PW}`: a user, then what stands for the password. */
const USER_THEN = /^[\w.@-]{1,64}:(.*)$/;
/**
 * `$BASE_URL/forgot_password`, `${HOME}/.pgpass`, `$HOST:5432`: a variable, then a path or URL in plain
 * characters, opened by `/`, `:`, `@`, `?` or `.` (a password's `$f6=kC#…` or `$hy3z7&…` opens with none).
 */
const VARIABLE_THEN_PATH = /^\$\{?([A-Za-z_]\w{1,80})\}?[/:@?.][\w/:@?#&=.%~+-]{0,200}$/;
/** Symfony's environment processor, `%env(DB_SECRET)%`, `%env(resolve:DATABASE_URL)%`. */
const SYMFONY_ENV = /^%env\((?:[a-z_]{1,20}:){0,4}[A-Za-z_]\w{0,80}\)%$/;
/**
 * Secret stores' references a platform resolves at run time: Azure App Service's Key Vault reference
 * (`@Microsoft.KeyVault(SecretUri=…)`, `@Microsoft.KeyVault(VaultName=…;SecretName=…)`), a JetBrains macro
 * (`$PAYMENTS_DB_PASSWORD$`), Home Assistant's and zigbee2mqtt's `!secret name` quoted as a string.
 */
const STORE_REFERENCE =
  /^(?:@Microsoft\.KeyVault\([^()\r\n]{1,300}\)|\$[A-Za-z_][\w.]{0,80}\$|!secret(?:\.yaml)?[ \t]{1,4}[\w.-]{1,80})$/;
/** `&lt;YOUR_PASSWORD&gt;`: a placeholder in HTML or XML text. */
const ESCAPED_ANGLES = /^&lt;([^&<>\r\n]{1,60})&gt;$/;

/**
 * Names and paths in a credential's place (Earlybird's negatives): an environment variable's or a secret's
 * name (`password: MONGO_DB_PASSWORD`), a statement's bind parameter (`password=@password`, `:db_pass`), a
 * file's path (`api.auth.Password: /foo/bar/Password.js`).
 */
const NAMED_SECRET = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const CREDENTIAL_PART = /PASS|PWD|SECRET|TOKEN|KEY|CRED|AUTH/i;
const BIND_PARAMETER = /^[@:][A-Za-z_]\w{0,40}$/;
const FILE_PATH = /^(?:\.{0,2}\/|~\/)?(?:[\w.-]{1,64}\/){1,12}[\w-]{1,64}\.[A-Za-z]{1,5}$/;

/** Whether `value` (trimmed, unquoted) is one of those forms, and so no literal. */
export function isReferenceForm(value: string): boolean {
  if (
    ((NAMED_SECRET.test(value) || BIND_PARAMETER.test(value)) && CREDENTIAL_PART.test(value)) ||
    FILE_PATH.test(value)
  ) {
    return true;
  }
  const quoted = QUOTED.exec(value)?.[2];
  if (STORE_REFERENCE.test(quoted ?? value)) {
    return true;
  }
  const password = USER_THEN.exec(value)?.[1];
  if (SYMFONY_ENV.test(quoted ?? value)) {
    return true;
  }
  if (
    (quoted !== undefined && isShellReference(quoted)) ||
    (password !== undefined && isShellReference(password))
  ) {
    return true;
  }
  const variable = VARIABLE_THEN_PATH.exec(value)?.[1];
  if (variable !== undefined && namesVariable(variable)) {
    return !holdsKeyRun(value);
  }
  const escaped = ESCAPED_ANGLES.exec(value);
  return escaped !== null && isPlaceholder(`<${escaped[1]!}>`, [], 'whole-template');
}

/**
 * Whether `name` reads as a variable's name: one case (`BASE_URL`, `S3_BUCKET`, `home`), camelCase or
 * PascalCase (`apiBaseUrl`, `DbHost2`). A generated password that opens with `$` and holds a mark
 * (`$DfIfW5bgkI&u9…`, about one draw of twenty letters, digits and marks in 400) is none of them.
 */
function namesVariable(name: string): boolean {
  return /^(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*|_?[a-z]+(?:[A-Z][a-z0-9]+)+|(?:[A-Z][a-z0-9]+)+)$/.test(name);
}
