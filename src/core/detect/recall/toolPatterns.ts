/**
 * The pieces of toolPasswords.ts's patterns, and its patterns for servers', clouds' and system tools' own
 * password places. Each pattern holds one `VALUE` (three groups: double-quoted, single-quoted, bare) and no
 * other group; toolPasswords.ts reads the value's place from the match's indices.
 */

/** A value as a shell passes it: what the quotes hold, or a run up to a blank. */
export const VALUE = `(?:"([^"\\r\\n]{1,128})"|'([^'\\r\\n]{1,128})'|([^\\s"']{1,128}))`;

/**
 * Oracle's `user/password@db` value: as `VALUE`, but a bare one ends at the token's last `@`, since a
 * password may hold `@`, `#` or `&` and the connect string after it (`@//host:1521/ORCLPDB1`) is no
 * password. Without an `@`, the whole token.
 */
const ORACLE_VALUE = `(?:"([^"\\r\\n]{1,128})"|'([^'\\r\\n]{1,128})'|([^\\s"']{1,128}(?=@)|[^\\s"'@]{1,128}))`;

/** What a line says up to a tool's flag: the tool's name, then up to 240 characters of its line. */
export const tool = (name: string, flag: string): string => `\\b${name}\\b[^\\r\\n]{0,240}?[ \\t]${flag}`;

/** An exec-form list's item: quoted, without blanks (a bare item is a variable); the third group stays empty. */
const LISTED = `(?:"([^"\\s]{1,128})"|'([^'\\s]{1,128})')()`;
/** A word of a line: a run without blanks or quotes. */
const WORD = `[^\\s"']{1,128}`;
/** `echo <secret> |` or `printf '<secret>' |`, then a command on the same line. */
export const PIPED = `\\b(?:echo|printf)[ \\t]{1,4}(?:-[neE]{1,2}[ \\t]{1,4})?${VALUE}[ \\t]{0,4}\\|[ \\t]{0,4}`;

