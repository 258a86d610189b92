import { randomToken, ALNUM } from '../random';
import * as assert from 'node:assert/strict';
import { findNamedLiterals } from './namedLiterals';
import type { RecallSpan } from './recallSpan';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);
/** A password with a digit in it for sure: drawn letters alone may read as a word. */
const password = (): string => `${fake(6)}7${fake(5)}`;

describe('redact tier: lists and directives given to a credential name (valueForms.ts)', () => {
  it('hides each element of a list of credentials, quoted in code or bare in YAML', () => {
    const [a, b] = [randomToken(ALNUM, 24), randomToken(ALNUM, 24)];
    hides(`API_KEYS = ["${a}", "${b}"]`, a, b);
    hides(`const apiKeys = ['${a}', '${b}'];`, a, b);
    const [p, q] = [password(), password()];
    hides(`passwords: [${p}, ${q}]`, p, q);
  });

  it('hides every part of a key split into a list and joined, whatever each part looks like', () => {
    const [a, b] = [fake(10), fake(14)];
    hides(`const API_KEY = ["${a}", "${b}"].join("");`, a, b);
    hides(`API_KEY = "".join(["${a}", "${b}"])`, a, b);
    hides(`secret = ''.join(['${a}', '${b}'])`, a, b);
  });

  it("leaves lists of words, calls and names given to `token` or `auth` names (lexers', schemes')", () => {
    leaves('AUTH_SCHEME_ORDER = ["hmacdigest", "googlelogin", "digest", "wsse", "basic"]');
    leaves("token_variants = ['+i6t-not-inline', '+i6t-inline', '+i6t-use-option']");
    leaves('tokens = [getToken(), other]');
    leaves('password = [a, b]');
    leaves('API_KEYS = ["${KEY_ONE}", "${KEY_TWO}"]');
  });

  it('hides the bare value of a directive alone on its line, in any case style', () => {
    const pw = password();
    hides(`keyPassword ${pw}`, pw);
    hides(`  password ${pw}`, pw);
    hides(`# masterPassword ${pw}`, pw);
  });

  it('leaves words, code and service tables that put a credential word before a value', () => {
    for (const text of [
      '## Password reset',
      '  password required',
      '    krb5_creds *creds);',
      '    PKCS8_PRIV_KEY_INFO **p8inf);',
      'GTlsPasswordFlags  flags);',
      'kpasswd\t\t464/tcp',
      'auto-key-locate local,wkd,dane',
      '# pass key/iv',
      '    "BrowserCacheManager.addAccountKeyToMap called",',
      '  "credential vault"',
      '  auth0_credentials file: ',
      'secret_key_base:',
    ]) {
      leaves(text);
    }
  });

  it("hides a literal given through Rust's String::from", () => {
    const pw = password();
    hides(`let password = String::from("${pw}");`, pw);
    hides(`let token = SecretString::new("${pw}");`, pw);
  });

  it("follows a bare value across a shell's line continuation, and leaves an indented next line", () => {
    const key = `sk-proj-${fake(40)}`;
    const text = `OPENAI_API_KEY=${key.slice(0, 20)}\\\n${key.slice(20)}\nNEXT=1\n`;
    hides(text, key.slice(0, 20), key.slice(20));
    hides(`DB_PASSWORD=${key.slice(0, 20)}\\\r\n${key.slice(20)}\r\n`, key.slice(0, 20), key.slice(20));
    const out: RecallSpan[] = [];
    findNamedLiterals(`PASSWORD=${key}\\\n  --verbose\n`, out);
    assert.deepEqual(
      out.map((s) => `PASSWORD=${key}\\\n  --verbose\n`.slice(s.start, s.end)),
      [`${key}\\`],
    );
  });

  it("hides the second element of an Erlang or Elixir tuple named for a credential, and leaves a call's arguments", () => {
    const pw = password();
    hides(`[{app, [{db_password, "${pw}"}]}].`, pw);
    hides(`[{app, [{password, <<"${pw}">>}]}].`, pw);
    hides(`config :app, {:api_key, "${pw}"}`, pw);
    leaves('{password, Password}');
    leaves('hash(password, "sha256")');
  });

  it("hides a value black wrapped in parentheses, and leaves a tuple on the name's line", () => {
    const [a, b] = [password(), fake(16)];
    hides(`PASSWORD = (\n    "${a}"\n)\n`, a);
    // Its first literal here; the joined second one is the decoded view's (the whole tier hides both).
    const joined = `SECRET_KEY = (\n    "${b}"\n    "${a}"\n)\n`;
    hides(joined, b);
    const sent = redactText(joined, new RedactionMap()).text;
    assert.ok(!sent.includes(a) && !sent.includes(b), sent);
    leaves("DEPENDENCY_KEYS = ('extras run_requires test_requires build_requires '");
    leaves("'OAuth': ('oauth_get_sbs', 'oauth_urlencode'),");
  });

  it('hides literals after typed declarations of Rust, Zig, C++, Qt, Win32, TypeScript unions and pydantic', () => {
    const pw = password();
    hides(`const DB_PASSWORD: &str = "${pw}";`, pw);
    hides(`static API_KEY: &'static str = "${pw}";`, pw);
    hides(`const db_password: []const u8 = "${pw}";`, pw);
    hides(`std::string password{"${pw}"};`, pw);
    hides(`QString password = QStringLiteral("${pw}");`, pw);
    hides(`LPCWSTR pszPassword = L"${pw}";`, pw);
    hides(`password: string | undefined = '${pw}';`, pw);
    hides(`api_key: str | None = "${pw}"`, pw);
    hides(`password: str = Field(default="${pw}")`, pw);
    hides(`let password: String = String::from("${pw}");`, pw);
  });

  it("reads config files' glued names (dbpass, rootpw, bindpw), WordPress salts, SetEnv and setenv", () => {
    const pw = password();
    for (const name of ['dbpass', 'smtppass', 'remotepass', 'rootpw', 'bindpw', 'DBPASS']) {
      hides(`${name}=${pw}`, pw);
    }
    hides(`ldap_default_authtok = ${pw}`, pw);
    hides(`define('NONCE_SALT', '${pw}');`, pw);
    hides(`define('LOGGED_IN_SALT', '${pw}');`, pw);
    hides(`SetEnv DB_PASS ${pw}`, pw);
    hides(`setenv DB_PASSWORD ${pw}`, pw);
    leaves(`bypass=${pw}`);
    leaves(`compass = ${pw}`);
    leaves(`salt = ${pw}`);
  });

  it('hides a shell default without the colon, and a value behind a YAML anchor', () => {
    const pw = password();
    hides(`DB_PASSWORD="\${DB_PASSWORD-${pw}}"`, pw);
    hides(`password: &dbpw ${pw}`, pw);
    leaves('base: &defaults');
    // A core tag keeps the value a literal; an application's tag makes it a reference or ciphertext.
    hides(`password: !!str ${pw}`, pw);
    const hex = randomToken('0123456789abcdef', 32);
    hides(`signing_key: !!binary ${hex}`, hex);
    leaves('password: !Ref DbPassword');
    leaves('db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  6135');
  });

  it('hides a bare value wrapped onto the next, deeper line, and no key that follows', () => {
    const [head, tail] = [randomToken(ALNUM, 26), randomToken(ALNUM, 14)];
    hides(`aws_secret_access_key = ${head}\n    ${tail}\n`, head, tail);
    hides(`auth:\n  client_secret: ${head}\n    ${tail}\n  scope: read\n`, head, tail);
    const spans: RecallSpan[] = [];
    const text = `api_token: ${head}\n  region: eu-west-1\nnext_key_name: value\n`;
    findNamedLiterals(text, spans);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      [head],
    );
    leaves(`db_password = \${DB_PASSWORD}\n    ${tail}\n`);
  });

  it('hides a generated run a mail wrapped at the margin, and no word or sibling at that depth', () => {
    const [head, tail] = [randomToken(ALNUM, 19), randomToken(ALNUM, 20)];
    hides(`here's the key from the email, it got wrapped:\nkey: AIza${head}\n${tail}`, head, tail);
    const hex = randomToken('0123456789abcdef', 32);
    hides(`signing_key: ${hex.slice(0, 16)}\n${hex.slice(16)}\n`, hex.slice(0, 16), hex.slice(16));
    const spans: RecallSpan[] = [];
    const text = `api_token: ${head}\nfoo_bar_baz\nnext: ${hex.slice(0, 8)}\n`;
    findNamedLiterals(text, spans);
    assert.deepEqual(
      spans.map((s) => text.slice(s.start, s.end)),
      [head],
    );
  });

  it("hides a reference's default given to a credential name, whatever the variable is called", () => {
    const pw = password();
    hides(`spring.datasource.password=\${DB_SENHA:${pw}}`, pw);
    hides(`  password: \${DB_PW:${pw}}`, pw);
    hides(`quarkus.datasource.password=\${PG_ADMIN:${pw}}`, pw);
    hides(`password: \${env:PG_ADMIN:${pw}}`, pw);
    hides(`jwt.secret="\${JWT_SIGNING:${pw}}"`, pw);
    leaves('spring.datasource.password=${DB_PASSWORD}');
    leaves('spring.datasource.url=${DB_URL:jdbc:postgresql://localhost/app}');
    // A shell's substring offset is no default.
    leaves('password="${DB_PASSWORD:8}"');
  });

  it("hides Objective-C's @\"…\", a #define's literal and an Android build field's value", () => {
    const pw = password();
    hides(`static NSString *const kApiSecret = @"${pw}";`, pw);
    // Under a `#define` a password holds letters and a digit and no word joints (constants hold those).
    const marked = `${fake(6)}7!${fake(4)}`;
    hides(`#define API_PASSWORD @"${marked}"`, marked);
    hides(`#define DB_PASSWORD "${pw}"`, pw);
    leaves('#define SN_dhSinglePass_stdDH_sha1kdf_scheme "dhSinglePass-stdDH-sha1kdf-scheme"');
    leaves('#define OSSL_PASSPHRASE_PARAM_INFO "info"');
    hides(`buildConfigField("String", "BACKEND_PASSWORD", "\\"${pw}\\"")`, pw);
    hides(`resValue "string", "server_password", "${pw}"`, pw);
    leaves('#define PASSWORD_MAX 64');
    leaves('buildConfigField("String", "API_URL", "\\"https://api.example.com\\"")');
  });

  it('hides a quoted value a blank away in Lisp, EDN, setx and Elixir forms, and an Erlang macro\u2019s', () => {
    const pw = `Kelso!${password()}`;
    for (const text of [
      `{:smtp {:user "alerts" :pass "${pw}"}}`,
      `{:client-secret "${pw}" :client-id "acme-web"}`,
      `(def jwt-secret "${pw}")`,
      `(defonce secret-token "${pw}")`,
      `setx DB_PASSWORD "${pw}"`,
      `@db_password "${pw}"`,
      `-define(DB_PASSWORD, "${pw}").`,
      `-define(JWT_SECRET, <<"${pw}">>).`,
      `config :my_app, :signing_key, "${pw}"`,
      `play.http.secret.key = "${pw}"`,
      `silhouette.authenticator.crypter.key = "${pw}"`,
    ]) {
      hides(text, pw);
    }
    leaves('(def password-field "password")');
    leaves('{:password-label "Password" :token-ttl 3600}');
    leaves('the password "is required" here');
    leaves('cache.key = "user:42"');
  });

  it('hides a value in strings that open with more than a quote: triple quotes, heredocs, here-strings, long brackets, q{}, sigils, prefixes', () => {
    const q3 = '"""';
    for (const line of [
      (p: string) => `val dbPassword = ${q3}\n    ${p}\n${q3}.trimIndent()`,
      (p: string) => `String pw = ${q3}\n    ${p}${q3};`,
      (p: string) => `db_password = <<-EOT\n${p}\nEOT`,
      (p: string) => `password = <<~PASS.strip\n  ${p}\nPASS`,
      (p: string) => `$password = @"\n${p}\n"@`,
      (p: string) => `local api_key = [==[${p}]==]`,
      (p: string) => `local password = [[${p}]]`,
      (p: string) => `my $password = q{${p}};`,
      (p: string) => `my $pass = qq{${p}};`,
      (p: string) => `@db_password ~s(${p})`,
      (p: string) => `final pass = r'${p}';`,
      (p: string) => `var pw = $"${p}";`,
      (p: string) => `secret = get(ENV, "JWT_SECRET", "${p}")`,
      (p: string) => `const pass = std.posix.getenv("DB_PASS") orelse "${p}";`,
    ]) {
      const p = `Dollar!${password()}`;
      hides(line(p), p);
    }
    leaves('password = <<-EOT\n${var.db_password}\nEOT');
    leaves(`token = ${q3}\n${q3}`);
  });

  it("hides an element's text when the element has attributes, not its first attribute's value", () => {
    // FileZilla's sitemanager.xml and recentservers.xml keep the password base64-encoded.
    const b64 = Buffer.from(password()).toString('base64');
    const server = `<Server>\n  <Host>ftp.example.org</Host>\n  <User>bob</User>\n  <Pass encoding="base64">${b64}</Pass>\n</Server>`;
    hides(server, b64);
    const spans: RecallSpan[] = [];
    findNamedLiterals(server, spans);
    assert.ok(!spans.some((s) => server.slice(s.start, s.end) === 'base64'), 'the attribute is no password');
    const pw = password();
    hides(`<password type="text">${pw}</password>`, pw);
    // An empty element keeps the attribute reading; a placeholder is left.
    hides(`<password value="${pw}"></password>`, pw);
    leaves('<Pass encoding="base64">${FTP_PASSWORD}</Pass>');
  });
});
