import * as assert from 'node:assert/strict';
import { findKeywordLinePasswords, findNetrcPasswords, findPgpassLines, findPppSecrets } from './passFiles';
import { assertHidden, assertUntouched, fake } from './spanCases';
import type { RecallSpan } from './recallSpan';

const hides = (text: string, ...values: string[]): void => assertHidden(findPgpassLines, text, values);
const leaves = (text: string): void => assertUntouched(findPgpassLines, text);

describe('redact tier: PostgreSQL password files (passFiles.ts)', () => {
  it('hides the last field of each host:port:database:user:password line, escaped colons included', () => {
    hides('db.internal:5432:app:app_user:tidal-cove-77\n', 'tidal-cove-77');
    hides(
      '*:*:*:postgres:S3cr3t\\:pw\nlocalhost:5433:*:replicator:q8#(z!m%s@k2 \n',
      'S3cr3t\\:pw',
      'q8#(z!m%s@k2',
    );
    hides('10.0.0.5:*:reports:ro:a:b:c:d\n', 'a:b:c:d');
  });

  it('leaves MAC and IPv6 addresses, /etc/passwd, clock times and a `*` password', () => {
    leaves('00:1a:2b:3c:4d:5e\nfe80::1:2:3:4\nroot:x:0:0:root:/root:/bin/bash\n12:30:45:10:3000\n');
    leaves('db:5432:app:user:*\n');
    // Real files: /etc/shadow, gpg-agent's trustlist.
    leaves('root:*:20228:0:99999:7:::\nbin:*:20228:0:99999:7:::\n');
    leaves('DB:45:3D:1B:B0:1A:F3:23:10:6B:DE:D0:09:61:57:AA:F4:25:E0:5B  S\n');
  });

  it('takes nothing from a long line without colons or a line of 100,000 fields', () => {
    // Each line start costs at most its first 253 + 2 * 129 + 256 characters (hostile.unit.test.ts floods it too).
    for (const line of ['a'.repeat(200_000), `host:5432:${'x:'.repeat(100_000)}`]) {
      const out: RecallSpan[] = [];
      findPgpassLines(`${line}\n${line}\n`, out);
      assert.deepEqual(out, []);
    }
  });

  it('.netrc: the password token of a machine or default entry, on its line or the next, whatever marks it holds', () => {
    const hidesNetrc = (text: string, ...values: string[]): void =>
      assertHidden(findNetrcPasswords, text, values);
    hidesNetrc('machine api.internal login deploy password C7%:p0{6<E@{Zpr*\n', 'C7%:p0{6<E@{Zpr*');
    hidesNetrc(
      'machine git.internal\n  login ci\n  password tidal-cove-77\ndefault login anon password x9!k2#q\n',
      'tidal-cove-77',
      'x9!k2#q',
    );
    // Real files: an f-string that writes an entry, Vim's netrw docs.
    assertUntouched(
      findNetrcPasswords,
      "return f'machine {hostname}{path} login {self.username} password {self.password}'\n" +
        '\tmachine HOSTNAME login USERID password "PASSWORD"\n\tmachine {name} login {user-id} password "{password}"\n',
    );
    assertUntouched(
      findNetrcPasswords,
      'machine h login u password $NETRC_PASSWORD\nthe default password is admin\nmachine learning password managers\n' +
        '" for an ftp server use a default login and password to avoid a prompt\n',
    );
  });

  it("msmtp's password, nslcd's bindpw and fetchmail's password: a keyword and its value, no = or :", () => {
    const hidesLine = (text: string, ...values: string[]): void =>
      assertHidden(findKeywordLinePasswords, text, values);
    const [sym, phrase] = [
      `${fake(6)})${fake(3)};%^${fake(4)}`,
      `${fake(4)} ${fake(4)} ${fake(4)} ${fake(4)}`,
    ];
    const msmtprc = (value: string): string =>
      `defaults\nauth on\ntls on\n\naccount gmail\nhost smtp.gmail.com\nport 587\nfrom me@gmail.com\nuser me@gmail.com\npassword ${value}\n\naccount default : gmail\n`;
    hidesLine(msmtprc(sym), sym);
    hidesLine(msmtprc(phrase), phrase);
    hidesLine(msmtprc(`"${phrase}"`), phrase);
    hidesLine(
      `uri ldap://ldap.corp.local/\nbase dc=corp,dc=local\nbinddn cn=nslcd,dc=corp,dc=local\nbindpw ${phrase}\n`,
      phrase,
    );
    hidesLine(`binddn cn=x,dc=corp\nbindpw ${sym}\n`, sym);
    hidesLine(
      `poll imap.example.org protocol IMAP\n  user 'me' there with password '${phrase}' is 'me' here\n`,
      phrase,
    );
    hidesLine(
      `poll mail.example.org proto pop3 user bob password ${sym.replace(/;/g, '')}\n`,
      sym.replace(/;/g, ''),
    );
    const leavesLine = (text: string): void => assertUntouched(findKeywordLinePasswords, text);
    // passwordeval runs a command; placeholders and variables are no passwords.
    leavesLine('account work\nhost smtp.example.org\nuser me\npasswordeval "pass show mail/work"\n');
    leavesLine('account work\nhost smtp.example.org\nuser me\npassword <password>\n');
    leavesLine('binddn cn=nslcd,dc=corp\nbindpw $LDAP_BIND_PASSWORD\n');
    leavesLine('binddn cn=nslcd,dc=corp\nbindpw ********\n');
    // Prose and config of other kinds: no msmtp account, no directory named.
    leavesLine('password reset emails are sent by the worker\nhost names are checked first\n');
    leavesLine('The password always creates the same key.\npassword is hashed before it is stored.\n');
    leavesLine('bindpw is read from nslcd.conf when it starts\n');
    leavesLine('Log in as the user admin with password you were given.\n');
  });

  it("pppd's chap-secrets and pap-secrets: the third word of each entry under the file's header", () => {
    const [a, b] = [`${fake(8)}!${fake(4)}`, `${fake(6)} ${fake(6)}`];
    const file = `# Secrets for authentication using CHAP\n# client\tserver\tsecret\t\t\tIP addresses\nalice\t*\t${a}\t*\n\n# vpn\n"bob"  vpn-gw  "${b}"  10.0.0.2\n`;
    assertHidden(findPppSecrets, file, [a, b]);
    assertUntouched(findPppSecrets, `# client server secret IP addresses\nalice * * *\nbob * "" *\n`);
    assertUntouched(findPppSecrets, `alice\t*\t${a}\t*\n`); // no header: any three words
  });
});
