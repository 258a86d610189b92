import { lineEnd, pushLiteral, readBare, readQuoted } from './literalValue';
import { callNameStarts, eachMatchAt } from './callStarts';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { holdsWord, literalWords, mayHold, wordSet } from './wordIndex';

/**
 * Credentials given without a credential-like name: a positional argument of a call that takes a
 * user and a password (`NetworkCredential("u", "…")`, `auth=("u", "…")`,
 * `new PasswordAuthentication("u", "…".toCharArray())`, `new DirectoryEntry(path, "u", "…")`), a JWT
 * library's signing key (`jwt.sign(payload, '…')`), a cipher's key (`Fernet(b"…")`), a SQL clause (`IDENTIFIED BY '…'`,
 * `WITH PASSWORD '…'`), and a server directive (`requirepass …` and `masterauth …` in redis.conf).
 */

/** Calls whose second argument is a password or secret. */
const SECOND_ARGUMENT =
  /\b(?:NetworkCredential|PasswordAuthentication|UsernamePasswordCredentials|UsernamePasswordAuthenticationToken|PasswordCredential|HTTPBasicAuth|HTTPDigestAuth|HttpBasicAuth|BasicAuth|basic_auth|basicAuth|SetBasicAuth|setBasicAuth|withBasicAuth|BasicAWSCredentials|AwsBasicCredentials|AWSCredentials|StaticCredentialsProvider|PlainCredentials|NewStaticV4|withAuthCredentials|setCredentials|username_pw_set|Authenticate|(?:cx_Oracle|oracledb)\.connect|Credentials\.basic|Credentials::new|WiFi\.begin|Bind|login|authenticate)[ \t]{0,4}\([ \t]{0,4}/g;
/**
 * `auth=("u", "…")`, `auth: ["u", "…"]`, `creds = ("u", "…")`, `BASIC_AUTH = ["u", "…"]`: a tuple or a list
 * given to `auth`, `creds` or `credentials` (a prefix such as `basic_` or `db_` allowed), its second item the
 * password.
 */
const AUTH_TUPLE =
  /(?<![A-Za-z0-9])(?:[A-Za-z0-9]{1,20}_)?(?:auth|AUTH|creds|CREDS|credentials|Credentials|CREDENTIALS)[ \t]{0,4}(?:=|:|=>)[ \t]{0,4}[([][ \t]{0,4}/g;
/**
 * A setter or builder named for a credential: `ds.setPassword("…")`, `.withApiKey('…')`,
 * `config.set_secret("…")`. Its first argument is the credential. The report tier's names list counts
 * `set…` as a verb (a `setPassword` function is no credential); its argument is.
 */
const SETTER =
  /\b(?:set|with|use)_?[A-Za-z]{0,24}?(?:password|passwd|pwd|secret|token|apikey|api_key|accesskey|access_key|privatekey|private_key|passphrase|credentials?)[ \t]{0,4}\([ \t]{0,4}/gi;
/**
 * C++'s `secret.assign("…", n)`: a string named for a credential, given its value. Matched from the
 * `.assign` literal, the name read back after it: led by a class, the pattern was tried at every word.
 */
const ASSIGN_CALL =
  /\.assign(?<=(?:password|passwd|pwd|secrete?|token|apikey|api_key|private_key|passphrase)\.assign)[ \t]{0,4}\([ \t]{0,4}/gi;
/**
 * `DriverManager.getConnection(url, "user", "…")`, .NET's `new DirectoryEntry("LDAP://…", "user", "…")`,
 * Python's `pymysql.connect(host, user, passwd, db)` and `ftplib.FTP(host, user, passwd)`, PHP's
 * `new PDO(dsn, user, "…")` and `mysqli_connect(host, user, "…")`, Perl's `DBI->connect(dsn, user, '…')`,
 * `new Sequelize(db, user, '…')`, `ldap_bind($ds, dn, "…")`, `ldap3.Connection(server, dn, '…')`, Python
 * keyring's `set_password(service, user, "…")`, Oracle's `UTL_HTTP.set_authentication(req, user, '…')`,
 * Groovy's `Sql.newInstance(url, user, '…', driver)`: the third argument.
 */
const THIRD_ARGUMENT =
  /(?:\b(?:getConnection|DirectoryEntry|(?:pymysql|MySQLdb)\.connect|FTP(?:_TLS)?|PDO|mysqli_connect|mysqli|mysql_connect|mysql_pconnect|Sequelize|ldap_bind|ldap3\.Connection|set_password|Minio|ftp_login|ssh2_auth_password|PlainAuth|CreateCredential|create_superuser|hash_hmac|set_authentication|Sql\.newInstance)|\bDBI->connect)[ \t]{0,4}\([ \t]{0,4}/g;
/**
 * A JSON Web Token library's call whose second argument is the signing key: `jwt.sign(payload, '…')`,
 * `jwt.verify(token, '…')`, PyJWT's `jwt.encode(payload, "…", algorithm=…)`, Ruby's `JWT.encode(…, '…')` and
 * its call without parentheses (`JWT.encode payload, '…', 'HS256'`),
 * jjwt's old `signWith(SignatureAlgorithm.HS256, "…")`. Semgrep's jwt-hardcode rules flag them.
 */
const JWT_SECOND =
  /\b(?:(?:jwt|JWT|jsonwebtoken)\.(?:sign|verify|encode|decode)|signWith)(?:[ \t]{0,4}\(|[ \t](?=[ \t]{0,3}[\w$]))[ \t]{0,4}/g;
/**
 * Calls whose first argument is an HMAC key: java-jwt's `Algorithm.HMAC256("…")`, jose's `JWK.asKey('…')`,
 * jjwt's `setSigningKey("…")`, golang-jwt's `token.SignedString([]byte("…"))`.
 */
const JWT_FIRST =
  /\b(?:Algorithm\.HMAC(?:256|384|512)|JWK\.asKey|setSigningKey|SignedString)[ \t]{0,4}\([ \t]{0,4}(?:\[\]byte\([ \t]{0,4})?/g;
/**
 * A wallet's private key or recovery phrase given as a literal: ethers' `new Wallet("0x…")` and
 * `Wallet.fromPhrase("…")`, truffle's `new HDWalletProvider("<phrase>", url)`, bip39's `mnemonicToSeed("…")`
 * (hunter F, 2026-12-06). Whoever holds either spends the wallet's funds. The first argument, as a cipher's:
 *
 * A cipher's or a MAC's key given as a literal: Python cryptography's `Fernet(b"…")`, `AESGCM(…)`, PyCryptodome's
 * `AES.new(b"…", mode)`, Java's `new SecretKeySpec("…".getBytes(), "AES")`: the first argument (a Python bytes
 * prefix or a `key=` read past). Node's `createCipheriv(algorithm, '…', iv)`: the second.
 */
const CIPHER_KEY_FIRST =
  /\b(?:(?:ethers\.)?Wallet(?:\.fromPhrase|\.fromMnemonic)?|HDWalletProvider|mnemonicToSeed(?:Sync)?|Keypair\.fromSecretKey|Fernet|AESGCM|AESCCM|AESOCB3|AESSIV|ChaCha20Poly1305|(?:AES|DES3?|Blowfish|ARC4|ChaCha20|Salsa20|CAST|hmac)\.new|SecretKeySpec)[ \t]{0,4}\([ \t]{0,4}(?:key[ \t]{0,4}=[ \t]{0,4})?(?:b(?=["']))?/g;
/**
 * The second argument: an LDAP bind's password (`simple_bind_s(dn, "…")`), a Redis script's
 * `redis.call('AUTH', '…')`, libcurl's password options (`curl_setopt($ch, CURLOPT_USERPWD, "user:…")`,
 * the third, after the handle and the option, read as the option's own second).
 */
const BIND_SECOND =
  /\b(?:simple_bind_s|simple_bind|bind_s|redis\.call[ \t]{0,4}\([ \t]{0,4}["']AUTH["'][ \t]{0,4},(?=[ \t]{0,4}["'])|curl_(?:easy_)?setopt[ \t]{0,4}\([^,()]{1,64},[ \t]{0,4}CURLOPT_(?:USERPWD|PASSWORD|PROXYUSERPWD|PROXYPASSWORD|KEYPASSWD|SSLKEYPASSWD|XOAUTH2_BEARER)[ \t]{0,4},(?=[ \t]{0,4}["']))/g;
/**
 * redis-py's `Redis(host, port, db, password)` (and `StrictRedis`), called positionally: the fourth argument.
 * ioredis's `new Redis(port, host, options)` takes no password there, so a `new` before it is no match.
 */
const FOURTH_ARGUMENT =
  /(?:(?<!\bnew[ \t]{1,4}(?:[\w$]{1,32}\.)?)\b(?:redis\.)?(?:Strict)?Redis|\bNewDialer|\b(?:Sftp|Ssh|Scp)Client|\b(?:ssh|ssh_client|sshclient|client)\.connect)[ \t]{0,4}\([ \t]{0,4}/g;
/**
 * Calls whose last quoted argument is the password, however many come before: `db.auth("admin", "…")`,
 * OpenResty's `red:auth("default", "…")`, Perl's `$smtp->auth(user, "…")` and LWP's `credentials(netloc,
 * realm, user, "…")`, Go's `ftp.Login(user, "…")`, R's `odbcConnect(dsn, user, "…")`, Ruby's `Net::FTP.open(host,
 * user, "…")`, JavaMail's `Transport.send(msg, user, "…")`, Exposed's `Database.connect(url, driver, user, "…")`,
 * doobie's `fromDriverManager[IO](driver, url, user, "…")`, Simple Java Mail's `withSMTPServer(host, port, user,
 * "…")`, and PHP's `PDO->__construct(dsn, user, '…', Array)` in a stack trace (hunters E and F, 2026-12-06).
 */
const LAST_ARGUMENT =
  /\b(?:auth|credentials|Login|odbcConnect|Net::FTP\.open|Transport\.send|Database\.connect|fromDriverManager(?:\[\w{1,16}\])?|withSMTPServer|PDO->__construct)[ \t]{0,4}\([ \t]{0,4}/g;
/**
 * Ruby's `Net::SMTP.start(host, port, helo, user, password, :login)` and Jenkins'
 * `new UsernamePasswordCredentialsImpl(scope, id, description, user, password)`: the fifth argument.
 */
const FIFTH_ARGUMENT = /\b(?:Net::SMTP\.start|UsernamePasswordCredentialsImpl)[ \t]{0,4}\([ \t]{0,4}/g;
/**
 * A plaintext password handed to a hash function (a seeder's `bcrypt('…')`, Laravel's `Hash::make('…')`,
 * Django's `make_password("…")`, bcrypt's `hash('…', 10)` with its rounds, Spring's `passwordEncoder.encode("…")`,
 * a Rails fixture's `send(:password_digest, '…')`): the first argument, which the stored hash was made from.
 */
const HASHED_PLAINTEXT =
  /\b(?:bcrypt|Hash::make|password_hash|make_password|generate_password_hash|BCrypt::Password\.create|hashpw|argon2\.hash|hashSync|hash_password|(?:bcrypt(?:js)?\.)?hash(?=[ \t]{0,4}\([ \t]{0,4}["'][^"'\r\n]{1,128}["'][ \t]{0,4},[ \t]{0,4}(?:\d{1,2}|\w{0,16}[Rr]ounds\w{0,16}|\w{0,16}SALT\w{0,16})[ \t]{0,4}\))|[Pp]asswordEncoder(?:\(\))?\.encode)[ \t]{0,4}\([ \t]{0,4}(?:b(?=["']))?|\bsend[ \t]{0,4}\([ \t]{0,4}:password_digest[ \t]{0,4},[ \t]{0,4}/g;
/** OmniAuth's `provider :github, "<id>", "<secret>"`: the secret after the client id. */
const OMNIAUTH = /\b(?:provider|config\.omniauth)[ \t]{1,4}:\w{1,32}[ \t]{0,4},[ \t]{0,4}/g;
/**
 * AWS CDK's secret values made from a literal in each of its languages (`SecretValue.unsafePlainText('…')`,
 * C#'s `UnsafePlainText`, Python's `unsafe_plain_text`, Go's `SecretValue_UnsafePlainText(jsii.String("…"))`),
 * and Jenkins' `Secret.fromString("…")`.
 */
const SECRET_VALUE =
  /\b(?:SecretValue(?:\.|_)(?:unsafePlainText|UnsafePlainText|unsafe_plain_text|plainText|PlainText|plain_text|unsafePlainTextJson)[ \t]{0,4}\([ \t]{0,4}(?:jsii\.String\([ \t]{0,4})?|Secret\.fromString[ \t]{0,4}\([ \t]{0,4})/g;
/**
 * A default given to an environment lookup, past where the report tier's names reach: Rails' ERB
 * `ENV.fetch("X") { "…" }`, Perl's `$ENV{X} // '…'`, R's `Sys.getenv("X", unset = "…")`, Elixir's and Ruby's
 * `Keyword.get(opts, :password, "…")` and `options.fetch(:password, "…")`, Rust's
 * `env::var("X").unwrap_or("….to_string())` and `.unwrap_or_else(|_| String::from("…"))`. The calls are
 * tried where a call's name starts (see callStarts.ts); Perl's hash, no call, has a pattern of its own.
 */
const ENV_DEFAULT =
  /\bENV\.fetch\([^()\n]{0,40}(?:pass|pwd|secret|token|key)[^()\n]{0,40}\)[ \t]{0,4}\{[ \t]{0,4}|\bSys\.getenv\([^,()\n]{0,40}(?:pass|pwd|secret|token|key)[^,()\n]{0,40},[ \t]{0,4}unset[ \t]{0,4}=[ \t]{0,4}|\b(?:Keyword|Map|opts|options|params|kwargs|config|settings)\.(?:get|fetch)\([^,()\n]{0,64},?[ \t]{0,4}:?["']?\w{0,32}(?:pass|pwd|secret|token|key)\w{0,32}["']?[ \t]{0,4},[ \t]{0,4}|\benv::var(?:_os)?\([^()\n]{0,40}(?:pass|pwd|secret|token|key)[^()\n]{0,40}\)[ \t]{0,4}\.unwrap_or(?:_else)?\([ \t]{0,4}(?:\|[^|\n]{0,8}\|[ \t]{0,4})?(?:String::from\([ \t]{0,4})?/iy;
/** Perl's `$ENV{X} // '…'`: the one default above whose lookup is no call. */
const ENV_HASH_DEFAULT =
  /\$ENV\{[^}\n]{0,40}(?:pass|pwd|secret|token|key)[^}\n]{0,40}\}[ \t]{0,4}(?:\/\/|\|\|)[ \t]{0,4}/gi;
/** C's string copies into a credential field: `strcpy(cfg.password, "…")`, `strncpy`, `wcscpy`. */
const STRING_COPY =
  /\b(?:strcpy|strncpy|strlcpy|wcscpy|wcsncpy|lstrcpy[AW]?|StringCchCopy[AW]?)[ \t]{0,4}\([ \t]{0,4}[\w.>[\]-]{0,64}(?:pass|pwd|secret|token|key)\w{0,32}[ \t]{0,4},[ \t]{0,4}(?:L(?="))?/gi;
const CIPHER_KEY_SECOND =
  /\b(?:createCipheriv|createDecipheriv|createHmac|HMAC\.(?:hexdigest|digest|base64digest))[ \t]{0,4}\([ \t]{0,4}/g;
/** SETTER, STRING_COPY and BIND_SECOND, tried where a call's name starts (see callStarts.ts). */
const SETTER_AT = new RegExp(SETTER.source, 'yi');
const STRING_COPY_AT = new RegExp(STRING_COPY.source, 'yi');
const BIND_SECOND_AT = new RegExp(BIND_SECOND.source, 'y');
/** An argument before the credential: a string, or an identifier or member chain; the next may be on the next line. */
const ARGUMENT =
  /(?:"(?:[^"\\\n]|\\.){0,256}"|'(?:[^'\\\n]|\\.){0,256}'|[\w$.]{1,128}|\{[^{}\n]{0,256}\})(?:\.(?:to_string|to_owned|into)\(\))?[ \t]{0,4},(?:[ \t]{0,4}\r?\n)?[ \t]{0,24}/y;
/**
 * SQL: `IDENTIFIED BY '…'`, `IDENTIFIED WITH plugin BY '…'`, `[ENCRYPTED] PASSWORD '…'`, `PASSWORD('…')`,
 * MSSQL's `N'…'`, MySQL's `SET PASSWORD FOR … = '…'`, `sp_password`'s `@new = '…'`, Redshift's
 * `SECRET_ACCESS_KEY '…'`.
 */
const SQL =
  /\b(?:IDENTIFIED(?:[ \t]+WITH[ \t]+\w{1,64})?[ \t]+BY|WITH[ \t]+PASSWORD[ \t]{0,4}=|PASSWORD|SET[ \t]+PASSWORD[ \t]+FOR[^=;\n]{1,120}=|SECRET_ACCESS_KEY)[ \t]{0,4}(?:\([ \t]{0,4})?N?(?=['"])|@new[ \t]{0,4}=[ \t]{0,4}N?(?=['"])/gi;
/**
 * Oracle's unquoted `IDENTIFIED BY <password>` in a user's, role's or link's statement (prose says "identified
 * by"). Led by `IDENTIFIED`, the statement's word read back: led by the four words, it was tried at most
 * letters of a text.
 */
const SQL_BARE =
  /IDENTIFIED(?<=\b(?:USER|ROLE|LINK|LOGIN)\b[^;\n]{0,80}\bIDENTIFIED)[ \t]+BY[ \t]+(?!VALUES\b|EXTERNALLY\b|GLOBALLY\b)([A-Za-z][\w$#]{2,63})(?=[ \t;\r\n]|$)/gi;
/**
 * A user's or role's statement broken across lines, as SQL formatters, migrations and ORM logs write it: the
 * password on the line after `IDENTIFIED BY`, `WITH PASSWORD` or `PASSWORD` (`CREATE USER x⏎ IDENTIFIED BY⏎
 * "…"`), or `IDENTIFIED BY <bare>` on a line after the statement's first. Only inside `CREATE`/`ALTER` `USER`,
 * `ROLE` or `LOGIN` (read back up to 200 characters, not past a `;`): "password" ending a line of prose is
 * often followed by a quoted example on the next. Led by the keyword, as `SQL_BARE` is.
 */
const SQL_NEXT_LINE =
  /(?:IDENTIFIED(?:[ \t]+WITH[ \t]+\w{1,64})?[ \t]+BY|PASSWORD(?:[ \t]{0,4}=)?)(?<=\b(?:CREATE|ALTER)[ \t]+(?:USER|ROLE|LOGIN)\b[^;]{1,200}?\b(?:IDENTIFIED(?:[ \t]+WITH[ \t]+\w{1,64})?[ \t]+BY|PASSWORD(?:[ \t]{0,4}=)?))(?:[ \t]{0,8}\r?\n[ \t]{0,32}|[ \t]{1,8})(?:N?(?=['"])|(?<=BY[ \t\r\n]{1,40})(?!VALUES\b|EXTERNALLY\b|GLOBALLY\b|PASSWORD\b)([A-Za-z][\w$#]{2,63})(?=[ \t;\r\n]|$))/gi;
/** What every match of `SQL` or `SQL_BARE` spells (ignoring case), for the shared word search. */
const SQL_WORDS = wordSet(['identified', 'password', 'secret_access_key', '@new']);
/**
 * redis.conf, LDAP's `bindpw` (ldap.conf, nslcd.conf) and `rootpw` (slapd.conf): a directive at the start
 * of a line, its value the rest of the line. Led by the word, the line's start read back: led by `^`, the
 * pattern was tried at every character.
 */
const DIRECTIVE =
  /(?:requirepass|masterauth|auth_pass|rpcpassword|rpcauth|bindpw|bind_pw|rootpw)(?<=^[ \t]{0,16}(?:requirepass|masterauth|auth_pass|rpcpassword|rpcauth|bindpw|bind_pw|rootpw))[ \t]+/gm;
/** The directives, for the shared word search: a text without one is passed over (the pass read 100 KB in ~40 µs). */
const DIRECTIVE_WORDS = wordSet([
  ...['requirepass', 'masterauth', 'auth_pass', 'rpcpassword', 'rpcauth', 'bindpw', 'bind_pw', 'rootpw'],
]);

/**
 * The case-sensitive calls, each with the arguments it skips and the kind of its credential, and whether its
 * name stands right before its `(` (see callStarts.ts); the others are found by a pass of their own.
 */
const CALLS: readonly (readonly [RegExp, number, string, 'named' | 'other'])[] = [
  [SECOND_ARGUMENT, 1, 'password', 'named'],
  [AUTH_TUPLE, 1, 'password', 'other'],
  [THIRD_ARGUMENT, 2, 'password', 'named'],
  [JWT_SECOND, 1, 'secret', 'other'],
  [JWT_FIRST, 0, 'secret', 'named'],
  [CIPHER_KEY_FIRST, 0, 'key', 'named'],
  [SECRET_VALUE, 0, 'secret', 'named'],
  [CIPHER_KEY_SECOND, 1, 'key', 'named'],
  [FOURTH_ARGUMENT, 3, 'password', 'named'],
  [FIFTH_ARGUMENT, 4, 'password', 'named'],
  [HASHED_PLAINTEXT, 0, 'password', 'named'],
  [OMNIAUTH, 1, 'secret', 'other'],
  [LAST_ARGUMENT, -1, 'password', 'named'],
];
/** The calls as one pattern, a group each (none holds a group of its own), tried where a call may start. */
const ANY_CALL = new RegExp(CALLS.map(([re]) => `(${re.source})`).join('|'), 'y');
/** The calls whose name does not stand right before a `(`: where they match is found by a pass of their own. */
const OTHER_CALLS = new RegExp(
  CALLS.filter((c) => c[3] === 'other')
    .map(([re]) => re.source)
    .join('|'),
  'g',
);

/** `.assign` and `$ENV{`, which every match of their patterns spells, for the shared word search. */
const ASSIGN_WORDS = literalWords(ASSIGN_CALL);
const ENV_HASH_WORDS = literalWords(ENV_HASH_DEFAULT);
/** A word every match of `OTHER_CALLS` spells (ignoring case): a text without one is not searched for them. */
const OTHER_WORDS = wordSet(['auth', 'creds', 'credentials', 'jwt', 'jsonwebtoken', 'signwith', 'provider']);

export const findCredentialArguments: RecallDetector = (text, out) => {
  const named = callNameStarts(text);
  const others = holdsWord(text, OTHER_WORDS) ? [...text.matchAll(OTHER_CALLS)].map((m) => m.index) : [];
  const starts = others.length === 0 ? named : [...named, ...others].sort((a, b) => a - b);
  eachMatchAt(text, ANY_CALL, starts, (m, end) => {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const [, skip, kind] = CALLS[k]!;
    return skip === -1 ? lastQuotedAt(text, end, out) : positionalAt(text, end, skip, out, kind);
  });
  for (const [pattern, skip] of [
    [SETTER_AT, 0],
    [STRING_COPY_AT, 0],
    [ENV_DEFAULT, 0],
  ] as const) {
    eachMatchAt(text, pattern, named, (_, end) => positionalAt(text, end, skip, out, 'password'));
  }
  if (mayHold(text, ASSIGN_WORDS)) {
    positional(text, ASSIGN_CALL, 0, out);
  }
  if (mayHold(text, ENV_HASH_WORDS)) {
    positional(text, ENV_HASH_DEFAULT, 0, out);
  }
  bindSecond(text, named, out);
};

export const findSqlPasswords: RecallDetector = (text, out) => {
  // Each clause spells one of these words: a text without them is passed over on the shared word search
  // (the pattern, led by `\b` and ignoring case, is tried at every word: 50-70 µs of 100 KB of code).
  if (!holdsWord(text, SQL_WORDS)) {
    return;
  }
  const re = new RegExp(SQL.source, SQL.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // `"password", description:`, `data['password'] = …`: a quote right after the word closes the string
    // the word sits in; a clause puts a space or a `(` there (`PASSWORD 'x'`, `PASSWORD('x')`).
    if (/^password$/i.test(m[0])) {
      continue;
    }
    re.lastIndex = Math.max(
      re.lastIndex,
      pushLiteral(text, readQuoted(text, re.lastIndex), 'password', false, out),
    );
  }
  for (const m of [...text.matchAll(SQL_BARE), ...text.matchAll(SQL_NEXT_LINE)]) {
    const end = m.index + m[0].length;
    if (m[1] === undefined) {
      pushLiteral(text, readQuoted(text, end), 'password', false, out);
    } else {
      pushLiteral(text, { start: end - m[1].length, end, quoted: false }, 'password', true, out);
    }
  }
};

export const findDirectivePasswords: RecallDetector = (text, out) => {
  if (!holdsWord(text, DIRECTIVE_WORDS)) {
    return;
  }
  const re = new RegExp(DIRECTIVE.source, DIRECTIVE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const at = re.lastIndex;
    const c = text.charCodeAt(at);
    const span = c === 34 || c === 39 ? readQuoted(text, at) : readBare(text, at);
    pushLiteral(text, span, 'password', true, out);
    re.lastIndex = Math.max(at, lineEnd(text, at));
  }
};

/** `simple_bind_s(dn, "…")` skips one argument; `redis.call('AUTH', …)` and `curl_setopt(…, CURLOPT_…, …)` none. */
function bindSecond(text: string, named: readonly number[], out: RecallSpan[]): void {
  eachMatchAt(text, BIND_SECOND_AT, named, (m, end) => {
    const bind = /^(?:simple_bind|bind_s)/.test(m[0]);
    const open = bind ? text.indexOf('(', end) : end;
    if (open !== -1 && open - end <= 4) {
      positionalAt(text, bind ? open + 1 : open, bind ? 1 : 0, out, 'password');
    }
    return end;
  });
}

/** Hides the quoted argument after `skip` others in each call `pattern` finds, as a `kind`. */
function positional(text: string, pattern: RegExp, skip: number, out: RecallSpan[], kind = 'password'): void {
  const re = new RegExp(pattern.source, pattern.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    re.lastIndex = Math.max(re.lastIndex, positionalAt(text, re.lastIndex, skip, out, kind));
  }
}

/**
 * Where a call's first argument starts, from just after its `(`: past blanks and one line break, as a
 * formatter wraps a long call (`ds.setPassword(⏎    "…")`).
 */
function firstArgument(text: string, at: number): number {
  const wrapped = /[ \t]{0,8}(?:\r?\n[ \t]{0,32})?/y;
  wrapped.lastIndex = at;
  wrapped.exec(text);
  return wrapped.lastIndex;
}

/** Hides the quoted argument after `skip` others from `at`; returns where the scan resumes. */
function positionalAt(text: string, at: number, skip: number, out: RecallSpan[], kind: string): number {
  const arg = new RegExp(ARGUMENT.source, 'y');
  let i = firstArgument(text, at);
  for (let skipped = 0; skipped < skip; skipped++) {
    arg.lastIndex = i;
    if (arg.exec(text) === null) {
      return at;
    }
    i = arg.lastIndex;
  }
  const c = text.charCodeAt(i);
  return c === 34 || c === 39 ? pushLiteral(text, readQuoted(text, i), kind, false, out) : at;
}

/**
 * Hides the last quoted argument of the call whose arguments start at `at`, when it is not the first (a
 * call of one argument names no user); returns where the scan resumes.
 */
function lastQuotedAt(text: string, at: number, out: RecallSpan[]): number {
  const arg = new RegExp(ARGUMENT.source, 'y');
  let i = firstArgument(text, at);
  let last = -1;
  for (let count = 0; count < 8; count++) {
    const c = text.charCodeAt(i);
    const quoted = c === 34 || c === 39;
    arg.lastIndex = i;
    const more = arg.exec(text) !== null;
    last = quoted ? i : last;
    if (!more) {
      return count > 0 && last > at ? pushLiteral(text, readQuoted(text, last), 'password', false, out) : at;
    }
    i = arg.lastIndex;
  }
  return at;
}
