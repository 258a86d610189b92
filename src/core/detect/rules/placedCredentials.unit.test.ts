import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, BASE64URL, HEX, LOWER_ALNUM, randomToken } from '../random';
import { scan } from '../scanner';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const values = (text: string): string[] => scan(text).map((f) => text.slice(f.start, f.end));

describe('credentials named by where they sit (report tier)', () => {
  it('Blynk: the token parameter of a Blynk Cloud API URL, not another parameter or host', () => {
    const token = randomToken(BASE64URL, 32);
    const url = `curl "https://lon1.blynk.cloud/external/api/get?pin=V1&token=${token}"`;
    assert.deepEqual(values(url), [token]);
    assert.ok(!ids(`https://blynk.cloud/external/api/get?devtoken=${token}`).includes('blynk-auth-token'));
    assert.ok(!ids(`https://example.org/external/api/get?token=${token}`).includes('blynk-auth-token'));
  });

  it('ThingsBoard: the path segment before /telemetry, not a variable or a word', () => {
    const token = randomToken(LOWER_ALNUM, 20);
    assert.deepEqual(values(`https://thingsboard.cloud/api/v1/${token}/telemetry`), [token]);
    assert.deepEqual(ids('https://thingsboard.cloud/api/v1/$ACCESS_TOKEN/telemetry'), []);
    assert.deepEqual(ids(`https://thingsboard.cloud/api/v1/${token}/devices`), []);
  });

  it('Particle and NASA: the key parameter of their API URLs, not a demo key', () => {
    const particle = randomToken(HEX, 40);
    assert.deepEqual(values(`GET https://api.particle.io/v1/devices?access_token=${particle}`), [particle]);
    const nasa = randomToken(ALNUM, 40);
    assert.deepEqual(ids(`get('https://api.nasa.gov/planetary/earth/imagery?lon=1&api_key=${nasa}')`), [
      'nasa-api-key',
    ]);
    assert.deepEqual(ids("get('https://api.nasa.gov/planetary/apod?api_key=DEMO_KEY')"), []);
  });

  it('TrueNAS: the key given to auth.login_with_api_key, not another method or a short value', () => {
    const key = `7-${randomToken(ALNUM, 64)}`;
    assert.deepEqual(values(`{"method":"auth.login_with_api_key", "params" : [ "${key}" ]}`), [key]);
    assert.ok(!ids(`{"method":"auth.me", "params":["${key}"]}`).includes('truenas-api-key'));
    assert.deepEqual(
      ids(`{"method":"auth.login_with_api_key", "params":["7-${randomToken(ALNUM, 40)}"]}`),
      [],
    );
  });

  it('Vault unseal keys and WireGuard preshared keys: the labelled base64 value', () => {
    const share = randomToken(BASE64, 44);
    assert.deepEqual(values(`Unseal Key 3: ${share}`), [share]);
    assert.deepEqual(values(`vault operator unseal ${share}`), [share]);
    assert.deepEqual(ids('vault operator unseal $KEY'), []);
    const psk = `${randomToken(BASE64, 43)}=`;
    assert.deepEqual(values(`[Peer]\nPresharedKey = ${psk}\n`), [psk]);
    assert.deepEqual(ids(`PublicKey = ${psk}`), []);
  });

  it('PsExec and PowerCLI: the password flag of the command, not a variable or another command', () => {
    const pass = randomToken(ALNUM, 10);
    assert.deepEqual(values(`psexec \\\\10.0.0.5 -u Administrator -p ${pass} cmd /c ver`), [pass]);
    assert.deepEqual(ids('psexec \\\\10.0.0.5 -u Administrator -p %PASS% cmd'), []);
    assert.ok(!ids(`scp -P 2222 -p ${pass} host:file .`).includes('psexec-password'));
    // A usage line in a doc comment: a one-letter stand-in, and the backquote and comma closing it.
    assert.deepEqual(ids(' * (`sshpass -p X`, `psexec -u U -p X`), and'), []);
    assert.deepEqual(ids('psexec \\\\host -u admin -p `cat pw.txt` cmd'), []);
    // A word and drawn letters joined by `_` or `-` reads as a code name, but a shell passes it as written.
    const joined = `dev_${randomToken(LOWER, 6)}`;
    assert.deepEqual(values(`cmd.exe /C PSEXEC \\\\10.0.94.120 -u Administrator -p ${joined} CMD /C ECHO`), [
      joined,
    ]);
    const dashed = `ops-${randomToken(LOWER, 5)}.${randomToken(LOWER, 3)}`;
    assert.deepEqual(values(`Connect-VIServer -Server vc -User admin -Password ${dashed}`), [dashed]);
    const vc = `${randomToken(ALNUM, 8)}!`;
    assert.deepEqual(
      values(`Connect-VIServer -Server vc.lab.local -User admin@vsphere.local -Password ${vc}`),
      [vc],
    );
    assert.deepEqual(ids('Connect-VIServer -Server vc -User admin -Password $cred'), []);
  });

  it('Jenkins: the password the setup banner prints, not another hex line', () => {
    const pass = randomToken(HEX, 32);
    const banner = `Please use the following password to proceed to installation:\n\n${pass}\n\nThis may also be found at: /var/jenkins_home/secrets/initialAdminPassword`;
    assert.deepEqual(values(banner), [pass]);
    assert.ok(!ids(`Build finished:\n\n${pass}\n`).includes('jenkins-initial-admin-password'));
  });

  it('New Relic: the license key under the stock newrelic.yml comment, not another 40-hex value', () => {
    const key = randomToken(HEX, 40);
    const yml = `# Required license key associated with your New Relic account.\nlicense_key: ${key}\n`;
    assert.deepEqual(values(yml), [key]);
    assert.ok(
      !ids(`# The commit this build is from.\ncommit: ${key}\n`).includes('newrelic-yml-license-key'),
    );
  });
});
