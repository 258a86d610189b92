import { LDAP_TOOL } from '../rules/serverPasswords';
import { holdsLiterals, requiredLiterals } from '../requiredLiterals';
import { patternFact } from '../patternFacts';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { MORE_TOOL_PASSWORDS, tool, VALUE } from './toolPatterns';
import { PASTED_TOOL_PASSWORDS, PASTED_TOOL_WORDS } from './pastedTools';
import { type WordSet, wordPlaces, wordSet } from './wordIndex';

/**
 * Passwords that command-line tools take in a place of their own, which no credential-named flag marks:
 * - the OpenLDAP clients' bind password, `-w` (`ldapsearch -x -D "cn=admin,…" -w '…'`);
 * - an RDP client's `/p:` (`xfreerdp /u:Administrator /p:…`);
 * - Windows `net use Z: \\host\share <password> /user:<user>`, the word after the share;
 * - `htpasswd -b [-c…] <file> <user> <password>`, the last of its three words;
 * - OpenSSL's `-k <password>` and `pass:<password>` (`-passin`, `-passout`, `-pass`), zip's and unzip's `-P`,
 *   7-Zip's `-p<password>`, `redis-cli -a`, the MongoDB shells' `-p`, Samba's `-U user%password`;
 * - `sqlcmd`'s, `bcp`'s and `osql`'s `-P`, `ssh-keygen -N`/`-P` (a new and an old passphrase), the Java tools'
 *   `-storepass` and `-keypass`, `net user <name> <password>`, `openssl passwd [-6] <password>`, and
 *   `echo "user:<password>" | chpasswd`;
 * - servers', clouds' and system tools' own places, listed in toolPatterns.ts (Oracle's `user/pw@db`, a Go
 *   DSN, `etcdctl`, `lftp`, `mosquitto_pub`, `wmic`, `signtool`, `rabbitmqctl`, `az keyvault`, `gh secret`,
 *   Cisco's `secret 0`, HAProxy, Redis `AUTH` and ACLs, debconf, a secret piped into `sudo -S`, and more);
 * - a secret a login command reads from its input: `echo <secret> | docker login … --password-stdin`,
 *   `gh auth login --with-token <<< <secret>`.
 * The value is quoted or runs to the next blank; a variable (`$PW`, `%PW%`), a template or `*` (net use's
 * prompt) is not one.
 */

/** Flags by which a login command reads its secret from its input. */
const FROM_INPUT = '(?:--password-stdin|--with-token|--token-stdin)\\b';