export const MORE_TOOL_PASSWORDS: readonly RegExp[] = [
  // Oracle's `user/password@db` (sqlplus, rman, exp/imp, expdp/impdp, sqlldr, dgmgrl); SQL*Plus's `CONNECT`
  // only with its `@db` (prose says "connect to/from").
  new RegExp(
    `\\b(?:sqlplus|rman|expdp|impdp|exp|imp|sqlldr|dgmgrl)\\b[ \\t]{1,8}(?:-[sSLl][ \\t]{1,4})*(?:userid=|target[ \\t]{1,4})?["']?[A-Za-z_][\\w$#]{0,30}/${ORACLE_VALUE}(?=@|[ \\t"']|$)`,
    'gmd',
  ),
  new RegExp(`\\b(?:CONNECT|connect|conn)[ \\t]{1,8}[A-Za-z_][\\w$#]{0,30}/${VALUE}(?=@)`, 'gd'),
  // Go's MySQL driver DSN: `user:password@tcp(host)/db`, `@unix(…)`.
  new RegExp(`["'\`][^\\s"'\`:@/]{1,64}:([^\\s"'\`@]{1,128})()()@(?:tcp|unix|udp)\\(`, 'gd'),
  new RegExp(`${tool('etcdctl', '--user(?:=|[ \\t]{1,4})')}["']?[^\\s:"']{1,64}:${VALUE}`, 'gd'),
  new RegExp(`${tool('lftp', '-u')}[ \\t]{1,4}["']?[^\\s,"']{1,64},${VALUE}`, 'gd'),
  new RegExp(
    `\\bbundle[ \\t]{1,4}config[ \\t]{1,4}(?:set[ \\t]{1,4}(?:--\\w+[ \\t]{1,4})?)?${WORD}[ \\t]{1,4}["']?[^\\s:"']{1,64}:${VALUE}`,
    'gd',
  ),
  new RegExp(
    `\\bpoetry[ \\t]{1,4}config[ \\t]{1,4}http-basic\\.${WORD}[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('conan', '-[pP]')}[ \\t]{1,4}${VALUE}`, 'gd'),
  // SonarQube's analysis properties, a token though `login` names it: `-Dsonar.login=…`, `sonar.token=…`.
  new RegExp(`(?:^|[\\s"'])(?:-D)?sonar\\.(?:login|token|password)[ \\t]{0,4}[=:][ \\t]{0,4}${VALUE}`, 'gmd'),
  // sendmail's `AuthInfo:<host> "U:<user>" "P:<password>"` (access.db's source), and Composer's `config --auth
  // github-oauth.<host> <token>` (`http-basic.<host> <user> <password>`).
  new RegExp(`\\bAuthInfo:[^\\s]{0,253}[^\\r\\n]{0,120}?"P:([^"\\r\\n]{1,128})()()"`, 'gd'),
  new RegExp(
    `\\bcomposer[ \\t]{1,4}config(?:[ \\t]{1,4}-[-\\w]{1,20}){0,4}[ \\t]{1,4}(?:(?:github-oauth|gitlab-token|gitlab-oauth|bitbucket-oauth)\\.[^\\s]{1,253}|http-basic\\.[^\\s]{1,253}[ \\t]{1,4}[^\\s]{1,64})[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // SQL Server's linked server login: its password is the last argument (`EXEC sp_addlinkedsrvlogin 'REMOTE',
  // 'false', NULL, 'sa', '…';`).
  new RegExp(
    `\\bsp_addlinkedsrvlogin\\b[^;\\r\\n]{0,200},[ \\t]{0,4}N?'([^'\\r\\n]{1,128})()()'[ \\t]{0,4};?[ \\t]*$`,
    'gmid',
  ),
  // Mosquitto's clients take the port after `-p` and the password after `-P`.
  new RegExp(`${tool('mosquitto_(?:pub|sub|rr)', '-P')}[ \\t]{1,4}${VALUE}`, 'gd'),
  // Net-SNMP's v3 passphrases: `-A` authenticates, `-X` encrypts (`-a SHA`, `-x AES` name the algorithms).
  new RegExp(`${tool('snmp[a-z]{2,12}', '-A')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('snmp[a-z]{2,12}', '-X')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('(?:wmic|cmdkey)', '/(?:password|pass):')}${VALUE}`, 'gid'),
  new RegExp(`${tool('winrs', '-p(?:assword)?:')}${VALUE}`, 'gid'),
  new RegExp(`${tool('(?:signtool|certutil)', '[/-]p')}[ \\t]{1,4}${VALUE}`, 'gid'),
  new RegExp(`${tool('security', '-[pP]')}[ \\t]{1,4}${VALUE}`, 'gd'),
  // macOS's keychain: `security add-generic-password … -w <password>` (and `add-internet-password`); `-w` last,
  // or before another flag, prompts (`find-generic-password -w` prints the password instead).
  new RegExp(
    `${tool('security[ \\t]{1,4}add-(?:generic|internet)-password', '-w')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `\\brabbitmqctl[ \\t]{1,4}(?:add_user|change_password)[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `${PIPED}(?:sudo[ \\t]{1,4}-S|passwd[ \\t]{1,4}--stdin|kinit|gcloud[ \\t]{1,4}secrets|docker[ \\t]{1,4}secret[ \\t]{1,4}create|wrangler[ \\t]{1,4}secret|vercel[ \\t]{1,4}env|fly[ \\t]{1,4}secrets)\\b`,
    'gd',
  ),
  new RegExp(
    `${tool('(?:snmpwalk|snmpget|snmpset|snmpbulkwalk|snmpbulkget|snmptrap|onesixtyone)', '-c')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // Clouds' and secret stores' CLIs, each with its own place for the value. .NET's Secret Manager stores
  // only secrets: `dotnet user-secrets set "Stripe:SecretKey" "…"`, the value after any key.
  new RegExp(
    `\\buser-secrets[ \\t]{1,4}set[ \\t]{1,4}(?:"[^"\\r\\n]{1,128}"|'[^'\\r\\n]{1,128}'|[^\\s"'-][^\\s"']{0,127})[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('az[ \\t]{1,4}keyvault[ \\t]{1,4}secret', '--value')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('gh[ \\t]{1,4}secret[ \\t]{1,4}set', '(?:--body|-b)')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(
    `\\bpulumi[ \\t]{1,4}config[ \\t]{1,4}set[ \\t]{1,4}--(?:secret|plaintext)[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `\\bmc[ \\t]{1,4}(?:alias[ \\t]{1,4}set|config[ \\t]{1,4}host[ \\t]{1,4}add)[ \\t]{1,4}${WORD}[ \\t]{1,4}${WORD}[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `${tool('doctl[ \\t]{1,4}auth[ \\t]{1,4}init', '(?:-t|--access-token)')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `\\bcomposer[ \\t]{1,4}config[ \\t]{1,4}(?:--global[ \\t]{1,4})?(?:github|gitlab|bitbucket)-(?:oauth|token)\\.${WORD}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `${tool('nmcli', '(?:password|wifi-sec\\.psk|802-11-wireless-security\\.psk)')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // debconf's and a preseed's `… password <value>` (`mysql-server/root_password password …`).
  new RegExp(
    `\\b[\\w-]{1,64}/[\\w-]{0,64}(?:password|passwd|pass)[\\w-]{0,32}(?:_again)?[ \\t]{1,4}password[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // Cisco IOS: `enable secret 0 …`, `username x privilege 15 password 0 …`, `… secret 7 …` (7 reverses).
  new RegExp(`\\b(?:secret|password)[ \\t]{1,4}[07][ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(
    `^[ \\t]{0,16}(?:snmp-server[ \\t]{1,4}community|(?:tacacs|radius)-server[ \\t][^\\r\\n]{0,120}?\\bkey)[ \\t]{1,4}(?:[07][ \\t]{1,4})?${VALUE}`,
    'gmd',
  ),
  // HAProxy: `user admin insecure-password …`, `stats auth admin:…`.
  new RegExp(`\\binsecure-password[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`\\bstats[ \\t]{1,4}auth[ \\t]{1,4}[^\\s:]{1,64}:${VALUE}`, 'gd'),
  // Redis: `AUTH <user> <password>`, an ACL rule's `>password` (`ACL SETUSER …`, a users.acl line).
  new RegExp(`^[ \\t]{0,16}AUTH[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}[ \\t]*$`, 'gmd'),
  new RegExp(`\\bACL[ \\t]{1,4}SETUSER[ \\t]{1,4}${WORD}[^\\r\\n]{0,120}?[ \\t]>${VALUE}`, 'gid'),
  new RegExp(
    `^[ \\t]{0,16}user[ \\t]{1,4}${WORD}[ \\t]{1,4}(?:on|off)\\b[^\\r\\n]{0,120}?[ \\t]>${VALUE}`,
    'gmd',
  ),
  // A command's flag and its value as separate items of an exec-form list (Compose, Kubernetes `args`):
  // `["--requirepass", "…"]`, `["redis-cli", "-a", "…"]`, `['login', '-u', 'bot', '-p', '…']`; a list printed
  // one item a line (`docker inspect`'s `"Args"`) too.
  new RegExp(
    `["']--?[\\w-]{0,32}(?:pass|pwd|secret|token|auth|api-?key)[\\w-]{0,32}["'][ \\t]{0,4},(?:[ \\t]{0,4}|[ \\t]{0,4}\\r?\\n[ \\t]{0,32})${LISTED}`,
    'gid',
  ),
  new RegExp(
    `["'](?:redis-cli|login)["'][^\\]\\n]{0,200}?["']-[ap]["'][ \\t]{0,4},[ \\t]{0,4}${LISTED}`,
    'gd',
  ),
  // SteamCMD's login on its command line, `+login` then the account's name and its password before the next
  // `+command`, as build scripts for Steamworks write it (hunt O).
  new RegExp(
    `\\bsteamcmd(?:\\.exe|\\.sh)?[^\\n]{0,80}?\\+login[ \\t]{1,4}[^\\s+]{1,64}[ \\t]{1,4}(?!\\+)${VALUE}`,
    'gid',
  ),
  // A Wi-Fi QR code's payload: `WIFI:T:WPA;S:<ssid>;P:<password>;;`.
  new RegExp(`\\bWIFI:(?:[^;\\n]{0,80};){0,4}P:([^;\\n]{1,128})()()`, 'gd'),
  new RegExp(
    `\\bconsul[ \\t]{1,4}kv[ \\t]{1,4}put[ \\t]{1,4}[^\\s]{0,120}(?:pass|pwd|secret|token|key)[^\\s]{0,60}[ \\t]{1,4}${VALUE}`,
    'gid',
  ),
  new RegExp(
    `\\bConvertTo-SecureString[ \\t]{1,4}(?:-AsPlainText[ \\t]{1,4})?(?:-String[ \\t]{1,4})?${VALUE}`,
    'gid',
  ),
  // A kickstart file's `rootpw [--plaintext] …` (a crypted one says `--iscrypted`).
  new RegExp(`^[ \\t]{0,8}rootpw[ \\t]{1,4}(?:--plaintext[ \\t]{1,4})?(?!--)${VALUE}`, 'gmd'),
  // A .pgpass line echoed into the file: `echo "host:port:db:user:<password>" >> ~/.pgpass`.
  new RegExp(
    `\\b(?:echo|printf)[ \\t]{1,4}["']?(?:[^\\s:"']{1,64}:){4}([^\\s"']{1,128})()()["']?[ \\t]{0,4}>>?[ \\t]{0,4}[^\\s]{0,64}pgpass`,
    'gd',
  ),
  // expect's and pexpect's answer to a password prompt, on the line after it.
  new RegExp(
    `expect[ \\t(]{1,4}["'][^"'\\n]{0,40}assword[^"'\\n]{0,20}["'][ \\t)]{0,2}\\r?\\n[ \\t]{0,16}(?:\\w{1,20}\\.)?send(?:line)?[ \\t(]{1,4}["']([^"'\\n\\\\]{1,128})()()`,
    'gd',
  ),
  // `netsh wlan show profile … key=clear`: a Wi-Fi network's key, and a Java session id in a URL.
  new RegExp(`^[ \\t]{0,8}Key Content[ \\t]{0,16}:[ \\t]{0,4}${VALUE}`, 'gmd'),
  new RegExp(`;jsessionid=([A-Za-z0-9._-]{16,128})()()`, 'gid'),
  // Daemons' own places (hunter C, 2026-12-06): Redis Sentinel's `sentinel auth-pass <master> …`, snmpd's
  // community (`rocommunity …`), ipsec.secrets' `: PSK "…"` (quoted: a doc comment says `@X_PSK: PSK key`),
  // an OpenVPN profile's inline `<auth-user-pass>` (its second line), squid's `cache_peer … login=user:…`,
  // rclone's `pass …`.
  new RegExp(`^[ \\t]{0,16}sentinel[ \\t]{1,4}auth-pass[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`, 'gmd'),
  new RegExp(`^[ \\t]{0,16}r[ow]community6?[ \\t]{1,4}(?!(?:public|private)\\b)${VALUE}`, 'gmd'),
  new RegExp(`(?:^|[ \\t]):[ \\t]{0,4}(?:PSK|XAUTH|EAP)[ \\t]{1,4}"([^"\\r\\n]{1,128})"()()`, 'gmd'),
  new RegExp(`<auth-user-pass>[ \\t]*\\r?\\n[^\\n<]{1,128}\\r?\\n[ \\t]*${VALUE}`, 'gd'),
  new RegExp(`\\bcache_peer\\b[^\\r\\n]{0,200}?[ \\t]login=[^\\s:]{1,64}:${VALUE}`, 'gd'),
  new RegExp(`\\brclone[ \\t]{1,4}config[^\\r\\n]{0,240}?[ \\t](?:pass|password)[ \\t]{1,4}${VALUE}`, 'gd'),
  // Bundler's credentials for a gem server, in the environment: `BUNDLE_GEMS__EXAMPLE__COM: "user:…"`.
  new RegExp(
    `\\bBUNDLE_[A-Z0-9_]{2,80}__[A-Z0-9_]{2,40}["']?[ \\t]{0,4}[:=][ \\t]{0,4}["']?[^\\s:"']{1,64}:${VALUE}`,
    'gd',
  ),
  // A credential flag and its value as items of a YAML list, one a line (Kubernetes `args:`).
  new RegExp(
    `^[ \\t]{0,32}-[ \\t]{1,4}["']?--?[\\w-]{0,32}(?:pass|pwd|secret|token|api-?key)[\\w-]{0,32}["']?[ \\t]*\\r?\\n[ \\t]{0,32}-[ \\t]{1,4}${VALUE}`,
    'gimd',
  ),
  // `vault login <token>` (the token method's positional argument; `-method=…` and `key=value` pairs are not it),
  // and a package manager's registry credential set in its config (`npm config set //host/:_authToken <token>`,
  // `yarn config set npmAuthToken <token>`).
  new RegExp(
    `\\bvault[ \\t]{1,4}login(?:[ \\t]{1,4}-[\\w-]{1,24}(?:=[^\\s]{0,64})?){0,4}[ \\t]{1,4}(?![-\\w.]{0,64}=)(?!-[ \\t]|-$)${VALUE}`,
    'gmd',
  ),
  new RegExp(
    `\\b(?:npm|pnpm|yarn)[ \\t]{1,4}config[ \\t]{1,4}set[ \\t]{1,4}(?:--?[\\w-]{1,20}[ \\t]{1,4})*["']?[^\\s"'=]{0,200}(?:_authToken|_auth|_password|[Aa]uthToken|npmAuthIdent)["']?[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // A Kafka or ZooKeeper JAAS section's `user_<name>="…"`: each user's password.
  new RegExp(`\\buser_\\w{1,64}(?<=LoginModule\\b[^;]{0,800}?)[ \\t]{0,4}=[ \\t]{0,4}${VALUE}`, 'gd'),
];
