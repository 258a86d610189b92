import { foldWord, foreignKind } from './foreignWords';
import { METADATA_WORDS } from './metadataWords';

/**
 * Whether a name (a variable, key, flag, header or setting) names a credential, whatever its case style:
 * `DB_PASSWORD_PRIMARY`, `API_KEY_V2`, `HMAC_KEY`, `openaiKey`, `client-secret`, `x-api-key`,
 * `spring.datasource.password`. The redact tier hides a literal given to such a name, so the test leans to
 * yes, and says no only for names that hold something about a credential rather than the credential
 * itself (`password_hash`, `token_type`, `api_key_id`, `max_tokens`) or a key that is no secret
 * (`cache_key`, `public_key`).
 */

/** A word that ends in one of these names a credential: `password`, `dbpassword`, `authtoken`, `apisecret`. */
const CREDENTIAL_ENDINGS = [
  ...['password', 'passwd', 'passphrase', 'passcode', 'secret', 'secrete', 'token', 'apikey', 'privatekey'],
  ...['secretkey', 'accesskey', 'authkey', 'masterkey', 'signingkey', 'credential', 'credentials', 'secrets'],
  ...['passwords', 'tokenkey'],
] as const;

/** Whole words that name a credential on their own. */
const CREDENTIAL_WORDS = new Set([
  'pass',
  'pwd',
  'pw',
  // Talisman's short form of password (`SERVER_PWORD`).
  'pword',
  'pat',
  'creds',
  'hmac',
  'auth',
  'requirepass',
  'masterauth',
  // Duo's and others' short form of "secret key" (`DUO_SKEY`).
  'skey',
]);

/** Qualifiers that make `…_key` an ordinary key: a cache, sort or database key, or a public one. */
const ORDINARY_KEY_QUALIFIERS = new Set([
  'cache',
  'sort',
  'primary',
  'foreign',
  'partition',
  'object',
  'site',
  'idempotency',
  'map',
  'row',
  'unique',
  'composite',
  'lookup',
  'hot',
  'shortcut',
  'keyboard',
  'translation',
  'i18n',
  'query',
  'storage',
  'dedupe',
  'dedup',
  'group',
  'routing',
  'shard',
  'distribution',
  'join',
  'list',
  'dict',
  'entry',
  'item',
  'record',
  'column',
  'table',
  'cursor',
  'next',
  'prev',
  'lock',
  'event',
  'metric',
  'state',
  'config',
  'settings',
  'data',
  'content',
  'redis',
  's3',
  'bucket',
  'react',
  'order',
  'product',
  'user',
  'customer',
  'range',
  'hash',
  'sorting',
  'message',
  'local',
  'storage',
  'anon',
  'authorized',
  'known',
  'recv',
  'receive',
  'refresh',
  'list',
  'delete',
  'import',
  'fetch',
]);

/**
 * The placeholder kind for a literal given to `name`, or undefined when `name` does not name a
 * credential. A dotted or namespaced name is judged by its last part (`auth.password.tooShort` is a
 * message about a password, `db.password` is one).
 */
export function credentialKind(name: string): string | undefined {
  // A storage account's key named with its account and host after it (Hadoop's and Spark's
  // `fs.azure.account.key.<account>.dfs.core.windows.net`).
  if (/\.account\.key\.[\w-]{1,64}\./i.test(name)) {
    return 'key';
  }
  // A namespace's `key` after a credential word (`play.http.secret.key`, `silhouette…crypter.key`).
  if (/(?:secret|crypter|signing|signer|private|encryption|hmac|master)\.key$/i.test(name)) {
    return 'key';
  }
  const last = lastPart(name);
  const words = splitWords(last);
  // A cloud's account key (`AZURE_STORAGE_ACCOUNT_KEY`, `SERVICE_ACCOUNT_KEY`), though `storage` and
  // `service` are otherwise words about a key.
  if (/(?:^|_)(?:storage|service)_account_(?:access_)?key$/.test(words.join('_'))) {
    return 'key';
  }
  if (
    words.length === 0 ||
    words.length > 8 ||
    words.some(
      (w, i) =>
        METADATA_WORDS.has(w) && !isBrand(last, words, i) && !isOwner(words, i) && !isAdvice(words, i),
    ) ||
    saysNotReal(words)
  ) {
    return undefined;
  }
  // `psk`: a pre-shared key, the passphrase of a Wi-Fi network (`psk="…"` in wpa_supplicant.conf) or a VPN,
  // as the last of at most two words (`WIFI_PSK`); a longer name is a TLS constant (`TLS_DHE_PSK`).
  if (words[words.length - 1] === 'psk' && words.length <= 2) {
    return 'password';
  }
  if (isPinName(words)) {
    return 'password';
  }
  // A second factor's shared secret under its own name (`login_totp`, a password manager's export column).
  if (words[words.length - 1] === 'totp') {
    return 'secret';
  }

  let kind: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const found = wordKind(w, i > 0 ? words[i - 1] : undefined, words[i + 1]);
    if (found !== undefined && (kind === undefined || rank(found) > rank(kind))) {
      kind = found;
    }
  }
  return kind;
}

