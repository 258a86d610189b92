import { wordSet } from './wordIndex';

/**
 * What namedLiterals.ts reads around a credential's name: the words every such name holds, found by the shared
 * word search, and the syntaxes between a name and its value (separators, type annotations, declarations,
 * calls and conversions that wrap the literal).
 */

/**
 * Substrings every credential name holds (credentialName.ts's words, other tongues' among them), found by
 * the shared word search (wordIndex.ts) and widened to the name around each (`pat` not in `path`)…
 */
export const NAME_WORDS = wordSet([
  ...['pass', 'pwd', 'pw', 'secret', 'token', 'key', 'cred', 'auth', 'hmac', 'psk', 'salt', 'pat'],
  ...['seed', 'mnemonic', 'pepper', 'senha', 'contrasena', 'clave', 'kennwort', 'haslo', 'parol', 'sifre'],
  ...['wachtwoord', 'losenord', 'salasana', 'adgangskode', 'jelszo', 'heslo', 'geslo', 'lozinka'],
  // Other tongues' words (foreignWords.ts) in ASCII spelling; `cle` only beside a `_`, as `article_` holds it.
  ...['mdp', 'mima', 'sandi', 'matkhau', 'khau', 'kodeord', 'wagwoord', 'zugangs', 'kodikos', 'sisma'],
  ...['pasuwado', 'bimilbeonho', 'amho', 'lykilord', 'kalimat', 'geheim', 'segred', 'segret', 'sekret'],
  ...[
    'hemlig',
    'hemmelig',
    'salaisuus',
    'miyao',
    'himitsukagi',
    'jeton',
    'lingpai',
    'schluessel',
    'schlussel',
  ],
  ...['sleutel', 'cle_', '_cle', 'chave', 'chiave', 'klucz', 'klic', 'anahtar', 'nyckel', 'nogle', 'nokkel'],
  ...[
    'avain',
    'kulcs',
    'cheie',
    'klyuch',
    'kunci',
    'kljuc',
    'laluan',
    'acces',
    'acess',
    'dostepu',
    'toegang',
  ],
  ...['paso', 'noegle', 'noekkel', 'kunji', 'cleapi', 'adgangskoden', 'bi_mat'],
  // A PIN's name, not `ping` or `mapping`: the word with what joins it.
  ...['_pin', 'pin_', 'pincode', 'pin=', 'pin:', 'pin"', "pin'", 'pin ', 'pin\t', 'encrypt'],
]);
export const NAME_REACH = 96; // …this far each side of it.

