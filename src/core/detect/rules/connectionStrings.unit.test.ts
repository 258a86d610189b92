import * as assert from 'node:assert/strict';
import { HEX, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('Sidekiq gem server URLs (report tier)', () => {
  it('reports the 8-hex password of a contribsys.com URL, digits-heavy ones included', () => {
    for (let i = 0; i < 20; i++) {
      const user = randomToken(HEX, 8);
      // Mostly digits, as url-password's plausibility check passes over: the host is the proof here.
      const password = `${randomToken('0123456789', 6)}${randomToken('abcdef', 1)}${randomToken(HEX, 1)}`;
      for (const host of ['gems.contribsys.com', 'enterprise.contribsys.com']) {
        const line = `source "https://${user}:${password}@${host}/" do`;
        const found = scan(line);
        assert.deepEqual(
          found.map((f) => f.ruleId),
          ['sidekiq-gem-server-password'],
          line,
        );
        assert.equal(line.slice(found[0]!.start, found[0]!.end), password, line);
      }
    }
  });

  it('leaves other hosts, other lengths and a password equal to its user', () => {
    const user = randomToken(HEX, 8);
    const password = randomToken(HEX, 8);
    for (const line of [
      `https://${user}:${password}@gems.contribsys.com.example.org/`,
      `https://${user}:${password}0@gems.contribsys.com/`,
      `https://${user}:${user}@gems.contribsys.com/`,
      `https://${user}:${password.toUpperCase()}@gems.contribsys.com/`,
    ]) {
      assert.ok(!ids(line).includes('sidekiq-gem-server-password'), line);
    }
  });
});

describe('ADO.NET and ODBC connection strings (report tier)', () => {
  const word = (): string => randomToken('abcdefghijklmnopqrstuvwxyz', 6);
  const password = (): string => `${word()}${randomToken('0123456789', 3)}${word()}`;

  it('reports the password with the user before it, or another key of the string after it', () => {
    for (let i = 0; i < 20; i++) {
      const pw = password();
      for (const line of [
        `Server=db01;Database=erp;User Id=erp_app;Password=${pw};`,
        `Data Source=sql01;Initial Catalog=erp;Persist Security Info=True;Password=${pw};User ID=sa`,
        `"Provider=SQLOLEDB.1;User ID=billing; " & "Password =${pw};Initial Catalog=Billing;Data Source=sql02"`,
        `DRIVER={ODBC Driver 18 for SQL Server};PWD=${pw};UID=etl;SERVER=sql03`,
      ]) {
        const found = scan(line);
        assert.deepEqual(
          found.map((f) => [f.ruleId, line.slice(f.start, f.end)]),
          [['sqlserver-connection-password', pw]],
          line,
        );
      }
    }
  });

  it('reads an XML entity as one character of the password, so that its `;` does not cut the value', () => {
    for (let i = 0; i < 20; i++) {
      const pw = `${word()}&amp;${randomToken('0123456789', 3)}&lt;${word()}&#38;${word()}`;
      const line = `<add name="Main" connectionString="Server=db;User Id=app;Password=${pw};" />`;
      const found = scan(line).filter((f) => f.ruleId === 'sqlserver-connection-password');
      assert.deepEqual(
        found.map((f) => line.slice(f.start, f.end)),
        [pw],
        line,
      );
    }
  });

  it('leaves a password assignment that no connection string holds, and its references', () => {
    const pw = password();
    for (const line of [
      `let password = input; const server = pick();`,
      `password=${pw}; next step`,
      `db_password=${pw};Initial Catalog=erp`,
      `Server=.;Database=app;Password=\${SA_PASSWORD};User ID=sa`,
    ]) {
      assert.deepEqual(
        ids(line).filter((id) => id === 'sqlserver-connection-password'),
        [],
        line,
      );
    }
  });
});
