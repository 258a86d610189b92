import { assertHidden, assertUntouched, fake } from './spanCases';
import { findKeyedLiterals } from './keyedLiterals';

const pw = (): string => `Kestrel#${fake(6)}7`;

describe('redact tier: literals whose credential name stands elsewhere (keyedLiterals.ts)', () => {
  it('hides a fallback after a read of a credential-named variable or setting', () => {
    for (const line of [
      (p: string) => `(def db-pass (or (System/getenv "DB_PASS") "${p}"))`,
      (p: string) => `(def api-key (or (env :api-key) "${p}"))`,
      (p: string) => `String pass = Optional.ofNullable(System.getenv("DB_PASS")).orElse("${p}");`,
      (p: string) => `val pass = config.getString("db.password").ifEmpty { "${p}" }`,
      (p: string) => `let pw = env::var("DB_PASSWORD").unwrap_or_else(|_| "${p}".to_string());`,
      (p: string) => `password = ENV["DB_PASS"]? || "${p}"`,
      (p: string) => `local pw = os.getenv("REDIS_PASSWORD") or "${p}"`,
      (p: string) => `const token = process.env.API_TOKEN ?? '${p}';`,
      (p: string) => `my $pw = $ENV{DB_PASSWORD} // "${p}";`,
      (p: string) => `db_password = config.get("db", "password", fallback="${p}")`,
      (p: string) => `SECRET_KEY = getattr(settings, "SECRET_KEY", "${p}")`,
      (p: string) => `set -q DB_PASS; or set -gx DB_PASS ${p}`,
    ]) {
      const p = pw();
      assertHidden(findKeyedLiterals, line(p), [p]);
    }
  });

  it('hides a setter\u2019s value whose key names a credential, and Elixir\u2019s, Perl\u2019s and Nix\u2019s forms', () => {
    for (const line of [
      (p: string) => `try keychain.set("${p}", key: "db_password")`,
      (p: string) => `UserDefaults.standard.set("${p}", forKey: "apiPassword")`,
      (p: string) => `let q: [String: Any] = [kSecValueData as String: "${p}".data(using: .utf8)!]`,
      (p: string) => `(System/setProperty "db.password" "${p}")`,
      (p: string) => `System.setProperty("db.password", "${p}");`,
      (p: string) => `os.Setenv("API_TOKEN", "${p}")`,
      (p: string) => `config :my_app, :erlang_cookie, "${p}"`,
      (p: string) => `config :joken, default_signer: "${p}"`,
      (p: string) => `config :joken, default_signer: [signer_alg: "HS256", key_octet: "${p}"]`,
      (p: string) => `my @creds = qw(admin ${p});`,
      (p: string) => `config.adminpassFile = "\${pkgs.writeText "adminpass" "${p}"}";`,
      (p: string) => `@Value("${p}") private String secret;`,
      (p: string) => `request.setValue("${p}", forHTTPHeaderField: "X-API-Key")`,
      (p: string) => `    password: str = field(default="${p}")`,
      (p: string) => `ks.load(new FileInputStream("keystore.jks"), "${p}".toCharArray());`,
      (p: string) => `{"github-oauth": {"github.com": "${p}"}}`,
      (p: string) => `access-tokens = github.com=${p}`,
      (p: string) =>
        `<apikeys>\n  <add key="https://www.nuget.org/api/v2/package" value="${p}" />\n</apikeys>`,
      (p: string) => `(http/get url {:basic-auth ["admin" "${p}"]})`,
      (p: string) => `Purchases.configure(withAPIKey: "${p}")`,
      (p: string) => `req.Header.Set("X-Api-Key", "${p}")`,
      (p: string) => `client.DefaultRequestHeaders.Add("Ocp-Apim-Subscription-Key", "${p}");`,
      (p: string) => `headers.insert("x-api-key", HeaderValue::from_static("${p}"));`,
      (p: string) => `PlayerPrefs.SetString("auth_token", "${p}");`,
      (p: string) => `cy.get('[data-test=password]').type('${p}')`,
      (p: string) => `await page.getByLabel('Password').fill('${p}');`,
      (p: string) => `await page.fill('#password', '${p}');`,
      (p: string) => `driver.find_element(By.ID, "password").send_keys("${p}")`,
      (p: string) => `cy.get('#pw').type('${p}')`,
      (p: string) => `await $('#password').setValue('${p}')`,
      (p: string) => `await userEvent.type(screen.getByLabelText(/password/i), '${p}')`,
      (p: string) => `fill_in "Password", with: "${p}"`,
      (p: string) => `  And I fill in "Password" with "${p}"`,
      (p: string) => `    Input Password    id=password    ${p}`,
      (p: string) => `    Input Text    id=pwd-field    ${p}`,
      (p: string) => `setEnv "DB_PASS" "${p}"`,
      (p: string) => `    @Value("${p}")\n    private String apiKey;`,
      (p: string) => `@Value(value = "${p}") lateinit var clientSecret: String`,
    ]) {
      const p = pw();
      assertHidden(findKeyedLiterals, line(p), [p]);
    }
    const key = `${fake(32)}=`;
    assertHidden(
      findKeyedLiterals,
      `ciphers: [default: {Cloak.Ciphers.AES.GCM, tag: "AES.GCM.V1", key: Base64.decode!("${key}")}]`,
      [key],
    );
  });

  it('leaves fallbacks and setters of other names, references, placeholders and values that are none', () => {
    for (const text of [
      'String host = Optional.ofNullable(System.getenv("DB_HOST")).orElse("localhost");',
      '(def port (or (System/getenv "PORT") "8080"))',
      'mode = ENV["BYPASS_MODE"]? || "strict"',
      'const token = process.env.API_TOKEN ?? process.env.FALLBACK_TOKEN;',
      'const token = process.env.API_TOKEN || "";',
      'pw = os.getenv("DB_PASSWORD") or os.environ["DB_PASSWORD_FALLBACK"]',
      'pw = os.getenv("DB_PASSWORD") or "${DB_PASSWORD}"',
      'pw = os.getenv("DB_PASSWORD") or "changeme"',
      'level = config.get("log", "level", fallback="info")',
      'DEBUG = getattr(settings, "DEBUG_TOOLBAR", "enabled")',
      'set -gx EDITOR vim',
      "cy.get('#username').type('alice')",
      '    Input Text    id=username    alice',
      '    Input Password    id=password    ${PASSWORD}',
      'fill_in "Email", with: "a@example.test"',
      'set -gx GITHUB_TOKEN $token',
      'defaults.set("dark", forKey: "theme")',
      'System.setProperty("java.awt.headless", "true");',
      'config :my_app, :pool_size, "10"',
      'my @names = qw(alice bob carol);',
      'pkgs.writeText "motd" "Welcome to the box"',
      '@Value("${app.secret}") private String secret;',
      '@Value("#{systemEnvironment[\'API_KEY\']}") private String apiKey;',
      '@Value("30") private int timeoutSeconds;',
      'request.setValue("application/json", forHTTPHeaderField: "Content-Type")',
      '    retries: int = field(default=3)',
      "cy.get('[data-test=email]').type('qa@acme.io')",
      'req.Header.Set("Content-Type", "application/json")',
      "await page.getByLabel('Password').fill(process.env.PW);",
      '    name: str = field(default="worker")',
    ]) {
      assertUntouched(findKeyedLiterals, text);
    }
  });
});
