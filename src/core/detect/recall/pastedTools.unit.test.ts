import { HEX, randomToken } from '../random';
import { assertHidden, assertUntouched, fake } from './spanCases';
import { findToolPasswords } from './toolPasswords';

const pw = (): string => `Sundew#${fake(7)}4`;

describe('redact tier: pasted sessions, device configs and tools\u2019 files (pastedTools.ts)', () => {
  it('hides the secret a command printed on the line after it', () => {
    for (const command of [
      '$ pass show work/gmail',
      '$ aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text',
      '$ gcloud secrets versions access latest --secret=db-pass',
      '$ az keyvault secret show --vault-name kv --name DbPassword --query value -o tsv',
      "$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d",
      '$ pulumi config get dbPassword',
      '$ age -d -i key.txt secret.age',
      '$ etcdctl get /app/secret\n/app/secret',
      '$ heroku config:get STRIPE_SECRET_KEY -a acme',
      '$ echo $DB_PASSWORD',
      '$ printenv API_TOKEN',
      '$ docker exec -it api cat /run/secrets/db_password',
      '$ jq -r \'.clients[] | select(.name=="billing") | .secret\' clients.json',
    ]) {
      const p = pw();
      assertHidden(findToolPasswords, `${command}\n${p}\n$ exit`, [p]);
    }
    const p = pw();
    assertHidden(findToolPasswords, `127.0.0.1:6379> CONFIG GET requirepass\n1) "requirepass"\n2) "${p}"`, [
      p,
    ]);
  });

  it('hides network devices\u2019 keys and secrets', () => {
    for (const line of [
      (p: string) => `crypto isakmp key ${p} address 203.0.113.5`,
      (p: string) => `tacacs server ISE\n address ipv4 10.0.0.7\n key ${p}`,
      (p: string) => `key chain ospf\n key 1\n  key-string ${p}`,
      (p: string) => `interface Gi0/1\n ip ospf authentication-key ${p}`,
      (p: string) => `router bgp 65001\n neighbor 192.0.2.1 password ${p}`,
      (p: string) => `wpa-psk ascii 0 ${p}`,
      (p: string) => `set security ike policy p1 pre-shared-key ascii-text "${p}"`,
      (p: string) => `set vpn ipsec site-to-site peer 203.0.113.9 authentication pre-shared-secret ${p}`,
      (p: string) => `set system root-authentication plain-text-password-value ${p}`,
      (p: string) => `/interface wireless security-profiles set default wpa2-pre-shared-key=${p}`,
      (p: string) =>
        `set deviceconfig system snmp-setting access-setting version v2c snmp-community-string ${p}`,
    ]) {
      const p = pw();
      assertHidden(findToolPasswords, line(p), [p]);
    }
  });

  it('hides database, directory and system tools\u2019 passwords, and mail and VoIP files\u2019', () => {
    for (const line of [
      (p: string) => `db2 connect to PRODDB user db2inst1 using ${p}`,
      (p: string) => `EXEC SQL CONNECT TO SAMPLE USER db2inst1 USING ${p} END-EXEC.`,
      (p: string) => `mkstore -wrl /u01/wallet -createCredential PROD app ${p}`,
      (p: string) => `isql -v SalesDW loader ${p}`,
      (p: string) => `vsql -h vt01 -U dbadmin -w ${p}`,
      (p: string) => `CONNECT app/${p}`,
      (p: string) => `ipmitool -I lanplus -H 10.0.0.50 -U ADMIN -P ${p} power status`,
      (p: string) => `schtasks /create /tn backup /tr c:\\bk.bat /sc daily /ru CORP\\svc /rp ${p}`,
      (p: string) => `dsadd user "cn=bob,ou=users,dc=corp" -pwd ${p}`,
      (p: string) => `addauth digest admin:${p}`,
      (p: string) => `(echo ${p}; echo ${p}) | smbpasswd -s -a bob`,
      (p: string) => `alice:{PLAIN}${p}::::::`,
      (p: string) => `register => acme123:${p}@sip.provider.example/6000`,
      (p: string) => `sip:6001:${p}@pbx.example.io`,
      (p: string) => `01 WS-DB-PASSWORD PIC X(16) VALUE '${p}'.`,
      (p: string) => `# /etc/postfix/sasl_passwd\n[mail.isp.example]:submission ops:${p}`,
      (p: string) =>
        `Set-ADAccountPassword -Identity bob -NewPassword (ConvertTo-SecureString -AsPlainText "${p}" -Force)`,
    ]) {
      const p = pw();
      assertHidden(findToolPasswords, line(p), [p]);
    }
  });

  it('hides a Hardhat network\u2019s account key', () => {
    const key = randomToken(HEX, 64);
    assertHidden(findToolPasswords, `sepolia: {\n  url: RPC,\n  accounts: ["0x${key}"],\n}`, [key]);
    assertHidden(findToolPasswords, `accounts: [process.env.PK ?? "${key}"]`, [key]);
    assertUntouched(findToolPasswords, 'accounts: [process.env.PRIVATE_KEY]');
  });

  it('hides cluster tokens, secret stores\u2019 replies and inputs, a first-start log\u2019s password and a one-line secret file in a diff', () => {
    const uuid = (): string =>
      `${randomToken(HEX, 8)}-${randomToken(HEX, 4)}-4${randomToken(HEX, 3)}-a${randomToken(HEX, 3)}-${randomToken(HEX, 12)}`;
    const [u, v, w] = [uuid(), uuid(), uuid()];
    assertHidden(
      findToolPasswords,
      `$ consul acl bootstrap\nAccessorID:       ${w}\nSecretID:         ${u}`,
      [u],
    );
    assertHidden(
      findToolPasswords,
      `$ nomad acl bootstrap\nAccessor ID  = ${w}\nSecret ID    = ${v}\nName = Bootstrap Token`,
      [v],
    );
    assertHidden(
      findToolPasswords,
      `acl {\n  enabled = true\n  tokens {\n    initial_management = "${u}"\n  }\n}`,
      [u],
    );
    for (const line of [
      (p: string) =>
        `{\n  "name": "projects/123/secrets/db-pass/versions/3",\n  "payload": {\n    "data": "${Buffer.from(p).toString('base64')}"\n  }\n}`,
      (p: string) =>
        `"resources": [{"type": "random_password", "instances": [{"attributes": {"result": "${p}", "length": 16}}]}]`,
      (p: string) =>
        `2024-03-04T10:12:33Z 6 [Note] [Server] A temporary password is generated for root@localhost: ${p}`,
      (p: string) =>
        `diff --git a/.secrets/db_password b/.secrets/db_password\n--- /dev/null\n+++ b/.secrets/db_password\n@@ -0,0 +1 @@\n+${p}`,
      (p: string) => `gcloud secrets versions add db-pass --data-file=- <<< "${p}"`,
      (p: string) => `vercel env add DB_PASSWORD production <<< ${p}`,
      (p: string) => `echo "${p}" | bin/elasticsearch-keystore add --stdin bootstrap.password`,
      (p: string) => `rclone obscure ${p}`,
      (p: string) => `aws configure set aws_secret_access_key ${p}`,
      (p: string) => `read -p "pw" PW <<< "${p}"`,
      (p: string) => `read -rs DB_PASSWORD <<< ${p}`,
      (p: string) => `$ heroku auth:token\n \u203a   Warning: token will expire 05/02/2025\n${p}\n`,
      (p: string) => `$ oc whoami -t\nsha256~${p}\n`,
      (p: string) => `$ aws ecr get-login-password --region eu-west-1\n${p}\n`,
      (p: string) => `$ gh auth token\n${p}\n`,
      (p: string) => `$ secret-tool lookup service smtp user bob\n${p}\n`,
      (p: string) => `$ consul kv get app/db/password\n${p}\n`,
      (p: string) => `PS C:\\> $env:OPENAI_API_KEY\n${p}\n`,
      (p: string) => `SERVER -> CLIENT: 334 UGFzc3dvcmQ6\nCLIENT -> SERVER: ${p}\nSERVER -> CLIENT: 235 OK`,
      (p: string) => `$ curl https://api.telegram.org/bot${p}/getUpdates`,
      (p: string) =>
        `(gdb) p *cfg\n$1 = {host = 0x5555555592a0 "db", password = 0x5555555592e0 "${p}", timeout = 30}`,
      (p: string) => `(lldb) frame variable\n(NSString *) apiKey = 0x0000600000c04000 @"${p}"`,
      (p: string) => `>>> settings.AWS_SECRET_ACCESS_KEY\n'${p}'\n>>> `,
      (p: string) => `(Pdb) p self.api_key\n'${p}'`,
      (p: string) =>
        `{\n  "Parameter": {\n    "Name": "/prod/api/key",\n    "Type": "SecureString",\n    "Value": "${p}"\n  }\n}`,
      (p: string) => `$ aws configure\nAWS Access Key ID [None]: AKIA\nAWS Secret Access Key [None]: ${p}\n`,
      (p: string) =>
        `$ bin/elasticsearch-reset-password -u elastic\nThis tool will reset the password.\nThe password will be printed.\nPlease confirm [y/N]y\n\n\nPassword for the [elastic] user successfully reset.\nNew value: ${p}`,
      (p: string) => `aws configure set profile.ci.aws_session_token "${p}"`,
      (p: string) =>
        `elasticsearch-reset-password -u elastic -i\nThis tool will reset the password.\nNew value: ${p}`,
    ]) {
      const p = pw();
      const text = line(p);
      const shown = text.includes(p) ? p : Buffer.from(p).toString('base64');
      assertHidden(findToolPasswords, text, [shown]);
    }
  });

  it("hides Redis passwords in MONITOR's lines, at redis-cli's prompt and in CONFIG SET", () => {
    const [p, user, phrase] = [pw(), fake(6), `${fake(5)} ${fake(5)} ${fake(5)}`];
    const at = `1700000000.123456 [0 10.0.0.5:51234]`;
    assertHidden(findToolPasswords, `${at} "AUTH" "${p}"\n${at} "GET" "session:abc"`, [p]);
    assertHidden(findToolPasswords, `${at} "auth" "${user}" "${p}"`, [p]);
    assertHidden(findToolPasswords, `${at} "HELLO" "3" "AUTH" "default" "${p}"`, [p]);
    assertHidden(findToolPasswords, `${at} "CONFIG" "SET" "requirepass" "${phrase}"`, [phrase]);
    assertHidden(findToolPasswords, `127.0.0.1:6379> AUTH ${p}\nOK`, [p]);
    assertHidden(findToolPasswords, `[::1]:6380[2]> auth ${user} -${p}\nOK`, [`-${p}`]);
    assertHidden(findToolPasswords, `redis> AUTH "${user}" "${phrase}"`, [phrase]);
    assertHidden(findToolPasswords, `127.0.0.1:6379> CONFIG SET requirepass "${phrase}"\nOK`, [phrase]);
    assertHidden(findToolPasswords, `$ redis-cli config set masterauth '${phrase}'`, [phrase]);
  });

  it('hides a password fed to sudo -S by a here-string or a here-document', () => {
    const p = pw();
    assertHidden(findToolPasswords, `sudo -S apt-get update <<< '${p}'`, [p]);
    assertHidden(findToolPasswords, `sudo -u deploy -kS systemctl restart app <<< ${p}`, [p]);
    assertHidden(findToolPasswords, `sudo --stdin -v <<EOF\n${p}\nEOF`, [p]);
    assertHidden(findToolPasswords, `echo '-${p}' | sudo -S systemctl restart nginx`, [`-${p}`]);
  });

  it('leaves Redis and sudo lines with no password in them', () => {
    for (const text of [
      '1700000000.123456 [0 10.0.0.5:51234] "AUTH" "${REDIS_PASSWORD}"',
      '127.0.0.1:6379> AUTH <password>\n127.0.0.1:6379> AUTH $REDIS_PASSWORD',
      '127.0.0.1:6379> CONFIG SET requirepass ""\n127.0.0.1:6379> CONFIG GET maxmemory',
      'redis> AUTH ********',
      'Use CONFIG SET requirepass to change it, then AUTH with the new password.',
      'sudo -S apt-get update <<< "$SUDO_PASSWORD"',
      'sudo apt-get install -y redis <<< yes',
      'cat <<EOF | sudo tee /etc/app.conf\nlisten 80\nEOF',
      'read -r name <<< "$line"',
      'read -rs DB_PASSWORD <<< "$(vault kv get -field=pw secret/db)"',
    ]) {
      assertUntouched(findToolPasswords, text);
    }
  });

  it('leaves what a command prints for a variable that names no credential', () => {
    assertUntouched(findToolPasswords, '$ echo $HOME\n/home/dev\n$ printenv PATH\n/usr/local/bin:/usr/bin\n');
    assertUntouched(findToolPasswords, "$ jq -r '.name' package.json\nsecure-gpt\n");
  });

  it('leaves the same words in prose and code', () => {
    for (const text of [
      'Failing to connect to/from the server, retry',
      'const conn = await connect(url);',
      '$ pass show work/gmail\n',
      'echo "$TOKEN" | base64 -d > token.bin',
      'register => ${SIP_USER}:${SIP_PASSWORD}@sip.provider.example',
      'the neighbor list is empty',
      'db2 connect to PRODDB user db2inst1 using $DB2_PASSWORD',
    ]) {
      assertUntouched(findToolPasswords, text);
    }
  });
});
