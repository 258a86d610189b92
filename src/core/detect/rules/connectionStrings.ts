import { ALNUM, HEX, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { anyCase, tokenRule } from './ruleKit';
import { isPlausiblePassword } from './valueChecks';

// Passwords inside connection strings and URLs. The finding is the password alone (group `secret`),
// so a quick fix or a redaction leaves the rest of the URL readable. A password equal to its user
// name (`postgres:postgres@`), a placeholder, a reference (`${DB_PASSWORD}`) or a mask (`****`) is
// not reported. A documentation host (`example.com`) is no sign of a fake password: a host is what
// people blank out before they paste a URL, and `api.example.com` was reported already, so `example.com`
// is read like any other host (secretlint reports both); a host placeholder (`hostname`, `<host>`) is not.

const risk = 'anyone with this file can connect to this service with the embedded password';
const USER = '(?!anonymous:)(?<user>[^\\s:@/?#\'"`<>]{0,128})';
const PASSWORD = '(?<secret>[^\\s:@/?#\'"`<>]{1,256})';
/** Host after the `@`: not a placeholder for one. */
const HOST = '(?!host(?:name)?(?![\\w.-])|<)[A-Za-z0-9[_-][A-Za-z0-9._:\\]-]{0,253}';

/** `scheme://user:password@host`, where `schemes` is a regex alternation. */
function urlPassword(schemes: string): RegExp {
  return new RegExp(`(?<![A-Za-z0-9+.-])(?:${schemes})://${USER}:(?!\\k<user>@)${PASSWORD}@${HOST}`);
}

/** A fresh password of the kinds people use: random, or word-like with digits and punctuation. */
function password(): string {
  return randomFraction() < 0.5
    ? randomToken(ALNUM, 16)
    : `Tr${randomToken(ALNUM, 6)}!${randomToken(ALNUM, 4)}`;
}

interface UrlSpec {
  readonly id: string;
  readonly provider: string;
  readonly description: string;
  readonly schemes: string;
  readonly keywords: readonly string[];
  readonly lines: (pw: string) => readonly string[];
  readonly negatives: readonly string[];
}

function urlRule(u: UrlSpec): Rule {
  return tokenRule({
    id: u.id,
    provider: u.provider,
    description: u.description,
    risk,
    keywords: u.keywords,
    pattern: urlPassword(u.schemes),
    maxLength: 700,
    // `x-oauth-basic` is GitHub's fixed password for a token given as the user (github-token-in-url).
    validate: (pw) => isPlausiblePassword(pw) && pw !== 'x-oauth-basic',
    sample: password,
    lines: u.lines,
    negatives: u.negatives,
  });
}

/** Placeholders every URL rule must ignore, for the scheme `s`. */
function commonNegatives(s: string): string[] {
  return [
    `${s}://user:password@localhost:5432/db`,
    `${s}://\${DB_USER}:\${DB_PASSWORD}@\${DB_HOST}/app`,
    `${s}://admin:****@db.internal/app`,
    `${s}://app:app@db.internal/app`,
    `${s}://<user>:<password>@<host>/<db>`,
    `${s}://deploy:Zx9k2mQ7rT@hostname/app`,
    `${s}://user:password@example.com/app`,
    `${s}://db.internal:5432/app`,
    `${s}://app:%(password)s@db.internal/app`,
    `${s}://anonymous:guest-mail@mirror.internal/pub`,
  ];
}

/** An XML character reference or one of XML's five named entities, `;` included. */
const XML_ENTITY = '&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9A-Fa-f]{1,6});';

/** A user's key and value right before the password's key (`User ID=app;Password=`). */
const USER_BEFORE =
  /(?:user[ \t]?id|uid|username|user)[ \t]{0,2}=[^;'"\r\n]{1,48};[ \t]{0,2}(?:password|pwd)[ \t]{0,2}=[ \t]{0,2}$/i;
/** Keys only a connection string holds (ADO.NET, ODBC, OLE DB), read after the password. */
const CONNECTION_KEYS = new Set([
  'user id',
  'userid',
  'uid',
  'username',
  'server',
  'data source',
  'initial catalog',
  'database',
  'provider',
  'driver',
  'persist security info',
  'integrated security',
  'trusted_connection',
  'encrypt',
]);

/**
 * Whether the `Password=` at `start` is a connection string's: a user's key right before it, or, after the
 * value, `;` and another of its keys within the next few (`Password=…;Initial Catalog=…`, the order Visual
 * Studio writes). Read on the line only, over at most 240 characters either side.
 */
function inConnectionString(text: string, start: number, secret: string): boolean {
  const before = text.slice(Math.max(0, start - 240), start);
  if (USER_BEFORE.test(before)) {
    return true;
  }
  // A JDBC URL's `;password=…;` is jdbc-connection-password's.
  if (/jdbc:[^\r\n]*$/i.test(before)) {
    return false;
  }
  const end = start + secret.length;
  if (text[end] !== ';') {
    return false;
  }
  const line = /^[^\r\n'"]{0,240}/.exec(text.slice(end + 1, end + 241))![0];
  return line
    .split(';')
    .slice(0, 6)
    .some((pair) => {
      const eq = pair.indexOf('=');
      return eq > 0 && CONNECTION_KEYS.has(pair.slice(0, eq).trim().toLowerCase());
    });
}

export const connectionStringRules: readonly Rule[] = [
  urlRule({
    id: 'postgres-connection-password',
    provider: 'PostgreSQL',
    description: 'PostgreSQL connection string with password',
    // dj-database-url's PostgreSQL-protocol schemes too: PostGIS, TimescaleDB (with GIS) and Redshift.
    schemes: 'postgres(?:ql)?(?:\\+[a-z0-9]{1,20})?|pgsql|postgis|timescale(?:gis)?|redshift',
    keywords: ['postgres', 'pgsql', 'postgis', 'timescale', 'redshift'],
    lines: (pw) => [
      `DATABASE_URL=postgres://app_user:${pw}@db.internal:5432/app`,
      `DATABASE_URL=postgis://geo_app:${pw}@gis-db.internal:5432/maps`,
      `WAREHOUSE_URL=redshift://etl:${pw}@cluster.abc123.us-east-1.redshift.amazonaws.com:5439/dev`,
      `  url: "postgresql+psycopg2://analytics:${pw}@10.0.4.12/warehouse?sslmode=require"`,
      `spring.datasource.url=jdbc:postgresql://svc:${pw}@pg-primary:5432/orders`,
    ],
    negatives: [
      ...commonNegatives('postgres'),
      'postgresql://postgres:postgres@localhost/test',
      'psql "postgres://$PGUSER:$PGPASSWORD@$PGHOST/db"',
    ],
  }),
  urlRule({
    id: 'mysql-connection-password',
    provider: 'MySQL',
    description: 'MySQL or MariaDB connection string with password',
    schemes: 'mysql(?:x|2)?(?:\\+[a-z0-9]{1,20})?|mariadb',
    keywords: ['mysql', 'mariadb'],
    lines: (pw) => [
      `DATABASE_URL="mysql://shop:${pw}@mysql.internal:3306/shop"`,
      `engine = create_engine("mysql+pymysql://etl:${pw}@10.1.2.3/reports")`,
    ],
    negatives: [
      ...commonNegatives('mysql'),
      'mysql://root:root@127.0.0.1:3306/test',
      'mysql://root:@localhost/db',
    ],
  }),
  urlRule({
    id: 'mongodb-connection-password',
    provider: 'MongoDB',
    description: 'MongoDB connection string with password',
    schemes: 'mongodb(?:\\+srv)?',
    keywords: ['mongodb'],
    lines: (pw) => [
      `MONGO_URI=mongodb+srv://api-user:${pw}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true`,
      `const uri = "mongodb://svc:${pw}@mongo-0.mongo,mongo-1.mongo:27017/app?replicaSet=rs0";`,
    ],
    negatives: [
      ...commonNegatives('mongodb'),
      'mongodb+srv://<username>:<password>@cluster0.mongodb.net/',
      'mongodb://localhost:27017/test',
    ],
  }),
  urlRule({
    id: 'redis-connection-password',
    provider: 'Redis',
    description: 'Redis connection string with password',
    schemes: 'rediss?(?:\\+sentinel)?',
    keywords: ['redis'],
    lines: (pw) => [
      `REDIS_URL=redis://:${pw}@cache.internal:6379/0`,
      `  url: rediss://default:${pw}@redis-12345.c1.us-east-1.cloud.redislabs.com:12345`,
    ],
    negatives: [...commonNegatives('redis'), 'redis://localhost:6379/0', 'redis://:@cache:6379'],
  }),
  urlRule({
    id: 'amqp-connection-password',
    provider: 'AMQP (RabbitMQ)',
    description: 'AMQP connection string with password',
    schemes: 'amqps?',
    keywords: ['amqp'],
    lines: (pw) => [
      `CELERY_BROKER_URL=amqp://worker:${pw}@rabbitmq.internal:5672/jobs`,
      `  broker: "amqps://events:${pw}@b-1234.mq.us-east-1.amazonaws.com:5671"`,
    ],
    negatives: [...commonNegatives('amqp'), 'amqp://guest:guest@localhost:5672/'],
  }),
  urlRule({
    id: 'url-password',
    provider: 'URL credentials',
    description: 'Password in a URL',
    schemes:
      'https?|ftps?|sftp|smtps?|ldaps?|imaps?|pop3s?|ssh|git|svn(?:\\+ssh)?|wss?|mqtts?|nats|kafka|sqlserver|mssql|clickhouse|cockroachdb|couchbases?|neo4j(?:\\+s)?|bolt|socks5h?',
    keywords: ['://'],
    lines: (pw) => [
      `git clone https://deploy-bot:${pw}@git.internal.corp/platform/infra.git`,
      `SMTP_URL=smtp://mailer:${pw}@smtp.mailprovider.net:587`,
      `  proxy: "http://svc-proxy:${pw}@10.20.0.5:3128"`,
      `This URL: https://user:${pw}@example.com includes credential.`,
      `- markdown [url](ftp://user:${pw}@example.org)`,
    ],
    negatives: [
      ...commonNegatives('https'),
      'https://user:pass@proxy.local:8080',
      'http://username:password@hostname/path',
      'https://github.com/org/repo',
      'ftp://anonymous:anonymous@ftp.gnu.org/',
      'see https://docs.site/a:b@c for details',
      'git clone https://${GITHUB_TOKEN}:x-oauth-basic@github.com/acme/tools.git',
      // Node's own documentation (url.md, http.md): alphabet fillers for user and password.
      "const myURL = new URL('https://abc:xyz@example.com');",
      '// Prints https://123:xyz@example.com/',
      '#     http://jschmoe:xyzzy@www.bogus.net:8000/foo/bar.tml?q=foo#changes',
    ],
  }),
  tokenRule({
    id: 'sidekiq-gem-server-password',
    provider: 'Sidekiq',
    description: 'Sidekiq Pro / Enterprise gem server URL with its license password',
    risk: 'anyone with this file can download your licensed Sidekiq Pro or Enterprise gems',
    // Contribsys issues both halves as 8 hex digits and serves the gems from two hosts only: the host is
    // the proof, so a password url-password's own checks pass over (`05956db4`, mostly digits) counts here.
    keywords: ['contribsys.com'],
    pattern:
      /(?<![A-Za-z0-9+.-])https?:\/\/(?<user>[a-f0-9]{8}):(?!\k<user>@)(?<secret>[a-f0-9]{8})@(?:gems|enterprise)\.contribsys\.com(?![\w.-])/,
    maxLength: 52,
    // One random 8-hex password in a thousand falls below 1.5 bits (`aaaabbbb` is 1).
    minEntropy: 1.5,
    revokeUrl: 'https://sidekiq.org/',
    sample: () => randomToken(HEX, 8),
    lines: (pw) => [
      `source "https://${randomToken(HEX, 8)}:${pw}@gems.contribsys.com/" do`,
      `BUNDLE_URL=https://${randomToken(HEX, 8)}:${pw}@enterprise.contribsys.com`,
    ],
    negatives: [
      'source "https://cafebabe:cafebabe@gems.contribsys.com/" do',
      'https://cafebabe:00000000@gems.contribsys.com/',
      'https://cafebabe:<password>@gems.contribsys.com/',
    ],
  }),
  tokenRule({
    id: 'jdbc-connection-password',
    provider: 'JDBC',
    description: 'JDBC URL with password',
    risk,
    keywords: ['jdbc:'],
    pattern: new RegExp(
      `jdbc:(?:[a-z0-9]{2,20}:[^\\s'"<>]{0,200}?[?&;:]${anyCase('password')}=|oracle:thin:[\\w.$#]{1,64}/)(?<secret>[^\\s&;@'"<>/]{1,128})(?=[&;@'"\\s]|$)`,
    ),
    maxLength: 420,
    validate: isPlausiblePassword,
    sample: password,
    lines: (pw) => [
      `jdbc.url=jdbc:mysql://db.internal:3306/shop?user=shop&password=${pw}&useSSL=true`,
      `url: "jdbc:sqlserver://sql01.corp:1433;databaseName=erp;password=${pw};user=erp_app;encrypt=true"`,
      `jdbc:oracle:thin:scott/${pw}@//ora.internal:1521/ORCL`,
    ],
    negatives: [
      'jdbc:mysql://localhost:3306/db?user=root&password=${DB_PASSWORD}',
      'jdbc:sqlserver://host;user=sa;password=<password>;',
      'jdbc:postgresql://localhost/test?user=test&password=test',
      'jdbc:oracle:thin:scott/tiger@localhost:1521:orcl',
      'jdbc:h2:mem:testdb',
    ],
  }),
  tokenRule({
    id: 'sqlserver-connection-password',
    provider: 'SQL Server',
    description: 'ADO.NET / ODBC connection string with password',
    risk,
    keywords: ['password=', 'pwd=', 'password =', 'pwd ='],
    // The password's key, not inside a longer name (`db_password=`, `cfg.password =`); `inContext` asks for a
    // user's key right before it or another key of a connection string after it (`Password=…;User ID=…`).
    // In a .config's `connectionString="…"` attribute an XML entity (`&amp;`, `&lt;`, `&#38;`) is one
    // character of the value: its `;` does not end it.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_.$-])(?:${anyCase('password')}|${anyCase('pwd')})[ \\t]{0,2}=[ \\t]{0,2}(?<secret>(?:${XML_ENTITY}|[^;'"\\r\\n]){1,128})`,
    ),
    // The key and its blanks (14), then 128 characters each of which may be an entity of up to ten.
    maxLength: 14 + 128 * 10,
    validate: (pw) => isPlausiblePassword(pw.trim()),
    inContext: inConnectionString,
    sample: password,
    lines: (pw) => [
      `"DefaultConnection": "Server=tcp:sql-prod.database.windows.net,1433;Initial Catalog=shop;User ID=shop_app;Password=${pw};Encrypt=True;"`,
      `conn = pyodbc.connect("DRIVER={ODBC Driver 18 for SQL Server};SERVER=sql01;DATABASE=erp;UID=etl;PWD=${pw}")`,
      // The password first, as Visual Studio writes it, and a key with a blank before its `=`.
      `<add name="Erp" connectionString="Data Source=sql01;Password=${pw};User ID=erp_app;Initial Catalog=erp" />`,
      `adoConn.Open "Provider=SQLOLEDB.1;Password =${pw};Initial Catalog=Billing;Data Source=sql02"`,
    ],
    negatives: [
      // A statement that assigns a password, then another: code, not a connection string.
      'let password = input; const server = pick();',
      'password=secret_from_vault; next step',
      'Server=localhost;Database=test;User Id=sa;Password=<YourStrong@Passw0rd>;',
      'Server=.;Database=app;User ID=sa;Password=${SA_PASSWORD};',
      'Server=db;User Id=app;Password=password;',
      'Data Source=.;Initial Catalog=app;Integrated Security=True;',
    ],
  }),
];
