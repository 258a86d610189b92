import { findToolPasswords } from './toolPasswords';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findToolPasswords, text, values);
const leaves = (text: string): void => assertUntouched(findToolPasswords, text);
/** A password drawn fresh, with a mark and a digit. */
const password = (): string => `${fake(8)}!${fake(3)}7`;

describe("redact tier: servers', clouds' and system tools' own password places (toolPatterns.ts)", () => {
  it("hides Oracle's user/password, a Go DSN and the user:password or user,password of etcdctl, lftp, bundler", () => {
    const p = password();
    const q = `${fake(9)}4${fake(3)}`; // Oracle's password: no mark that would end the bare run
    hides(`sqlplus scott/${q}@orcl`, q);
    hides(`expdp system/${q} directory=DATA_PUMP_DIR dumpfile=full.dmp`, q);
    hides(`CONNECT scott/${q}@orcl`, q);
    // A pasted password holding `@`, `#`, `&` or `=`, then an EZConnect string: up to the token's last `@`.
    const marked = `${fake(5)}#${fake(3)}@${fake(2)}&${fake(3)}=${fake(2)}`;
    hides(`$ sqlplus system/${marked}@//db.example.org:1521/ORCLPDB1\nSQL*Plus: Release 19.0.0.0.0`, marked);
    hides(`sqlplus -s scott/${marked}@db.example.org:1521/ORCL`, marked);
    hides(`db, err := sql.Open("mysql", "app:${p}@tcp(db:3306)/app")`, p);
    hides(`etcdctl --user root:${p} get /config`, p);
    hides(`lftp -u deploy,${p} sftp://files.example.com`, p);
    hides(`bundle config https://gems.example.com bot:${p}`, p);
    hides(`poetry config http-basic.corp deploy ${p}`, p);
  });

  it('hides the password flags of mosquitto, conan, wmic, winrs, cmdkey, signtool, security and snmp tools', () => {
    const p = password();
    hides(`mosquitto_pub -h broker -u iot -P ${p} -t t -m hi`, p);
    hides(`conan remote login corp bot -p ${p}`, p);
    hides(`wmic /node:10.0.0.5 /user:admin /password:${p} process list`, p);
    hides(`winrs -r:10.0.0.5 -u:admin -p:${p} ipconfig`, p);
    hides(`cmdkey /generic:TERMSRV/10.0.0.5 /user:admin /pass:${p}`, p);
    hides(`signtool sign /f cert.pfx /p ${p} app.exe`, p);
    hides(`security unlock-keychain -p ${p} build.keychain`, p);
    hides(`security add-generic-password -a deploy -s acme-api -w '${p}' -U`, p);
    hides(`security add-internet-password -a me -s host.example.com -w ${p}`, p);
    leaves('security add-generic-password -a deploy -s acme-api -w -U');
    leaves('security find-generic-password -a deploy -s acme-api -w');
    leaves('security add-generic-password -a deploy -s api -w "$API_PASSWORD"');
    hides(`snmpwalk -v2c -c ${p} 10.0.0.1`, p);
    // Mosquitto's `-p` is the port; Net-SNMP v3's `-A` and `-X` are the passphrases (`-a`, `-x` the algorithms).
    const [q, r] = [password(), password()];
    hides(`mosquitto_pub -h mqtt.acme.io -p 8883 -u sensor01 -P ${q} -t t`, q);
    hides(`snmpwalk -v3 -l authPriv -u mon -a SHA -A ${q} -x AES -X ${r} 10.0.0.1`, q, r);
    hides(`mvn sonar:sonar -Dsonar.projectKey=app -Dsonar.login=${q}`, q);
    hides(`sonar.token=${r}\n`, r);
    leaves('sonar.login=${SONAR_TOKEN}');
    hides(`AuthInfo:smtp.gmail.com "U:me" "P:${q}" "M:PLAIN"`, q);
    hides(`composer config --global --auth github-oauth.github.com ${q}`, q);
    hides(`composer config http-basic.repo.example.org deploy ${r}`, r);
    hides(`EXEC sp_addlinkedsrvlogin 'REMOTE', 'false', NULL, 'sa', '${q}';`, q);
    hides(`"Args": [\n    "--requirepass",\n    "${r}",\n    "--appendonly"\n]`, r);
  });

  it("hides a secret given to a cloud's or a secret store's CLI, or piped into sudo -S, passwd or kinit", () => {
    const p = password();
    hides(`az keyvault secret set --vault-name kv --name db-password --value ${p}`, p);
    hides(`gh secret set DB_PASSWORD --body "${p}"`, p);
    hides(`dotnet user-secrets set "Stripe:SecretKey" "${p}"`, p);
    hides(`dotnet user-secrets set Movies:ServiceApiKey ${p} --project src/Api`, p);
    hides(`pulumi config set --secret dbPassword ${p}`, p);
    hides(`mc alias set minio http://minio:9000 minioadmin ${p}`, p);
    hides(`doctl auth init -t ${p}`, p);
    hides(`composer config --global github-oauth.github.com ${p}`, p);
    hides(`rabbitmqctl add_user app ${p}`, p);
    hides(`nmcli dev wifi connect CorpWiFi password ${p}`, p);
    hides(`echo '${p}' | sudo -S apt-get update`, p);
    hides(`echo "${p}" | passwd --stdin deploy`, p);
  });

  it("hides debconf's, Cisco's, HAProxy's and Redis's passwords", () => {
    const p = password();
    hides(`echo "mysql-server mysql-server/root_password password ${p}" | debconf-set-selections`, p);
    hides(`d-i passwd/root-password password ${p}`, p);
    hides(`enable secret 0 ${p}`, p);
    hides(`username admin privilege 15 password 0 ${p}`, p);
    hides(`snmp-server community ${p} RO`, p);
    hides(`    user admin insecure-password ${p}`, p);
    hides(`    stats auth admin:${p}`, p);
    hides(`AUTH default ${p}`, p);
    hides(`ACL SETUSER app on >${p} ~cache:* +get`, p);
    hides(`user app on >${p} ~* +@all`, p);
  });

  it('hides exec-form list items, a Wi-Fi QR code, consul, PowerShell, kickstart, .pgpass and expect answers', () => {
    const p = password();
    hides(`command: ["redis-server", "--requirepass", "${p}"]`, p);
    hides(`test: ["CMD", "redis-cli", "-a", "${p}", "ping"]`, p);
    hides(`args: ["--db-password", "${p}"]`, p);
    hides(`args: ['login', '-u', 'bot', '-p', '${p}', 'registry.example.com']`, p);
    hides(`WIFI:T:WPA;S:CorpWiFi;P:${p};;`, p);
    hides(`consul kv put app/config/db_password ${p}`, p);
    hides(`-Password (ConvertTo-SecureString -String "${p}" -Force -AsPlainText)`, p);
    hides(`rootpw --plaintext ${p}`, p);
    hides(`echo "db:5432:app:app:${p}" >> ~/.pgpass`, p);
    hides(`spawn ssh root@10.0.0.5\nexpect "*assword*"\nsend "${p}\\r"\n`, p);
    hides(`child.expect('Password:')\nchild.sendline('${p}')\n`, p);
    // SteamCMD's login in a Steamworks build script; an anonymous login has no password.
    hides(`steamcmd.exe +login studio_builder ${p} +run_app_build C:\\sdk\\app_build_1234560.vdf +quit`, p);
    hides(`./steamcmd.sh +login builder ${p}`, p);
    leaves('steamcmd +login anonymous +app_update 740 validate +quit');
  });

  it("hides netsh's Wi-Fi key and a Java session id in a URL", () => {
    const p = password();
    hides(`    Key Content            : ${p}`, p);
    const sid = `${fake(24)}7`;
    hides(`https://corp.example.com/app;jsessionid=${sid}?x=1`, sid);
  });

  it('leaves a list item that is a variable or a phrase, and a flag with a short value', () => {
    leaves('extra_args += ["--password", password]');
    leaves("cmd.extend(['--batch', '--passphrase-fd', '0'])");
    leaves(".option('--allow-package-all-secrets', 'Allow to package all kinds of secrets')");
    leaves('rootpw --iscrypted $6$abc$def');
  });

  it('leaves prose and code that share those words', () => {
    leaves('Server Name Indication (RFC 4366), failing to connect SSL/TLS');
    leaves(' *   when trying to understand how to connect to/from signals and terminals on');
    leaves('VFIO_PCI_NUM_REGIONS = 9 /* Fixed user ABI, region indexes >=9 use */');
    leaves(' * User Tags have values\t\t>2^16');
    leaves('echo $PASSWORD | sudo -S apt-get update');
    leaves('enable secret 5 $1$mERr$hx5rVt7rPNoS4wqbXKX7m0');
    leaves('gh secret set DB_PASSWORD --body "$DB_PASSWORD"');
    leaves('dotnet user-secrets set "Stripe:SecretKey" "<your-secret-key>"');
    leaves('dotnet user-secrets set "Stripe:SecretKey" "$STRIPE_KEY"');
    leaves('dotnet user-secrets list --project src/Api');
  });

  it("hides daemons' own places: Sentinel, snmpd, ipsec.secrets, OpenVPN, squid, rclone, Bundler, args lists, JAAS", () => {
    const pw = `Gannet#${fake(8)}`;
    for (const text of [
      `sentinel auth-pass mymaster ${pw}`,
      `rocommunity ${pw} 10.0.0.0/8`,
      `10.0.0.1 203.0.113.5 : PSK "${pw}"`,
      `<auth-user-pass>\nvpnuser\n${pw}\n</auth-user-pass>`,
      `cache_peer parent.example.io parent 3128 0 login=proxyuser:${pw}`,
      `rclone config create remote sftp host files.example.io user backup pass ${pw}`,
      `BUNDLE_GEMS__EXAMPLE__IO: "deploy:${pw}"`,
      `    args:\n      - --db-user\n      - app\n      - --db-password\n      - ${pw}`,
      `KafkaServer {\n  org.apache.kafka.common.security.plain.PlainLoginModule required\n  user_orders="${pw}";\n};`,
      `pulumi config set --plaintext dbPassword ${pw}`,
    ]) {
      assertHidden(findToolPasswords, text, [pw]);
    }
    for (const text of [
      'sentinel auth-pass mymaster $SENTINEL_PASS',
      'rocommunity public 10.0.0.0/8',
      `    args:\n      - --db-user\n      - app\n`,
      'user_id = 42',
    ]) {
      assertUntouched(findToolPasswords, text);
    }
  });

  it('hides Nagios macros, Postfix sasl_passwd, secrets files a comment names, and a note\u2019s user / password', () => {
    const pw = `Linnet!${fake(8)}7`;
    for (const text of [
      `# /usr/local/nagios/etc/resource.cfg\n$USER1$=/usr/local/nagios/libexec\n$USER3$=${pw}`,
      `[smtp.office365.com]:587 relay@example.io:${pw}`,
      `: PSK "${pw}"`,
      `# /etc/rsyncd.secrets\nbackup:${pw}`,
      `# /etc/davfs2/secrets\nhttps://cloud.example.io/remote.php/dav/files/alice alice ${pw}`,
      `write_enable=YES\n# ftp user: uploader / ${pw}`,
      `password_file /etc/mosquitto/passwd\n# initial user: sensor / ${pw}`,
    ]) {
      assertHidden(findToolPasswords, text, [pw]);
    }
    for (const text of [
      '$USER1$=/usr/local/nagios/libexec',
      '$USER2$=$USER1$',
      'backup:x:34:34:backup:/var/backups:/usr/sbin/nologin',
      '# user: alice / group: staff',
      'user: alice / bob',
      '[mail.example.io]:25 relay@example.io:$SMTP_PASSWORD',
    ]) {
      assertUntouched(findToolPasswords, text);
    }
  });

  it('hides passwords in pasted commands, logs and debugger output', () => {
    const pw = `Gorse!${fake(8)}4`;
    for (const text of [
      `$ net use Z: \\\\fs01\\share /user:EXAMPLE\\jdoe ${pw}`,
      `$ htpasswd -nb admin ${pw}`,
      `$ codecov -t ${pw}`,
      `echo -n '${pw}' | kubectl create secret generic db --from-file=password=/dev/stdin`,
      `mysql -u root -p <<EOF\n${pw}\nEOF`,
      `DSN: app:${pw}@tcp(db:3306)/app?parseTime=true`,
      `array(3) {\n  ["user"]=>\n  string(3) "app"\n  ["password"]=>\n  string(15) "${pw}"\n}`,
      `(gdb) p conn->password\n$1 = 0x5555 "${pw}"`,
      `erl -name node1@10.0.0.5 -setcookie ${pw}`,
      `iex --name app@127.0.0.1 --cookie ${pw} -S mix`,
      `# ~/.erlang.cookie\n${pw}`,
    ]) {
      assertHidden(findToolPasswords, text, [pw]);
    }
    const token = fake(180);
    assertHidden(findToolPasswords, `$ cloudflared service install ${token}`, [token]);
    for (const text of [
      '$ net use Z: \\\\fs01\\share /user:EXAMPLE\\jdoe *',
      'mysql -u root -p <<EOF\nSELECT 1;\nEOF',
    ]) {
      assertUntouched(findToolPasswords, text);
    }
  });
});
