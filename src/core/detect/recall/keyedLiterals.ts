import { credentialKind } from './credentialName';
import { type PatternGroup, runGroups } from './gatedPatterns';
import type { RecallDetector } from './recallSpan';
import { wordSet } from './wordIndex';

/**
 * Literals whose credential name stands elsewhere in the statement than before them, so that no name-value
 * reader pairs the two (hunter F, 2026-12-06):
 * - a fallback after a read of a credential-named variable or setting: Clojure's `(or (System/getenv
 *   "DB_PASS") "…")`, Java's `.orElse("…")`, Kotlin's `.ifEmpty { "…" }`, Rust's `.unwrap_or("…")`,
 *   `ENV["DB_PASS"]? || "…"`, `os.getenv("X") or "…"`, configparser's `fallback="…"`, `getattr(settings,
 *   "SECRET_KEY", "…")`, fish's `set -q X; or set -gx X …`;
 * - a setter that names the key in another argument: `keychain.set("…", key: "db_password")`, `UserDefaults…
 *   set("…", forKey: "apiPassword")`, `kSecValueData: "…"`, `(System/setProperty "db.password" "…")`;
 * - a field Spring injects a literal into (`@Value("…") private String apiSecret;`);
 * - Elixir's `config :app, :erlang_cookie, "…"`, Joken's `default_signer` and `key_octet`, Cloak's `key:
 *   Base64.decode!("…")`; Perl's `@creds = qw(user …)`; Nix's `writeText "adminpass" "…"`.
 * The name is judged by credentialName.ts where the pattern captures it (`n`).
 */

/** A quoted literal, the value (`v`, `va`): what the quotes hold. */
const QV = `(?:"(?<v>[^"\\r\\n]{1,128})"|'(?<va>[^'\\r\\n]{1,128})')`;
/** A quoted name, captured (`n`). */
const QN = `["'](?<n>[^"'\\s]{1,80})["']`;

const named = (value: string, m: RegExpExecArray): boolean =>
  value.length > 0 && credentialKind(m.groups!['n']!) !== undefined;

