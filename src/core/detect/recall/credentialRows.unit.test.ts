import { assertLinear } from '../../../../test/support/cpuTime';
import { findCredentialRows } from './credentialRows';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findCredentialRows, text, values);
const leaves = (text: string): void => assertUntouched(findCredentialRows, text);
const pw = (): string => `${fake(7)}!${fake(3)}4`;

describe('redact tier: rows of accounts with no header (credentialRows.ts)', () => {
  it("hides the password column of a sheet's rows, a user's cell naming it", () => {
    const [a, b, c] = [pw(), pw(), pw()];
    hides(`jira,svc_jira,${a}\nconfluence,svc_conf,${b}\nbitbucket,svc_bb,${c}`, a, b, c);
    // `stats` is no known account; the column its neighbour's row names is the passwords'.
    hides(`https://admin.example.com,admin,${a}\nhttps://stats.example.com,stats,${b}`, a, b);
    hides(`sw-access-01;10.1.1.11;admin;${a}\nsw-access-02;10.1.1.12;admin;${b}`, a, b);
    hides(`alice\talice@example.com\t${a}\nbob\tbob@example.com\t${b}`, a, b);
    hides(`here are the accounts from the sheet:\n\nqa1@example.test, ${a}\nqa2@example.test, ${b}\n`, a, b);
  });

  it("hides a device list's rows parted by blanks, and a password manager's row", () => {
    const [a, b] = [pw(), pw()];
    hides(`router 192.168.0.1 admin ${a}\nnas 192.168.0.10 admin ${b}\nprinter 192.168.0.30 no pw`, a, b);
    hides(`VM credentials (lab)\nwin2019-lab: Administrator ${a}\nubuntu-lab: vagrant vagrant`, a);
    hides(`"Mail","j.doe@example.com","${a}","https://mail.example.com"`, a);
    // One row of a table (an HTML `<tr>` reads so through tableViews.ts) with the device's address.
    const chosen = `Tulip${Math.floor(Math.random() * 10)}orbit`;
    hides(`| Camera NVR | 10.0.40.5 | admin | ${chosen} |`, chosen);
  });

  it('leaves prose, code, copyright lines, services, links and one row with no address', () => {
    leaves('Maintainer: System Administrator <root@localhost.localdomain>');
    leaves(
      '           2009 Alan Jenkins <alan-jenkins@example.co.uk>\n           2010 ProFUSION embedded systems',
    );
    leaves('mysql\t\t3306/tcp\nms-wbt-server\t3389/tcp');
    leaves('env = resolveSchema.call(this, root, $ref)');
    leaves(
      'Redis | [@keyv/redis](https://github.com/jaredwray/keyv) | Yes\nMySQL | [@keyv/mysql](https://x.test) | No',
    );
    leaves('- buffer-crc32@1.0.0 (https://github.com/brianloveswords/buffer-crc32)');
    leaves(`contact: alice@example.com, ${pw()}`);
    leaves('the root user owns it\nthe admin group reads it');
  });

  it('reads a flood of rows in linear time', () => {
    assertLinear((n) => findCredentialRows('admin,admin,x1!\n'.repeat(n), []), 2000);
    assertLinear((n) => findCredentialRows(`${'admin '.repeat(80)}\n`.repeat(n), []), 200);
  });
});
