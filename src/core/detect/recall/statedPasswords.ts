import { lineEnd, lineStart } from '../lineBounds';
import { pushLiteral } from './literalValue';
import { isChosenWord } from './chosenPasswords';
import { isElided } from './nonSecretForms';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom, MEMORABLE } from './tokenShape';
import { wordPlaces, wordSet } from './wordIndex';
import { hasWide } from './wideText';

/**
 * Passwords stated for a reader: a chat message, a ticket, a mail, a note, in any tongue. The word and the
 * value stand apart, with a verb (`was changed to`, `lautet`, `est`, `是`), markup (`**Password:**`,
 * `<strong>`, `<td>…</td><td>`, `&lt;password&gt;`, a CDATA), an arrow or a dash (`→`, `->`, `—`), a
 * full-width colon (`：`, what a CJK keyboard types) or a few words (`for the VPN:`) between. Hunter E
 * (2026-12-06) sent 60 such lines through `ask`, and all went out: the other detectors read a name and its
 * separator right after it. A value is the first quoted one within reach, else the first bare word that
 * holds a letter and a digit or a mark (a word of letters alone is prose: `the password is required`).
 * After a key's or a token's word (`Your API key: <pre>…</pre>`, `APIキー：…`) only a generated value counts,
 * and after `token` or `secret` alone only one a verb or an arrow states (`echo "token is …"` in a CI log,
 * `my token looks like …`), of a value's shape but not a word alone. A key a person names for what it
 * guards (`the master key is …`, `the encryption key was …`) is read as a password's word is.
 */

/** The words, ASCII, as the shared word search finds them (ASCII case folded); each is checked whole. */
const WORDS = wordSet([
  ...['password', 'passwd', 'passphrase', 'pw ', 'pw:', 'pwd', 'mdp', 'mot de passe', 'passwort', 'kennwort'],
  ...['contrase', 'senha', 'wachtwoord', 'kata sandi', 'parola', 'clave', 'haslo', 'losenord', 'jelszo'],
  ...['sifre', 'heslo', 'salasana', 'adgangskode', 'passord', 'api key', 'api token', 'access token'],
  ...['hasla', 'hesla'],
  ...['token', 'secret', 'master key', 'encryption key', 'signing key', 'admin key', 'root key'],
  ...['management key', 'recovery key', 'seed phrase', 'recovery phrase', 'pat ', 'pat,', 'pat:', 'psk'],
  ...['pin ', 'pin:', 'pin,', 'puk', 'door code', 'gate code', 'alarm code', 'access code', 'entry code'],
  ...['voicemail code', 'recovery code', 'backup code', 'lock code', 'safe code'],
]);
const ASCII_WORD =
  /(?:(?<![\p{L}\d_-])(?:password|passwd|passphrase|pwd?|mdp|mot de passe|passwort|kennwort|contrase(?:ña|na)|senha|wachtwoord|kata sandi|parola|clave|has(?:lo|la)|losenord(?:et)?|jelszo|sifre(?:si)?|hesl[oa]|salasana|adgangskoden?|passord(?:et)?|pat|psk|((?:api|access)[ \t](?:key|token))|(token|secret)|((?:master|encryption|signing|admin|root|management|recovery)[ \t]key|(?:seed|recovery)[ \t]phrase)|(pin|puk|(?:door|gate|alarm|access|entry|voicemail|recovery|backup|lock|safe)[ \t]code))|(?<=(?:^|[^\p{L}\d_-])\p{L}{1,20}-?)(?:passwort|kennwort))(?![\p{L}\d_-])/iuy;
/**
 * Words in other scripts, or with letters past ASCII: read only in a text that holds such letters, and
 * wherever they stand (`数据库密码`, `APIキー`, `DB_ПАРОЛЬ`: a script written without blanks, or glued); a
 * key's emoji as a note's label (`📶 WiFi: CafeLab 🔑 …`).
 */
