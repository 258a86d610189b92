/**
 * Credential words of other tongues, as developers outside the English-speaking world name settings and
 * variables (`DB_SENHA`, `mot_de_passe`, `chave_api`, `ZUGANGSSCHLUESSEL`, `пароль`, `数据库密码`,
 * `APIキー`). credentialName.ts asks `foreignKind` of each word of a name after `foldWord` has spelled it
 * without accents (`contraseña`, `hasło`, `şifre`, `clé` are `contrasena`, `haslo`, `sifre`, `cle`).
 *
 * Passwords, secrets and tokens count alone. A word for "key" counts as English `key` does: with another
 * word that makes it a credential, which Romance tongues put after it (`chave_api`, `clé_secrète`) and
 * others before (`api_kulcs`) or glue on (`Zugangsschlüssel`).
 */

/** "Password" in ASCII spelling, whole words (`parol` is Russian transliterated, `mima` Chinese pinyin). */
const FOREIGN_PASSWORDS = new Set([
  ...['senha', 'contrasena', 'clave', 'passwort', 'kennwort', 'passe', 'haslo', 'parola', 'sifre'],
  ...['wachtwoord', 'losenord', 'salasana', 'adgangskode', 'passord', 'jelszo', 'heslo', 'geslo', 'lozinka'],
  ...['mdp', 'motdepasse', 'parol', 'mima', 'sandi', 'katasandi', 'matkhau', 'kodeord', 'wagwoord'],
  ...['zugangscode', 'zugangskennwort', 'kodikos', 'sisma', 'pasuwado', 'bimilbeonho', 'amho', 'lykilord'],
  ...['toegangscode', 'geheimzahl', 'adgangskoden', 'passwortes', 'kennworts', 'laluan'],
]);

/** Two words that together say "password" (`mat_khau`, `kata_sandi` is caught by `sandi`, `kalimat_sir`). */
const PASSWORD_PAIRS = new Set([
  ...['mat khau', 'kalimat sir', 'kalimat murur', 'parola dordine', 'kata laluan', 'de paso'],
  // "Access code": Spanish, Portuguese, Italian, French (`code_d_acces`), Polish.
  ...['codigo acceso', 'codigo acesso', 'codice accesso', 'code acces', 'd acces', 'kod dostepu'],
  ...['de acesso', 'de acceso', 'di accesso'],
]);
/** Two words that together say "secret" or "token" (`khoa_bi_mat`'s `bi mat`, `ficha_acceso`). */
const SECRET_PAIRS = new Set(['bi mat']);
const TOKEN_PAIRS = new Set(['ficha acceso', 'ficha acesso']);

/** "Secret" and "token" in ASCII spelling. */
const FOREIGN_SECRETS = new Set([
  ...['geheimnis', 'segredo', 'segreto', 'secreto', 'sekret', 'hemlighet', 'hemmelighed', 'salaisuus'],
  ...['zugangsdaten', 'miyao', 'himitsukagi'],
]);
const FOREIGN_TOKENS = new Set(['jeton', 'lingpai', 'tokenu', 'tokena']);

/** "Key", which names a credential only beside a word that makes it one (see `foreignKind`). */
const FOREIGN_KEYS = new Set([
  ...['schluessel', 'schlussel', 'sleutel', 'cle', 'chave', 'chiave', 'klucz', 'klic', 'anahtar'],
  ...['nyckel', 'nogle', 'nokkel', 'avain', 'kulcs', 'cheie', 'klyuch', 'kunci', 'kljuc'],
  // Spellings of a word with `ø` (`noegle`), a possessive (`anahtari`), a Hindi transliteration.
  ...['noegle', 'noekkel', 'anahtari', 'kunji', 'cleapi', 'apicle'],
]);
/** What makes a key a credential, in either tongue: an API's, a secret one, a private one, access. */
const KEY_QUALIFIERS = new Set([
  ...['api', 'secret', 'secreta', 'secreto', 'secrete', 'segreta', 'segreto', 'geheim', 'geheimer'],
  ...['privada', 'privado', 'privee', 'prive', 'privata', 'private', 'privat', 'prywatny', 'tajny', 'gizli'],
  ...['acesso', 'acceso', 'accesso', 'acces', 'access', 'zugang', 'zugangs', 'dostepu', 'erisim', 'hemlig'],
  ...['salainen', 'titkos', 'sekretnyi', 'sekretnyy', 'sekretny', 'auth', 'master', 'signing', 'geheime'],
  ...['hemmelig', 'hemmelige', 'rahasia', 'rahsia', 'gupt', 'segredo', 'cifrado'],
]);
/** German compounds a key word may end (`apischluessel`, `zugangsschluessel`, `geheimschluessel`). */
const GLUED_KEY = /^(?:api|zugangs|geheim|privat|sicherheits|haupt)(?:schluessel|schlussel)$/;

/**
 * Non-Latin credential words, found inside a word of a name (`数据库密码`, `APIキー`, `비밀번호는`). A key
 * word there counts with a qualifier glued to it, as `api` is in `APIキー`.
 */
