/**
 * Which `.env` names hold credentials. A value given to such a name is guarded whatever its shape (a
 * passphrase of dictionary words, a short PIN-like password), because the name says what it is; other
 * values go through the noise filter, since `NODE_ENV=production` must not redact "production" everywhere.
 */

/** Whole name tokens that name a credential (`DB_PASS`, `API_KEY_V2`, `openaiKey`, `SENTRY_DSN`). */
const CREDENTIAL_TOKENS = new Set([
  'PASS',
  'PWD',
  'PW',
  'KEY',
  'KEYS',
  'AUTH',
  'DSN',
  'SALT',
  'PEPPER',
  'HMAC',
  'CREDS',
  'CRED',
  'COOKIE',
]);

/** Words that name a credential wherever they sit in a token (`DBPASSWORD`, `AUTHTOKEN`, `APIKEY`). */
const CREDENTIAL_WORDS =
  /PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|CREDENTIAL|APIKEY|ACCESSKEY|PRIVATE|SIGNINGKEY|CONNSTR|CONNECTIONSTRING/;

/**
 * A last token that makes the name about a credential rather than the credential itself: `AWS_ACCESS_KEY_ID`
 * is an identifier printed in logs and ARNs, `JWT_SECRET_PATH` a path, `AUTH_PROVIDER` a name. Their values
 * still go through the noise filter, which keeps anything mixed enough to be a key id.
 */
const ABOUT_QUALIFIERS = new Set([
  'ID',
  'IDS',
  'PATH',
  'FILE',
  'FILENAME',
  'DIR',
  'URL',
  'URI',
  'HOST',
  'HOSTNAME',
  'PORT',
  'NAME',
  'USER',
  'USERNAME',
  'EMAIL',
  'DOMAIN',
  'PROVIDER',
  'TYPE',
  'MODE',
  'ENABLED',
  'ENABLE',
  'DISABLED',
  'REQUIRED',
  'METHOD',
  'REGION',
  'ENDPOINT',
  'ALGORITHM',
  'ALG',
  'ISSUER',
  'AUDIENCE',
  'SCOPE',
  'SCOPES',
  'HEADER',
  'PREFIX',
  'VERSION',
  'FORMAT',
  'ENCODING',
  'STRATEGY',
  'POLICY',
  'ARN',
  'LOCATION',
]);

/** Quantities anywhere in the name: `MAX_TOKENS=100000` is a number, not a credential. */
const QUANTITY_TOKENS = new Set([
  'MAX',
  'MIN',
  'LIMIT',
  'COUNT',
  'NUM',
  'SIZE',
  'LENGTH',
  'LEN',
  'TTL',
  'TIMEOUT',
  'EXPIRY',
  'EXPIRES',
  'EXPIRATION',
  'LIFETIME',
  'AGE',
  'RETRIES',
  'INTERVAL',
]);

/** Splits any case style into upper-case tokens: `openaiKey`, `db-password`, `DB_PASSWORD_PRIMARY`. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter((t) => t.length > 0);
}

/** Whether `name` names a credential, so that its value is guarded whatever its shape. */
export function isCredentialName(name: string): boolean {
  const tokens = nameTokens(name);
  if (tokens.length === 0 || name === 'PWD' || name === 'OLDPWD') {
    return false; // the shell's working directory, not a password
  }
  if (tokens.includes('PUBLIC') || tokens.some((t) => QUANTITY_TOKENS.has(t))) {
    return false;
  }
  if (tokens.length > 1 && ABOUT_QUALIFIERS.has(tokens[tokens.length - 1]!)) {
    return false;
  }
  return tokens.some((t) => CREDENTIAL_TOKENS.has(t) || CREDENTIAL_WORDS.test(t));
}

/**
 * A value that stands for a credential without being one: a reference (`${DB_PASSWORD}`, `$TOKEN`,
 * `%TOKEN%`, `{{ .Values.token }}`), a template hole (`<your-key>`, `your_api_key_here`), a filler
 * (`changeme`, `xxxxxxxx`, `********`) or the bare word for what it is (`password`, `secret`).
 */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) {
    return true;
  }
  if (/^\$\{[^}]*\}$|^\$[A-Za-z_]\w*$|^%[A-Za-z_]\w*%$|^\{\{.*\}\}$|^<[^<>]*>$|^\[[^[\]]*\]$/.test(v)) {
    return true;
  }
  if (/^(.)\1*$/.test(v) || /^[x*.#_-]+$/i.test(v)) {
    return true;
  }
  if (
    /^(?:password|passwd|secret|token|apikey|api[-_]key|none|null|nil|undefined|empty|redacted|example|sample|dummy|placeholder|todo|tbd|test|testing|default)$/i.test(
      v,
    )
  ) {
    return true;
  }
  return /change[-_ ]?me|replace[-_ ]?me|placeholder|^(?:your|my|enter|insert|put|add)[-_ ]|[-_ ]here$/i.test(
    v,
  );
}

/**
 * The literal a reference falls back to (`${NAME:-literal}` gives `literal`): the fallback is
 * a value written in the file, and it is what runs when the variable is unset.
 */
export function referenceFallback(value: string): string | undefined {
  const m = /^\$\{[A-Za-z_]\w*:?[-=](.*)\}$/.exec(value.trim());
  return m ? m[1] : undefined;
}

/**
 * The secret parts of a URL's userinfo: the password of `scheme://user:password@host`, or the token of
 * `https://token@host`. Percent escapes are decoded, since the decoded password is what code holds too.
 */
export function urlUserinfoSecrets(value: string): string[] {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^@/?#\s]+)@/i.exec(value.trim());
  if (!m) {
    return [];
  }
  const userinfo = m[1]!;
  const colon = userinfo.indexOf(':');
  const raw = colon === -1 ? userinfo : userinfo.slice(colon + 1);
  const out = [raw];
  try {
    const decoded = decodeURIComponent(raw);
    if (decoded !== raw) {
      out.push(decoded);
    }
  } catch {
    // a stray % is not an escape: the raw form is the value
  }
  return out;
}
