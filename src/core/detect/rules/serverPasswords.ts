import { ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { passwordOk } from './genericValues';
import { randomLetterRun } from './letterPairs';
import { tokenRule } from './ruleKit';

// Passwords that a server's or a client's own syntax places: `mysql -p…` glued to its flag (with a blank
// between, MySQL prompts and reads the word as a database name), `--password=…`, Redis's
// `requirepass`/`masterauth` (redis.conf, `redis-server --requirepass …`), the OpenLDAP clients' `-w`, and
// wpa_supplicant's `psk`. The place is the name; the value must still read as a password (`passwordOk`) or
// as letters drawn at random.

/**
 * A value as a shell passes it: quoted (what the quotes hold), or bare up to a blank; a bare one that
 * opens on `$`, `%`, `<`, `{`, `(` or `[` is a variable, a template, a command or a usage line's optional
 * part (`-p[password]`), not a literal.
 */
const SHELL_VALUE = `["']?(?<secret>(?<=")[^"\\r\\n]{4,64}(?=")|(?<=')[^'\\r\\n]{4,64}(?=')|(?<!["'])[^\\s"'\`$%<{([][^\\s"'\`]{3,63}(?![^\\s"'\`]))`;

/** What MySQL and MariaDB ship: the client and the tools that take the same flags. */
const MYSQL_TOOL =
  '(?:mysql(?:dump|admin|import|show|check|binlog|pump|sh)?|mariadb(?:-dump|-admin|dump|admin)?)';

/** The stock example of redis.conf (`# requirepass foobared`). */
const REDIS_EXAMPLE = 'foobared';

const passwordRead = (v: string): boolean => passwordOk(v) || randomLetterRun(v);

/** A password with a digit and a mark, drawn fresh. */
const samplePassword = (): string =>
  `${randomToken(ALNUM, 9)}${randomToken('!#%+-.=@^_~', 1)}${randomToken('0123456789', 2)}`;

/** The OpenLDAP clients, whose `-w` is the bind password (`-W` prompts for it); the redact tier reads it too. */
export const LDAP_TOOL = 'ldap(?:search|modify|add|delete|whoami|passwd|compare|modrdn|exop)';

/** A password with no blank: docs write phrases (`psk="not so secure passphrase"`), generators do not. */
const passwordNoBlank = (v: string): boolean => !/\s/.test(v) && passwordRead(v);

export const serverPasswordRules: readonly Rule[] = [
  tokenRule({
    id: 'mysql-cli-password',
    provider: 'MySQL',
    description: 'Password on a mysql or mysqldump command line',
    risk: 'anyone with this file can log in to the database server as the account it names',
    severity: 'warning',
    keywords: ['mysql', 'mariadb'],
    // The tool's name, then on the same line `-p` glued to the password or `--password=`.
    pattern: new RegExp(
      `(?<![\\w./-])${MYSQL_TOOL}(?![\\w-])[^\\r\\n]{0,160}?[ \\t](?:-p|--password=)${SHELL_VALUE}`,
    ),
    // The longest tool name, the line between, a blank, `--password=`, a quote and the value.
    maxLength: 13 + 160 + 1 + 11 + 1 + 64,
    validate: passwordRead,
    revokeUrl: 'https://dev.mysql.com/doc/refman/8.0/en/set-password.html',
    sample: samplePassword,
    lines: (p) => [
      `mysql -u root -p'${p}' app < dump.sql`,
      `mysqldump -h db.internal -u backup -p${p} --all-databases > all.sql`,
      `docker exec db mariadb -uroot --password="${p}" -e "SHOW DATABASES"`,
    ],
    negatives: [
      'mysql -u root -p app',
      'mysql -u root -p"$MYSQL_ROOT_PASSWORD" app',
      'mysqldump -u root -p${DB_PASSWORD} app',
      'mysql -u root -pPASSWORD',
      'mysql -uroot -proot',
      'mysql -u root -p[root_password1]',
    ],
  }),
  tokenRule({
    id: 'redis-password',
    provider: 'Redis',
    description: 'Redis server password (requirepass or masterauth)',
    risk: 'anyone with this file can read and change everything this Redis server holds',
    severity: 'warning',
    keywords: ['requirepass', 'masterauth'],
    pattern: new RegExp(`(?<=^|[\\s"'=,[]|[\\s"']--)(?:requirepass|masterauth)[ \\t]{1,8}${SHELL_VALUE}`),
    // The directive (redis.conf) or the server's flag (`--requirepass`), a blank, the value.
    maxLength: 11 + 8 + 1 + 64 + 1,
    validate: (v) => v !== REDIS_EXAMPLE && passwordRead(v),
    revokeUrl: 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/',
    sample: samplePassword,
    lines: (p) => [
      `bind 127.0.0.1\nrequirepass ${p}\n`,
      `masterauth "${p}"`,
      `command: redis-server --requirepass '${p}' --appendonly yes`,
    ],
    negatives: ['# requirepass foobared', 'requirepass $REDIS_PASSWORD', 'requirepass "${REDIS_PASSWORD}"'],
  }),
  tokenRule({
    id: 'ldap-bind-password',
    provider: 'OpenLDAP',
    description: 'LDAP bind password on an ldapsearch-family command line',
    risk: 'anyone with this file can bind to the directory as the account it names, often its administrator',
    severity: 'warning',
    keywords: ['ldap'],
    // The tool's name, then on the same line `-w` and the password.
    pattern: new RegExp(`${LDAP_TOOL}(?![\\w-])[^\\r\\n]{0,200}?[ \\t]-w[ \\t]{1,4}${SHELL_VALUE}`),
    maxLength: 11 + 200 + 1 + 2 + 4 + 1 + 64,
    validate: passwordRead,
    revokeUrl: 'https://www.openldap.org/doc/admin26/security.html',
    sample: samplePassword,
    lines: (p) => [
      `ldapsearch -x -H ldap://dir -D "cn=admin,dc=example,dc=com" -w '${p}' -b dc=example,dc=com`,
      `ldapmodify -D cn=admin,dc=example,dc=com -w ${p} -f change.ldif`,
    ],
    negatives: [
      'ldapsearch -x -D cn=admin,dc=example,dc=com -W -b dc=example,dc=com',
      'ldapsearch -x -D cn=admin -w "$LDAP_PASSWORD" -b dc=example,dc=com',
      'ldapsearch -x -D cn=admin -w secret -b dc=example,dc=com',
    ],
  }),
  tokenRule({
    id: 'wifi-psk',
    provider: 'Wi-Fi (WPA)',
    description: 'Wi-Fi passphrase or key (psk) in a wpa_supplicant configuration',
    risk: 'anyone with this file can join the wireless network and reach what it connects',
    severity: 'warning',
    keywords: ['psk'],
    // wpa_supplicant.conf's `psk="…"`, a passphrase of 8 to 63 characters in quotes, or the key derived from
    // it, 64 hex unquoted.
    pattern: new RegExp(
      `(?<![\\w.-])psk[ \\t]{0,4}=[ \\t]{0,4}"?(?<secret>(?<=")[^"\\r\\n]{8,63}(?=")|(?<!["\\w])[0-9a-f]{64}(?!\\w))`,
    ),
    maxLength: 3 + 4 + 1 + 4 + 1 + 64 + 1,
    validate: (v) => /^[0-9a-f]{64}$/.test(v) || passwordNoBlank(v),
    revokeUrl: 'https://w1.fi/cgit/hostap/plain/wpa_supplicant/wpa_supplicant.conf',
    sample: samplePassword,
    lines: (p) => [`network={\n    ssid="office"\n    psk="${p}"\n}`, `  psk="${p}"`],
    negatives: ['psk="not so secure passphrase"', 'psk=${WIFI_PSK}', '    psk="<passphrase>"'],
  }),
];
