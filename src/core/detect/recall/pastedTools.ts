import { PIPED, tool, VALUE } from './toolPatterns';

/**
 * Tools' and files' password places that pasted material holds (a terminal's session, a log, a config
 * dump): the leak hunts of 2026-12-06 (hunters C, E and F) found each going out. Kept apart from
 * toolPatterns.ts's with their own trigger words (`PASTED_TOOL_WORDS`), so that code which names none of
 * these tools pays nothing for them: run over the other patterns' lines, the thirty cost 1.4 ms per 100 KB
 * of an SDK's code. Each pattern holds one `VALUE` (three groups) and no other group.
 */

/** A variable that names a credential, as `printenv` and `echo $` print it (`DB_PASSWORD`, `stripeSecretKey`). */
const CRED_VARIABLE =
  '\\w{0,40}(?:PASS|SECRET|TOKEN|KEY|PWD|Pass|Secret|Token|Key|pass|secret|token|key|pwd)';

/** Words whose lines (and the two after each) the patterns below are run over. */
export const PASTED_TOOL_WORDS: readonly string[] = [
  ...['$user', ']:25', ']:465', ']:587', ']:2525', ']:sub', ']:smtp', 'rsyncd.secrets', 'davfs2/secrets'],
  ...['user:', 'codecov', 'net use', 'htpasswd', 'cloudflared', 'create secret', ' -p <<', ' -p<<', '@tcp('],
  ...[
    '"]=>',
    '(gdb)',
    'setcookie',
    '--cookie',
    'erlang.cookie',
    'pass show',
    'secretsmanager',
    'gcloud secrets',
  ],
  ...['keyvault', 'base64 -d', 'base64 --decode', 'base64decode', 'age -d', 'age --decrypt', 'vault kv'],
  ...['config:get', 'printenv', 'echo $', 'echo "$', "echo '$", '/run/secrets/', 'jq -r'],
  ...['vault read', 'op read', 'find-generic-password', 'doppler', 'etcdctl', 'config get', 'isakmp'],
  ...[
    'key-string',
    'authentication-key',
    'neighbor',
    'wpa-psk',
    'wpa2-psk',
    'pre-shared',
    'plain-text-password',
  ],
  ...['community-string', 'tacacs', 'radius', 'connect to', 'mkstore', 'isql', 'vsql', 'conn', 'ipmitool'],
  ...[
    'schtasks',
    'dsadd',
    'dsmod',
    'addauth',
    'smbpasswd',
    '{plain}',
    '{cleartext}',
    'register =>',
    'register=>',
  ],
  ...['sip:', 'sips:', 'pic x', 'pic 9', 'pic a', 'picture x', 'accounts:', 'accounts :'],
  ...['secretid', 'secret id', 'tokens {', '/secrets/', 'random_password', 'temporary password'],
  ...['+++ b/', '<<<', 'keystore', 'rclone obscure', '-reset-password'],
  ...['sudo -', '"auth"', '"config"', 'config set', '> auth', 'configure set', 'auth:token', 'whoami'],
  ...['create token', 'get-login-password', 'print-access-token', 'print-identity-token', 'bw get'],
  ...['auth token', 'secret-tool', 'kv get', '$env:'],
  ...['initial-password', 'launchctl', 'ugfzc3dvcmq6', 'api.telegram.org/bot', 'successfully reset'],
  ...['= 0x', '>>> ', '(pdb) p', 'ipdb> p', 'in [', 'securestring', 'aws secret access key ['],
];

/** A Redis command's quoted argument as MONITOR prints it: `\"` and `\xNN` escaped. */
const MONITOR_ARGUMENT = `"(?:[^"\\\\\\r\\n]|\\\\.){1,128}"`;
const MONITOR_VALUE = `"((?:[^"\\\\\\r\\n]|\\\\.){1,128})"()()`;
/** A redis-cli prompt: `127.0.0.1:6379> `, `[::1]:6380[2]> `, `redis> `; then a command's word. */
const REDIS_PROMPT = `^[ \\t]{0,8}(?:redis|[\\w.[\\]:-]{0,253}:\\d{1,5}(?:\\[\\d{1,2}\\])?)>[ \\t]{0,4}`;
/** A redis-cli argument: quoted or bare. */
const REDIS_WORD = `(?:"[^"\\r\\n]{1,128}"|'[^'\\r\\n]{1,128}'|[^\\s"']{1,128})`;
/**
 * `sudo -S <command> ` up to a redirection: sudo's options stand before the command, so they are read word
 * by word (an option's value may follow it: `-u deploy`), `-S` glued with others (`-kS`) or `--stdin`. A
 * line with no `<<` is passed over first: a flood of `sudo -S ` cost ten times the other patterns.
 */
