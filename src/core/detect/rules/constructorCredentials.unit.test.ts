import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const values = (text: string): string[] => scan(text).map((f) => text.slice(f.start, f.end));

describe('.NET password slots (report tier)', () => {
  it("NetworkCredential's and DirectoryEntry's password argument, not a variable or a placeholder", () => {
    const pass = randomToken(ALNUM, 14);
    assert.deepEqual(values(`c.Credentials = new NetworkCredential("ci@corp.example", "${pass}");`), [pass]);
    assert.deepEqual(values(`New-Object System.Net.NetworkCredential("ci", "${pass}", "CORP")`), [pass]);
    const ldap = `new DirectoryEntry("LDAP://corp.example",\n    "svc@corp.example",\n    "${pass}");`;
    assert.deepEqual(values(ldap), [pass]);
    assert.deepEqual(ids('new NetworkCredential("ci@corp.example", password);'), []);
    assert.deepEqual(ids('new NetworkCredential("svc", "lantern 99");'), []);
    assert.deepEqual(ids('new NetworkCredential("ci@corp.example", "<password>");'), []);
    // The user name is no password: only the argument after it is read.
    assert.deepEqual(ids(`new NetworkCredential("${pass}", secretFromVault)`), []);
  });

  it('an appSettings password value, not its length setting or an empty value', () => {
    const pass = `${randomToken(ALNUM, 12)}$`;
    assert.deepEqual(values(`<add key="FromEmailPassword" value="${pass}"/>`), [pass]);
    assert.deepEqual(ids('<add key="PasswordMinLength" value="12"/>'), []);
    assert.deepEqual(ids('<add key="SmtpPassword" value=""/>'), []);
    assert.ok(!ids(`<add key="SmtpHost" value="${pass}"/>`).includes('dotnet-appsettings-password'));
  });
});
