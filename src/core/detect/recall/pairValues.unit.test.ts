import * as assert from 'node:assert/strict';
import { findNamedLiterals } from './namedLiterals';
import { assertLinear } from '../../../../test/support/cpuTime';
import { randomToken } from '../random';
import { assertHidden, assertUntouched, fake } from './spanCases';
import type { RecallSpan } from './recallSpan';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: name/value pairs (pairValues.ts)', () => {
  it('hides the value field of a pair whose name field names a credential, on its line or the next', () => {
    hides(
      'env:\n  - name: DB_PASSWORD\n    value: tidal cove 7\n  - name: LOG_LEVEL\n    value: debug\n',
      'tidal cove 7',
    );
    hides('        - name: DJANGO_SECRET_KEY\n          value: "q8#(z!m%s@k2"\n', 'q8#(z!m%s@k2');
    hides("- Name: DbPassword\n  Value: 'amber wheel'\n", 'amber wheel');
    hides('[\n  {\n    "name": "API_TOKEN",\n    "value": "copper kettle"\n  }\n]', 'copper kettle');
    hides('{ name = "STRIPE_API_KEY", value = "paper crane" }', 'paper crane');
    hides('{"ParameterKey": "DBPassword", "ParameterValue": "velvet lantern"}', 'velvet lantern');
  });

  it('leaves references, other names and a `valueFrom` alone, and does not hide the name itself', () => {
    leaves('- name: DB_PASSWORD\n  valueFrom:\n    secretKeyRef:\n      name: db\n      key: password\n');
    leaves('- name: DB_PASSWORD\n  value: "${DB_PASSWORD}"\n');
    leaves('- name: LOG_LEVEL\n  value: verbose-debug-mode\n');
    // A TypeScript signature: a bare value on the name's line is code.
    leaves('function own<T>(inst: object, key: PropertyKey, value: T, enumerable = true): T {');
    leaves('{"ParameterKey": "DBPassword", "ParameterValue": "${DB_PASSWORD}"}');
  });

  it("reads an XML entity inside an attribute's connection string as part of the password", () => {
    const pw = `${fake(5)}&amp;${fake(4)}&lt;${fake(3)}&#x26;${fake(2)}`;
    const config = `<connectionStrings>\n  <add name="Main" connectionString="Server=db;User Id=app;Password=${pw};" />\n</connectionStrings>`;
    hides(config, pw);
    const spans: RecallSpan[] = [];
    findNamedLiterals(config, spans);
    assert.ok(!spans.some((s) => config.slice(s.start, s.end).includes('"')), "the attribute's quote stays");
    // Outside an attribute the `;` still ends the value: a plain string has no entities.
    const plain = `Server=db;User Id=app;Password=${fake(8)};Database=orders`;
    const plainSpans: RecallSpan[] = [];
    findNamedLiterals(plain, plainSpans);
    assert.ok(!plainSpans.some((s) => plain.slice(s.start, s.end).includes('Database')));
  });

  it('ends a value at the closing tag of the element it is written in, which stays markup', () => {
    // IntelliJ's dataSources.xml: the URL with its password is an element's text.
    const pw = fake(10);
    for (const text of [
      `<jdbc-url>jdbc:postgresql://db:5432/app?user=app&amp;password=${pw}</jdbc-url>`,
      `  <property name="url">jdbc:mysql://db/app?user=app&amp;password=${pw}</property>`,
    ]) {
      hides(text, pw);
      const spans: RecallSpan[] = [];
      findNamedLiterals(text, spans);
      assert.ok(spans.length > 0, text);
      assert.ok(!spans.some((s) => text.slice(s.start, s.end).includes('</')), text);
    }
    // A `</` that closes no element opened on the line is part of the value: nothing of it is left out.
    const odd = `${fake(4)}</${fake(6)}`;
    hides(`password=${odd}`, odd);
    hides(`db_password=${pw}</b>`, `${pw}</b>`);
  });

  it('hides the value of an XML pair (`<key>`/`<name>`, then `<value>` on its line or the next)', () => {
    // Whispers' integration.xml and Hive's hive-site.xml write them so.
    hides('<entry>\n  <key>business.password</key>\n  <value>amber wheel</value>\n</entry>', 'amber wheel');
    hides('<entry><key>pro_password</key><value>paper crane</value><info>x</info></entry>', 'paper crane');
    hides(
      '<property><name>javax.jdo.option.ConnectionPassword</name><value>velvet lantern</value></property>',
      'velvet lantern',
    );
    leaves('<entry>\n  <key>password</key>\n  <value></value>\n</entry>');
    leaves('<property><name>db.password</name><value>${env.DB_PASSWORD}</value></property>');
    leaves('<property>\n  <name>fs.defaultFS</name>\n  <value>hdfs://namenode:8020</value>\n</property>');
    leaves('<entry><key>username</key><value>deploy</value></entry>');
  });

  it("reads a value field past other fields of the pair's object, not past the next pair's name", () => {
    const p = `Hoveton#${fake(7)}6`;
    hides(`- name: DB_PASSWORD\n  description: the database password\n  value: ${p}\n`, p);
    const out: RecallSpan[] = [];
    findNamedLiterals('- name: DB_PASSWORD\n- name: LOG_LEVEL\n  value: not-this-one\n', out);
    findNamedLiterals('{"name": "DB_PASSWORD"}, {"id": 3, "value": "not-this-one"}', out);
    assert.deepEqual(out, []);
  });

  it('hides the value field after a name field behind a path, other fields, or of a form of its own', () => {
    for (const line of [
      (p: string) =>
        `{"Parameters": [{"Name": "/prod/db/password", "Type": "SecureString", "Value": "${p}"}]}`,
      (p: string) =>
        `{\n  "Parameter": {\n    "Name": "/prod/api/token",\n    "Value": "${p}",\n    "Version": 1\n  }\n}`,
      (p: string) =>
        `resource "azurerm_key_vault_secret" "db" {\n  name         = "db-password"\n  value        = "${p}"\n}`,
      (p: string) =>
        `option_settings:\n  - namespace: aws:elasticbeanstalk:application:environment\n    option_name: DB_PASSWORD\n    value: ${p}`,
      (p: string) => `<property>\n  <name>fs.s3a.secret.key</name>\n  <value>${p}</value>\n</property>`,
      (p: string) =>
        `<init-param>\n  <param-name>password</param-name>\n  <param-value>${p}</param-value>\n</init-param>`,
      (p: string) =>
        `<env-entry>\n  <env-entry-name>smtp/password</env-entry-name>\n  <env-entry-type>java.lang.String</env-entry-type>\n  <env-entry-value>${p}</env-entry-value>\n</env-entry>`,
      (p: string) => `aws ssm put-parameter --name /prod/db/password --type SecureString --value "${p}"`,
      (p: string) => `octo create-variable --name DbPassword --value ${p} --sensitive`,
      // Windows' unattend: the element that names the credential holds a `<Value>` element.
      (p: string) =>
        `<AutoLogon>\n  <Password>\n    <Value>${p}</Value>\n    <PlainText>true</PlainText>\n  </Password>\n</AutoLogon>`,
    ]) {
      const p = `Hoveton#${fake(7)}6`;
      hides(line(p), p);
    }
  });

  it('leaves such pairs whose name field names no credential, references, and types in code', () => {
    leaves(`{"Name": "/prod/db/host", "Type": "String", "Value": "db.example.io"}`);
    leaves('keys:\n  - name: prod\n    value: 42');
    leaves('createAssertEntry(name: AssertionKey, value: Expression): AssertEntry;');
    leaves(`{"Name": "/prod/db/password", "Value": "\${DB_PASSWORD}"}`);
    leaves('aws ssm get-parameter --name /prod/db/password --with-decryption --query Parameter.Value');
    leaves('<Password>\n  <Value></Value>\n</Password>');
  });

  it("hides a password in a list of pairs apart by blanks (libpq's `host=db user=app password=…`), last or not", () => {
    // Values drawn per run: the repository holds no literal that its own scan reports.
    const [a, b, c, d] = [
      fake(12),
      `${fake(6)}-${fake(5)}-42`,
      `${fake(2)}#${fake(4)}%s@${fake(2)}`,
      fake(14),
    ];
    hides(`psql "host=db user=app password=${a}"`, a);
    hides(`conn = psycopg2.connect("dbname=app user=etl password=${b}")`, b);
    hides(`DSN='host=db port=5432 password=${c} sslmode=require'`, c);
    hides(`dsn = "host=db user='app' password=${d}"`, d);
    hides(`FOO=bar API_TOKEN=${a} ./deploy.sh`, a);
  });

  it("leaves a call's keyword arguments and references in such lists", () => {
    // A comma after the pair before: keyword arguments with a default, not a list of pairs.
    leaves('def connect(host, headers=None, credentials=None):');
    leaves('def load_cert_chain(self, certfile, keyfile=None, password=None):');
    leaves('psql "host=db user=app password=$PGPASSWORD"');
    leaves('dsn = "host=db user=app password=${DB_PASSWORD}"');
  });

  it("hides a plist's, KeePass's and attribute-named elements' text, and leaves HTML's names and labels", () => {
    hides('<dict>\n  <key>ClientSecret</key>\n  <string>pebble7orbit</string>\n</dict>', 'pebble7orbit');
    hides(
      '<String><Key>Password</Key><Value ProtectInMemory="True">pebble7orbit</Value></String>',
      'pebble7orbit',
    );
    hides('<entry key="password">pebble7orbit</entry>', 'pebble7orbit');
    hides('<string name="db_password">pebble7orbit</string>', 'pebble7orbit');
    hides(
      '<setting name="ApiToken" serializeAs="String">\n  <value>pebble7orbit</value>\n</setting>',
      'pebble7orbit',
    );
    leaves('<h3><a name="xsltKeyFunction"/>xsltKeyFunction ()</h3>');
    leaves('<input name="password" type="password">');
    leaves('<label for="password">Password</label>');
    leaves('<entry key="password"></entry>');
  });

  it("hides an Android manifest's meta-data value named for a key, on the name's line or the next", () => {
    const chosen = `marmalade${randomToken('0123456789', 2)}`;
    hides(`<meta-data android:name="com.google.android.geo.API_KEY" android:value="${chosen}" />`, chosen);
    hides(
      `<meta-data\n    android:name="com.google.android.geo.API_KEY"\n    android:value="${chosen}" />`,
      chosen,
    );
    leaves(
      '<meta-data android:name="com.onesignal.NotificationServiceExtension" android:value="com.acme.Ext" />',
    );
  });

  it("hides SoapUI's namespaced and JMeter's attribute-named pairs, and leaves their other names", () => {
    const chosen = `marmalade${randomToken('0123456789', 2)}`;
    hides(
      `<con:property><con:name>password</con:name><con:value>${chosen}</con:value></con:property>`,
      chosen,
    );
    hides(
      '<elementProp name="password" elementType="HTTPArgument">\n' +
        '  <stringProp name="Argument.name">password</stringProp>\n' +
        `  <stringProp name="Argument.value">${chosen}</stringProp>\n</elementProp>`,
      chosen,
    );
    // JMeter as it saves an argument: the value's element first, then the name's (hunt M).
    hides(
      '<elementProp name="password" elementType="HTTPArgument">\n' +
        '  <boolProp name="HTTPArgument.always_encode">false</boolProp>\n' +
        `  <stringProp name="Argument.value">${chosen}</stringProp>\n` +
        '  <stringProp name="Argument.name">password</stringProp>\n</elementProp>',
      chosen,
    );
    leaves(
      '<stringProp name="Argument.value">alice</stringProp>\n<stringProp name="Argument.name">username</stringProp>',
    );
    const key = fake(24);
    hides(
      `<stringProp name="Header.name">X-Api-Key</stringProp>\n<stringProp name="Header.value">${key}</stringProp>`,
      key,
    );
    leaves(
      '<stringProp name="Argument.name">username</stringProp>\n<stringProp name="Argument.value">alice</stringProp>',
    );
    leaves(
      '<con:property><con:name>endpoint</con:name><con:value>https://api.example.com</con:value></con:property>',
    );
  });

  it("hides an ODBC password in braces whole, its ';' included", () => {
    const braced = `${fake(4)};${fake(5)} 7${fake(5)}`;
    hides(`DRIVER={ODBC Driver 18};SERVER=db;UID=app;PWD={${braced}}`, braced);
    const drawn = fake(24);
    hides(`DRIVER={ODBC Driver 18};SERVER=db;UID=app;PWD={${drawn}}`, drawn);
    // A person's password in braces reads as a name: on a line that names its driver, it is the value.
    const chosen = `Monkey20${randomToken('0123456789', 2)}`;
    hides(`DRIVER={ODBC Driver 18 for SQL Server};SERVER=db;UID=app;PWD={${chosen}};Encrypt=yes`, chosen);
    const words = `pencil_anchor_river${randomToken('0123456789', 2)}`;
    hides(`Driver={ODBC Driver 17};Server=db;Uid=app;Pwd={${words}};`, words);
    // A format string's slot in braces is code, not a value.
    leaves('print(f"login failed; password={password!r}")');
    leaves('conn = f"DRIVER={{ODBC Driver 18}};SERVER={server};UID={user};PWD={db_password}"');
  });

  it('hides a generated header value paired with its name in a list, and leaves a list of names', () => {
    const hex = randomToken('0123456789abcdef', 32);
    hides(`"headers": [["Content-Type", "application/json"], ["X-Auth", "${hex}"]]`, hex);
    hides(`headers = [("X-Auth-Token", '${hex}')]`, hex);
    leaves('fields = ["password", "confirm_password"]');
    leaves('required = ("token", "refresh_token")');
    leaves(`pair = ["secret", "${hex}", "extra"]`);
  });

  it("takes a flag's value up to its blank, and reads a line of many pairs in linear time", () => {
    const p = `Hoveton#${fake(7)}6`;
    const text = `octo create-variable --name DbPassword --value ${p} --sensitive`;
    const out: RecallSpan[] = [];
    findNamedLiterals(text, out);
    assert.deepEqual(
      out.map((v) => text.slice(v.start, v.end)),
      [p],
    );
    // One line of pairs, no line break: each field's line start was read back to the start of the text.
    const flood = (unit: string) => (n: number) => findNamedLiterals(unit.repeat(n / unit.length), []);
    assertLinear(flood(`--name /a/password --value ${p} `), 20_000);
    assertLinear(flood(`"Name": "/a/password", "Type": "String", value: ${p}, `), 20_000);
  });

  it('hides the value of a pair written value first, and leaves one that names no credential', () => {
    const v = fake(32);
    hides(`{ "value": "${v}", "name": "DB_PASSWORD" }`, v);
    const w = `${fake(6)}-${fake(6)}`;
    hides(`"environment": [\n  {"value": "${w}",\n   "name": "API_TOKEN"}\n]`, w);
    leaves('{ "value": "us-east-1", "name": "AWS_REGION" }');
  });

  it('hides a value in a mount option list, up to its comma, and leaves keyword arguments', () => {
    const v = `${fake(6)}?${fake(4)}=${fake(4)}`;
    hides(`sudo mount -t cifs //nas/backup /mnt/b -o username=backup,password=${v},vers=3.0`, v);
    const w = `${fake(5)}-${fake(5)}`;
    hides(`//fs01/share  /mnt/share  cifs  username=ci,password=${w},uid=1000  0  0`, w);
    leaves('conn = connect(host=db_host,password=db_password)');
    leaves('conn = connect(host=db_host, password=db_password)');
  });

  it("keeps a `;`, a quote or a bracket inside a listed value, and after a previous pair's (hunt H)", () => {
    const [a, b, c] = [
      `${fake(2)};:${fake(8)}`,
      `${fake(5)}(#${fake(4)};#${fake(2)}`,
      `%2${fake(4)};$;S'7?${fake(3)}`,
    ];
    hides(
      `web1 ansible_host=10.0.0.1 ansible_user=deploy ansible_password=${a} ansible_become_pass=${b}\n`,
      a,
      b,
    );
    hides(`//nas/share /mnt/share cifs username=svc,password=${c},uid=1000 0 0\n`, c);
    const d = `${fake(2)},.${fake(8)}`;
    hides(`web1 ansible_host=10.0.0.2 ansible_password=${d} ansible_become_pass=${a}\n`, d, a);
    // A `;` before a blank ends a shell command; a connection string's pairs are parted by `;`.
    hides(`psql "host=db password=${fake(10)}; echo done"`);
    leaves('let a=1; password=x');
    leaves('foo(a=b) token=abc');
  });

  it('reads a value first and an option list in linear time', () => {
    const p = fake(8);
    const flood = (unit: string) => (n: number) => findNamedLiterals(unit.repeat(n / unit.length), []);
    assertLinear(flood(`{"value": "${p}", "name": "DB_PASSWORD"}, `), 20_000);
    assertLinear(flood(`u=a,password=${p},`), 20_000);
  });
});
