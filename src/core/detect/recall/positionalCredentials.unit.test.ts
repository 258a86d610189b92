import { assertHidden, assertUntouched, fake } from './spanCases';
import { findPositionalCredentials } from './positionalCredentials';

const pw = (): string => `Avocet#${fake(6)}3`;

describe('redact tier: credentials passed by their place among arguments (positionalCredentials.ts)', () => {
  it('hides a password given without parentheses or by position', () => {
    for (const line of [
      (p: string) => `let req = applyBasicAuth "api" "${p}" initReq`,
      (p: string) => `let creds = BasicAuthData "admin" "${p}"`,
      (p: string) => `Redis.connect { host = "cache" } >>= fun c -> Redis.auth c "${p}"`,
      (p: string) => `local conn = assert(env:connect("app", "app", "${p}", "db", 3306))`,
      (p: string) => `db = MySQLdb.connect("localhost", "app", '${p}', "shop")`,
      (p: string) => `client.connect("esp32-node", "mqttuser", "${p}");`,
      (p: string) => `conn = database('salesdb','analyst','${p}');`,
      (p: string) => `options = weboptions('Username','api','Password','${p}');`,
      (p: string) => `CREATE DATABASE LINK remote CONNECT TO scott IDENTIFIED BY ${p} USING 'REMOTE_TNS';`,
      (p: string) => `$plain = '${p}'; $sec = $plain | ConvertTo-SecureString -AsPlainText -Force`,
      (p: string) => `$plain = "${p}"; $sec = ConvertTo-SecureString $plain -AsPlainText -Force`,
      (p: string) => `con <- dbConnect(RMySQL::MySQL(), "surveys", "10.1.1.20", 3306, "rstudio", "${p}")`,
      (p: string) => `self.user = User.objects.create_user('tester', 'tester@example.com', '${p}')`,
      (p: string) => `User.objects.create_superuser("admin", "admin@example.com", "${p}")`,
      (p: string) => `client.bind('cn=admin,dc=corp,dc=local', '${p}', (err) => {`,
      (p: string) => `foreach (var c in "${p}") secure.AppendChar(c);`,
    ]) {
      const p = pw();
      assertHidden(findPositionalCredentials, line(p), [p]);
    }
  });

  it('hides a constructor\u2019s argument in the place of a declared credential-named parameter', () => {
    const [p, q, r] = [pw(), pw(), pw()];
    assertHidden(
      findPositionalCredentials,
      `case class DbConfig(url: String, user: String, password: String)\nval cfg = DbConfig("jdbc:postgresql://db/app", "app", "${p}")`,
      [p],
    );
    assertHidden(
      findPositionalCredentials,
      `data class Creds(val user: String, val apiToken: String)\nval c = Creds(\n  "ops",\n  "${q}",\n)`,
      [q],
    );
    assertHidden(
      findPositionalCredentials,
      `record Login(String user, String password) {}\nvar l = new Login("ops", "${r}");`,
      [r],
    );
    const [d, n, g] = [pw(), pw(), pw()];
    assertHidden(
      findPositionalCredentials,
      `@dataclass\nclass Db:\n    """Where the app's data lives."""\n    user: str\n    password: str\n\ndb = Db("app", "${d}")`,
      [d],
    );
    assertHidden(
      findPositionalCredentials,
      `Db = namedtuple("Db", ["user", "password"])\ndb = Db("app", "${n}")`,
      [n],
    );
    assertHidden(
      findPositionalCredentials,
      `type Creds struct {\n\tUser, Password string\n}\n\nc := Creds{"app", "${g}"}`,
      [g],
    );
  });

  it('leaves calls whose places hold no credential, variables and placeholders', () => {
    for (const text of [
      'let req = applyBasicAuth user pass initReq',
      'Redis.auth c password',
      'local conn = assert(env:connect("app", "app", pw, "db", 3306))',
      'client.connect("esp32-node");',
      'conn = database(dbname, user, pass);',
      "options = weboptions('ContentType','json','Timeout',30);",
      'CREATE DATABASE LINK remote CONNECT TO scott IDENTIFIED BY VALUES USING x;',
      "$plain = 'hello'; Write-Host $plain",
      'case class Point(x: String, y: String)\nval p = Point("north", "east-by-west")',
      'case class DbConfig(url: String, password: String)\nval cfg = DbConfig(url, sys.env("DB_PASSWORD"))',
      'case class DbConfig(url: String, password: String)\nval cfg = DbConfig("jdbc:h2:mem", "${DB_PASSWORD}")',
      '@dataclass\nclass Db:\n    user: str\n    password: str\n\n    def url(self):\n        return Db("a", self.password)',
      'Point = namedtuple("Point", "x y")\np = Point("north", "east-by-west")',
      'type Creds struct {\n\tUser, Password string\n}\n\nc := Creds{User: "app", Password: os.Getenv("PW")}',
      'typedef struct { char *user; char *password; } creds;',
      'con <- dbConnect(RSQLite::SQLite(), "data.db")',
      'User.objects.create_user(username, email, password)',
      "client.bind('cn=admin,dc=corp', password, cb)",
      'foreach (var c in chars) secure.AppendChar(c);',
    ]) {
      assertUntouched(findPositionalCredentials, text);
    }
  });
});