/**
 * Words by which a test names a value that is no credential: `fakeToken`, `nonMatchingToken`,
 * `invalidKey`, `wrongStart` (the report tier's generic rules read the same qualifiers).
 */
const NOT_REAL_WORDS = new Set(['fake', 'dummy', 'bogus', 'nonmatching', 'invalid', 'wrong']);

function saysNotReal(words: readonly string[]): boolean {
  return words.some(
    (w, i) =>
      NOT_REAL_WORDS.has(w) || (w === 'non' && (words[i + 1] === 'matching' || words[i + 1] === 'valid')),
  );
}

/**
 * Metadata words that, before a closing credential word, name whose credential it is (`host_secret`,
 * `SERVICE_TOKEN`, `store_password`); after it they describe it (`secret_host`, `token_service`).
 */
const OWNER_WORDS = new Set(['host', 'service', 'provider', 'store', 'manager']);
const ID_OR_FILE = new Set(['id', 'file']);

function isOwner(words: readonly string[], i: number): boolean {
  const lastWord = words[words.length - 1]!;
  // An account's id or a key's file, then its password (`apple_id_password`, Snowflake's `private_key_file_pwd`).
  const ownsPassword = ID_OR_FILE.has(words[i]!) && i > 0 && i === words.length - 2;
  if (ownsPassword && wordKind(lastWord, words[i]) === 'password') {
    return true;
  }
  return (
    OWNER_WORDS.has(words[i]!) &&
    i < words.length - 1 &&
    lastWord !== 'key' &&
    !words.slice(i + 1).some((w) => METADATA_WORDS.has(w)) &&
    wordKind(lastWord, words[words.length - 2]) !== undefined
  );
}

/**
 * Whether `name` says its value is no secret: a metadata word (`token_id`, `passwordDigest`,
 * `ssh_public_key`, `authenticity_token`), an ordinary key (`sort_key`, `recaptchaSiteKey`), or a word
 * that says the value is not real (`wrongStart`, `fakeToken`). Detectors that hide values on
 * their shape alone ask this of the name the value is given to.
 */
export function namesNoSecret(name: string): boolean {
  const words = splitWords(lastPart(name));
  return (
    saysNotReal(words) ||
    words.some(
      (w, i) =>
        (METADATA_WORDS.has(w) && !isAdvice(words, i)) ||
        (w === 'key' && i > 0 && ORDINARY_KEY_QUALIFIERS.has(words[i - 1]!)),
    )
  );
}

/**
 * A metadata word in `do not …`, `dont …` or `never …` is advice about the value, not what it is:
 * `SECRET_DO_NOT_COMMIT` (2ms's `todo_secret_do_not_commit`), `API_KEY_NEVER_LOG`.
 */
function isAdvice(words: readonly string[], i: number): boolean {
  const before = i > 0 ? words[i - 1] : undefined;
  if (words[i] === 'not' && before === 'do' && i < words.length - 1) {
    return true; // `do_not_commit`: `not` here says what to do, not that the value is none (`not_secret`)
  }
  return before === 'dont' || before === 'never' || (before === 'not' && words[i - 2] === 'do');
}

/** Metadata words that say a key is no secret wherever they stand in its name. */
const ALWAYS_METADATA = new Set(['public', 'publishable', 'id', 'ids']);

/**
 * Whether the metadata word at `i` opens a brand glued to the next word (`MessageBirdToken`,
 * `MessageBird_TOKEN`): a provider's name, not a word about the credential.
 */
function isBrand(name: string, words: readonly string[], i: number): boolean {
  const next = words[1];
  if (i !== 0 || next === undefined || words.length < 3 || ALWAYS_METADATA.has(words[0]!)) {
    return false;
  }
  const glued = /^[A-Za-z][a-z]+[A-Z][a-z]/.test(name);
  return glued && !METADATA_WORDS.has(next) && wordKind(next, undefined) === undefined;
}

export function wordKind(
  numbered: string,
  before: string | undefined,
  after: string | undefined = undefined,
): string | undefined {
  // A number glued to the word counts the credential, as one after a `_` does (`password01`, `token2`).
  const word = numbered.replace(/(?<=[a-z]{3})[0-9]{1,3}$/, '');
  if (
    word === 'pass' ||
    word === 'pwd' ||
    word === 'pw' ||
    word === 'pword' ||
    GLUED_PASS.test(word) ||
    word === 'authtok'
  ) {
    return 'password';
  }
  // WordPress's keys and salts (`NONCE_SALT`, `LOGGED_IN_SALT`; `AUTH_SALT` reads `auth` already).
  if (word === 'salt' && (before === 'nonce' || before === 'in' || before === 'auth')) {
    return 'secret';
  }
  const foreign = foreignKind(word, before, after);
  if (foreign !== undefined) {
    return foreign;
  }
  // A second factor's seed (`TOTP_SEED`), a wallet's recovery phrase (`SEED_PHRASE`, `MNEMONIC`), a pepper.
  if (
    (word === 'seed' && before !== undefined && SEEDED.has(before)) ||
    (word === 'phrase' && before !== undefined && PHRASED.has(before)) ||
    word === 'mnemonic' ||
    word === 'pepper'
  ) {
    return 'secret';
  }
  if (word === 'key' || word === 'keys') {
    // `key` alone is a dictionary key; qualified (`HMAC_KEY`, `openaiKey`, `API_KEY_V2`) it is a credential.
    return before !== undefined && !ORDINARY_KEY_QUALIFIERS.has(before) ? 'key' : undefined;
  }
  for (const ending of CREDENTIAL_ENDINGS) {
    if (word.endsWith(ending)) {
      return ending.startsWith('pass') ? 'password' : ending.startsWith('token') ? 'token' : 'secret';
    }
  }
  return CREDENTIAL_WORDS.has(word) ? (word === 'pat' ? 'token' : 'credential') : undefined;
}

