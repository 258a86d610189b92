import { findSqlInserts } from './sqlInserts';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findSqlInserts, text, values);
const leaves = (text: string): void => assertUntouched(findSqlInserts, text);
/** A password with a digit for sure. */
const password = (): string => `${fake(7)}4${fake(4)}`;

describe('redact tier: credential columns of SQL inserts (sqlInserts.ts)', () => {
  it('hides the value in each credential-named column of every row', () => {
    const [p, q] = [password(), password()];
    hides(`INSERT INTO users (name, password) VALUES ('admin', '${p}');`, p);
    hides(
      `INSERT INTO \`accounts\` (\`id\`, \`email\`, \`api_token\`) VALUES (1, 'a@example.com', '${p}'),\n  (2, 'b@example.com', '${q}');`,
      p,
      q,
    );
    hides(`insert into staff ("login", "passwd") values ('O''Brien', '${p}')`, p);
  });

  it("hides a call's quoted argument in such a column (crypt, PASSWORD)", () => {
    const [p, q] = [password(), password()];
    hides(`INSERT INTO accounts (login, pwd) VALUES ('bob', crypt('${p}', gen_salt('bf')));`, p);
    hides(`INSERT INTO mysql_users (user, password) VALUES ('app', PASSWORD('${q}'));`, q);
  });

  it('leaves other columns, rows without a column list and values it cannot follow', () => {
    const p = password();
    leaves(`INSERT INTO notes (title, body) VALUES ('keys', '${p}');`);
    leaves(`INSERT INTO users VALUES ('admin', '${p}');`);
    leaves(`INSERT INTO users (name, password) VALUES ('admin', :password);`);
    leaves(`INSERT INTO users (name, password) SELECT name, pw FROM staging;`);
  });
});