// Each holds one VALUE and no other group: the value's place is read from the match's indices.
const TOOL_PASSWORDS: readonly RegExp[] = [
  new RegExp(`\\b${LDAP_TOOL}\\b[^\\r\\n]{0,240}?[ \\t]-w[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`\\b(?:xfreerdp|wlfreerdp|sdl-freerdp)\\b[^\\r\\n]{0,240}?[ \\t][/+]p:${VALUE}`, 'gd'),
  new RegExp(
    `\\bnet[ \\t]{1,4}use[ \\t]{1,4}(?:[A-Za-z]:[ \\t]{1,4})?\\\\\\\\[^\\s]{1,200}[ \\t]{1,4}${VALUE}(?=[ \\t]{1,4}/user:)`,
    'gid',
  ),
  new RegExp(
    `\\bhtpasswd[ \\t]{1,4}-[A-Za-z]*b[A-Za-z]*(?:[ \\t]{1,4}-[A-Za-z]{1,8})*[ \\t]{1,4}[^\\s-][^\\s]{0,200}[ \\t]{1,4}[^\\s]{1,64}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('openssl', '-k')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('openssl', '-pass(?:in|out|word)?')}[ \\t]{1,4}["']?pass:${VALUE}`, 'gd'),
  new RegExp(`${tool('(?:zip|unzip|zipcloak)', '-P')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('7z[ar]?', '-p')}${VALUE}`, 'gd'),
  new RegExp(`${tool('redis-cli', '-a')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(
    `${tool('(?:mongo|mongosh|mongodump|mongorestore|mongoexport|mongoimport)', '-p')}[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  new RegExp(
    `${tool('(?:smbclient|rpcclient|smbmap|smbget)', '(?:-U|--user=)')}[ \\t]{0,4}["']?[^\\s%"']{1,64}%${VALUE}`,
    'gd',
  ),
  new RegExp(`${tool('(?:sqlcmd|bcp|osql|isql)', '-P')}[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`${tool('ssh-keygen', '-[NP]')}[ \\t]{1,4}${VALUE}`, 'gd'),
  // Distinctive enough alone, and a line may carry both (`keytool … -storepass … -keypass …`).
  new RegExp(`(?<![\\w-])-(?:src|dest|new)?(?:store|key)pass[ \\t]{1,4}${VALUE}`, 'gd'),
  new RegExp(`\\bnet[ \\t]{1,4}user[ \\t]{1,4}[^\\s/*]{1,64}[ \\t]{1,4}${VALUE}`, 'gid'),
  new RegExp(
    `\\bopenssl[ \\t]{1,4}passwd(?:[ \\t]{1,4}-(?:1|5|6|apr1|crypt|aixmd5)|[ \\t]{1,4}-salt[ \\t]{1,4}[^\\s]{1,64})*[ \\t]{1,4}${VALUE}`,
    'gd',
  ),
  // The value is the first group here, the two empty ones keep the others' numbering.
  new RegExp(
    `\\b(?:echo|printf)[ \\t]{1,4}["']?[^\\s:"']{1,64}:([^\\s"']{1,128})()()["']?[ \\t]{0,4}\\|[ \\t]{0,4}(?:sudo[ \\t]{1,4})?chpasswd\\b`,
    'gd',
  ),
  new RegExp(
    `\\b(?:echo|printf)[ \\t]{1,4}(?:-[neE]{1,2}[ \\t]{1,4})?${VALUE}[ \\t]{0,4}\\|[^\\r\\n]{0,200}?${FROM_INPUT}`,
    'gd',
  ),
  new RegExp(`${FROM_INPUT}[^\\r\\n|]{0,120}?<<<[ \\t]{0,4}${VALUE}`, 'gd'),
];

const PATTERNS: readonly RegExp[] = [...TOOL_PASSWORDS, ...MORE_TOOL_PASSWORDS];

/**
 * A word every pattern's line holds (a tool's name, a flag, `password`), lower-case: the patterns run only
 * over the runs of lines that hold one, found by the shared word search (wordIndex.ts). A word the patterns
 * want whole (`net use`, `exp user/pw@db`, `gh secret`) is listed with the blank after it, so that `network`
 * and `export` do not open lines.
 */
const TOOL_WORDS = wordSet([
  ...[
    'pass',
    'pulumi',
    'poetry',
    'secret',
    'security',
    'snmp',
    'sudo',
    'sqlcmd',
    'sqlplus',
    'sqlldr',
    'stdin',
  ],
  ...['stats', 'smb', 'ssh-keygen', 'signtool', 'token', 'tacacs', 'auth', 'acl', 'ldap', 'lftp', 'freerdp'],
  ...['htpasswd', 'openssl', 'osql', 'onesixtyone', 'zip', '7z', 'redis', 'rpcclient', 'rman', 'rabbitmqctl'],
  ...['radius', 'mongo', 'mosquitto', 'isql', 'chpasswd', 'conan', 'cmdkey', 'certutil', 'composer', 'conn'],
  ...['expdp', 'impdp', 'etcdctl', 'dgmgrl', 'doctl', 'bundle', 'bcp', 'wmic', 'winrs', 'kinit', 'nmcli'],
  ...[
    '@tcp(',
    '@unix(',
    '@udp(',
    'login',
    'wifi',
    'consul',
    'convertto',
    'rootpw',
    'key content',
    'jsessionid',
    'sonar.',
    'authinfo:',
    'sp_addlinkedsrvlogin',
  ],
  ...['assword', 'vercel', 'apikey', 'api-key', 'community', 'psk', 'user_', 'cache_peer', 'rclone'],
  ...['user', 'net', 'gh', 'exp', 'imp', 'az', 'mc'].flatMap((w) => [`${w} `, `${w}\t`]),
]);

const PASTED_WORDS = wordSet(PASTED_TOOL_WORDS);

export const findToolPasswords: RecallDetector = (text, out) => {
  toolRuns(text, TOOL_WORDS, PATTERNS, out);
  toolRuns(text, PASTED_WORDS, PASTED_TOOL_PASSWORDS, out);
};

/** Runs `patterns` over the runs of lines that hold a word of `words`. */
function toolRuns(text: string, words: WordSet, patterns: readonly RegExp[], out: RecallSpan[]): void {
  const needs = literalsOf(patterns);
  for (const [from, to] of triggeredRuns(text, words)) {
    const slice = text.slice(from, to);
    let folded: string | undefined;
    for (let p = 0; p < patterns.length; p++) {
      // A run without a text every match holds (a tool's name, a flag) holds no match: `includes` says so
      // for a fraction of the pattern's search (on 100 KB of an SDK's code, its lines full of `token` and
      // `auth`, 2.5 -> 0.9 ms). A pattern that ignores case is asked of the run in lower case.
      const need = needs[p]!;
      if (
        need.folded
          ? !holdsLiterals((folded ??= slice.toLowerCase()), need.literals)
          : !holdsLiterals(slice, need.literals)
      ) {
        continue;
      }
      const re = patterns[p]!;
      // `exec` on the pattern itself: `matchAll` copies the pattern at each call, which over some sixty runs
      // of a file's lines cost more than the searches (1.6 ms against 0.75 on 100 KB of an SDK's code).
      re.lastIndex = 0;
      for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
        const value = m[1] ?? m[2] ?? m[3]!;
        const group = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
        const start = from + m.indices![group]![0];
        if (
          value.length < 4 ||
          value === '*' ||
          isNextFlag(value, group === 3, text.slice(Math.max(from, start - 80), start)) ||
          /^(?:\$\{?\w+\}?|%\w+%|\$\(.*\))$/.test(value) ||
          isPlaceholderValue(value)
        ) {
          continue;
        }
        out.push({ start, end: start + value.length, kind: 'password' });
      }
    }
  }
}

/** Texts every match of a pattern holds; `folded`: in lower case, to be looked for in the lower-cased run. */
interface Needed {
  readonly literals: readonly string[];
  readonly folded: boolean;
}

/** Each pattern's required literals, read once per list. */
const literalsByList = new WeakMap<readonly RegExp[], readonly Needed[]>();

function literalsOf(patterns: readonly RegExp[]): readonly Needed[] {
  let needs = literalsByList.get(patterns);
  if (needs === undefined) {
    needs = patterns.map(neededBy);
    literalsByList.set(patterns, needs);
  }
  return needs;
}

/**
 * What every match of `re` holds. A pattern that ignores case is read as written (its letters exact) and
 * its ASCII literals lower-cased: without flag `u` a match's ASCII letters are the pattern's in some case, so
 * the lower-cased run holds them (lower-casing never turns an ASCII letter into anything else).
 */
function neededBy(re: RegExp): Needed {
  if (!re.flags.includes('i')) {
    return { literals: patternFact('literals', re, () => requiredLiterals(re)), folded: false };
  }
  if (/[uv]/.test(re.flags)) {
    return { literals: [], folded: false };
  }
  const literals = patternFact('folded-literals', re, () =>
    requiredLiterals(new RegExp(re.source, re.flags.replace('i', '')))
      .filter((l) => !/[^\x20-\x7e]/.test(l))
      .map((l) => l.toLowerCase()),
  );
  return { literals, folded: true };
}

/**
 * Whether a value that starts with `-` is the command's next flag (`redis-cli -a -h host`, `["redis-cli", "-a",
 * "--no-auth-warning"]`) rather than a password that starts with one (hunter G): a bare word after a flag
 * and a blank is the next flag, and so is a quoted one shaped like a flag (lower-case). Glued to its flag
 * (`7z a -p-…`, `-U 'user%-…'`), quoted otherwise (`redis-cli -a '-…'`) or after a word (`AUTH user -…`),
 * it is the value. `before` is the text before the value on its line.
 */
function isNextFlag(value: string, bare: boolean, before: string): boolean {
  if (!value.startsWith('-')) {
    return false;
  }
  return bare ? /(?:^|\s)[-/]\S*[ \t]+$/.test(before) : /^--?[a-z][a-z0-9-]*(?:=\S*)?$/.test(value);
}

/** The runs of whole lines (start, end) that hold a `TOOL_WORDS` word and the line after each, merged. */
function triggeredRuns(text: string, words: WordSet): [number, number][] {
  const runs: [number, number][] = [];
  let resume = 0;
  for (const at of wordPlaces(text, words)) {
    if (at < resume) {
      continue; // a line already taken
    }
    const from = at === 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
    const newline = text.indexOf('\n', at);
    const nl = newline === -1 ? text.length : newline;
    // Two lines after too: expect's answer stands on the line after its prompt, an OpenVPN profile's
    // password two lines after `<auth-user-pass>`.
    const next = nl < text.length ? text.indexOf('\n', nl + 1) : -1;
    const second = next === -1 ? -1 : text.indexOf('\n', next + 1);
    const end = nl >= text.length || next === -1 || second === -1 ? text.length : second;
    const last = runs[runs.length - 1];
    if (last !== undefined && last[1] >= from - 1) {
      last[1] = Math.max(last[1], end);
    } else {
      runs.push([from, end]);
    }
    resume = nl + 1;
  }
  return runs;
}
