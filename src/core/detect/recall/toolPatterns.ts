/**
 * The pieces of toolPasswords.ts's patterns, and its patterns for servers', clouds' and system tools' own
 * password places. Each pattern holds one `VALUE` (three groups: double-quoted, single-quoted, bare) and no
 * other group; toolPasswords.ts reads the value's place from the match's indices.
 */

/** A value as a shell passes it: what the quotes hold, or a run up to a blank. */
export const VALUE = `(?:"([^"\\r\\n]{1,128})"|'([^'\\r\\n]{1,128})'|([^\\s"']{1,128}))`;

/** What a line says up to a tool's flag: the tool's name, then up to 240 characters of its line. */
export const tool = (name: string, flag: string): string => `\\b${name}\\b[^\\r\\n]{0,240}?[ \\t]${flag}`;

/** A word of a line: a run without blanks or quotes. */
const WORD = `[^\\s"']{1,128}`;
/** `echo <secret> |` or `printf '<secret>' |`, then a command on the same line. */
const PIPED = `\\b(?:echo|printf)[ \\t]{1,4}(?:-[neE]{1,2}[ \\t]{1,4})?${VALUE}[ \\t]{0,4}\\|[ \\t]{0,4}`;

export const MORE_TOOL_PASSWORDS: readonly RegExp[] = [
  // Oracle's `user/password@db` (sqlplus, rman, exp/imp, expdp/impdp, sqlldr, dgmgrl); SQL*Plus's `CONNECT`
  // only with its `@db` (prose says "connect to/from").
  new RegExp(
    `\\b(?:sqlplus|rman|expdp|impdp|exp|imp|sqlldr|dgmgrl)\\b[ \\t]{1,8}(?:-[sSLl][ \\t]{1,4})*(?:userid=|target[ \\t]{1,4})?["']?[A-Za-z_][\\w$#]{0,30}/${VALUE}(?=@|[ \\t"']|$)`,
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
  new RegExp(
    `${tool('(?:conan|mosquitto_pub|mosquitto_sub|mosquitto_rr)', '-[pP]')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('(?:wmic|cmdkey)', '/(?:password|pass):')}${VALUE}`, 'gid'),
  new RegExp(`${tool('winrs', '-p(?:assword)?:')}${VALUE}`, 'gid'),
  new RegExp(`${tool('(?:signtool|certutil)', '[/-]p')}[ \\t]{1,4}${VALUE}`, 'gid'),
  new RegExp(`${tool('security', '-[pP]')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(
    `\\brabbitmqctl[ \\t]{1,4}(?:add_user|change_password)[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${PIPED}(?:sudo[ \\t]{1,4}-S|passwd[ \\t]{1,4}--stdin|kinit)\\b`, 'gd'),
  new RegExp(
    `${tool('(?:snmpwalk|snmpget|snmpset|snmpbulkwalk|snmpbulkget|snmptrap|onesixtyone)', '-c')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // Clouds' and secret stores' CLIs, each with its own place for the value.
  new RegExp(`${tool('az[ \\t]{1,4}keyvault[ \\t]{1,4}secret', '--value')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('gh[ \\t]{1,4}secret[ \\t]{1,4}set', '(?:--body|-b)')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(
    `\\bpulumi[ \\t]{1,4}config[ \\t]{1,4}set[ \\t]{1,4}--secret[ \\t]{1,4}${WORD}[ \\t]{1,4}${VALUE}`,
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
];