/** Separators after a name; `code` ones (fallbacks, comparisons) take only a quoted value. */
export const SEPARATOR =
  /[ \t]{0,16}(?:[?!](?=[ \t]{0,4}[:=]))?[ \t]{0,4}(:{1,3}=|=>|<-|===?|!==?|\|\||\?\?|\?:|\borelse\b|\bor\b|\|[ \t]{0,4}default\b|\.=|=|:{2,3}(?=[ \t]{1,4}["'])|:(?![:/])|\uff1a|\uff1d|(?<=[ \t])\.{3,120}(?=[ \t])|-(?=[ \t])|\|)[ \t]{0,16}/y;
export const CODE_SEPARATORS = new Set(['===', '==', '!==', '!=', '||', '??', '?:', 'or', 'orelse']);
/** Prose and table separators (`token - '…'`, `apiKey |…`): they take a quoted or a generated value only. */
export const LOOSE_SEPARATORS = new Set(['-', '|']);
/**
 * A typed declaration between name and value: `val t: String = "…"`, `t: str = "…"`, Rust's `&str` and
 * `&[u8] = b"…"`, Zig's `[]const u8`, unions (`str | None`), `Optional[str]`, a conversion (`String::from`,
 * pydantic's `Field(default="…")`) and a literal's prefix (`b"…"`, `L"…"`, `r#"…"#`).
 */
export const TYPED =
  /(?:[ \t]{0,4}:[ \t]{0,4}|[ \t]{1,4})(?:&(?:'\w{1,16}[ \t]{1,4})?|\[\](?:const[ \t]{1,4})?|\*)?\[?[A-Za-z_][\w.:]{0,40}\]?(?:<[\w ,.<>]{0,60}>)?(?:\[[\w ,.]{0,40}\])?(?:\[\])?[?!]?(?:[ \t]{0,2}\|[ \t]{0,2}[A-Za-z_][\w.]{0,20}){0,3}[ \t]{0,4}:?=(?!=)[ \t]{0,8}(?:\r?\n[ \t]{0,32})?(?:(?:String::from|Field|QStringLiteral)\([ \t]{0,4}(?:default[ \t]{0,4}=[ \t]{0,4})?)?(?:b|L|u8|r#?)?(?=["'`])/y;
/**
 * A declaration's type between name and value in SQL and older languages: PL/SQL's `v_pwd CONSTANT
 * VARCHAR2(30) := '…'`, T-SQL's `@ApiKey NVARCHAR(100) = N'…'`, COBOL's `WS-PASSWORD PIC X(20) VALUE '…'`,
 * ABAP's `lv_password TYPE string VALUE '…'`.
 */
export const DECLARED =
  /[ \t]{1,8}(?:(?:CONSTANT[ \t]{1,4})?[A-Za-z][\w]{0,20}(?:[ \t]{0,2}\([ \t]{0,2}(?:\d{1,5}|MAX)(?:[ \t]{0,2},[ \t]{0,2}\d{1,3})?[ \t]{0,2}(?:BYTE|CHAR)?\))?[ \t]{0,4}(?::=|=|DEFAULT)|PIC(?:TURE)?[ \t]{1,4}[XA9SV()\d]{1,20}[ \t]{1,4}VALUE|TYPE[ \t]{1,4}[\w]{1,30}[ \t]{1,4}VALUE)[ \t]{0,8}N?(?=["'])/iy;
/** An array size or index after a name: `char secret[25] = "…"`, `secret[] = "…"`. */
export const SUBSCRIPT = /\[\d{0,6}\]/y;
/**
 * A constructor or call taking the value: `std::string secret("…")`, C++'s `password{"…"}`, `password('…')`,
 * a Ruby block's (FactoryBot's `password { "…" }`), and a call a formatter wrapped after its `(`
 * (`setPassword(⏎    "…")`).
 */
export const CALL_OPEN = /(?:\((?:[ \t]{0,4}\r?\n)?|[ \t]{0,4}\{)[ \t]{0,32}(?=["'`])/y;
/**
 * A conversion that wraps the literal: Go `[]byte("…")`, Python `b"…"` and `SecretStr("…")`, Node
 * `Buffer.from("…")`, Java `new String("…")`, `"…".getBytes()` needs none (the quote comes first); a decoder's
 * or an encoder's call (`Base64.getDecoder().decode("…")`, `TextCodec.BASE64.encode("…")`, Rust's
 * `STANDARD.decode("…")`, `bytes.fromhex("…")`: CodeQL's and Earlybird's tests).
 */
export const CONVERSION =
  /(?:(?:[A-Za-z_][\w]{0,30}(?:\.|::|\(\)\.)){0,5}(?:decode|encode|b64decode|urlsafe_b64decode|decodeBase64|decodeHex|DecodeString|FromBase64String|fromhex|unhexlify|parseHexBinary)[ \t]{0,4}\((?=[ \t]{0,4}["'`])|\[\]byte|\[\]rune|bytes|bytearray|str|String::from|(?:Secret|SecretString)::new|Cow::Borrowed|QStringLiteral|QLatin1String|Field\([ \t]{0,4}default[ \t]{0,4}=|Field|L(?=")|String|new[ \t]{1,4}String|Buffer\.from|SecretStr|SecretString|SecureString|Secret|TextEncoder\(\)\.encode|Encoding\.UTF8\.GetBytes|b(?=["']))[ \t]{0,4}\(?[ \t]{0,4}(?=["'`])/y;
/** A C# auto-property's initializer: `Password { get; set; } = "…";` (`init`, access modifiers, `@"…"`). */
export const AUTO_PROPERTY =
  /[ \t]{0,4}\{[ \t]{0,4}(?:(?:private|protected|internal)[ \t]{1,4})?get;[ \t]{0,4}(?:(?:private|protected|internal)[ \t]{1,4})?(?:set|init);[ \t]{0,4}\}[ \t]{0,4}=[ \t]{0,8}@?(?=")/y;
/** An opening parenthesis ending its line, then a quoted value on the next (a tuple opens on its own line). */
export const PAREN_OPEN = /\([ \t]{0,8}\r?\n[ \t]{0,32}(?=["'])/y;
/** An element's attributes after its name, up to the `>` that opens its text (not `/>`). */
export const ELEMENT_ATTRIBUTES =
  /(?:[ \t]{1,8}[\w:.-]{1,40}=(?:"[^"<>\n]{0,200}"|'[^'<>\n]{0,200}'|[^\s"'<>=`/]{1,64})){1,8}[ \t]{0,8}>/y;
/** After a name that opens a tuple: its comma and the quoted second element (an Erlang binary's `<<` read past). */
export const TUPLE_VALUE = /[ \t]{0,4},[ \t]{0,8}(?:<<)?(?=["'])/y;
export const TUPLE_OPEN = /(?:\{:?|-define\(|,[ \t]{0,4}:)$/;
export const PLAIN_KEY = /^key$/i; // a dictionary's key in most code: a credential only when its value is generated
/** A call that sets or reads a named value, whose second argument is the value or its fallback (the name may start the next line). */
export const SETTER_CALL =
  /(?:(?:define|set\w{0,24}|put\w{0,12}|getenv|Getenv|get|fetch|env|setdefault|add|header|append|option|config|GetValue|getOrDefault|getProperty|Env|get_env|fromEnvironment|of|\w{0,16}Header|\w{0,16}(?:Param(?:eter)?|Field|Cookie|Query)s?|param(?:eter)?s?|field|cookie|query|Pair|pair|tuple|entry)[ \t]{0,4}\((?:[ \t]{0,4}ENV,)?|(?:buildConfigField|resValue)[ \t(]{1,4}["'][A-Za-z]{1,16}["'][ \t]{0,4},)[ \t]{0,4}(?:\r?\n[ \t]{0,32})?$/;
/** After `${NAME}` at a line's start: `}`, an optional `=`, then two blanks or a tab (Robot Framework's `*** Variables ***`). */
export const ROBOT_VARIABLE = /\}=?(?:[ \t]*\t|[ ]{2,})[ \t]*(?=[^\s])/y;
/** A `?` inside a run of 32 or more letters and digits, not at its end: part of a token, not a question. */
export const QUESTION_IN_TOKEN = /^(?=[A-Za-z0-9?]{32,}$)[A-Za-z0-9?]*[A-Za-z0-9]$/;
export const NOT_A_KEY = /(?:\?|\bcase)[ \t]{0,4}$/; // before a quoted name: a ternary or a `case 'a':` label
export const DIGITS = /\d{6,64}(?![\w.])/y; // a number given to a password in code: a PIN