const GROUPS: readonly PatternGroup[] = [
  {
    words: wordSet(['(or ', 'env']),
    patterns: [
      // Clojure: `(or (System/getenv "DB_PASS") "…")`, `(or (env :db-pass) "…")`.
      {
        re: new RegExp(
          `\\(or[ \\t]{1,4}\\([\\w/.-]{1,40}[ \\t]{1,4}(?:"(?<n>[^"\\s]{1,80})"|:(?<k>[\\w-]{1,80}))\\)[ \\t\\r\\n]{1,8}"(?<v>[^"\\r\\n]{1,128})"`,
          'gd',
        ),
        keep: (_v, m) => credentialKind(m.groups!['n'] ?? m.groups!['k']!.replace(/-/g, '_')) !== undefined,
      },
      // An operator's default after an environment read: `ENV["X"]? || "…"`, `os.getenv("X") or "…"`,
      // `process.env.X ?? "…"`, `$ENV{X} // "…"`.
      {
        re: new RegExp(
          `\\b(?:ENV|env|getenv|environ\\.get|environ|process\\.env)(?:[\\[({][ \\t]{0,4}${QN}|\\{(?<k>\\w{1,80})|\\.(?<p>\\w{1,80}))[ \\t]{0,4}[\\])}]?\\??[ \\t]{0,4}(?:\\|\\||\\?\\?|\\?:|\\bor\\b|//)[ \\t]{0,4}${QV}`,
          'gd',
        ),
        keep: (_v, m) => credentialKind(m.groups!['n'] ?? m.groups!['k'] ?? m.groups!['p']!) !== undefined,
      },
    ],
  },
  {
    words: wordSet([
      'orelse',
      'ifempty',
      'ifblank',
      'getorelse',
      'getordefault',
      'unwrap_or',
      'unwrapor',
      'or_else',
      'ordefault',
      'defaultifempty',
      'defaultto',
    ]),
    patterns: [
      // A method that supplies a default, after a call given the credential's name.
      {
        re: new RegExp(
          `${QN}[ \\t]{0,4}\\)[^;\\r\\n]{0,120}?\\.(?:orElse|orElseGet|ifEmpty|ifBlank|getOrElse|getOrDefault|unwrap_or|unwrap_or_else|unwrapOr|unwrapOrElse|or_else|orDefault|defaultIfEmpty|defaultTo)[ \\t]{0,4}[({][ \\t]{0,4}(?:\\(\\)[ \\t]{0,4}->[ \\t]{0,4}|\\|_?\\|[ \\t]{0,4})?${QV}`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet(['getattr', 'fallback']),
    patterns: [
      // Python's `getattr(settings, "SECRET_KEY", "…")`: the default after the attribute's name.
      {
        re: new RegExp(`\\bgetattr\\([^(),\\r\\n]{1,80},[ \\t]{0,4}${QN}[ \\t]{0,4},[ \\t]{0,4}${QV}`, 'gd'),
        keep: named,
      },
      // configparser's `config.get("db", "password", fallback="…")`.
      {
        re: new RegExp(
          `${QN}[ \\t]{0,4},[ \\t]{0,4}(?:raw[ \\t]{0,4}=[ \\t]{0,4}\\w{1,8}[ \\t]{0,4},[ \\t]{0,4})?fallback[ \\t]{0,4}=[ \\t]{0,4}${QV}`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet(['set -']),
    patterns: [
      // fish: `set -q DB_PASS; or set -gx DB_PASS …`, and `set -gx DB_PASS …` alone.
      {
        re: new RegExp(
          `\\bset[ \\t]{1,4}-[gxUlu]{1,4}[ \\t]{1,4}(?<n>\\w{1,80})[ \\t]{1,4}(?:${QV}|(?<vb>[^\\s"';]{1,128}))`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet(['forkey:', ', key:', ',key:', 'account:', 'forhttpheaderfield:']),
    patterns: [
      // Setters: the value first, the credential's key after it (Swift's `request.setValue("…",
      // forHTTPHeaderField: "X-API-Key")` too).
      {
        re: new RegExp(
          `\\.set\\w{0,20}\\([ \\t]{0,4}${QV}[ \\t]{0,4},[ \\t]{0,4}(?:key|forKey|for|account|forHTTPHeaderField)[ \\t]{0,4}:[ \\t]{0,4}${QN}`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet(['@value(']),
    patterns: [
      // Spring's `@Value("…") private String apiSecret;`: a literal, not a `${…}` or `#{…}` reference, injected
      // into a field the annotation stands before, on its line or the next.
      {
        re: new RegExp(
          `@Value[ \\t]{0,4}\\([ \\t]{0,4}(?:value[ \\t]{0,4}=[ \\t]{0,4})?"(?![$#]\\{)(?<v>[^"\\r\\n]{1,128})"[ \\t]{0,4}\\)[ \\t]{0,4}(?:\\r?\\n[ \\t]{0,16})?(?:(?:private|protected|public|final|static|lateinit|val|var)[ \\t]{1,4}){0,4}(?:[\\w.<>]{1,60}[ \\t]{1,4})?(?<n>[A-Za-z_]\\w{0,79})[ \\t]{0,4}[;:=]`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet(['ksecvaluedata']),
    patterns: [
      {
        re: /\bkSecValueData(?:[ \t]{1,4}as[ \t]{1,4}String)?[ \t]{0,4}:[ \t]{0,4}(?:Data\()?"(?<v>[^"\r\n]{1,128})"/dg,
      },
    ],
  },
  {
    words: wordSet(['setproperty', 'setenv', 'set_var', 'setenvironmentvariable']),
    patterns: [
      // The key first: `System.setProperty("db.password", "…")`, `(System/setProperty "db.password" "…")`,
      // `os.setenv("X", "…")`, `std::env::set_var("X", "…")`.
      {
        re: new RegExp(
          `\\b(?:setProperty|setenv|Setenv|setEnv|set_var|SetEnvironmentVariable)[ \\t]{0,4}\\(?[ \\t]{0,4}${QN}[ \\t]{0,4},?[ \\t]{0,4}${QV}`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet([
      'config :',
      'default_signer',
      'key_octet',
      'signing_key',
      'erlang_cookie',
      'secret_key_base',
      'base64.decode',
    ]),
    patterns: [
      // Elixir.
      {
        re: /\bconfig[ \t]{1,4}:\w{1,64}[ \t]{0,4},(?:[ \t]{0,4}[\w.]{1,64}[ \t]{0,4},)?[ \t]{0,4}:(?:erlang_cookie|cookie|signing_key|signing_secret|secret_key_base|secret_key|encryption_key|api_key|password|token|secret)[ \t]{0,4},[ \t]{0,4}"(?<v>[^"\r\n]{1,128})"/dg,
      },
      {
        re: /\b(?:default_signer|key_octet|signing_key|erlang_cookie|secret_key_base)[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\r\n]{1,128})"/dg,
      },
      {
        re: /\bkey:[ \t]{0,4}(?:Base64|:base64)\.decode(?:64)?!?\([ \t]{0,4}"(?<v>[A-Za-z0-9+/=_-]{16,512})"/dg,
      },
    ],
  },
  {
    words: wordSet(['field(', 'tochararray', 'github-oauth', 'access-tokens', '<apikeys>', ':basic-auth']),
    patterns: [
      // A dataclass's or pydantic's default (`password: str = field(default="…")`).
      {
        re: new RegExp(
          `\\b(?<n>[A-Za-z_]\\w{0,63})[ \\t]{0,4}:[ \\t]{0,4}[\\w.[\\], |]{1,60}?=[ \\t]{0,4}(?:dataclasses\\.|pydantic\\.)?[Ff]ield\\([^()\\r\\n]{0,80}?\\bdefault[ \\t]{0,4}=[ \\t]{0,4}${QV}`,
          'gd',
        ),
        keep: named,
      },
      // A keystore's password (`ks.load(new FileInputStream("keystore.jks"), "…".toCharArray())`).
      {
        re: /\.(?:load|getKey|init|store|setKeyEntry)\([^;\r\n]{0,160}?,[ \t]{0,4}"(?<v>[^"\r\n]{1,128})"\.toCharArray\(\)/dg,
      },
      // Composer's GitHub token (`{"github-oauth": {"github.com": "…"}}`), Nix's `access-tokens =
      // github.com=…`, NuGet.config's `<apikeys>` (`<add key="<feed>" value="…" />`), clj-http's
      // `{:basic-auth ["admin" "…"]}`.
      {
        re: /"(?:github-oauth|gitlab-token|gitlab-oauth|bitbucket-oauth)"[ \t]{0,4}:[ \t]{0,4}\{[ \t\r\n]{0,40}"[^"\r\n]{1,128}"[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\r\n]{1,256})"/dg,
      },
      {
        re: /^[ \t]{0,8}access-tokens[ \t]{0,4}=[ \t]{0,4}[\w.-]{1,128}=(?<v>[^\s]{1,256})/dgm,
      },
      {
        re: /<apikeys>[^]{0,400}?<add[ \t]{1,4}key="[^"\r\n]{1,256}"[ \t]{1,4}value="(?<v>[^"\r\n]{1,256})"/dg,
      },
      {
        re: /:basic-auth[ \t]{1,4}\[[ \t]{0,4}"[^"\r\n]{1,64}"[ \t]{1,4}"(?<v>[^"\r\n]{1,128})"/dg,
      },
    ],
  },
  {
    words: wordSet(['header', 'setstring', 'putstring', '.insert(']),
    patterns: [
      // A header or a stored setting set by a call that names it first: Go's `req.Header.Set("X-Api-Key",
      // "…")`, .NET's `DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", "…")`, Rust's
      // `headers.insert("x-api-key", HeaderValue::from_static("…"))`, Unity's `PlayerPrefs.SetString("auth_token",
      // "…")`, Android's `putString("api_key", "…")`.
      {
        re: new RegExp(
          `\\b(?:Header\\.(?:Set|Add)|[Hh]eaders\\.(?:set|append|insert|add|Add|put)|DefaultRequestHeaders\\.(?:Add|TryAddWithoutValidation)|set(?:Request)?Header|addHeader|SetString|setString|putString)\\([ \\t]{0,4}${QN}[ \\t]{0,4},[ \\t]{0,4}(?:HeaderValue::from_static\\([ \\t]{0,4})?${QV}`,
          'gd',
        ),
        keep: named,
      },
    ],
  },
  {
    words: wordSet([
      ...['withapikey', 'withtoken', 'withsecret', '.type(', '.fill(', 'send_keys', 'sendkeys', '.setvalue('],
      ...['fill_in', 'fill in', 'input password', 'input text'],
    ]),
    patterns: [
      // An SDK's labelled argument (Swift's `Purchases.configure(withAPIKey: "…")`).
      {
        re: new RegExp(
          `\\b(?:with|using)(?:APIKey|ApiKey|Token|Secret|Password)[ \\t]{0,4}:[ \\t]{0,4}${QV}`,
          'gd',
        ),
      },
      // A browser test typing a password into its field: Cypress's `cy.get('[data-test=password]').type('…')`,
      // Playwright's `getByLabel('Password').fill('…')` and `page.fill('#password', '…')`, Selenium's
      // `find_element(By.ID, "password").send_keys("…")`.
      {
        re: new RegExp(
          `\\([^()\\r\\n]{0,120}?(?:pass(?:word)?|pwd|pw(?![a-z])|passcode|secret|token|api[-_ ]?key)[^()\\r\\n]{0,60}\\)[ \\t]{0,4}\\.(?:type|fill|sendKeys|send_keys|setValue|pressSequentially)\\([ \\t]{0,4}${QV}`,
          'gdi',
        ),
      },
      {
        re: new RegExp(
          `\\.fill\\([ \\t]{0,4}["'][^"'\\r\\n]{0,80}(?:pass(?:word)?|pwd|secret|token)[^"'\\r\\n]{0,40}["'][ \\t]{0,4},[ \\t]{0,4}${QV}`,
          'gdi',
        ),
      },
      // Testing Library's `userEvent.type(screen.getByLabelText(/password/i), '…')`, Capybara's `fill_in
      // "Password", with: "…"`, Cucumber's `I fill in "Password" with "…"`, Robot Framework's `Input Password
      // <locator>  …` (any field) and `Input Text  id=password  …` (hunt M).
      {
        re: new RegExp(
          `\\.type\\([^\\r\\n]{0,120}?(?:pass(?:word)?|pwd|secret|token)[^\\r\\n,]{0,60}?\\)[ \\t]{0,4},[ \\t]{0,4}${QV}`,
          'gdi',
        ),
      },
      {
        re: new RegExp(
          `\\bfill[_ ]in[ \\t(]{1,4}["'][^"'\\r\\n]{0,60}(?:pass(?:word)?|pwd|secret|token)[^"'\\r\\n]{0,40}["'],?[ \\t]{1,4}with:?[ \\t]{0,4}${QV}`,
          'gdi',
        ),
      },
      {
        re: /^[ \t]{0,16}Input (?:Password|Text(?=[ \t]{2,}\S{0,60}(?:pass|pwd|secret|token)))[ \t]{2,}\S{1,120}[ \t]{2,}(?<v>[^\s$][^\s]{0,127})[ \t]*$/dgim,
      },
    ],
  },
  {
    words: wordSet(['qw']),
    patterns: [
      // Perl: `my @creds = qw(admin …);`.
      {
        re: /@\w{0,30}(?:creds?|credentials|login|auth)\w{0,10}[ \t]{0,4}=[ \t]{0,4}qw[ \t]{0,2}[([{/][ \t]{0,4}[^\s)\]}/]{1,64}[ \t]{1,4}(?<v>[^\s)\]}/]{1,128})[ \t]{0,4}[)\]}/]/dgi,
      },
    ],
  },
  {
    words: wordSet(['writetext']),
    patterns: [
      // Nix: `pkgs.writeText "adminpass" "…"`.
      {
        re: /\bwriteText[ \t]{1,4}"(?<n>[\w.-]{1,80})"[ \t]{1,4}"(?<v>[^"\r\n$]{1,128})"/dg,
        keep: (_v, m) => /pass|secret|token|key|pw|cred/i.test(m.groups!['n']!),
      },
    ],
  },
];

export const findKeyedLiterals: RecallDetector = (text, out) => {
  runGroups(text, GROUPS, out);
};
