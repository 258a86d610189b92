import { findKeylessFiles } from './keylessFiles';
import { findPppSecrets } from './passFiles';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findKeylessFiles, text, values);
const leaves = (text: string): void => assertUntouched(findKeylessFiles, text);
/** A password as people type them: marks, a quote, a word and a year. */
const password = (): string => `${fake(4)}"*${fake(3)}?.${fake(2)}`;

describe('redact tier: credential files without key names (keylessFiles.ts)', () => {
  it("OpenVPN's auth-user-pass file: the second line, where the paste names the file", () => {
    const pw = password();
    hides(
      `$ cat /etc/openvpn/auth.txt\nbob\n${pw}\n\n$ grep auth-user-pass client.ovpn\nauth-user-pass /etc/openvpn/auth.txt\n`,
      pw,
    );
    const phrase = `Spring2020*${fake(3)}`;
    hides(`cat ~/vpn/office.auth\nalice@example.org\n${phrase}\n`, phrase);
    hides(
      `client.ovpn has auth-user-pass creds.cfg and\n\ncreds.cfg:\n\`\`\`\nalice\n${phrase}\n\`\`\`\n`,
      phrase,
    );
  });

  it("rsync's secrets file: each user:password line after the file's name", () => {
    const [a, b] = [password(), `${fake(6)}&B=at=${fake(3)}`];
    hides(`# /etc/rsyncd.secrets\nbackup:${a}\nrraj:${b}\n`, a, b);
    hides(`[backup]\n  secrets file = /etc/rsync.pw\n\n$ sudo cat /etc/rsync.pw\nbackup:${a}\n`, a);
  });

  it("Subversion's svn.simple file: the value under the password key, for its stated length", () => {
    const pw = `${fake(5)};t#g#${fake(4)}`;
    const file = `K 8\npasstype\nV 6\nsimple\nK 8\npassword\nV ${pw.length}\n${pw}\nK 15\nsvn:realmstring\nV 9\n<https:x>\nK 8\nusername\nV 5\nalice\nEND\n`;
    hides(`$ cat ~/.subversion/auth/svn.simple/${fake(32)}\n${file}`, pw);
  });

  it("Maven's master password: in its encrypted form, or anywhere in settings-security.xml", () => {
    const encrypted = `{${fake(40)}=}`;
    hides(`<master>${encrypted}</master>`, encrypted);
    // ripsecrets' case escapes the closing brace.
    const escaped = `{${fake(64)}\\}`;
    hides(`<settingsSecurity>\n  <master>${escaped}</master>\n</settingsSecurity>\n`, escaped);
    const plain = `plain${fake(6)}`;
    hides(`<settingsSecurity>\n<master>  ${plain}  </master>\n</settingsSecurity>`, plain);
    // Any other master: a flag, a node's name; and references.
    leaves('<replication>\n  <master>true</master>\n  <master>db-node-1</master>\n</replication>');
    leaves('<settingsSecurity>\n  <master>${env.MAVEN_MASTER}</master>\n</settingsSecurity>');
  });

  it('leaves files that are not named so, placeholders, prose and longer files', () => {
    leaves(`$ cat notes.txt\nbob\n${password()}\n`);
    leaves('$ cat /etc/openvpn/auth.txt\n<username>\n<password>\n');
    leaves('$ cat /etc/openvpn/auth.txt\nalice\n********\n');
    leaves('$ cat /etc/openvpn/auth.txt\nalice\n$VPN_PASSWORD\n');
    // A longer file under that name is some other file: its third line is not the end.
    leaves('$ cat /etc/openvpn/server.conf\nport 1194\nproto udp\ndev tun\n');
    leaves('Put your user on the first line of auth.txt and your password on the second.\nThat is all.\n');
    leaves('# rsyncd.secrets holds user:password lines\nSee the manual: rsyncd.conf(5)\n');
    leaves('K 8\nusername\nV 5\nalice\nEND\n');
    leaves('K 8\npassword\nV 0\n\nEND\n');
  });
});

describe("redact tier: pppd's secrets without their header (passFiles.ts)", () => {
  it('hides entries under the file named on its own line, and a quoted entry with a `*` by itself', () => {
    const [a, b] = [`${fake(8)}!${fake(4)}`, `${fake(6)} ${fake(6)}`];
    assertHidden(findPppSecrets, `$ cat /etc/ppp/chap-secrets\nalice\t*\t${a}\t*\nbob pptpd ${a}x *\n`, [
      a,
      `${a}x`,
    ]);
    assertHidden(findPppSecrets, `"alice"\t*\t"${b}"\t*\n`, [b]);
  });

  it('leaves prose that names the file, unquoted lines and placeholders', () => {
    assertUntouched(
      findPppSecrets,
      'Edit /etc/ppp/chap-secrets to add users.\nThen restart the pppd daemon now.\n',
    );
    assertUntouched(findPppSecrets, 'alice * secret *\n"alice" * "<password>" *\n"a" "b" "c"\n');
  });
});