/**
 * A PIN's name (`ADMIN_PIN`, `sim_pin`, `pinCode`): the name's last word, and not a board's pin (`DATA_PIN`,
 * `LED_PIN`). Its value counts only as digits (`valueShapeFor`): apt's `Pin: origin …` is no PIN.
 */
export function isPinName(words: readonly string[]): boolean {
  const n = words.length;
  const at =
    words[n - 1] === 'pin' || words[n - 1] === 'pincode'
      ? n - 1
      : words[n - 2] === 'pin' && words[n - 1] === 'code'
        ? n - 2
        : -1;
  return at !== -1 && !(at > 0 && BOARD_PINS.has(words[at - 1]!));
}

/** What a `…_PIN` is a microcontroller's pin for. */
const BOARD_PINS = new Set(
  `led gpio data clock clk button btn relay sensor cs rst reset irq sda scl mosi miso sck rx tx dc en enable
  analog digital pwm input output trig trigger echo servo motor buzzer power pwr int`.split(/\s+/),
);
/** What a `seed` is a second factor's or a wallet's after (`TOTP_SEED`), and a `phrase` a wallet's. */
const SEEDED = new Set(['totp', 'otp', 'hotp', 'mfa', '2fa', 'wallet', 'mnemonic', 'recovery']);
const PHRASED = new Set(['seed', 'recovery', 'mnemonic', 'wallet', 'backup']);

/**
 * A service's or a role's name glued to `pass`, `pw`, `pwd` or `pword`, as config files write them (`dbpass`,
 * `smtppass`, `rootpw`, `bindpw`, `remotepass`, `adminpwd`): a fixed list of heads, so `bypass`, `compass` or `overpass` stay words.
 */
const GLUED_PASS =
  /^(?:db|smtp|mail|root|admin|user|remote|bind|mysql|redis|ldap|ftp|sftp|ssh|proxy|api|sql|pg|mongo|rabbit|vnc|wifi|imap|pop|rpc|sa|master|sys|app|svc|service|server|client|rcon|web|vpn|meta)(?:pass|pw|pwd|pword)$/;

/** A password kind wins over a token, a token over a generic secret: the most telling name for the reader. */
function rank(kind: string): number {
  return kind === 'password' ? 4 : kind === 'token' ? 3 : kind === 'secret' ? 2 : kind === 'key' ? 1 : 0;
}

export function lastPart(name: string): string {
  let cut = 0;
  for (let i = 0; i < name.length - 1; i++) {
    const c = name[i];
    if (c === '.' || c === '/' || c === ':' || c === '>' || c === '[') {
      cut = i + 1;
    }
  }
  return name.slice(cut);
}

/**
 * Lower-cased words of an identifier in any case style: `DB_PASSWORD_V2`, `openaiKey`, `x-api-key`. Letters of
 * other alphabets are a word's too, spelled without accents (`CONTRASEÑA_BD` is `contrasena`, `bd`), and a
 * script without case is one word up to a separator (`数据库密码`).
 */
export function splitWords(name: string): string[] {
  const words: string[] = [];
  let word = '';
  let wide = false;
  const flush = (): void => {
    if (word.length > 0) {
      words.push(wide ? foldWord(word.toLowerCase()) : word.toLowerCase());
      word = '';
      wide = false;
    }
  };
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (c > 127 && OTHER_LETTER.test(name[i]!)) {
      word += name[i];
      wide = true;
      continue;
    }
    if (!upper && !lower && !digit) {
      flush();
      continue;
    }
    const prev = i > 0 ? name.charCodeAt(i - 1) : 0;
    const prevLower = prev >= 97 && prev <= 122;
    const nextLower = i + 1 < name.length && name.charCodeAt(i + 1) >= 97 && name.charCodeAt(i + 1) <= 122;
    const prevUpper = prev >= 65 && prev <= 90;
    // A hump starts a word: `openaiKey`, and the last capital of `APIKey` before lower case.
    if (upper && (prevLower || (prevUpper && nextLower))) {
      flush();
    }
    word += name[i];
  }
  flush();
  return words;
}

/** A letter or a mark of any alphabet (a UTF-16 surrogate half, a CJK ideograph's, is read as one too). */
const OTHER_LETTER = /[\p{L}\p{M}\uD800-\uDFFF]/u;
