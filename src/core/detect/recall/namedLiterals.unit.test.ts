import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomToken } from '../random';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched, fake, spansOf } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: credential-named literals', () => {
  it('hides literals in every assignment syntax', () => {
    hides('DB_PASSWORD=correct horse battery staple\n', 'correct horse battery staple');
    hides('export DB_PASSWORD=tangerine-okapi\n', 'tangerine-okapi');
    hides('  POSTGRES_PASSWORD: velvet lantern\n', 'velvet lantern');
    hides("$db_password = 'marble otter';", 'marble otter');
    hides('$Password = "quiet harbor 9"', 'quiet harbor 9');
    hides("define('DB_PASSWORD', 'copper kettle');", 'copper kettle');
    hides('password := "lemon drizzle"', 'lemon drizzle');
    hides('password <- "river stone"', 'river stone');
    hides("'password' => 'paper crane',", 'paper crane');
    hides('"password": "glass meadow"', 'glass meadow');
    hides('[db]\npassword = orchard-fox\n', 'orchard-fox');
    hides('<password>silver birch</password>', 'silver birch');
    hides('<add key="DbPassword" value="amber wheel"/>', 'amber wheel');
    hides('<connection password="amber wheel2"/>', 'amber wheel2');
    hides('ENV DB_PASSWORD hollow pine\n', 'hollow pine');
    hides('ARG DB_PASSWORD=hollow-pine-2\n', 'hollow-pine-2');
    hides('{"name": "DB_PASSWORD", "value": "tidal cove"}', 'tidal cove');
  });

  it("reads a personal access token's `pat` as a credential name, and not `path` or `pattern`", () => {
    const pat = randomToken(HEX, 52);
    hides(`ado_pat =  "${pat}"`, pat);
    hides(`GITHUB_PAT: ${pat}`, pat);
    for (const text of [
      `path = "${pat}"`,
      `url_pattern = "${pat}"`,
      `dispatch = "${pat}"`,
      // `pat` alone is also a pattern's name: a value that is no generated token stays.
      'HEX_PAT = "[0-9A-Fa-f]{1,4}"',
      "pat = re.compile(r'(^|.*:)\\s*\\w*(\"|\\')')",
    ]) {
      leaves(text);
    }
  });

  it('hides a quoted value whole when it holds its own quote', () => {
    const head = `${fake(20)};${fake(8)}`;
    const tail = `${fake(6)};x,`;
    hides(`simplynoted token = '${head}'${tail}'`, `${head}'${tail}`);
    hides(`api_secret = "${head}"${tail}";`, `${head}"${tail}`);
  });

  it('hides a long generated value whole when a quote inside it is followed by a delimiter and a quote', () => {
    // The peers' 340-character keys drawn from a class with quotes and commas: `','` inside is no pair.
    const head = fake(60);
    const tail = `${fake(30)}'${fake(40)}`;
    hides(`simplynoted token = '${head}','${tail}'`, `${head}','${tail}`);
    hides(`secret = '${head}'';${tail}'`, `${head}'';${tail}`);
  });

  it('ends a long minified list or JSON at the first quote: a delimiter sits beside every quote', () => {
    const pw = fake();
    const rest = Array.from({ length: 8 }, (_, i) => `"field${i}":"value-number-${i}"`).join(',');
    const text = `{"password":"${pw}",${rest}}`;
    hides(text, pw);
    const hidden = spansOf(findNamedLiterals, text).map((s) => text.slice(s.start, s.end));
    assert.ok(!hidden.some((h) => h.includes('field')), `${JSON.stringify(hidden)} in ${text}`);
  });

  it('ends a quoted value at its quote when the next quoted item follows', () => {
    const pw = fake();
    for (const text of [
      `{"password":"${pw}","user":"alice-smith"}`,
      `password = '${pw}' + 'alice-smith'`,
      `auth_token='${pw}','alice-smith'`,
    ]) {
      hides(text, pw);
      const hidden = spansOf(findNamedLiterals, text).map((s) => text.slice(s.start, s.end));
      assert.ok(!hidden.some((h) => h.includes('alice')), `${JSON.stringify(hidden)} in ${text}`);
    }
  });

  it('hides a literal inside a conversion: []byte, b"", Buffer.from, SecretStr, new String', () => {
    hides('var HMAC_KEY = []byte("LanternDrizzle45")\n', 'LanternDrizzle45');
    hides('SIGNING_KEY = b"cobalt-willow-77"\n', 'cobalt-willow-77');
    hides("const jwtSecret = Buffer.from('Falcon Orbit 22');", 'Falcon Orbit 22');
    hides('password: SecretStr = SecretStr("Quartz9Meadow")', 'Quartz9Meadow');
    hides('String apiToken = new String("Velvet-Lantern-3");', 'Velvet-Lantern-3');
    leaves('var HMAC_KEY = []byte(os.Getenv("HMAC_KEY"))\n');
    leaves('if password == str(user_input): pass');
  });

  it('hides literals under names in any case style', () => {
    hides('DB_PASSWORD_PRIMARY=north-gate-77', 'north-gate-77');
    hides('API_KEY_V2=kq83hf02jd', 'kq83hf02jd');
    hides('HMAC_KEY = "f00dcafe1234"', 'f00dcafe1234');
    hides('const openaiKey = "abcd-efgh-ijkl";', 'abcd-efgh-ijkl');
    hides('client-secret: m9v2x7q4', 'm9v2x7q4');
    hides('x-api-key: q8w7e6r5t4', 'q8w7e6r5t4');
  });

  it('hides fallback literals', () => {
    hides('const pw = process.env.DB_PASSWORD || "fallback-pw-1";', 'fallback-pw-1');
    hides('const pw = process.env.DB_PASSWORD ?? "fallback-pw-2";', 'fallback-pw-2');
    hides('pw = os.getenv("DB_PASSWORD", "fallback-pw-3")', 'fallback-pw-3');
    hides('pw = os.environ.get("DB_PASSWORD") or "fallback-pw-4"', 'fallback-pw-4');
    const fallback = fake();
    hides(`url: postgres://app:\${DB_PASSWORD:-${fallback}}@db/app`, fallback);
    hides('value: {{ .Values.db.password | default "fallback-pw-6" }}', 'fallback-pw-6');
  });

  it('hides values on the next lines: a scalar, list items and block scalars', () => {
    hides('password:\n  onnextline-42\n', 'onnextline-42');
    hides('passwords:\n  - first-pass-1\n  - "second pass 2"\nother: 1\n', 'first-pass-1', 'second pass 2');
    hides('secret: |\n  line one of it\n  line two of it\nnext: 1\n', 'line one of it', 'line two of it');
  });

  it('keeps the whole of awkward values: quotes end them, not ; = ( ) { }', () => {
    hides('DB_PASSWORD="pa ss;w(o)rd={x}"; other = 1', 'pa ss;w(o)rd={x}');
    hides("password = 'it\\'s;near(1)'", "it\\'s;near(1)");
    hides('DB_PASSWORD=pässwörd-çafé', 'pässwörd-çafé');
    const long = 'Lx9-'.repeat(80);
    hides(`DB_PASSWORD=${long}\n`, long);
    hides(`password = "${long}"`, long);
  });

  it('hides literals compared with a credential name from the left, and C and C++ declarations', () => {
    const v = fake();
    hides(`if ("${v}" == password) {`, v);
    hides(`if ('${v}' !== my_private_key) {`, v);
    hides(`char secrete[25] = "${v}";`, v);
    hides(`secret[] = "${v}";`, v);
    hides(`std::string secret("${v}");`, v);
    hides(`secrete "${v}";`, v);
  });

  it('hides values after typed declarations, Go and PHP operators, and prose separators', () => {
    const v = fake();
    hides(`var bitbucketToken string = "${v}"`, v);
    hides(`val apiToken: String = "${v}"`, v);
    hides(`coinbase_TOKEN :::= "${v}"`, v);
    hides(`linkedin_TOKEN ::= "${v}"`, v);
    hides(`$bittrexToken .= "${v}"`, v);
    const t = `${fake(14)}4${fake(14)}9`;
    hides(`nethunt token - '${t}'`, t);
    // Quoted, a generated value may hold punctuation a bare token would not.
    const p = `${fake(10)}@${fake(6)}9-${fake(8)}!${fake(6)}`;
    hides(`salesforce token - '${p}'`, p);
    hides(`pandascore token = ' ${t} '`, t);
    hides(`meraki apiKey |${t}`, t);
    // A `?` inside a long alphanumeric run is the token's own (WePay draws it), not a template's blank.
    const w = `${fake(30)}?${fake(31)}`;
    hides(`wepay token - '${w}'`, w);
  });

  it('hides punctuation-soup values that only look like code', () => {
    hides('apikey = {-di{]xdy}sjr{kl)ra(j)r##rj[gy}}', '{-di{]xdy}sjr{kl)ra(j)r##rj[gy}}');
    hides('db_pass = kdmwgd$swl[aoy_gy#ivy(])ul_sapll}n[su}}', 'kdmwgd$swl[aoy_gy#ivy(])ul_sapll}n[su}}');
    hides('private_key: #qucdka$n{$myiq#btv-a_c)b(s_l{nf}}"', '#qucdka$n{$myiq#btv-a_c)b(s_l{nf}}"');
    // Braces that a template would balance (`{{ x }}`) left unbalanced: no template.
    hides('passwd := pqx_ah-xbc]mgbbgo}(j(-m#k{#ke)be{{(sr}},', 'pqx_ah-xbc]mgbbgo}(j(-m#k{#ke)be{{(sr}},');
    // `(?` opens a regular expression's group, but a regular expression's brackets balance.
    const soup = `${fake(6)}(20r)1n]${fake(5)}&y@u(?${fake(6)}`;
    hides(`token = '${soup}'`, soup);
    // A password generator's draw with balanced brackets or a `<…>` in it, bare on a YAML or .properties line.
    hides('  password: (@:o6xk<z<5)LM+^\n', '(@:o6xk<z<5)LM+^');
    hides('jdbc.password=Zp_g.c;7[xx2Q#OS\n', 'Zp_g.c;7[xx2Q#OS');
    hides('conn = connect(password="d=2!JU^<Gd>(5XF)")', 'd=2!JU^<Gd>(5XF)');
    // A draw that starts with `=` after a .env name's own `=`, and one that holds `;` and `=`.
    hides('DB_PASSWORD==cS7n{n^PmSvBIt<\n', '=cS7n{n^PmSvBIt<');
    hides('  POSTGRES_PASSWORD: i_;j=ohHF]4iIIxH\n', 'i_;j=ohHF]4iIIxH');
  });

  it('hides a draw whose one bracket reads as a call only at a glance, not a call its line continues', () => {
    const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    for (let i = 0; i < 10; i++) {
      // Letters glued after the `)`; a `(` that stays open with the draw going on; a name of both cases with
      // digits inside that spells no words, then `(`; a `(` first that never closes.
      const glued = `${randomToken(UPPER, 1)}${randomToken('bcdfghjklmnpqrstvwxz', 2)}(${randomToken('0123456789', 1)})${fake(6)}`;
      hides(`password = ${glued}`, glued);
      const open = `${randomToken('bcdfghjklmnpqrstvwxz', 4)}((${randomToken('0123456789', 1)}${fake(5)}`;
      hides(`passwords:\n  - ${open}`, open);
      const named = `${randomToken(UPPER, 1)}t8${randomToken(UPPER, 2)}6${randomToken(UPPER, 1)}gZnh(`;
      hides(`export AWS_SECRET_ACCESS_KEY=${named}`, named);
      const first = `(${randomToken('bcdfghjklmnpqrstvwxz', 4)}&8${fake(5)}`;
      hides(`  password: ${first}`, first);
    }
    for (const text of [
      'password = getPassword(cfg)',
      'password = get_password(',
      'password = connect(host,',
      'password = sha256Hash(x).hex',
      'password = (a, b)',
      'secret = (LPVOID)password;',
    ]) {
      leaves(text);
    }
  });

  it('hides a long number given to a password in code, and a one-line JSON object', () => {
    hides('const pin = { password: 83920174 };', '83920174');
    hides('{"user": "app", "password": "tidal-cove-3"}', 'tidal-cove-3');
  });

  it('hides UUID-shaped values and hex next to commit words when the name is a credential', () => {
    const uuid = [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');
    hides(`API_TOKEN=${uuid}`, uuid);
    hides('deploy_token = "9c4e1f0a7b3d2e6f8a1c" # rev of the commit', '9c4e1f0a7b3d2e6f8a1c');
  });
  it('stops a bare value at the next pair of a connection string', () => {
    const value = ['brick', 'lane'].join('-');
    hides(`"Server=db;Password=${value};Database=app"`, value);
    leaves('"Server=db;Password=${DB_PASSWORD};Database=app"');
  });

  it('hides a value whose sample counting part sits beside a generated run (a percent-encoded bearer)', () => {
    const value = `ABCDEFGHIJ1234567890%abc%gje%${randomToken(ALNUM, 48)}7q`;
    hides(`twitter_token=${value}`, value);
  });

  it('leaves references, placeholders and empty values alone', () => {
    for (const text of [
      'password: ${DB_PASSWORD}',
      'DB_PASSWORD=$DB_PASSWORD',
      'const pw = process.env.DB_PASSWORD;',
      'password = os.environ["DB_PASSWORD"]',
      'password: "{{ .Values.db.password }}"',
      'token: ${{ secrets.GITHUB_TOKEN }}',
      'api_key = "<your-key>"',
      'API_KEY=your_api_key_here',
      'OPENAI_API_KEY=sk-...',
      'API_KEY=xxxxxxxxxxxx',
      "password: '***'",
      'password: changeme',
      'password: ""',
      "api_key = ''",
      'password: null',
      'secret: None',
      'token = undefined',
      'auth: true',
      'TEST_PASSWORD = "test-password"',
      'jwt_secret: "please-change-this-secret"',
      'credentials: "include",',
      // A header's name given to the constant for it; a token's truncated sample.
      'const fastlyKeyToken string = "Fastly-Key"',
      'authHeaderToken = "X-Auth-Token"',
      "typeform_token = 'tfp_0'",
      'contentful_access_token: "UZMRC-"',
    ]) {
      leaves(text);
    }
  });

  it('leaves ordinary code, docs and UI text that mention credentials', () => {
    for (const text of [
      'password = get_password()',
      'password = ,.:-¨@*¿?!',
      "password: '@*¿?!,.'",
      'fake-cloud-iam-key= "not_long_enough"',
      'password: req.body.password,',
      'password: string;',
      'token?: string',
      'def login(password: str = None):',
      'secret: Joi.string().required(),',
      'const token = lexer.nextToken();',
      'refreshToken: refresh_token_from_storage,',
      'if (password.length < 8) { return "Password is too short"; }',
      'throw new Error("Invalid token: " + token);',
      '"auth.password.tooShort": "Password must be at least 12 characters",',
      '<input type="password" name="password" autocomplete="current-password">',
      '<label for="password">Password</label>',
      'label="Password"',
      'password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt())',
      'cache_key: "v1-deps-8ccd32c26b4ae419fdbec83db47ec318fb9cfae8"',
      'token_type = "bearer"',
      'max_tokens: 2048',
      'Set the password: see the docs for details.',
      '# The token: read it from the vault',
      'password:\n  user: app\n  rotate: true\n',
      'ssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA user@host\n',
      'password_env = "DB_PASSWORD"',
      'existingSecret: postgres-credentials',
      "const api = typeof mod.getPassword === 'function' ? mod : mod.default;",
      "apiKey: key ?? '',",
      'secrets: readonly string[] = [],',
      "const CONSENT_KEY = 'secureGpt.secretStorageConsent';",
      "export const USE_SECRET_STORAGE = 'Use VS Code SecretStorage';",
      "const PASSWORD = '(?<secret>[^\\s:@]{1,256})';",
      "openAiNew('openai-project-key', 'sk-proj-', 'OpenAI project API key'),",
      ".filter((r) => !['api-key', 'env-value', 'listed-value'].includes(r.ruleId))",
      "return kind === 'pat' ? 'token' : 'credential';",
      "case 'password': return 'hidden';",
      '{ "budget.dailyTokens": 200000 }',
      'const key = "settings";',
      'cache[key] = value;',
      'Key=refreshTokenFromStorage',
      '  [DEBUG] Using Key=v1.2.3-beta.4',
      'if (token == expected) {',
      'if ("" == password) {',
      'if ("Bearer" === tokenType) {',
      'password - 1',
      `nethunt token - '${fake(12)}?${fake(12)}'`,
      `wepay token - '${fake(40)}?'`,
      'const token string = someValue',
      'var password string',
      'secret(name)',
      '<add key="Timeout" value="30"/>',
      'password = hash_password(',
      'token = config[section]["token"]',
    ]) {
      leaves(text);
    }
  });

  it('leaves constants that spell their name, lexer tokens, words under plain keys, templates, TS types', () => {
    // Lines of installed code (MSAL, 1DS, prettier, CodeMirror, undici, Python's urllib, TypeScript).
    for (const text of [
      'export declare const REFRESH_TOKEN = "refresh_token";',
      'var strParentContextKey = "ParentContextKey";',
      // The whole name as its own value: a slot (Earlybird's `<passphrase>passphrase</passphrase>`).
      '<passphrase>passphrase</passphrase>',
      'db.passphrase = "Passphrase"',
      '  readonly ACQUIRE_TOKEN_START: "msal:acquireTokenStart";',
      '  return newToken("punctuator", read());',
      'if(e.prevToken==`operator`&&n!=`}`)return 1',
      '  const auth = `${r.username||""}:${r.password||""}`;',
      "  credentials = '{0}:{1}'.format(user, passwd).encode()",
      'const logger = credentialLogger("DefaultAzureCredential");',
      '  tokenKeys?: TokenKeys',
      '  acquireTokenByUsernamePassword: 371,',
      'this.completionKey="get-yargs-completions",this.aliases=null',
      '  "Unexpected_token_1012": "Token inesperado.",',
      '        self.token = nextchar',
      // C enums with a block comment after the member (MIT Kerberos' gssrpc/auth.h).
      '\tAUTH_REJECTEDCRED=2,\t\t/* client should begin new session */',
      '\tAUTH_BADVERF=3,\t\t\t/* bogus verifier (seal broken) */',
      // Python's cryptography, oauthlib and pygments: a member, a digest's name, a colour.
      '        nid_key = self._lib.NID_pbe_WithSHA1And3_Key_TripleDES_CBC',
      "    return _sign_hmac('SHA-256', sig_base_str,",
      '    Token: "#d8dee9",',
      "    Token: '#ABB2BF',",
    ]) {
      leaves(text);
    }
    hides('nid_key = "self._lib.NID_pbe_WithSHA1And3"', 'self._lib.NID_pbe_WithSHA1And3');
    hides('  token: "#d8dee9x",', '#d8dee9x');
    // A digest's name with more to it, and a comment's opener inside a value, are a password's.
    const digestAnd = `${['SHA', '256'].join('-')}!${fake(4)}`;
    hides(`  password: '${digestAnd}'`, digestAnd);
    const pw = fake();
    hides(`DB_PASSWORD=${pw}/*${pw}\n`, `${pw}/*${pw}`);
    hides(`DB_PASSWORD=${pw} /* staging */\n`, pw);
    hides('SECRET_KEY = "secret_key_of_prod"', 'secret_key_of_prod');
    hides('const api_token = "tangerine-okapi-token";', 'tangerine-okapi-token');
    hides('  token: "zebra-crossing",', 'zebra-crossing');
    hides('  password: "two words"', 'two words');
    hides('[smtp]\nauth.password = nextchar\n', 'nextchar');
    hides('api_key = "zebra-crossing"', 'zebra-crossing');
    hides('credentials = "%s:hunter-22"', '%s:hunter-22');
    // Slots only, but one holds a shell default: the default is a literal.
    hides('DB_PASS="${DB_PASS:-tangerine-okapi-lantern}"\n', 'tangerine-okapi-lantern');
    hides('  apiKey?: "k3J9xQ7mZ2pL5wT8"', 'k3J9xQ7mZ2pL5wT8');
  });

  it('leaves a generated key with one `?` inside under a token, secret or key name: no alphabet holds it', () => {
    const a = fake(10);
    const b = fake(14);
    leaves(`vultrapikey = '${a}?${b}'`);
    leaves(`splunkobservabilitytoken = '${a}?${b}'\n`);
    leaves(`client_secret: "?${a}${b}="\n`);
    leaves(`HMAC_KEY="${a}${b}?"\n`);
  });

  it('still hides a `?` value under a password name, a query string, a short value or one with two', () => {
    const a = fake(10);
    const b = fake(14);
    hides(`db_password = '${a}?${b}'`, `${a}?${b}`);
    hides(`auth_token = '?access_token=${a}${b}'`, `?access_token=${a}${b}`);
    const short = `${fake(6)}?${fake(6)}`;
    hides(`api_secret = '${short}'`, short);
    hides(`api_token = '${a}?${b}?${a}'`, `${a}?${b}?${a}`);
    hides(`api_token = '${a}?${b}'`.replace('?', '?!'), `${a}?!${b}`);
    const wepay = `${fake(30)}?${fake(31)}`;
    hides(`wepay_token = '${wepay}'`, wepay);
  });

  it('leaves a documented example in a log line (`Using API_KEY=7e4abcdef456…`), and hides a drawn key there', () => {
    leaves(
      '[DEBUG] Using API_KEY=7e4abcdef456Ghijkl789mnopqr012stuvwx3455123abcdef456ghijkl789mnopqr012stuvwX',
    );
    const k = `${fake(36)}7q3Z`;
    hides(`[DEBUG] Using API_KEY=${k}`, k);
    // A word in a key is its owner's label (`sk_pr_mykey_…`), not a placeholder: only the shape counts.
    const labelled = `sk_pr_mykey_${randomToken(HEX, 36)}7e3f`;
    hides(`[DEBUG] Using Key=${labelled}`, labelled);
  });
});
