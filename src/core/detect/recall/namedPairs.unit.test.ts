import { findNamedPairs } from './namedPairs';
import { assertHidden, assertUntouched, fake } from './spanCases';

const pw = (): string => `Hoveton#${fake(7)}6`;

describe('redact tier: a value whose name stands in a field of its own (namedPairs.ts)', () => {
  it('hides the value field after a name field that names a credential', () => {
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
      (p: string) =>
        `<AutoLogon>\n  <Password>\n    <Value>${p}</Value>\n    <PlainText>true</PlainText>\n  </Password>\n</AutoLogon>`,
    ]) {
      const p = pw();
      assertHidden(findNamedPairs, line(p), [p]);
    }
  });

  it('leaves values whose name field names no credential, and types in code', () => {
    for (const text of [
      `{"Name": "/prod/db/host", "Type": "String", "Value": "db.example.io"}`,
      'keys:\n  - name: prod\n    value: 42',
      'function own<T>(inst: object, key: PropertyKey, value: T, enumerable = true): T {',
      'createAssertEntry(name: AssertionKey, value: Expression): AssertEntry;',
      `{"Name": "/prod/db/password", "Value": "\${DB_PASSWORD}"}`,
    ]) {
      assertUntouched(findNamedPairs, text);
    }
  });
});
