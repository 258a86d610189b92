import { HEX, randomToken } from '../random';
import { findCredentialArguments, findDirectivePasswords, findSqlPasswords } from './credentialCalls';
import type { RecallDetector } from './recallSpan';
import { assertHidden, assertUntouched, fake } from './spanCases';

const all: RecallDetector = (text, out) => {
  findCredentialArguments(text, out);
  findSqlPasswords(text, out);
  findDirectivePasswords(text, out);
};
const hides = (text: string, ...values: string[]): void => assertHidden(all, text, values);
const leaves = (text: string): void => assertUntouched(all, text);

describe('redact tier: credentials in calls, SQL and directives', () => {
  it('hides the password argument of credential constructors and calls', () => {
    hides('var c = new NetworkCredential("svc", "lantern 99");', 'lantern 99');
    hides('r = requests.get(url, auth=("svc", "lantern-98"))', 'lantern-98');
    hides("r = httpx.get(url, auth=['svc', 'lantern-97'])", 'lantern-97');
    // The pair kept under a name of its own: `creds`, `credentials`, a prefixed `auth`.
    hides('creds = ("admin", "amberwheel")', 'amberwheel');
    hides('CREDENTIALS = ["admin", "amberwheel"]', 'amberwheel');
    hides('BASIC_AUTH = ("admin", "amberwheel")', 'amberwheel');
    hides('  db_creds: ["admin", "amberwheel"]', 'amberwheel');
    leaves('oauth_scopes = ("read", "write")');
    leaves('credentials = [c for c in creds]');
    hides('new PasswordAuthentication("svc", "lantern;96".toCharArray())', 'lantern;96');
    hides('HTTPBasicAuth(user, "lantern-95")', 'lantern-95');
    hides('smtp.login("me@example.org", "app pass 94")', 'app pass 94');
    hides('req.SetBasicAuth(cfg.User, "lantern-93")', 'lantern-93');
    hides('DriverManager.getConnection(url, "app", "lantern-92")', 'lantern-92');
    hides('new DirectoryEntry("LDAP://EXAMPLE.COM", "ADMIN@EXAMPLE.COM", "lantern-91");', 'lantern-91');
    // Arguments on lines of their own.
    hides(
      'new DirectoryEntry("LDAP://EXAMPLE.COM",\n          "ADMIN@EXAMPLE.COM",\n          "lantern-90");',
      'lantern-90',
    );
    // redis-py's positional password, the fourth argument; pika's credentials, the second.
    hides('r = redis.Redis("cache.internal", 6379, 0, "lantern-89")', 'lantern-89');
    hides("r = StrictRedis('cache', 6380, 2, 'lantern 88', socket_timeout=5)", 'lantern 88');
    hides('creds = pika.PlainCredentials("guest", "lantern-87")', 'lantern-87');
    leaves('r = redis.Redis("cache.internal", 6379, 0)');
    leaves('const r = new Redis(6379, "cache.internal", "x", "lantern-86");');
    leaves('r = redis.Redis(host, port, db, password)');
    // SDKs' and drivers' own places (hunter C, 2026-12-06).
    for (const call of [
      'client = Minio("minio.example.io:9000", "minioadmin", "lantern-85", secure=True)',
      'credentials.NewStaticV4("backup", "lantern-85", "")',
      'conn = cx_Oracle.connect("scott", "lantern-85", "ora.internal/ORCLPDB1")',
      'client.connect(hostname, 22, "root", "lantern-85")',
      'Net::SMTP.start("smtp.example.io", 587, "example.io", "alerts", "lantern-85", :login)',
      "ftp_login($conn, 'acme', 'lantern-85');",
      "ssh2_auth_password($conn, 'deploy', 'lantern-85');",
      'd := gomail.NewDialer("smtp.example.io", 587, "alerts@example.io", "lantern-85")',
      'auth := smtp.PlainAuth("", "alerts@example.io", "lantern-85", "smtp.example.com")',
      'MongoCredential.CreateCredential("admin", "app", "lantern-85")',
      'using var sftp = new SftpClient("files.example.io", 22, "deploy", "lantern-85");',
      'client.Authenticate("ops@example.io", "lantern-85");',
      'CqlSession.builder().withAuthCredentials("cassandra", "lantern-85").build();',
      'config.omniauth :github, "Iv1.4c8e2a9f1b7d3e5c", "lantern-85", scope: "user:email"',
      "const token = jwt.sign({ sub: user.id }, 'lantern-85', { expiresIn: '1h' });",
      'User.objects.create_superuser("admin", "ops@example.io", "lantern-85")',
      "'password' => Hash::make('lantern-85'),",
      "User::create(['email' => 'a@example.io', 'password' => bcrypt('lantern-85')]);",
      "passwordHash: await hash('lantern-85', 10),",
      'const digest = await bcrypt.hash("lantern-85", saltRounds);',
      'user.setPasswordHash(passwordEncoder.encode("lantern-85"));',
      "encrypted_password: <%= User.new.send(:password_digest, 'lantern-85') %>",
      'WiFi.begin("AcmeLab", "lantern-85");',
      'client.username_pw_set("sensor", "lantern-85")',
      'val credentials = Credentials.basic("api", "lantern-85")',
      'err = conn.Bind("cn=svc,dc=corp,dc=local", "lantern-85")',
      'let creds = Credentials::new("smtp-user".to_string(), "lantern-85".to_string());',
    ]) {
      hides(call, 'lantern-85');
    }
    leaves('client.connect(hostname, 22, username, password)');
    leaves('const hash = bcrypt(password, 10);');
    leaves("const digest = hash('sha256');");
    leaves("const h = hash('users', 'orders');");
    leaves('new DirectoryEntry("LDAP://EXAMPLE.COM")');
    leaves('new DirectoryEntry(path, user, password)');
  });

  it('hides the argument of a setter or builder named for a credential', () => {
    hides('ds.setPassword("LanternDrizzle45");', 'LanternDrizzle45');
    hides("client.withApiKey('cobalt willow 7')", 'cobalt willow 7');
    hides('cfg.set_secret("Falcon-Orbit-22")', 'Falcon-Orbit-22');
    hides('builder.useCredentials( "Quartz9Meadow" )', 'Quartz9Meadow');
    leaves('ds.setPassword(System.getenv("DB_PASSWORD"));');
    leaves('tokenizer.setTokenizer("whitespace"); field.setPasswordVisible("yes")');
    leaves('store.setSecretName("db-credentials-prod");');
  });

  it('hides a C++ string named for a credential given its value with assign', () => {
    // Joined at test time: the repository's own scan reports the literal, as it should.
    const marked = ['q(lantern-no_', '${{ur)}tle$$we>$dv}}'].join('');
    hides(`secrete.assign("${marked}",17);`, marked);
    const pw = `Falcon-${fake(8)}`;
    hides(`db_password.assign("${pw}");`, pw);
    leaves('secret.assign(std::getenv("APP_SECRET"));');
    leaves('names.assign("first", 5);');
  });

  it('hides SQL passwords', () => {
    hides("CREATE USER app IDENTIFIED BY 'brick;lane(1)';", 'brick;lane(1)');
    hides("CREATE USER app IDENTIFIED WITH mysql_native_password BY 'brick-2';", 'brick-2');
    hides("ALTER ROLE app WITH PASSWORD 'velvet okapi';", 'velvet okapi');
    hides("CREATE ROLE app LOGIN ENCRYPTED PASSWORD 'velvet-3';", 'velvet-3');
    hides("SET PASSWORD FOR 'app'@'%' = PASSWORD('velvet-4');", 'velvet-4');
    hides("ALTER USER app PASSWORD  'velvet-5'", 'velvet-5');
    hides('CREATE USER app IDENTIFIED BY"velvet-6"', 'velvet-6');
  });

  it('hides a SQL password on the line after its keyword, or IDENTIFIED BY on a line of its own', () => {
    const [a, b, c] = [`${fake(6)}+${fake(3)}*$?${fake(4)}`, `${fake(5)} ${fake(5)}`, `K${fake(10)}`];
    hides(`CREATE USER reporting\n  IDENTIFIED BY\n    "${a}"\n  DEFAULT TABLESPACE users;`, a);
    hides(`ALTER USER app\n    WITH PASSWORD\n    '${b}';`, b);
    hides(`CREATE ROLE etl LOGIN\n  ENCRYPTED PASSWORD\r\n  '${a}'\n  VALID UNTIL 'infinity';`, a);
    hides(`CREATE LOGIN app\n  WITH PASSWORD =\n  N'${b}';`, b);
    hides(`create user reporting\n  identified by\n    ${c}\n  default tablespace users;`, c);
    hides(`CREATE USER reporting\n  IDENTIFIED BY ${c}\n  QUOTA 10M ON users;`, c);
    leaves(`CREATE USER reporting\n  IDENTIFIED BY\n    "\${REPORTING_PASSWORD}"\n;`);
    leaves(`ALTER USER app\n  WITH PASSWORD\n  '<password>';\nALTER USER app\n  PASSWORD\n  '********';`);
    leaves(
      "CREATE USER ops\n  IDENTIFIED BY\n    VALUES 'S:8F2B';\nALTER USER ops IDENTIFIED\n  EXTERNALLY;",
    );
    // Prose and code that end a line on the word, with no user's statement before it.
    leaves('Then enter the new password\n"like this one" and press Enter.');
    leaves('Users are identified by\n  their email address.');
    leaves(`ALTER TABLE users ADD COLUMN password\n  TEXT DEFAULT 'none';`);
  });

  it('leaves the word password inside a string: the quote after it closes that string', () => {
    // Seen in installed code: a CLI spec, a schema, a dictionary key, a package name, a style sheet.
    leaves('{name:"password",description:"Change your password",args:{name:"user"}}');
    leaves("  { name: 'password', type: 'string' },");
    leaves("    data['password'] = getpass.getpass('Password: ')");
    leaves("    'password': config.get(server, 'password'),");
    leaves('  AuthType["Password"] = "password";');
    leaves('  "pbkdf2-password": "1.2.1",');
    leaves('<a href="#store-a-password"><span class="link-text">Store a password</span></a>');
    leaves('# METHOD can be "trust", "reject", "md5", "password", "scram-sha-256",');
  });

  it('hides redis-style directives', () => {
    // Drawn: the report tier's redis-password reads these places too.
    const phrase = `${fake(5)} ${fake(5)} 12`;
    hides(`requirepass "${phrase}"\n`, phrase);
    const word = `${fake(6)}-two-2`;
    hides(`masterauth ${word}\n`, word);
    // LDAP: ldap.conf's and nslcd.conf's `bindpw`, slapd.conf's `rootpw`, a chosen word too.
    hides('bindpw amberwheel\n', 'amberwheel');
    hides(`binddn cn=reader,dc=acme,dc=io\nbind_pw ${word}\n`, word);
    const hashed = `{SSHA}${fake(32)}`;
    hides(`rootpw    ${hashed}\n`, hashed);
    leaves('# bindpw secret');
    leaves('my_bindpw = read_config()');
  });

  it("hides a JWT library's signing key given as a literal, and leaves references", () => {
    // Semgrep's jwt-hardcode rules' cases (jsonwebtoken, jose, java-jwt, jjwt, golang-jwt, PyJWT).
    const k = fake();
    hides(`const token = jwt.sign(payload, '${k}', { expiresIn: '1h' })`, k);
    hides(`JWT.verify(payload, '${k}')`, k);
    hides(`JWT.verify(payload, JWK.asKey('${k}'))`, k);
    hides(`Algorithm algorithm = Algorithm.HMAC256("${k}");`, k);
    hides(`Jwts.builder().signWith(SignatureAlgorithm.HS256, "${k}").compact()`, k);
    hides(`tokenString, err := token.SignedString([]byte("${k}"))`, k);
    hides(`jwt.encode(claims, "${k}", algorithm="HS256")`, k);
    // Ruby's call without parentheses (semgrep's jwt-hardcode.rb).
    hides(`token = JWT.encode payload, '${k}', 'HS256'`, k);
    hides(`JWT.decode token, "${k}", true, { algorithm: 'HS256' }`, k);
    leaves('jwt.sign(payload, process.env.JWT_SECRET)');
    leaves('jwt.verify(token, secretKey)');
    leaves('jwt.decode(token, { complete: true })');
    leaves('token = JWT.encode payload, ENV["JWT_SECRET"], "HS256"');
  });

  it("hides a cipher's key given as a literal, and Python's positional database and FTP passwords", () => {
    const key = fake(16);
    const fernet = `${fake(43)}=`;
    hides(`f = Fernet(b"${fernet}")`, fernet);
    hides(`cipher = AES.new(b'${key}', AES.MODE_GCM)`, key);
    const chacha = fake(32);
    hides(`aead = ChaCha20Poly1305(key=b"${chacha}")`, chacha);
    hides(`SecretKeySpec spec = new SecretKeySpec("${key}".getBytes(), "AES");`, key);
    hides(`const c = crypto.createCipheriv('aes-128-cbc', '${key}', iv);`, key);
    const pw = fake(12);
    hides(`conn = pymysql.connect("db", "root", "${pw}", "app")`, pw);
    hides(`ftp = FTP("ftp.example.com", "deploy", "${pw}")`, pw);
    leaves('f = Fernet(key)');
    leaves('cipher = AES.new(key, AES.MODE_GCM)');
    leaves('const c = crypto.createCipheriv(algorithm, key, iv);');
    // An HMAC's key, wherever each language's call takes it.
    hides(`sig = hmac.new(b"${key}", msg, hashlib.sha256).hexdigest()`, key);
    hides(`crypto.createHmac('sha256', '${key}').update(body)`, key);
    hides(`OpenSSL::HMAC.hexdigest("SHA256", "${key}", data)`, key);
    hides(`$sig = hash_hmac("sha256", $data, "${key}");`, key);
    leaves('sig = hmac.new(key, msg, hashlib.sha256)');
    leaves("crypto.createHmac('sha256', secret)");
  });

  it("hides PHP's, Perl's, Sequelize's, LDAP binds', keyring's, libcurl's, Redis scripts' and AWS CDK's literals", () => {
    const pw = `${fake(9)}!${fake(3)}`;
    hides(`$pdo = new PDO("mysql:host=db;dbname=app", "app", "${pw}");`, pw);
    hides(`$conn = mysqli_connect("db", "app", "${pw}", "app");`, pw);
    hides(`my $dbh = DBI->connect($dsn, 'root', '${pw}', { RaiseError => 1 });`, pw);
    hides(`const sequelize = new Sequelize('app', 'root', '${pw}', { dialect: 'mysql' });`, pw);
    hides(`ldap_bind($ds, "cn=admin,dc=corp,dc=io", "${pw}");`, pw);
    hides(`conn.simple_bind_s("cn=admin,dc=corp,dc=io", "${pw}")`, pw);
    hides(`keyring.set_password("system", "bob", "${pw}")`, pw);
    hides(`curl_setopt($ch, CURLOPT_USERPWD, "admin:${pw}");`, pw);
    hides(`curl_easy_setopt(curl, CURLOPT_PASSWORD, "${pw}");`, pw);
    hides(`redis.call('AUTH', '${pw}')`, pw);
    hides(`credentials: rds.Credentials.fromPassword('admin', SecretValue.unsafePlainText('${pw}'))`, pw);
    leaves('$pdo = new PDO($dsn, $user, $password);');
    leaves('curl_setopt($ch, CURLOPT_USERPWD, $userpwd);');
    leaves("curl_setopt($ch, CURLOPT_URL, 'https://example.com/api');");
    leaves('conn.simple_bind_s(dn, password)');
  });

  it("hides an environment lookup's default, C's string copies and more SQL forms", () => {
    const pw = `${fake(9)}!${fake(3)}`;
    hides(`password: <%= ENV.fetch("DB_PASSWORD") { "${pw}" } %>`, pw);
    hides(`my $pw = $ENV{DB_PASSWORD} // '${pw}';`, pw);
    hides(`pw <- Sys.getenv("DB_PASSWORD", unset = "${pw}")`, pw);
    hides(`password = Keyword.get(opts, :password, "${pw}")`, pw);
    hides(`password = options.fetch(:password, "${pw}")`, pw);
    hides(`let pw = std::env::var("DB_PASSWORD").unwrap_or("${pw}".to_string());`, pw);
    hides(`let pw = env::var("DB_PASSWORD").unwrap_or_else(|_| String::from("${pw}"));`, pw);
    hides(`let t = env::var("API_TOKEN").unwrap_or_else(|_| "${pw}".into());`, pw);
    leaves('let home = env::var("HOME").unwrap_or("/tmp".to_string());');
    leaves('let pw = env::var("DB_PASSWORD").unwrap_or_default();');
    hides(`strcpy(cfg.password, "${pw}");`, pw);
    hides(`wcscpy(creds->pwd, L"${pw}");`, pw);
    // Oracle's unquoted identifiers start with a letter.
    const bare = `K${fake(8)}7${fake(3)}`;
    hides(`ALTER USER scott IDENTIFIED BY ${bare};`, bare);
    hides(`ALTER LOGIN sa WITH PASSWORD = N'${pw}';`, pw);
    hides(`SET PASSWORD FOR 'app'@'localhost' = '${pw}';`, pw);
    hides(`EXEC sp_password @old = NULL, @new = '${pw}', @loginame = 'app';`, pw);
    hides(
      `COPY t FROM 's3://b/d' ACCESS_KEY_ID 'AKIA${fake(16).toUpperCase()}' SECRET_ACCESS_KEY '${pw}';`,
      pw,
    );
    leaves(`my $author_name = $ENV{'GIT_AUTHOR_NAME'} || 'T Ar Creator';`);
    leaves('# and can then be identified by checking the require_resource_owner');
    leaves('strcpy(cfg.hostname, "db.example.com");');
  });

  it('leaves calls with references, and prose', () => {
    for (const text of [
      'var c = new NetworkCredential(user, password);',
      'r = requests.get(url, auth=(user, os.environ["PW"]))',
      'smtp.login(user, password)',
      'HTTPBasicAuth("svc", "")',
      "CREATE USER app IDENTIFIED BY '${DB_PASSWORD}';",
      'ALTER USER app PASSWORD NULL;',
      'Reset the password in the admin console.',
      '# requirepass foobared',
      'requirepass',
    ]) {
      leaves(text);
    }
  });

  it('hides the last quoted argument of auth, login and connect calls, whatever comes before it', () => {
    const pw = `Howgate#${fake(8)}`;
    for (const call of [
      `> db.auth("admin", "${pw}")`,
      `local ok, err = red:auth("default", "${pw}")`,
      `my $smtp = Net::SMTP->new('smtp.example.io'); $smtp->auth('alerts', '${pw}');`,
      `$ua->credentials('api.example.io:443', 'API', 'admin', '${pw}');`,
      `ftp.Login("upload", "${pw}")`,
      `conn <- odbcConnect("SalesDSN", "rpt", "${pw}")`,
      `Net::FTP.open('ftp.example.io', 'upload', '${pw}')`,
      `Transport.send(msg, "alerts@example.io", "${pw}");`,
      `Database.connect(url, "org.postgresql.Driver", "app", "${pw}")`,
      `val xa = Transactor.fromDriverManager[IO]("org.postgresql.Driver", "jdbc:postgresql:app", "app", "${pw}")`,
      `Mailer.builder().withSMTPServer("smtp.example.io", 587, "alerts", "${pw}").buildMailer()`,
      `#0 /var/www/Driver.php(28): PDO->__construct('mysql:host=db;dbname=app', 'app', '${pw}', Array)`,
    ]) {
      hides(call, pw);
    }
    for (const text of [
      'firebase.auth()',
      'auth("token-only")',
      'app.use(auth(options))',
      'credentials(user, password)',
    ]) {
      leaves(text);
    }
  });

  it('hides a wallet\u2019s private key or recovery phrase given to its constructor', () => {
    const key = `0x${randomToken(HEX, 64)}`;
    const phrase = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
    hides(`const wallet = new ethers.Wallet("${key}", provider);`, key);
    hides(`const signer = new Wallet("${key.slice(2)}");`, key.slice(2));
    hides(`const wallet = ethers.Wallet.fromPhrase("${phrase}");`, phrase);
    hides(`truffle: new HDWalletProvider("${phrase}", \`https://goerli.example/v3/\${id}\`)`, phrase);
    leaves('const wallet = new Wallet(process.env.PRIVATE_KEY, provider);');
  });

  it("reads the long tail's calls (hunt K): Julia's AWSCredentials, UTL_HTTP, Groovy's Sql, Jenkins' credentials", () => {
    const w = `amber${fake(8)}`;
    hides(`creds = AWSCredentials("AKIA${fake(16).toUpperCase()}", "${w}")`, w);
    hides(`UTL_HTTP.set_authentication(l_req, 'svc_api', '${w}');`, w);
    hides(`def sql = Sql.newInstance('jdbc:mysql://db01/app', 'app', '${w}', 'com.mysql.cj.jdbc.Driver')`, w);
    hides(
      `def c = new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL, "nexus", "Nexus deploy", "deploy", "${w}")`,
      w,
    );
    leaves('UTL_HTTP.set_authentication(l_req, l_user, l_pass);');
    for (const call of [
      'SecretValue.UnsafePlainText("VALUE")',
      'SecretValue.unsafe_plain_text("VALUE")',
      'awscdk.SecretValue_UnsafePlainText(jsii.String("VALUE"))',
      'Secret.fromString("VALUE")',
    ]) {
      hides(`    Password = ${call.replace('VALUE', w)},`, w);
    }
  });
});
