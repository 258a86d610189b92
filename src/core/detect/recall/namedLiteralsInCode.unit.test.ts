import { DIGITS, HEX, randomToken } from '../random';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: credential-named literals in the peers\u2019 test material (2026-12-08)', () => {
  it('hides an element\u2019s text between blanks, and after an unquoted attribute', () => {
    // Maven's settings.xml trims the blanks around an element's text (trivy's `settings.xml` case).
    hides('<settings>\n<password>  plainSecret  </password>\n</settings>', 'plainSecret');
    hides('<passphrase>\tgpg harbour 7\t</passphrase>', 'gpg harbour 7');
    // An attribute's value unquoted, as HTML allows (Talisman's `<pass data=123> … </pass>`).
    hides('<pass data=123> tidal cove 4 </pass>', 'tidal cove 4');
  });

  it('leaves names, bind parameters, paths and the word itself in a credential\u2019s place (Earlybird)', () => {
    for (const text of [
      'password: MONGO_DB_PASSWORD',
      'authKey: GITHUB_AUTH_KEY',
      'conn = "Server=x;user=@user;password=@password"',
      'api.auth.Password: /foo/bar/Password.js',
      '"Password": "L\u00f6senord"',
      '"password": "L&#246;senord"',
      '"secret": "&#12497;&#12473;&#12527;&#12540;&#12489"',
      'password: \u30d1 \u30b9 \u30ef \u30fc \u30c9',
    ]) {
      leaves(text);
    }
    // Made here, so that the repository's own scan reads no password in this file.
    const labelled = `L\u00f6senord${2000 + 24}!`;
    hides(`"password": "${labelled}"`, labelled);
    const constant = ['AMBER', 'WHEEL', '42'].join('_');
    hides(`DB_PASSWORD=${constant}`, constant);
  });

  it('leaves an IPv6 address and a string joined around a name (Sonar\u2019s tests)', () => {
    leaves('String ip_secret1 = "bfee:e3e1:9a92:6617:02d5:256a:b87a:fbcc";');
    leaves('ip_secret2 = "2001:db8:1::ab9:C0A8:102"');
    leaves('String s = "password=\'" + pwd + "\'";');
  });

  it('ends a bare value where PEM armour starts on its line (ggshield)', () => {
    const secret = `${randomToken(DIGITS, 15)} / ${randomToken(HEX.toLowerCase(), 32)}`;
    hides(
      `FacebookAppKeys: ${secret} -----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJ\n-----END RSA PRIVATE KEY-----`,
      secret,
    );
  });

  it('leaves a reference that closes a call, and hides a literal with its last bracket', () => {
    // CodeQL's Python test: a keyword argument on its own line, the call's `)` after the name.
    leaves('conn = client.connect(\n    host=HOST,\n    password=PASSWORD) # $ Sink\n');
    hides('DB_PASSWORD=tidal)cove9)\n', 'tidal)cove9)');
  });

  it("hides a literal after Swift's implicitly unwrapped type, not the type", () => {
    hides('let password: String! = "tidal cove 8"', 'tidal cove 8');
    leaves('var txtFieldPassword: UITextField! = nil');
    // CodeQL's Swift test: a parameter's type and default, and a statement of code a `//` comment closes.
    leaves('init(\n\t\t\tencryptionKey: Data? = nil,\n\t\t\treadOnly: Bool = false)');
    leaves('\tconfig.encryptionKey = myVarKey // GOOD\n');
    const drawn = 'Kq8vLm2pXz7RtW4n9s';
    hides(`\tconfig.encryptionKey = ${drawn} // BAD\n`, drawn);
  });

  it('hides a literal inside a decoder\u2019s or an encoder\u2019s call, not a charset\u2019s name', () => {
    // A decoder's or an encoder's call (CodeQL's and Earlybird's tests).
    hides(
      'public static final String JWT_PASSWORD = TextCodec.BASE64.encode("Lantern7Drizzle45Qx");',
      'Lantern7Drizzle45Qx',
    );
    hides('byte[] key = Base64.getDecoder().decode("cobalt+willow/77QxZ=");', 'cobalt+willow/77QxZ=');
    hides(
      'if let Ok(secret_key) = base64::engine::general_purpose::STANDARD.decode("Qz7mK2pW9xR4") {',
      'Qz7mK2pW9xR4',
    );
    hides('KEY = bytes.fromhex("9c112f8a0377e05bc24d")', '9c112f8a0377e05bc24d');
    leaves('byte[] key = Base64.getDecoder().decode(System.getenv("KEY"));');
    leaves('        password = password.encode("latin1")');
    // A call with names for arguments, whose digits once read as drawn (real files: cryptography's ssh.py).
    leaves('password = base64.b64decode(encoded)');
    leaves('private_key = ed25519.Ed25519PrivateKey.from_private_bytes(secret)');
  });
});

describe('redact tier: credential-named literals in test tools and client configs (hunt M, 2026-12-08)', () => {
  it('hides an element in a namespace, with attributes or none (SoapUI, WS-Security)', () => {
    hides(
      '<con:credentials><con:username>soapuser</con:username><con:password>dragoncandle</con:password>',
      'dragoncandle',
    );
    hides(
      '<wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText">yellowcopper</wsse:Password>',
      'yellowcopper',
    );
  });

  it("hides Robot Framework's variable, a Gatling form parameter, a FactoryBot block and a Redis option", () => {
    hides('*** Variables ***\n${USER}        qa_admin\n${PASSWORD}    bottlesunset', 'bottlesunset');
    hides('${API_KEY}=\tbottlesunset', 'bottlesunset');
    hides('    .formParam("password", "zippercoffee"))', 'zippercoffee');
    hides('    .queryParam("api_key", "zippercoffee")', 'zippercoffee');
    hides('  factory :user do\n    password { "pianocherry" }\n  end', 'pianocherry');
    const redis =
      'ConnectionMultiplexer.Connect("cache.example.net:6380,password=gardenpillow,ssl=True,abortConnect=False")';
    hides(redis, 'gardenpillow');
    // The option list's next pair is not the password's.
    leaves(redis.replace('password=gardenpillow,', ''));
  });

  it("hides a REST Client file variable (`@pass = …` in a .http file), and leaves Ruby's instance variables set to code", () => {
    hides(
      '@baseUrl = https://api.example.dev/v1\n@user = admin\n@pass = foresttunnel\n\nGET {{baseUrl}}/queues',
      'foresttunnel',
    );
    hides('@token = coppersaddle\n\n### list invoices', 'coppersaddle');
    for (const text of [
      '    @password = password',
      '  @password = user.password',
      '@password = params[:password]',
      '@token = access_token',
      '@secret = SecureRandom.hex(32)',
      '@password = nil',
    ]) {
      leaves(text);
    }
  });

  it('leaves a reference to the variable, keyword arguments in code, and a call that only names a class', () => {
    leaves('echo ${PASSWORD}  done');
    leaves('x = ${PASSWORD}');
    leaves('connect(host, password=pw_from_env)');
    leaves('f(a:1,password=other_value)');
    leaves('MovedAttribute("HTTPPasswordMgr", "urllib2", "urllib.request"),');
  });
});