const SCRIPT_PASSWORDS = [
  ...['密码', '密碼', '口令', 'パスワード', '暗証番号', '비밀번호', '암호', 'пароль', 'паролю', 'пароля'],
  ...['סיסמה', 'סיסמא', 'पासवर्ड', 'كلمةالمرور', 'كلمةالسر', 'κωδικος', 'συνθηματικο', 'парол'],
];
const SCRIPT_SECRETS = ['密钥', '密鑰', '秘钥', '秘密鍵', '비밀키', 'секрет', 'μυστικο'];
const SCRIPT_TOKENS = ['令牌', 'トークン', '토큰', 'токен'];
const SCRIPT_KEYS = ['キー', '키', 'ключ', '钥匙', '鍵'];
const SCRIPT_KEY_QUALIFIERS =
  /api|secret|access|private|секрет|доступ|приват|秘密|访问|訪問|アクセス|비밀|접근/;

/** The placeholder kind that the folded word `word` names, with `before` and `after` its neighbours. */
export function foreignKind(
  word: string,
  before: string | undefined,
  after: string | undefined,
): string | undefined {
  if (FOREIGN_PASSWORDS.has(word) || (before !== undefined && PASSWORD_PAIRS.has(`${before} ${word}`))) {
    return 'password';
  }
  if (before !== undefined && SECRET_PAIRS.has(`${before} ${word}`)) {
    return 'secret';
  }
  if (before !== undefined && TOKEN_PAIRS.has(`${before} ${word}`)) {
    return 'token';
  }
  if (word === 'cleapi' || word === 'apicle') {
    return 'key';
  }
  if (FOREIGN_SECRETS.has(word)) {
    return word === 'miyao' || word === 'himitsukagi' ? 'key' : 'secret';
  }
  if (FOREIGN_TOKENS.has(word)) {
    return 'token';
  }
  if (GLUED_KEY.test(word)) {
    return 'key';
  }
  if (FOREIGN_KEYS.has(word)) {
    return (before !== undefined && KEY_QUALIFIERS.has(before)) ||
      (after !== undefined && KEY_QUALIFIERS.has(after))
      ? 'key'
      : undefined;
  }
  return hasScript(word) ? scriptKind(word, before, after) : undefined;
}

function hasScript(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    if (word.charCodeAt(i) > 127) {
      return true;
    }
  }
  return false;
}

function scriptKind(word: string, before: string | undefined, after: string | undefined): string | undefined {
  const joined = word.replace(/_/g, '');
  // Arabic's two words (`كلمة_المرور`, `كلمة السر`), split at the `_`.
  const paired = before === 'كلمة' ? `${before}${joined}` : joined;
  if (SCRIPT_PASSWORDS.some((w) => paired.includes(w))) {
    return 'password';
  }
  if (SCRIPT_TOKENS.some((w) => joined.includes(w))) {
    return 'token';
  }
  if (SCRIPT_SECRETS.some((w) => joined.includes(w))) {
    return 'secret';
  }
  if (SCRIPT_KEYS.some((w) => joined.includes(w))) {
    const near = `${before ?? ''} ${joined} ${after ?? ''}`;
    return SCRIPT_KEY_QUALIFIERS.test(near) || (before !== undefined && KEY_QUALIFIERS.has(before))
      ? 'key'
      : undefined;
  }
  return undefined;
}

/** Letters that carry no combining mark to strip but have a plain spelling (`ł`, `ø`, `ß`, `ı`). */
/** HTML's numeric character references, the closing `;` optional as browsers read them (`L&#246;senord`). */
export function decodeNumericEntities(text: string): string {
  return text.replace(/&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));?/g, (whole, hex?: string, dec?: string) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Whether a value is the word "password" itself in some tongue, as a UI catalogue gives it to a `password`
 * key (`"Password": "Lösenord"`, `"secret": "&#12497;&#12473;…"`, `パ ス ワ ー ド` spaced out): a label.
 * Whole values only: `Lösenord2024!` is a password.
 */
export function isPasswordLabel(value: string): boolean {
  if (value.length > 96) {
    return false; // the longest label, eight HTML references and blanks, is shorter
  }
  const decoded = decodeNumericEntities(value)
    .trim()
    .replace(/[:\uff1a]$/, '')
    .replace(/(?<=[\u0080-\uffff]) (?=[\u0080-\uffff])/g, '')
    .toLowerCase();
  const plain = foldWord(decoded).replace(/[\s_-]+/g, ' ');
  return (
    FOREIGN_PASSWORDS.has(plain) ||
    PASSWORD_PAIRS.has(plain) ||
    plain === 'mot de passe' ||
    SCRIPT_PASSWORDS.includes(decoded)
  );
}

const PLAIN: Readonly<Record<string, string>> = { ł: 'l', ø: 'o', æ: 'ae', ß: 'ss', ı: 'i', đ: 'd', œ: 'oe' };

/**
 * `word` (lower-case) spelled without accents and marks: `contraseña` → `contrasena`, `mật` → `mat`,
 * `hasło` → `haslo`, `κωδικός` → `κωδικος`. Letters of other scripts stay as they are.
 */
export function foldWord(word: string): string {
  return word.replace(ACCENTED, (c) => PLAIN[c] ?? c.normalize('NFD').replace(/\p{M}/gu, ''));
}

/**
 * Latin, Greek and Cyrillic letters past ASCII, whose marks are accents. Kana and Hangul are left whole:
 * their decompositions are sounds (`ド` is `ト` and a voicing mark, `비` two jamo), not accents.
 */
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF\u0370-\u03FF\u1F00-\u1FFF\u0400-\u04FF]/g;
