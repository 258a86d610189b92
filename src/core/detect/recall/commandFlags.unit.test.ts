import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomToken } from '../random';
import { findCommandFlags } from './commandFlags';
import { assertHidden, assertUntouched, fake, spansOf } from './spanCases';

/** A generated key whose shape never depends on the draw (it always mixes cases and digits). */
const key = (n = 24): string => `${randomToken(ALNUM, n - 4)}7q3Z`;
const uuid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');

const hides = (text: string, ...values: string[]): void => assertHidden(findCommandFlags, text, values);
const leaves = (text: string): void => assertUntouched(findCommandFlags, text);

describe('redact tier: credentials on command lines', () => {
  it('hides the password of mysql-family -p, sshpass and docker login', () => {
    hides("mysql -u root -p'my pa$$ 7' db", 'my pa$$ 7');
    hides('mysqldump -uroot -pS3cretVq db > x.sql', 'S3cretVq');
    hides("sshpass -p 'ssh pass 1' ssh host", 'ssh pass 1');
    hides('sshpass -pQw7Rt5Kx ssh host', 'Qw7Rt5Kx');
    // Hive's beeline takes its password after a spaced -p (hunt K), whatever its shape.
    hides('beeline -u jdbc:hive2://hs2.corp:10000/default -n etl -p amberwheel', 'amberwheel');
    hides('docker login -u me -p dockPw92x registry.example.org', 'dockPw92x');
    // The mysql family reads all that follows -p: a password may start with - or =.
    const pw = fake();
    hides(`mysql -u root '-p=${pw}' shop`, `=${pw}`);
    hides(`mysqldump -uroot -p-${pw} shop > x.sql`, `-${pw}`);
    hides(`sshpass -p-${pw} ssh host`, `-${pw}`);
  });

  it('hides the -p after a -u user, and PowerShell single-dash credential flags', () => {
    const pw = fake();
    hides(`cmd.exe /C PSEXEC \\\\10.0.0.1 -u Administrator -p ${pw} CMD /C ECHO`, pw);
    hides(`smbmap -H 10.0.0.2 -u admin -p ${pw}`, pw);
    hides(`Connect-VIServer -Server vc.lab.local -User admin@vsphere.local -Password ${pw}`, pw);
    hides(`New-Thing -ApiKey "${pw}" -Name x`, pw);
  });

  it('ends a flag value at the quote of the string the flag opened, and reads OpenSSL pass-phrase sources', () => {
    const pw = fake();
    const spans = (text: string): string[] =>
      spansOf(findCommandFlags, text).map((s) => text.slice(s.start, s.end));
    // Perl's and Python's argument lists: the closing quote and the comma after it are code.
    assert.deepEqual(spans(`  "-auth=anonymous:${pw}",`), [`anonymous:${pw}`]);
    // The password a variable (lynx's `-auth=ID:PASSWD` in Perl's File::Fetch): no literal to hide.
    leaves('            "-auth=anonymous:$FROM_EMAIL",');
    assert.deepEqual(spans(`  ['--password=${pw}', '-v']`), [pw]);
    // An escaped quote of the same kind is part of the value.
    assert.deepEqual(spans(`"--password=${pw}\\"x",`), [`${pw}\\"x`]);
    // `pass:` then the password, which alone is hidden; `pass:` alone is an empty one (a JSDoc's example).
    assert.deepEqual(spans(`openssl pkcs12 -export -password pass:${pw} -in a.pem`), [pw]);
    assert.deepEqual(spans(`openssl rsa -password "pass:${pw}" -in k.pem`), [pw]);
    leaves(' * set the pass like as "-password pass:" most needed when empty password');
    // `env:`, `file:`, `fd:`, `stdin`: where OpenSSL reads the password from, not a password.
    leaves('openssl pkcs12 -export -password env:P12_PASS -in a.pem');
    leaves('openssl pkcs12 -export -password file:/run/secrets/p12 -in a.pem');
    leaves('openssl pkcs12 -export -password stdin -in a.pem');
  });

  it('hides the key given to vault operator unseal', () => {
    const unseal = `${randomToken(ALNUM, 40)}+q7Z`;
    hides(`oc -n vault exec -ti vault-0 -- vault operator unseal ${unseal}`, unseal);
    hides(`vault operator unseal -address=https://vault:8200 '${unseal}'`, unseal);
    leaves('vault operator unseal -status');
    leaves('vault operator unseal $UNSEAL_KEY_1');
  });

  it("leaves a URL after a password flag: the command's target, the flag's value left out", () => {
    leaves('curl --tlspassword https://localhost');
    leaves('curl -u admin: https://localhost');
    leaves('wget --user=admin --password= https://localhost');
    // semgrep-rules' detected-ssh-password `ok` case: a format's slot, filled by code.
    leaves('cmdInput := fmt.Sprintf("sshpass -p %s", password)');
    const pw = key();
    hides(`curl --tlspassword ${pw} https://localhost`, pw);
  });

  it('hides the value of credential-named long flags, keeping the flag', () => {
    hides(
      'tool --password hunter-3q --token=tk-Rw8Zq3 --api-key "ak 12 7z"',
      'hunter-3q',
      'tk-Rw8Zq3',
      'ak 12 7z',
    );
    const redis = fake(8);
    hides(`redis-server --requirepass ${redis}`, redis);
    hides('app --client-secret=Vb7Nm3Qp --db-password "Lk 3 Jh"', 'Vb7Nm3Qp', 'Lk 3 Jh');
  });

  it('hides the password of curl -u in every form', () => {
    const pw = fake();
    for (const form of [
      `-u "user:${pw}"`,
      `-u ":${pw}"`,
      `--user bob:${pw}`,
      `--user=bob:${pw}`,
      `-ubob:${pw}`,
    ]) {
      hides(`curl ${form} https://example.org`, pw);
    }
  });

  it('hides the password of curl -u on a line continued from the command', () => {
    const pw = fake(16);
    hides(`curl -k -X POST https://cache.example.org/rest \\\n  -d 'world' \\\n  -u developer:${pw}`, pw);
    hides(`$ curl https://example.org/oauth2/token \\\r\n  --user app:${pw} --data grant_type=code`, pw);
    leaves(`curl https://example.org\n  -u developer:${pw}`);
    leaves(`ls -la \\\n  -u developer:${pw}`);
  });

  it('hides a key given as the curl user: with no password, as a UUID, or quoted apart from the password', () => {
    const k = key();
    hides(`curl -u "${k}:" https://localhost:9200`, k);
    hides(`curl -u ${k}: https://example.org`, k);
    const id = uuid();
    const pw = fake();
    hides(`curl -X POST --user "{${id}}":"${pw}" --header "Accept: application/json"`, id, pw);
    hides(`curl --user ${id}:${pw} https://example.org`, id, pw);
  });

  it('hides a short password that only starts with the bare word', () => {
    // Drawn at test time, so that no password sits in the file.
    const pass = `pass${randomToken(HEX, 2)}`;
    const pwd = `Pwd-${randomToken(HEX, 2)}x`;
    hides(`curl --user user:${pass} --digest`, pass);
    hides(`curl -u admin:${pwd} https://example.org`, pwd);
  });

  it('leaves flags without a literal, and other commands that use -p or -u', () => {
    for (const text of [
      'mysql -u root -p mydb',
      'mysql -u root -p',
      'docker run -p 8080:80 -u 1000:1000 img',
      'git push -u origin main',
      'ssh -p 2222 host',
      'curl -u "$USER:$PASS" https://example.org',
      'curl -u user: https://example.org',
      'curl -u deploy.bot@example.org: https://example.org',
      'curl -u "${username}":"${password}"',
      'curl -u ":" https://localhost:9200',
      'curl -sL --user "$1:$2" "$3"',
      'curl -sL --user "$1:$2" "$3" > "$4"',
      'curl --user ${f5user}:${f5pass} https://example.org',
      // The bare word for the value (gitleaks' false positive), as `username:password` is.
      'curl http://127.0.0.1:5000/file --user user:pass --digest',
      'curl -u admin:pwd https://example.org',
      'tool --password "$DB_PASSWORD" --token ${TOKEN}',
      'docker login --password-stdin < pw.txt',
      'psql --no-password -h db',
      'gpg --recv-keys 2B1A0FAF8FD2F7A3E66B0213C8D2D98A88D35925',
      'tool --token-file ~/.token',
      'redis-cli -h cache -u default -p 6379',
      'mysql -h db -u root -p mydb',
      'Connect-X -Password $pw',
      'Connect-X -Password (Read-Host -AsSecureString)',
      'New-Item -Path x -Token -Force',
      'ls -la -p dir',
      'mysql -u root -p -h db shop',
      'curl --user-agent=probe:1 https://example.org',
    ]) {
      leaves(text);
    }
  });
});