const SUDO_STDIN = `\\bsudo(?=[^\\r\\n<]{0,300}<<)(?:[ \\t]{1,4}-[A-Za-z]{1,8}(?:[ \\t]{1,4}[^\\s<|-][^\\s<|]{0,63})?){0,6}?[ \\t]{1,4}(?:-[A-Za-z]{0,7}S[A-Za-z]{0,7}|--stdin)(?=[ \\t])[^\\r\\n<|]{0,200}`;

export const PASTED_TOOL_PASSWORDS: readonly RegExp[] = [
  // Nagios' `resource.cfg` macros (`$USER3$=…`; `$USER1$` is the plugins' path by convention, and a path
  // stays), Postfix's `sasl_passwd` (`[smtp.example.com]:587 user:…`), and the lines of a secrets file
  // that a comment above names: rsyncd's `user:…`, davfs2's `<url or mount point> <user> …` (hunter C).
  new RegExp(`^[ \\t]{0,8}\\$USER\\d{1,3}\\$[ \\t]{0,4}=[ \\t]{0,4}(?![/\\\\]|\\$USER)${VALUE}`, 'gmd'),
  new RegExp(
    `^[ \\t]{0,8}\\[[A-Za-z0-9.-]{1,253}\\](?::[\\w-]{1,16})?[ \\t]{1,16}[^\\s:]{1,128}:${VALUE}[ \\t]*$`,
    'gmd',
  ),
  // The file's name first, then its first entry within three lines (a lookbehind instead reads back at every
  // place of every line, 27 ms over 100 KB of code).
  new RegExp(
    `rsyncd\\.secrets\\b[^\\n]{0,200}\\n(?:[^\\n]{0,200}\\n){0,3}?[ \\t]{0,8}[^\\s:#]{1,64}:${VALUE}[ \\t]*$`,
    'gmd',
  ),
  new RegExp(
    `davfs2/secrets\\b[^\\n]{0,200}\\n(?:[^\\n]{0,200}\\n){0,3}?[ \\t]{0,8}(?:https?://|/)[^\\s]{0,200}[ \\t]{1,8}[^\\s#]{1,64}[ \\t]{1,8}${VALUE}[ \\t]*$`,
    'gmd',
  ),
  // A pair in a note (`# ftp user: uploader / <password>`): a value with a digit or a mark, as a password holds.
  new RegExp(
    `\\buser[ \\t]{0,4}:[ \\t]{0,4}[\\w.@-]{1,64}[ \\t]{1,4}/[ \\t]{1,4}(?=[^\\s]{0,127}[0-9!@#$%^&*?])(?![^\\s]{0,127}:(?:\\s|$))${VALUE}`,
    'gd',
  ),
  // Hunters E and F (2026-12-06): `net use … /user:<name> <password>`, `htpasswd -nb <user> <password>` (no
  // file), Codecov's `-t` and cloudflared's tunnel token, a password piped into `kubectl create secret`, one
  // typed into a heredoc after `-p`, a Go DSN unquoted in a log line, PHP's `var_dump` of a credential field and
  // gdb's `p conn->password`.
  new RegExp(`\\bnet[ \\t]{1,4}use\\b[^\\r\\n]{0,200}?[ \\t]/user:[^\\s]{1,64}[ \\t]{1,4}${VALUE}`, 'gid'),
  new RegExp(
    `\\bhtpasswd[ \\t]{1,4}-[A-Za-z]*n[A-Za-z]*[ \\t]{1,4}(?:-[A-Za-z]{1,8}[ \\t]{1,4})*[^\\s-][^\\s]{0,64}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('codecov', '(?:-t|--token)(?:=|[ \\t]{1,4})')}${VALUE}`, 'gd'),
  new RegExp(
    `\\bcloudflared\\b[^\\r\\n]{0,120}?[ \\t](?:service[ \\t]{1,4}install|--token(?:=|[ \\t]{1,4}))[ \\t]{0,4}([A-Za-z0-9+/=_-]{32,512})()()`,
    'gd',
  ),
  new RegExp(`${PIPED}kubectl[ \\t]{1,4}create[ \\t]{1,4}secret\\b`, 'gd'),
  new RegExp(
    `[ \\t]-p[ \\t]{0,4}<<-?[ \\t]{0,4}["']?\\w{1,16}["']?[ \\t]*\\r?\\n[ \\t]{0,8}([^\\s]{1,128})()()[ \\t]*(?=\\r?\\n)`,
    'gd',
  ),
  new RegExp(`(?:^|[\\s=])[^\\s"'\`:@/=]{1,64}:([^\\s"'\`@]{1,128})()()@(?:tcp|unix|udp)\\(`, 'gmd'),
  new RegExp(
    `\\["[^"\\n]{0,64}(?:pass|pwd|secret|token|key)[^"\\n]{0,64}"\\]=>[ \\t]*\\r?\\n[ \\t]{0,16}string\\(\\d{1,6}\\)[ \\t]"([^"\\r\\n]{1,128})"()()`,
    'gid',
  ),
  new RegExp(
    `\\(gdb\\)[ \\t]{1,4}p(?:rint)?[ \\t]{1,4}[\\w.>-]{0,64}(?:pass|pwd|secret|token|key)\\w{0,32}[ \\t]*\\r?\\n\\$\\d{1,4}[ \\t]=[ \\t](?:0x[0-9a-f]{1,16}[ \\t])?"([^"\\r\\n]{1,128})"()()`,
    'gid',
  ),
  // An Erlang node's distribution cookie (anyone holding it runs code on the cluster): `erl -setcookie …`,
  // `iex --cookie …`, and `~/.erlang.cookie`'s one line under a comment that names the file.
  new RegExp(
    `(?:[ \\t]-setcookie|\\b(?:iex|elixir|erl)\\b[^\\r\\n]{0,200}?[ \\t]--cookie)[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `\\.erlang\\.cookie\\b[^\\n]{0,200}\\r?\\n[ \\t]{0,8}([A-Za-z0-9!#%&*+._-]{8,255})()()[ \\t]*(?=\\r?\\n|$)`,
    'gd',
  ),
  // A command that prints a secret, and the line it printed (a terminal's paste): `pass show`, AWS's and
  // Google's and Azure's secret stores, `base64 -d`, a Kubernetes secret decoded, `etcdctl get` (its key
  // echoed first), `pulumi config get`, `age -d`, `vault … -field`, 1Password's `op read`, macOS's `security
  // find-generic-password -w`, `doppler secrets get --plain`, `heroku config:get`, `printenv`/`echo $` of a
  // credential's variable, a Docker secret's `cat /run/secrets/…`, `jq -r` of a credential's field (hunter G);
  // Redis's `CONFIG GET requirepass` reply.
  new RegExp(
    `(?:\\bpass[ \\t]{1,4}show|\\bsecretsmanager[ \\t]{1,4}get-secret-value|\\bgcloud[ \\t]{1,4}secrets[ \\t]{1,4}versions[ \\t]{1,4}access|\\bkeyvault[ \\t]{1,4}secret[ \\t]{1,4}show|\\bbase64(?:[ \\t]{1,4}(?:-d|--decode|-D)|decode)|\\bpulumi[ \\t]{1,4}config[ \\t]{1,4}get|\\bage[ \\t]{1,4}(?:-d|--decrypt)|\\bvault[ \\t]{1,4}(?:kv[ \\t]{1,4}get|read)[ \\t]{1,4}-field|\\bop[ \\t]{1,4}read|\\bfind-generic-password\\b[^\\r\\n]{0,200}?[ \\t]-w|\\bdoppler[ \\t]{1,4}secrets[ \\t]{1,4}get\\b[^\\r\\n]{0,200}?--plain|\\betcdctl[ \\t]{1,4}get\\b[^\\r\\n]{0,200}\\r?\\n\\S{1,200}|\\bheroku[ \\t]{1,4}config:get\\b|\\b(?:printenv[ \\t]{1,4}|echo[ \\t]{1,4}["']?\\$\\{?)${CRED_VARIABLE}|\\bcat[ \\t]{1,4}\\/run\\/secrets\\/|\\bjq[ \\t]{1,4}-r\\b[^\\r\\n]{0,200}?\\.\\w{0,30}(?:secret|token|password|passwd|key)\\b)[^\\r\\n]{0,300}\\r?\\n[ \\t]{0,4}([^\\s]{4,256})()()[ \\t]*(?=\\r?\\n|$)`,
    'gd',
  ),
  // More commands that print a token on a line of their own (hunt I): `heroku auth:token` (after its warning
  // line), OpenShift's `oc whoami -t`, `kubectl create token`, `aws ecr get-login-password`, `gcloud auth
  // print-access-token`, Bitwarden's `bw get password`, `argocd admin initial-password`, `launchctl getenv`;
  // and (hunt L) `gh auth token`, `glab auth token`, `secret-tool lookup`, `consul kv get` of a credential's
  // path, PowerShell's `$env:NAME` of a credential's variable.
  new RegExp(
    `(?:\\bheroku[ \\t]{1,4}auth:token|\\boc[ \\t]{1,4}whoami[ \\t]{1,4}(?:-t|--show-token)|\\bkubectl[ \\t]{1,4}create[ \\t]{1,4}token|\\becr[ \\t]{1,4}get-login-password|\\bgcloud[ \\t]{1,4}auth[ \\t]{1,4}print-(?:access|identity)-token|\\bbw[ \\t]{1,4}get[ \\t]{1,4}(?:password|totp)|\\bargocd[ \\t]{1,4}admin[ \\t]{1,4}initial-password|\\blaunchctl[ \\t]{1,4}getenv[ \\t]{1,4}${CRED_VARIABLE}|\\b(?:gh|glab)[ \\t]{1,4}auth[ \\t]{1,4}token|\\bsecret-tool[ \\t]{1,4}lookup|\\bconsul[ \\t]{1,4}kv[ \\t]{1,4}get[ \\t]{1,4}\\S{0,120}(?:secret|token|password|passwd|key)|\\$env:${CRED_VARIABLE})[^\\r\\n]{0,300}\\r?\\n(?:[ \\t]{0,4}(?:\\u203a|Warning\\b)[^\\r\\n]{0,200}\\r?\\n)?[ \\t]{0,4}([^\\s]{4,4096})()()[ \\t]*(?=\\r?\\n|$)`,
    'gd',
  ),
  // A debugger's print of a credential-named pointer to a string (gdb's `password = 0x5555… "…"`, lldb's
  // `(NSString *) apiKey = 0x6000… @"…"`), a REPL's echo of a credential-named expression (`>>>
  // settings.AWS_SECRET_ACCESS_KEY` then `'…'`, pdb's `p self.api_key`), and an SSM SecureString's value.
  new RegExp(
    `\\b\\w{0,40}(?:[Pp]ass|PASS|[Pp]wd|PWD|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Kk]ey|KEY)\\w{0,20}[ \\t]{0,2}=[ \\t]{0,2}0x[0-9a-f]{4,16}[ \\t]{1,2}@?"([^"\\r\\n]{1,256})()()"`,
    'gd',
  ),
  new RegExp(
    `^(?:>>>|\\(Pdb\\)[ \\t]{1,4}pp?|ipdb>[ \\t]{1,4}pp?|In[ \\t]\\[\\d{1,5}\\]:)[ \\t]{1,4}[\\w.[\\]'"]{0,80}(?:[Pp]ass|PASS|[Pp]wd|PWD|[Ss]ecret|SECRET|[Tt]oken|TOKEN|[Kk]ey|KEY)\\w{0,30}['"\\]]{0,2}[ \\t]*\\r?\\n(?:Out\\[\\d{1,5}\\]:[ \\t]{0,4})?['"]([^'"\\r\\n]{1,256})()()['"]`,
    'gmd',
  ),
  new RegExp(
    `"Type"[ \\t]{0,4}:[ \\t]{0,4}"SecureString"[ \\t]{0,4},[ \\t\\r\\n]{0,40}"Value"[ \\t]{0,4}:[ \\t]{0,4}"([^"\\r\\n]{1,4096})()()"`,
    'gd',
  ),
  // `aws configure`'s prompt, answered: `AWS Secret Access Key [None]: …`.
  new RegExp(
    `\\bAWS[ \\t]Secret[ \\t]Access[ \\t]Key[ \\t]\\[[^\\]\\r\\n]{0,64}\\]:[ \\t]{0,4}${VALUE}`,
    'gd',
  ),
  // SMTP's AUTH LOGIN in a client's debug output: the line the client sends after the server's `334
  // UGFzc3dvcmQ6` (base64 for `Password:`) is the password, base64 or raw.
  new RegExp(
    `\\b334[ \\t]{1,4}UGFzc3dvcmQ6[ \\t]*\\r?\\n[^\\r\\n]{0,40}?(?:C:|CLIENT[ \\t]{0,4}->[ \\t]{0,4}SERVER:|>>>?|send:?)?[ \\t]{0,4}(?:b?['"])?([^\\s'"]{1,256})()()`,
    'gd',
  ),
  // A Telegram bot's token in the Bot API's path (`https://api.telegram.org/bot<token>/getUpdates`), whatever
  // its shape.
  new RegExp(`api\\.telegram\\.org/bot([^/\\s"'<>]{8,128})()()/`, 'gd'),
  new RegExp(
    `\\bCONFIG[ \\t]{1,4}GET[ \\t]{1,4}(?:requirepass|masterauth)[^\\r\\n]{0,40}\\r?\\n[^\\r\\n]{0,40}\\r?\\n2\\)[ \\t]{1,4}"([^"\\r\\n]{1,128})"()()`,
    'gid',
  ),
  // Redis, pasted (hunter G): MONITOR's lines (`<time> [0 10.0.0.5:51234] "AUTH" ["<user>"] "…"`, `"CONFIG"
  // "SET" "requirepass" "…"`), `AUTH [<user>] …` typed at redis-cli's prompt, and `CONFIG SET requirepass …`
  // or `masterauth …` anywhere (its value may hold blanks, quoted).
  new RegExp(
    `(?:\\]|"HELLO"[ \\t]{1,4}"\\d")[ \\t]{1,4}"AUTH"[ \\t]{1,4}(?:${MONITOR_ARGUMENT}[ \\t]{1,4})?${MONITOR_VALUE}`,
    'gid',
  ),
  new RegExp(
    `"CONFIG"[ \\t]{1,4}"SET"[ \\t]{1,4}"(?:requirepass|masterauth)"[ \\t]{1,4}${MONITOR_VALUE}`,
    'gid',
  ),
  new RegExp(`${REDIS_PROMPT}AUTH[ \\t]{1,4}(?:${REDIS_WORD}[ \\t]{1,4})?${VALUE}[ \\t]*$`, 'gimd'),
  new RegExp(`\\bCONFIG[ \\t]{1,4}SET[ \\t]{1,4}(?:requirepass|masterauth)[ \\t]{1,4}${VALUE}`, 'gid'),
  // Network devices: Cisco's `crypto isakmp key`, a TACACS+ or RADIUS server's `key`, `key-string`, OSPF's
  // `authentication-key`, a BGP neighbour's `password`, `wpa-psk ascii`; Junos' and VyOS' `pre-shared-key
  // ascii-text`, `pre-shared-secret`, `plain-text-password-value`; MikroTik's `wpa2-pre-shared-key=`;
  // PAN-OS' `snmp-community-string`.
  new RegExp(
    `(?:\\bcrypto[ \\t]{1,4}isakmp[ \\t]{1,4}key|\\bkey-string|\\bauthentication-key|\\bneighbor[ \\t]{1,4}\\S{1,64}[ \\t]{1,4}password|\\bwpa2?-psk[ \\t]{1,4}ascii|\\bpre-shared-key(?:[ \\t]{1,4}ascii-text)?|\\bpre-shared-secret|\\bplain-text-password-value|\\bsnmp-community-string|(?:\\b(?:tacacs|radius)[ \\t]{1,4}server\\b[^\\r\\n]{0,100}(?:\\r?\\n[^\\r\\n]{0,200}){0,4}?\\r?\\n[ \\t]{1,8}key))(?:[ \\t]{1,4}[07])?(?:[ \\t]{1,4}|=)${VALUE}`,
    'gd',
  ),
  // Database and directory tools: DB2's `connect to <db> user <u> using …`, Oracle's `mkstore
  // -createCredential <alias> <user> …`, unixODBC's `isql <dsn> <user> …`, Vertica's `vsql -w`, SQL*Plus's
  // `CONNECT user/…` alone on its line, `ipmitool -P`, `schtasks /rp`, `dsadd -pwd`, ZooKeeper's `addauth digest
  // user:…`, a password echoed twice into `smbpasswd -s`.
  new RegExp(
    `\\bconnect[ \\t]{1,4}to[ \\t]{1,4}\\S{1,64}[ \\t]{1,4}user[ \\t]{1,4}\\S{1,64}[ \\t]{1,4}using[ \\t]{1,4}${VALUE}`,
    'gid',
  ),
  new RegExp(
    `\\bmkstore\\b[^\\r\\n]{0,200}?-(?:create|modify)Credential[ \\t]{1,4}\\S{1,128}[ \\t]{1,4}\\S{1,64}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `\\bisql[ \\t]{1,4}(?:-\\w{1,4}[ \\t]{1,4})*[^\\s-]\\S{0,64}[ \\t]{1,4}[^\\s-]\\S{0,64}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('vsql', '-w')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(
    `^[ \\t]{0,8}(?:SQL>[ \\t]{0,4})?(?:CONNECT|CONN|connect|conn)[ \\t]{1,8}[A-Za-z_][\\w$#]{0,30}/([^\\s/@;]{4,128})()()[ \\t]*;?[ \\t]*$`,
    'gmd',
  ),
  new RegExp(`${tool('ipmitool', '-P')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('schtasks', '/rp')}[ \\t]{1,4}${VALUE}`, 'gid'),
  new RegExp(`${tool('(?:dsadd|dsmod)', '-pwd')}[ \\t]{1,4}${VALUE}`, 'gid'),
  new RegExp(`\\baddauth[ \\t]{1,4}digest[ \\t]{1,4}[^\\s:]{1,64}:${VALUE}`, 'gd'),
  new RegExp(
    `\\(echo[ \\t]{1,4}${VALUE};[ \\t]{0,4}echo[ \\t]{1,4}\\S{1,128}\\)[ \\t]{0,4}\\|[ \\t]{0,4}(?:sudo[ \\t]{1,4})?smbpasswd\\b`,
    'gd',
  ),
  // Mail and VoIP: Dovecot's `user:{PLAIN}…`, Asterisk's `register => user:…@host`, a `sip:` URI's password,
  // COBOL's `… PASSWORD PIC X(n) VALUE '…'`.
  new RegExp(`^[^\\s:]{1,64}:\\{(?:PLAIN|CLEARTEXT)\\}([^:\\s]{1,128})()()`, 'gmid'),
  new RegExp(`\\bregister[ \\t]{0,4}=>[ \\t]{0,4}[^\\s:]{1,64}:([^\\s@]{1,128})()()@`, 'gd'),
  new RegExp(`\\bsips?:[^\\s:@/]{1,64}:([^\\s@]{1,128})()()@`, 'gd'),
  new RegExp(
    `\\b[\\w-]{0,40}(?:PASSWORD|PASSWD|PWD|SECRET|TOKEN)[\\w-]{0,20}[ \\t]{1,8}PIC(?:TURE)?[ \\t]{1,4}[XA9()\\d]{1,16}[ \\t]{1,4}VALUE[ \\t]{1,4}${VALUE}`,
    'gid',
  ),
  // A Hardhat or Truffle network's `accounts: ["<private key>"]`: 64 hex, with or without `0x` (hunter F).
  new RegExp(
    `\\baccounts[ \\t]{0,4}:[ \\t]{0,4}\\[[^\\]\\n]{0,80}?["']((?:0x)?[0-9a-fA-F]{64})["']()()`,
    'gd',
  ),
  // Consul's and Nomad's ACL bootstrap output (`SecretID: <uuid>`, `Secret ID = <uuid>`) and Consul's
  // `tokens { initial_management = "<uuid>" }`: the cluster's management token.
  new RegExp(
    `\\bSecret[ \\t]?ID[ \\t]{0,16}[:=][ \\t]{0,16}([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})()()`,
    'gd',
  ),
  new RegExp(
    `\\btokens[ \\t]{0,4}\\{[^}]{0,300}?\\b(?:initial_management|master|agent|agent_recovery|replication|default)[ \\t]{0,16}=[ \\t]{0,8}"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"()()`,
    'gd',
  ),
  // Google Secret Manager's access reply (`"name": "…/secrets/…"`, then `"payload": {"data": "<base64>"}`),
  // Terraform state's `random_password` result, MySQL's first-start log line.
  new RegExp(
    `/secrets/[^\\n]{0,200}\\n[^]{0,200}?"payload"[ \\t]{0,4}:[ \\t]{0,4}\\{[^}]{0,80}?"data"[ \\t]{0,4}:[ \\t]{0,4}"([A-Za-z0-9+/=]{4,4096})"()()`,
    'gd',
  ),
  new RegExp(
    `"type"[ \\t]{0,4}:[ \\t]{0,4}"random_password"[^]{0,600}?"result"[ \\t]{0,4}:[ \\t]{0,4}"([^"\\n]{1,256})"()()`,
    'gd',
  ),
  new RegExp(`\\btemporary password is generated for [^\\s:]{1,128}:[ \\t]{1,4}([^\\s]{1,128})()()`, 'gd'),
  // A new file whose path names a secret, one line long, in a diff: that line is the secret.
  new RegExp(
    `^\\+\\+\\+ b/[^\\n]{0,200}(?:secret|password|passwd|token|api[_-]?key|credential)[^\\n/]{0,60}\\r?\\n@@ -0,0 \\+1(?:,1)? @@[^\\n]{0,80}\\r?\\n\\+([^\\s]{4,512})()()[ \\t]*(?=\\r?\\n|$)`,
    'gmid',
  ),
  // A value handed to a secret store on its input: `<<< "…"` after `gcloud secrets`, `vercel env add`,
  // `systemd-creds encrypt`; piped into `elasticsearch-keystore add --stdin`; `rclone obscure …`; a password
  // typed at elasticsearch-reset-password's `New value:` prompt.
  new RegExp(
    `\\b(?:gcloud[ \\t]{1,4}secrets|vercel[ \\t]{1,4}env[ \\t]{1,4}add|systemd-creds[ \\t]{1,4}encrypt|fly[ \\t]{1,4}secrets|wrangler[ \\t]{1,4}secret)\\b[^\\r\\n]{0,200}?<<<[ \\t]{0,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${PIPED}[^\\r\\n|]{0,60}?keystore[ \\t]{1,4}add\\b`, 'gd'),
  // sudo's password on its input: a here-string, or the line after a here-document's start.
  new RegExp(`${SUDO_STDIN}<<<[ \\t]{0,4}${VALUE}`, 'gd'),
  new RegExp(
    `${SUDO_STDIN}<<-?[ \\t]{0,4}["']?\\w{1,32}["']?[ \\t]*\\r?\\n[ \\t]{0,8}(\\S[^\\r\\n]{0,127}?)()()[ \\t]*(?=\\r?\\n)`,
    'gd',
  ),
  new RegExp(`\\brclone[ \\t]{1,4}obscure[ \\t]{1,4}${VALUE}`, 'gd'),
  // A shell's `read` of a credential's variable from a here-string (`read -rs DB_PASS <<< "…"`).
  new RegExp(
    `\\bread(?:[ \\t]{1,4}-[a-z]{1,4}(?:[ \\t]{1,4}(?:"[^"\\r\\n]{0,60}"|'[^'\\r\\n]{0,60}'|\\d{1,4}))?){0,4}[ \\t]{1,4}(?:${CRED_VARIABLE}\\w{0,20}|\\w{0,40}(?:PW|pw))[ \\t]{0,4}<<<[ \\t]{0,4}${VALUE}`,
    'gd',
  ),
  // The AWS CLI's `configure set` of a secret's setting (the access key id and the region stay), for the
  // default profile or a named one (`profile.ci.aws_secret_access_key`).
  new RegExp(
    `\\baws[ \\t]{1,4}configure[ \\t]{1,4}set[ \\t]{1,4}(?:[\\w.-]{1,64}\\.)?(?:aws_secret_access_key|aws_session_token|aws_security_token)[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `-reset-password\\b[^\\r\\n]{0,200}\\r?\\n(?:[^\\r\\n]{0,200}\\r?\\n){0,3}?New value:[ \\t]{0,4}${VALUE}`,
    'gd',
  ),
  // Its output without the command, or with the command too many lines above: the line before says so.
  new RegExp(`\\buser successfully reset\\.?[ \\t]*\\r?\\nNew value:[ \\t]{0,4}${VALUE}`, 'gd'),
];
