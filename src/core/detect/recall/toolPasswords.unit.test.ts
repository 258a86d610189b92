import { findNamedLiterals } from './namedLiterals';
import { findToolPasswords } from './toolPasswords';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findToolPasswords, text, values);
const leaves = (text: string): void => assertUntouched(findToolPasswords, text);

/** A password drawn fresh, with a mark and digits. */
const password = (): string => `${fake(10)}!${fake(2)}7`;

describe('redact tier: passwords in a tool’s own place (toolPasswords.ts)', () => {
  it('hides an LDAP bind password, an RDP /p:, a net use password and htpasswd -b’s last word', () => {
    const p = password();
    hides(`ldapsearch -x -D "cn=admin,dc=example,dc=com" -w '${p}' -b dc=example,dc=com`, p);
    hides(`ldapmodify -H ldap://dir -D cn=admin -w ${p} -f change.ldif`, p);
    hides(`xfreerdp /v:10.0.0.5 /u:Administrator /p:${p} /cert:ignore`, p);
    hides(`net use Z: \\\\nas\\share ${p} /user:backup`, p);
    hides(`htpasswd -b -c .htpasswd admin '${p}'`, p);
    hides(`htpasswd -cb /etc/nginx/.htpasswd admin ${p}`, p);
  });

  it('leaves prompts, variables and the commands without a password', () => {
    leaves('ldapsearch -x -D cn=admin -W -b dc=example,dc=com');
    leaves('ldapsearch -x -D cn=admin -w "$LDAP_PASSWORD" -b dc=example,dc=com');
    leaves('net use Z: \\\\nas\\share * /user:backup');
    leaves('xfreerdp /v:host /u:admin /p:%RDP_PASSWORD%');
    leaves('htpasswd -c .htpasswd admin');
  });

  it("hides OpenSSL's, zip's, 7-Zip's, redis-cli's, the MongoDB shells' and Samba's own password places", () => {
    const p = password();
    hides(`openssl enc -aes-256-cbc -k ${p} -in notes.txt -out notes.enc`, p);
    hides(`openssl rsa -in key.pem -passin pass:${p} -out plain.pem`, p);
    hides(`openssl pkcs12 -export -passout "pass:${p}" -out bundle.p12`, p);
    hides(`zip -r -P ${p} backup.zip data/`, p);
    hides(`unzip -P '${p}' backup.zip`, p);
    hides(`7z a -p${p} -mhe=on backup.7z data/`, p);
    hides(`redis-cli -h cache -a ${p} ping`, p);
    hides(`mongosh --host db -u admin -p ${p} --authenticationDatabase admin`, p);
    hides(`smbclient //files/share -U backup%${p}`, p);
  });

  it("hides SQL Server's -P, ssh-keygen's passphrases, the Java tools' store passwords, net user and chpasswd", () => {
    const p = password();
    hides(`sqlcmd -S db -U sa -P ${p} -Q "SELECT 1"`, p);
    hides(`bcp dbo.orders out orders.dat -S db -U etl -P '${p}' -c`, p);
    hides(`ssh-keygen -t ed25519 -N '${p}' -f deploy_key`, p);
    const [store, key] = [password(), password()];
    hides(`keytool -genkeypair -keystore app.jks -storepass ${store} -keypass ${key} -alias app`, store, key);
    hides(`jarsigner -storepass "${store}" app.jar release`, store);
    hides(`net user backup ${p} /add`, p);
    hides(`useradd -m -p $(openssl passwd -6 ${p}) deploy`, p);
    hides(`echo "deploy:${p}" | sudo chpasswd`, p);
  });

  it('leaves their prompts, empty passphrases, variables and options', () => {
    leaves('ssh-keygen -t ed25519 -N "" -f deploy_key');
    leaves('keytool -list -keystore app.jks -storepass:env STORE_PASS');
    leaves('net user backup * /add');
    leaves('openssl passwd -6 -stdin');
    leaves('echo "$USER:$PASS" | chpasswd');
    leaves('sqlcmd -S db -U sa -P $SA_PASSWORD');
  });

  it('hides a secret a login command reads from its input', () => {
    const p = password();
    hides(`echo ${p} | docker login registry.example.com --username ci --password-stdin`, p);
    hides(`echo -n "${p}" | helm registry login ghcr.io -u me --password-stdin`, p);
    hides(`gh auth login --with-token <<< ${p}`, p);
  });

  it('hides a password that starts with - or = where the flag takes it, and leaves the next flag', () => {
    const p = password();
    hides(`redis-cli -a '-${p}' ping`, `-${p}`);
    hides(`7z a -p-${p} -mhe=on backup.7z ./dump/`, `-${p}`);
    hides(`7z a -p=${p} backup.7z ./dump/`, `=${p}`);
    hides(`smbclient //fs01/share -U 'ACME\\backup%-${p}' -c 'ls'`, `-${p}`);
    leaves('redis-cli -a -h cache ping');
    leaves('redis-cli -a --no-auth-warning ping');
    leaves('7z x -p -oout backup.7z');
  });

  it('leaves those places holding a variable or a prompt', () => {
    leaves('openssl enc -aes-256-cbc -k $PASS -in notes.txt');
    leaves('openssl rsa -in key.pem -passin env:KEY_PASS');
    leaves('7z x -p backup.7z');
    leaves('echo $TOKEN | gh auth login --with-token');
    leaves('echo "$REGISTRY_PASSWORD" | docker login --username ci --password-stdin');
    leaves('zip -r backup.zip data/');
  });

  it('reads psk as a password name: a Wi-Fi network’s passphrase in wpa_supplicant.conf', () => {
    const p = password();
    assertHidden(findNamedLiterals, `network={\n    ssid="office"\n    psk="${p}"\n}`, [p]);
    assertHidden(findNamedLiterals, `WIFI_PSK=${p}\n`, [p]);
    // Real files: TLS constants in gnutls.h and NSS's secoidt.h.
    assertUntouched(
      findNamedLiterals,
      '\tGNUTLS_A_UNKNOWN_PSK_IDENTITY = 115,\n    SEC_OID_TLS_ECDHE_PSK = 347,\n',
    );
  });

  it("hides vault login's token and a registry token set in a package manager's config", () => {
    const token = fake(24);
    hides(`$ vault login ${token}\nSuccess! You are now authenticated.`, token);
    hides(`vault login -no-print ${token}`, token);
    const chosen = `marmalade${fake(2)}7`;
    hides(`npm config set //registry.npmjs.org/:_authToken ${chosen}`, chosen);
    hides(`yarn config set npmAuthToken "${token}"`, token);
    // A login method's options and pairs, a prompt, stdin, and settings that hold no credential.
    leaves('vault login -method=userpass username=alice');
    leaves('vault login -method=github token=$GITHUB_TOKEN');
    leaves('$ vault login\nToken (will be hidden):');
    leaves('vault login -');
    leaves('npm config set registry https://registry.npmjs.org/');
  });
});