const OTHER_WORDS =
  /\u{1F511}|\u{1F510}|API[ \t]?키|cl[ée][ \t]API|clé d'API|contraseña|hasło|lösenord|jelszó|şifre|schlüssel|mật khẩu|пароль|ключ|токен|κωδικός|密码|密碼|口令|密钥|令牌|パスワード|キー|トークン|비밀번호|암호|토큰|كلمة المرور|كلمة السر|סיסמה|รหัสผ่าน|पासवर्ड/giu;
/**
 * What may follow an ASCII word that states a value: a blank, a separator, markup's end (`**`, `</b>`,
 * `&gt;`). Not a path's `/`, a member's `.` or `}`, a list's quote: `passwd/totp`, `{password}`, `"pwd",`.
 */
const AFTER_WORD = /^[ \t:=\uff1a\uff1d*<&>]$/;

/** How far past the word a value may stand, and how many words may stand between. */
const REACH = 100;
const MAX_SKIPPED = 6;
/** Scripts that write no blank between words: their letters part the words as a blank does. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]/u;
/** Markup, quotes, separators and arrows around a word: not part of it. */
const WRAP_START =
  /^(?:[*_`"'([>:=\uff1a\uff1d|]|&[lg]t;|<!\[CDATA\[|<\/?[a-z][a-z0-9]{0,9}(?:[ \t][^>]{0,60})?>|\/[a-z_]{1,20}&gt;|=3D|->|=>|\u2192|\u2014|\u2013)+/i;
const WRAP_END =
  /(?:[*_`"'),.;:!?\]|\u3002]|&[lg]t;|\]\]>|<\/?[a-z][a-z0-9]{0,9}>|&lt;\/[a-z_]{1,20}&gt;|\u3067\u3059)+$/i;
/** A quote, a backtick or markup that held the word: a value the writer set apart. */
const SET_APART = /^(?:[`"'*]|<(?:code|strong|b|pre|kbd|td)>|&gt;|<!\[CDATA\[)/i;
/**
 * What states a value after `token` or `secret` alone, words that code and docs use for much else
 * (`token - '…'` lists a peer's near misses; `the token expiration during which we attempt to …`): a verb
 * or an arrow right after the word.
 */
const STATING =
  /^[ \t]*(?:is|was|are|were|becomes|now|looks[ \t]{1,4}like|should[ \t]{1,4}be|equals|->|=>|\u2192)(?:[ \t]|$)/i;
/**
 * An identifier of code (a hump or an `_` in it) closed by a `,` or a `)`: an argument's value, a name, right
 * after the word (CodeQL's Swift test: `RNEncryptor(…, password: myConstPassword, iv: myIV, …)`).
 */
const IDENTIFIER_ARGUMENT = /^[A-Za-z_$][\w$.]*(?:[a-z][A-Z]|_)[\w$.]*[,)]$/;
/**
 * One word of letters wrapped whole, as a writer sets a value apart: backticks (one or two), `**`, parentheses,
 * or bold, code or keyboard markup, each closed by its own kind; a clause's mark after it. Plain quotes are
 * code's strings (`'data'`, `"with"`), read by the detectors of names and literals.
 */
const WRAPPED_WORD =
  /^(?:(`{1,2})[A-Za-z][a-z]{3,31}\1|\*\*[A-Za-z][a-z]{3,31}\*\*|\([A-Za-z][a-z]{3,31}\)|<(b|strong|code|kbd)>[A-Za-z][a-z]{3,31}<\/\2>)(?:[.,;:!?)]|<\/[a-z]{1,8}>)*$/;
/** Words right before a set-apart word that make it a user's or an account's name (`password for \`root\``). */
const NAMES_A_USER = /(?:^|[ \t])(?:for|of|user(?:name)?|account|login|as)(?:[ \t]+the)?[ \t:]*$/i;
/** Words right after a set-apart word that make it a place's name (`see the \`\`analytics\`\` entry in the vault`). */
const NAMES_A_PLACE =
  /^[ \t]{1,4}(?:entry|item|record|field|variable|var|secret|key|file|setting|option|param(?:eter)?|column|value|label|folder|vault|env)s?(?![A-Za-z])/i;
