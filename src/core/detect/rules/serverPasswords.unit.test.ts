import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const values = (text: string): string[] => scan(text).map((f) => text.slice(f.start, f.end));

/** A password with letters, a mark and digits, drawn fresh. */
const password = (): string => `${randomToken(ALNUM, 9)}+${randomToken('0123456789', 3)}`;

describe('passwords a server command or config places (serverPasswords.ts)', () => {
  it('mysql: the password glued to -p or after --password=, not a word after `-p ` (a prompt, then a database)', () => {
    const p = password();
    assert.deepEqual(values(`mysqldump -u backup -p${p} --single-transaction app`), [p]);
    assert.deepEqual(values(`mysql --host=db --password='${p}' -e 'select 1'`), [p]);
    assert.deepEqual(ids(`mysql -u root -p ${p}`), []);
    assert.deepEqual(ids(`grep -p${p} file.txt`), []);
  });

  it('redis: requirepass and masterauth in redis.conf and on the server command line, not the stock example', () => {
    const p = password();
    assert.deepEqual(values(`port 6379\nrequirepass ${p}\nmasterauth ${p}\n`), [p, p]);
    assert.deepEqual(values(`redis-server --requirepass ${p}`), [p]);
    assert.deepEqual(ids('# requirepass foobared'), []);
  });

  it('ldap: the bind password after -w, not -W (a prompt); wpa_supplicant: the passphrase or the derived key', () => {
    const p = password();
    assert.deepEqual(values(`ldapwhoami -x -D uid=ci,ou=people,dc=example,dc=com -w ${p}`), [p]);
    assert.deepEqual(ids('ldapwhoami -x -D uid=ci,ou=people,dc=example,dc=com -W'), []);
    assert.deepEqual(values(`network={\n  ssid="lab"\n  psk="${p}"\n}`), [p]);
    const key = randomToken('0123456789abcdef', 64);
    assert.deepEqual(values(`network={\n  ssid="lab"\n  psk=${key}\n}`), [key]);
    assert.deepEqual(ids('  wpa_psk="not so secure passphrase"'), []);
  });
});
