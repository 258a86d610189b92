import { findUrlCredentials } from './urlCredentials';
import * as assert from 'node:assert/strict';
import { assertHidden, assertUntouched, fake, spansOf } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findUrlCredentials, text, values);
const leaves = (text: string): void => assertUntouched(findUrlCredentials, text);

describe('redact tier: credentials in URLs', () => {
  it('hides userinfo passwords for any scheme, whatever they contain', () => {
    const odd = `${fake(4)}@${fake(3)}:${fake(2)}/${fake(3)}#1`;
    hides(`mongodb+srv://admin:${odd}@cluster0.example.net/db`, odd);
    const pw = fake();
    for (const scheme of ['mongodb', 'postgresql', 'mysql', 'redis', 'amqp', 'https', 'ftps']) {
      hides(`${scheme}://app:${pw}@db.internal:5432/app`, pw);
      hides(`see ${scheme}://:${pw}@db.internal/x`, pw);
    }
    const encoded = `${fake(4)}%40${fake(4)}%2F${fake(4)}`;
    hides(`mysql://root:${encoded}@127.0.0.1/app`, encoded);
  });

  it('hides a password that holds an `&`, and still reads a query `&` before any `:` as no userinfo', () => {
    // semgrep-rules' detected-username-and-password-in-uri case.
    const pw = `${fake(8)}&`;
    hides(`curl -kvsX PUT "https://user123:${pw}@something.host.test:8088/search/"`, pw);
    leaves('https://host?x=1&email=a@b.com');
    leaves('http://h/p?a=b:c&d=e@f.com');
    // An image and its digest: `:4443` is a port, `/paranoids/cameo` a path (RFC 3986 allows no `/` in userinfo).
    leaves('https://docker.example.com:4443/paranoids/cameo@sha256:35f1ea3d0ae9dc9b058dd8d224f1bb7e053');
  });

  it("hides a password holding a raw `?`, `#` or `'`, as people paste it unencoded", () => {
    const [a, b, c] = [`${fake(5)}?${fake(4)}#${fake(3)}`, `${fake(8)}?`, `${fake(6)}'${fake(5)}`];
    hides(`engine = create_engine("postgresql+psycopg2://alice:${a}@db.internal:5432/orders")`, a);
    hides(`DATABASE_URL=postgres://app:${b}@db:5432/orders`, b);
    hides(`git clone https://bob:${c}@git.example.org/o/r.git`, c);
    hides(`"DATABASE_URL": "postgres://ci:${c}@localhost:5432/app",`, c);
    hides(
      `const uri = "mongodb+srv://kenji:'${fake(6)}%3D${fake(4)}@cluster0.example.net/?retryWrites=true";`,
      "'",
    );
    hides(`"http.proxy": "http://jdoe:${fake(4)}%26${c}%3D@proxy.corp:8080"`, c);
    hides(`postgres://app:${a}@db:5432/orders?sslmode=require&application_name=x@y`, a);
  });

  it("still ends a URL at a `'` that opened it or closes it, and reads `?x=a@b` after a host as a query", () => {
    leaves("psql 'postgres://app@db:5432/orders' -c 'select 1' -- mail me@example.org");
    leaves("urls = ['https://example.org:8443/x', 'a@example.org']");
    leaves('http://localhost:3000?redirect=me@example.org');
    leaves('https://example.org:8080#top@example.com');
    leaves("'https://example.org:8080' + '@' + host");
  });

  it('hides a userinfo password however short, where the URL ends in prose or markup', () => {
    const pw = fake(4);
    hides(`This FTP: ftp://user:${pw}@example.com includes credential.`, pw);
    hides(`このhttps://user:${pw}@example.comはBasic`, pw);
    hides(`<a href="https://user:${pw}@example.com">x</a>`, pw);
    hides(`[url](https://user:${pw}@example.com)`, pw);
  });

  it('hides a token used as userinfo, alone or with a conventional user', () => {
    const token = fake(24);
    hides(`git clone https://${token}@github.com/o/r.git`, token);
    hides(`https://x-access-token:${token}@github.com/o/r`, token);
    hides(`https://oauth2:${token}@gitlab.example.org/o/r.git`, token);
    // GitHub's convention: the token as user, a fixed word as password.
    const conventional = ['x', 'oauth', 'basic'].join('-');
    hides(`https://${token}:${conventional}@github.com/o/r`, token);
  });

  it('hides credential query parameters and a URL-encoded DSN', () => {
    hides(
      'https://api.example.org/v1?api_key=q7Rm2x&key=Vb7Nm3&access_token=t0kQz&X-Amz-Signature=de4db33f',
      'q7Rm2x',
      'Vb7Nm3',
      't0kQz',
      'de4db33f',
    );
    hides('<a href="https://x.example.org/a?x=1&amp;token=Lk3Jh9">', 'Lk3Jh9');
    // OpenWeatherMap's, WolframAlpha's and Yahoo's API key goes as `appid`.
    const appid = fake();
    hides(`url = "https://api.openweathermap.org/data/2.5/weather?q=London&appid=${appid}"`, appid);
    // After a template's slot: ``fetch(`…?q=${city}&appid=…`)``.
    hides(`fetch(\`https://api.openweathermap.org/data/2.5/weather?q=\${city}&appid=${appid}\`)`, appid);
    hides('https://x.example.org/a/?token=Lk3Jh9', 'Lk3Jh9');
    hides('Last request: GET https://api.acme.io/v1/sync?session=Lk3Jh9Qz', 'Lk3Jh9Qz');
    hides('https://x.example.org/a%20b&token=Lk3Jh9', 'Lk3Jh9');
    hides('https://s3.example.org/b/o?X-Amz-Credential=AKQ%2F2024%2Fus&sig=Zx9', 'AKQ%2F2024%2Fus', 'Zx9');
    hides('https://app.example.org/?dsn=postgres%3A%2F%2Fu%3Apw%2Fsecret%40h%2Fdb&x=1', 'pw%2Fsecret');
    // A host that code or a template fills in.
    for (const url of [
      'f"postgresql+psycopg2://etl:Rush9moor!Kite@{host}:5432/warehouse"',
      '"postgres://etl:Rush9moor!Kite@%s:5432/warehouse" % host',
      'DATABASE_URL=postgres://app:Rush9moor!Kite@${DB_HOST}:5432/app',
      'url: "postgresql://app:Rush9moor!Kite@{{ .Values.db.host }}:5432/app"',
      'url = "amqp://guest:Rush9moor!Kite@#{host}:5672"',
      'url = "https://deploy:Rush9moor!Kite@" + host + "/repo.git"',
      'val url = "redis://:Rush9moor!Kite@$host:6379/0"',
    ]) {
      hides(url, 'Rush9moor!Kite');
    }
    leaves('see "https://example.com/@" + handle');
    // A parameter inside another's value, as a decoded view reads `state=api_key%3D…`.
    hides('https://x.example.org/cb?state=api_key=Lk3Jh9!q&x=1', 'Lk3Jh9!q');
    leaves('https://x.example.org/cb?state=mode=fast&x=1');
    leaves('if (a == b) { x = y = z; }');
  });

  it("hides an encoded query or form value whole when it holds a raw `)` or `'` (encodeURIComponent leaves them)", () => {
    for (const raw of [`${fake(5)})${fake(6)}`, `${fake(4)}'${fake(7)}`, `${fake(4)}'))*${fake(5)}`]) {
      const pw = encodeURIComponent(`${raw};${fake(3)}:`);
      hides(`GET /login?user=admin&password=${pw}&remember=1`, pw);
      hides(`curl -d 'grant_type=password&username=bob&password=${pw}&client_id=web'`, pw);
      hides(`curl "https://svc.example.com/auth?client_secret=${pw}&client_id=web"`, pw);
    }
    // A `)` or `'` that closes a call, a link or a string still ends the value.
    const value = fake();
    for (const text of [
      `fetch('https://api.example.org/v1?api_key=${value}')`,
      `[the API](https://api.example.org/v1?token=${value}) for more`,
      `get('https://api.example.org/v1?key=${value}', timeout=3)`,
      `url = 'https://api.example.org/v1?token=${value}'.replace('v1', 'v2')`,
    ]) {
      assert.deepEqual(
        spansOf(findUrlCredentials, text).map((s) => text.slice(s.start, s.end)),
        [value],
      );
    }
  });

  it('hides a URL-encoded DSN with userinfo whole, under any parameter name', () => {
    const dsn = encodeURIComponent(`postgresql://app:${fake()}@db.internal:5432/prod`);
    hides(`https://admin.example.com/connect?dsn=${dsn}&mode=ro`, dsn);
    hides(
      `curl "https://x.example.org/import?source=${encodeURIComponent(`mysql://root:${fake()}@10.0.0.4/db`)}"`,
      encodeURIComponent('mysql://root:'),
    );
    // An encoded URL without userinfo is a link, not a credential.
    leaves(
      `https://x.example.org/redirect?next=${encodeURIComponent('https://app.example.org/a@b')}`.replace(
        '%40',
        '-',
      ),
    );
    leaves(`https://x.example.org/redirect?next=${encodeURIComponent('https://app.example.org/path?q=1')}`);
  });

  it('leaves URLs without credentials, and placeholders', () => {
    for (const text of [
      'https://registry.npmjs.org/@babel/core',
      'https://medium.com/@someone/post',
      'ssh://git@github.com/o/r.git',
      'mail https://alice@example.com about it',
      'https://example.com/@user:handle for the profile',
      'https://host:8080@ is no credential',
      'postgres://postgres@localhost:5432/app',
      'DATABASE_URL=postgres://user:password@localhost:5432/app',
      'MONGO_URI=mongodb://<username>:<password>@cluster0.example.mongodb.net/test',
      'REDIS_URL=redis://:yourpassword@localhost:6379',
      'postgres://app:${DB_PASSWORD}@db/app',
      'https://example.org/search?q=token&page=2',
      'https://example.org/a?key={key}&token=:token',
      'https://qyapi.example.org/cgi-bin/department/create?access_token=ACCESS_TOKEN',
      'https://user@example.org/',
      'mailto:someone@example.org',
      'const t = a?b.token:c;',
      // `?` or `&` after anything but a URL character is code, not a query.
      'const t = f()?token=Lk3Jh9',
      'run(a);&token=Lk3Jh9',
      'a &token=Lk3Jh9',
      // A comparison in minified code (prettier's bundle): `…KeyLoc===null`, not a parameter.
      't!=null?t.privateKeyLoc===null&&(t.privateKeyLoc=n):this.raise(l)',
    ]) {
      leaves(text);
    }
  });
});