/** One word in quotes that ends its sentence (`"…".`), as a writer sets a secret apart. */
const QUOTED_WORD = /^["'`][A-Za-z][a-z]{3,31}["'`][.!;]?$/;
/** Names of hashes and ciphers, which prose about passwords names (`the password is sha256-hashed`). */
const ALGORITHM =
  /^(?:sha-?\d+|md\d|utf-?\d+|base\d+|aes-?\d+|rsa-?\d+|pbkdf2|argon2|bcrypt|scrypt|\d+[a-z]+$)/i;

export const findStatedPasswords: RecallDetector = (text, out) => {
  let resume = 0;
  for (const at of wordPlaces(text, WORDS)) {
    if (at < resume) {
      continue;
    }
    ASCII_WORD.lastIndex = at;
    const m = ASCII_WORD.exec(text);
    // `PIN`, `PAT`, `PSK`, `PUK` as prose writes the acronyms; lower-case `pin` and `pat` are verbs and names
    // (`pin the runner to windows-2019`, `pat += …`).
    if (m !== null && /^p(?:in|at|sk|uk)$/i.test(m[0]) && m[0] !== m[0].toUpperCase()) {
      continue;
    }
    if (m !== null && AFTER_WORD.test(text[ASCII_WORD.lastIndex] ?? '')) {
      const reading =
        m[1] !== undefined
          ? 'generated'
          : m[2] !== undefined
            ? 'stated'
            : m[3]
              ? 'statedKey'
              : m[4]
                ? 'code'
                : 'password';
      resume = readValue(text, ASCII_WORD.lastIndex, reading, out);
    }
  }
  if (hasWide(text)) {
    for (const m of text.matchAll(OTHER_WORDS)) {
      const end = m.index + m[0].length;
      const generated = /ключ|токен|密钥|令牌|キー|トークン|토큰|키|api|schlüssel/iu.test(m[0]);
      // A script's own grammar after the word (`密码是“…”`, `パスワードは「…」です`, `비밀번호는 … 입니다`).
      const script = generated ? null : SCRIPT_STATED.exec(text.slice(end, end + 48));
      if (script !== null && isChosenWord(script[1]!)) {
        const [start, stop] = script.indices![1]!;
        take(text, end + start, end + stop, out);
        continue;
      }
      readValue(
        text,
        end + (/^[\p{L}]{1,3}(?![\p{L}])/u.exec(text.slice(end, end + 4))?.[0].length ?? 0),
        generated ? 'generated' : 'password',
        out,
      );
    }
  }
};

/**
 * How a word's value is read: after a password's word, any plausible value or a chosen word a verb states;
 * after a key's or a token's (`api key`), a generated one; after `token` or `secret` alone, a generated
 * one or letters with digits that a verb states; after a key named for what it guards (`master key`,
 * `management key`, `seed phrase`), a plausible value or a chosen word that a verb states; after a PIN's or a
 * lock's code (`PIN`, `PUK`, `door code`, `voicemail code`, `recovery code`), four to twelve digits or a
 * plausible value.
 */
type Reading = 'password' | 'generated' | 'stated' | 'statedKey' | 'code';

/**
 * Reads the value stated after a word that ends at `from`: the first set-apart plausible one (quoted,
 * backticked, in markup) before the line, the sentence or `REACH` ends, else the first bare plausible one.
 * Returns where reading stopped.
 */
function readValue(text: string, from: number, reading: Reading, out: RecallSpan[]): number {
  const stated = reading === 'stated' || reading === 'statedKey';
  // Bounded: a line's end searched to the text's end from each word made one long line of words quadratic.
  const end = lineEnd(text, from, REACH);
  let bare: [number, number] | undefined;
  let skipped = 0;
  // A set-apart word that names a user or is prose (`for the \`service\` and \`account\``): those after it
  // are names too.
  let namesSeen = false;
  for (const [s, e] of pieces(text, from, end)) {
    const raw = text.slice(s, e);
    const lead = WRAP_START.exec(raw)?.[0].length ?? 0;
    const inner = raw.slice(lead);
    const trail = WRAP_END.exec(inner)?.[0].length ?? 0;
    const value = inner.slice(0, inner.length - trail);
    const start = s + lead;
    if (value === '') {
      continue; // a separator, an arrow, markup alone
    }
    const wrapped = (reading === 'password' || reading === 'statedKey') && WRAPPED_WORD.test(raw);
    if (wrapped && (!isChosenWord(value) || NAMES_A_USER.test(text.slice(Math.max(from, s - 16), s)))) {
      namesSeen = true;
    }
    if (stated && !STATING.test(text.slice(from, start))) {
      // `token`, `secret` alone: only a value a verb or an arrow states (`the token is …`, `secret → …`).
    } else if (
      stated &&
      /^[ \t]{1,4}(?:is|was)[ \t]{1,4}$/.test(text.slice(from, s)) &&
      QUOTED_WORD.test(raw) &&
      isChosenWord(value)
    ) {
      // A word a writer set apart in quotes right after `is` (`The secret is "…".`): chosen, and still one.
      return take(text, start, start + value.length, out);
    } else if (
      wrapped &&
      !namesSeen &&
      !ALGORITHM.test(value) &&
      !NAMES_A_PLACE.test(text.slice(e, e + 24)) &&
      !/^(?:`|\*\*|<\/)/.test(text.slice(from, from + 2)) &&
      !(raw.startsWith('(') && (skipped > 0 || /pwd?$/i.test(text.slice(from - 3, from))))
    ) {
      // One word a writer set apart in code, bold or parentheses (`password \`…\``, ``` ``…`` ```,
      // `<b>…</b>`, `the DB password (…) was`): a value, though letters alone.
      return take(text, start, start + value.length, out);
    } else if (fits(value, reading)) {
      if (lead > 0 || SET_APART.test(raw)) {
        return take(text, start, start + value.length, out);
      }
      bare ??= [start, start + value.length];
    } else if (skipped === 0 && IDENTIFIER_ARGUMENT.test(raw)) {
      break; // `password: myConstPassword, …, hmacSalt: mySalt2`: a call's argument was the value
    } else if (++skipped > MAX_SKIPPED) {
      break;
    }
    if (/[.;!?]$/.test(raw) && !/[.;!?]$/.test(value)) {
      break; // the sentence ends
    }
  }
  if (bare !== undefined) {
    return take(text, bare[0], bare[1], out);
  }
  const setTo = reading === 'password' ? SET_TO.exec(text.slice(from, end)) : null;
  if (
    setTo !== null &&
    isChosenWord(setTo[1]!) &&
    SETTING.test(text.slice(lineStart(text, from, 120), from))
  ) {
    const [start, stop] = setTo.indices![1]!;
    return take(text, from + start, from + stop, out);
  }
  const chosen =
    reading === 'password' || reading === 'statedKey' ? CHOSEN_WORD.exec(text.slice(from, end)) : null;
  const group = chosen?.[1] !== undefined ? 1 : 2;
  if (chosen !== null && isChosenWord(chosen[group]!)) {
    const [start, stop] = chosen.indices![group]!;
    return take(text, from + start, from + stop, out);
  }
  return valueBelow(text, from, end, reading, out) ?? from;
}

/**
 * `Set the BIOS supervisor password to …`: a verb of setting before the word on its line, `to` and one chosen
 * word right after it, ending its clause. Group 1.
 */
const SET_TO =
  /^[ \t]{1,4}to[ \t]{1,4}["'`*]?([A-Za-z][a-z]{3,31})["'`*]?(?=[ \t]*(?:[.!,;)(]|$)|[ \t]{1,4}(?:and|but|so|or|in|on|at|for|until)(?:[ \t]|$))/d;
const SETTING = /(?:^|[^A-Za-z])(?:set|change|reset|update)s?[ \t]/i;

/** The line after a line that ends with its colon, a blank line between at most: its one word. */
const NEXT_LINE = /\r?\n(?:[ \t]*\r?\n)?[ \t]{0,8}([^\s]{4,128})[ \t]*(?=\r?\n|$)/y;

/**
 * A value a sentence that ends with a colon puts on the next line (`Your temporary password is below:`,
 * `Here's the API key you asked for:`), alone there: one that `reading` takes, or a word a person chose
 * after a password's word.
 */
function valueBelow(
  text: string,
  from: number,
  end: number,
  reading: Reading,
  out: RecallSpan[],
): number | undefined {
  if (
    end - from > REACH - 1 ||
    !/:[ \t]*$/.test(text.slice(from, end)) ||
    !/^\r?\n/.test(text.slice(end, end + 2))
  ) {
    return undefined;
  }
  NEXT_LINE.lastIndex = end;
  const m = NEXT_LINE.exec(text);
  if (m === null) {
    return undefined;
  }
  const value = m[1]!;
  const chosen = (reading === 'password' || reading === 'statedKey') && isChosenWord(value);
  if (!chosen && !fits(value, reading === 'statedKey' ? 'password' : reading)) {
    return undefined;
  }
  const start = NEXT_LINE.lastIndex - m[0].length + m[0].lastIndexOf(value);
  return take(text, start, start + value.length, out);
}

/**
 * A password a person chose and states, one plain word that ends the sentence or a clause (`The Wi-Fi
 * password is amberwheel.`, `the admin password was changed to bluebird`, `pw for the staging db is …`,
 * `my DB password is … and it fails`), or the line after a colon (`the new root pw: …`, `mot de passe : …`):
 * a value of letters alone is prose in most lines (`the password is required`), so only after a verb a few
 * words on or a colon right after the word, and not a word of prose or a type's name (see `isChosenWord`).
 * Not after `=`, nor a colon's word with more after it, which code writes (`password = self.keyring…`,
 * `password: params.password,`); a name and its literal are namedLiterals.ts's. The word is group 1 after a
 * verb, group 2 after a colon. The verbs and the clauses' conjunctions of the tongues the words are read in
 * (`ist`, `lautet`, `c'est`, `es`, `è`, `—`; `und`, `et`, `y`, `e`).
 */
const CHOSEN_WORD =
  /^(?:[ \t]{1,4}(?!(?:is|was|has|ist|est|es|é|è)(?![\p{L}\d]))[\p{L}\d_'-]{1,20}){0,6}?[ \t]{1,4}(?:is|was|remains|ist|lautet|est|c'est|es|era|é|è|je|jest|är|er|on|este|είναι|є|это|\u2014|\u2013|(?:(?:is|was|has been)[ \t]{1,4})?(?:changed|set|reset)[ \t]{1,4}to)[ \t]{1,4}["'`*]?([A-Za-z][a-z]{3,31})["'`*]?[ \t]*(?:[.!,;)](?=[ \t]|$)|$|(?=[ \t]{1,4}(?:(?:and|but|so|or|which|because|though|while|in|on|at|for|until|if|when|und|aber|et|mais|y|pero|por|e|ma)(?:[ \t]|$)|[(\u2014\u2013]|-(?=[ \t]))))|^(?:[ \t]{1,4}[\p{L}\d_'\u2019-]{1,20}){0,3}[ \t]{0,2}[:\uff1a][ \t]{1,4}["'`*]?([A-Za-z][a-z]{3,31})["'`*]?[ \t]*(?:\*\/[ \t]*|-->[ \t]*)?$/du;
/**
 * After a password's word in a script without blanks or with particles, its grammar stating the value:
 * Chinese `是`/`为`, Japanese `は`, Korean `는`/`은`, a colon, then the word, quoted in that script's marks or
 * ending its clause (`密码是“…”`, `パスワードは「…」です`, `비밀번호는 … 입니다`, `पासवर्ड … है`).
 */
const SCRIPT_STATED =
  /^[ \t]{0,2}(?:是|为|為|は|는|은|：|:)?[ \t]{0,2}["'“「『]?([A-Za-z][a-z]{3,31})(?:["'”」』]|(?=[ \t]{0,2}(?:입니다|です|है|[。.,，、]|$)))/du;
/** Whether `value` is what `reading` takes (see `Reading`); a chosen word is read apart. */
function fits(value: string, reading: Reading): boolean {
  if (reading === 'code') {
    // A PIN's or a door's code: four to twelve digits, or what a password's word takes.
    return /^\d{4,12}$/.test(value) || plausible(value);
  }
  if (reading === 'generated') {
    return (!CODE.test(value) && looksRandom(value)) || drawn(value) || MEMORABLE.test(value);
  }
  if (reading === 'stated') {
    // Not a type's name nor a code point (`token is ArrowToken$1`, `the next token is a U+000A`).
    return (
      (!CODE.test(value) && looksRandom(value)) ||
      drawn(value) ||
      MEMORABLE.test(value) ||
      (plausible(value) && /^[A-Za-z\d]+$/.test(value))
    );
  }
  return plausible(value);
}

/**
 * A draw of base64 or base64url, its `/`, `+` and padding `=` included, which `CODE` reads as a path's or an
 * assignment's: random by its shape, 16 characters or more, not a path's `/` first.
 */
function drawn(value: string): boolean {
  return /^[A-Za-z0-9+_-][A-Za-z0-9+/_-]{15,255}={0,2}$/.test(value) && looksRandom(value.replace(/=+$/, ''));
}

function take(text: string, start: number, end: number, out: RecallSpan[]): number {
  // A value shown cut short (`Your token is ops_…... (shown once)`) is no credential: a reader sees its head.
  if (!isElided(text, start, text.startsWith('...', end) ? end + 3 : end)) {
    pushLiteral(text, { start, end, quoted: false }, 'password', true, out);
  }
  return end;
}

/** The blank-parted pieces of [from, end), a run of an unspaced script parting them too. */
function* pieces(text: string, from: number, end: number): Generator<[number, number]> {
  let s = from;
  for (let i = from; i <= end; i++) {
    const c = i < end ? text[i]! : ' ';
    if (c === ' ' || c === '\t' || UNSPACED.test(c)) {
      if (i > s) {
        yield [s, i];
      }
      s = i + 1;
    }
  }
}

/**
 * A value as stated: six to 80, with a letter and a digit or a password's mark (`!`, `#`, `&`…), or digits
 * alone, or a draw. No code (a call, a template, a variable), no path or URL, no version, no algorithm's
 * name, no label (`VPN:`); `_`, `-` and `.` alone are a name's (`password_ptr`, `SSH_ASKPASS`).
 */
export function plausible(value: string): boolean {
  if (drawn(value)) {
    return true;
  }
  if (
    value.length < 6 ||
    value.length > 80 ||
    ALGORITHM.test(value) ||
    STANDARD.test(value) ||
    CODE.test(value)
  ) {
    return false;
  }
  return (
    /^\d{6,}$/.test(value) ||
    (/\p{L}/u.test(value) && (/\d/.test(value) || /[!#$%^&*+?~@]/.test(value))) ||
    looksRandom(value)
  );
}
/** A standard's or a protocol's name and number (`PKCS12`, `PKCS#11-Komponente`, `SOCKS5`, `X509`). */
const STANDARD = /^[A-Z]{1,8}#?\d{1,5}(?:-\p{L}+)?$/u;
const CODE = /[()[\]{}<>/\\]|^[$%@]|=|:$|^v?\d+(?:\.\d+)+$|&#?\w{1,8};/;
