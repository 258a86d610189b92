import { type GatedPattern, passwordShaped, runGated } from './gatedPatterns';
import { isPlaceholderValue } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { forEachLineWith, wordSet } from './wordIndex';

/**
 * Configuration files' credential places that a name-value reader does not see as such (hunters F and C,
 * 2026-12-06):
 * - a CloudFormation parameter's `Default:` when the parameter says `NoEcho: true` (YAML or JSON);
 * - Chef's `node.default['postgresql']['password']['postgres'] = '…'`, a credential word among the keys;
 * - an Ansible vault's `vault_…:` variables, whose names end in a credential word or `_root`/`_admin`, and
 *   other `…_admin`/`…_root` names (`locals { grafana_admin = "…" }`) with a password's shape;
 * - a Go struct field's tag `default:"…"` (or `envDefault:"…"`) on a credential-named field;
 * - `pulumi config set name … --secret` (the flag after the value);
 * - strongSwan's and FreeRADIUS's `user : EAP "…"` (also `XAUTH`, `NTLM`);
 * - PgBouncer's `userlist.txt`: lines of `"user" "…"`, by the file's name or a `"pgbouncer"` line;
 * - the first item's `value:` of a YAML list of `keys:`, `secrets:` or `tokens:` (`- name: prod` before it).
 */

/** A value: what the quotes hold, or a run up to a blank (`va`, `vb`, `vc`). */
const VALUE = `(?:"(?<va>[^"\\r\\n]{1,128})"|'(?<vb>[^'\\r\\n]{1,128})'|(?<vc>[^\\s"']{1,128}))`;

const NO_ECHO: readonly GatedPattern[] = [
  {
    re: new RegExp(
      `^(?<i>[ \\t]{1,16})NoEcho:[ \\t]{0,4}["']?true["']?[ \\t]*\\r?\\n(?:\\k<i>[^\\r\\n]{0,200}\\r?\\n){0,6}?\\k<i>Default:[ \\t]{0,4}${VALUE}`,
      'dgm',
    ),
  },
  {
    re: new RegExp(
      `^(?<i>[ \\t]{1,16})Default:[ \\t]{0,4}${VALUE}[ \\t]*\\r?\\n(?:\\k<i>[^\\r\\n]{0,200}\\r?\\n){0,6}?\\k<i>NoEcho:[ \\t]{0,4}["']?true\\b`,
      'dgm',
    ),
  },
  {
    re: /"NoEcho"[ \t]{0,4}:[ \t]{0,4}"?true"?[^{}]{0,300}?"Default"[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\r\n]{1,128})"/dg,
  },
  {
    re: /"Default"[ \t]{0,4}:[ \t]{0,4}"(?<v>[^"\r\n]{1,128})"[^{}]{0,300}?"NoEcho"[ \t]{0,4}:[ \t]{0,4}"?true\b/dg,
  },
];
const NO_ECHO_WORDS = wordSet(['noecho']);

const CREDENTIAL_KEY = `["'][\\w-]{0,30}(?:password|passwd|secret|token|api_key|apikey)[\\w-]{0,20}["']`;

const PATTERNS: readonly GatedPattern[] = [
  {
    re: new RegExp(
      `\\bnode\\.(?:default|override|normal|set|force_default|force_override)(?=[^=\\r\\n]{0,300}\\[${CREDENTIAL_KEY}\\])[^=\\r\\n]{0,300}=[ \\t]{0,4}(?:"(?<va>[^"\\r\\n]{1,128})"|'(?<vb>[^'\\r\\n]{1,128})')`,
      'dgi',
    ),
  },
  {
    re: new RegExp(
      `^[ \\t]{0,8}vault_\\w{0,60}?(?:pass|password|passwd|pwd|secret|token|key|_root|_admin|_pw)[ \\t]{0,4}:[ \\t]{1,4}${VALUE}`,
      'dgmi',
    ),
  },
  {
    // Quoted after `=`; after a YAML colon, quoted or the rest of its line.
    re: new RegExp(
      `\\b\\w{1,40}_(?:admin|root)["']?[ \\t]{0,4}(?:=[ \\t]{0,4}(?=["'])|:[ \\t]{1,4}(?=["']|[^\\s"']{1,128}[ \\t]*$))${VALUE}`,
      'dgm',
    ),
    keep: passwordShaped,
  },
  {
    re: /^[ \t]{0,16}\w{0,40}(?:Password|Passwd|Pwd|PWD|Secret|Token|APIKey|ApiKey|AccessKey|PrivateKey|Pass)[ \t]{1,16}\*?[\w.]{1,40}[ \t]{1,16}`[^`\r\n]{0,200}?\b(?:default|envDefault|env-default)[ \t]{0,2}:"(?<v>[^"\r\n]{1,128})"/dgm,
  },
  {
    re: new RegExp(
      `\\bpulumi[ \\t]{1,4}config[ \\t]{1,4}set[ \\t]{1,4}(?:-[-\\w]{1,20}[ \\t]{1,4}){0,4}[^\\s-]\\S{0,128}[ \\t]{1,4}${VALUE}(?=[^\\r\\n]{0,60}[ \\t]--secret\\b)`,
      'dg',
    ),
  },
  {
    re: new RegExp(
      `^[ \\t]{0,8}(?:keys|secrets|tokens|api_keys)[ \\t]{0,4}:[ \\t]*\\r?\\n(?:[ \\t]{0,12}-[ \\t]{1,4}name[ \\t]{0,4}:[^\\r\\n]{0,100}\\r?\\n)[ \\t]{1,12}value[ \\t]{0,4}:[ \\t]{0,4}${VALUE}`,
      'dgm',
    ),
  },
  {
    re: /^[ \t]{0,8}[^\s:#"]{1,64}[ \t]{1,4}:[ \t]{1,4}(?:EAP|XAUTH|NTLM)[ \t]{1,4}(?:"(?<v>[^"\r\n]{1,128})"|(?<vb>[^\s"]{1,128}))/dgm,
  },
];
const WORDS = wordSet([
  ...['node.default', 'node.override', 'node.normal', 'node.set', 'node.force_', 'vault_', '_admin', '_root'],
  ...['default:"', 'pulumi config set', ' eap ', ' xauth ', ' ntlm ', 'keys:', 'secrets:', 'tokens:'],
]);

/** PgBouncer's userlist line: `"user" "password or verifier"`. */
const USERLIST_LINE = /^"[^"\s]{1,64}"[ \t]{1,8}"([^"\r\n]{1,256})"[ \t]*\r?$/;
const USERLIST_WORDS = wordSet(['userlist', '"pgbouncer"']);
/** Lines read either way from a trigger. */
const MAX_USERLIST_LINES = 200;

export const findConfigDefaults: RecallDetector = (text, out) => {
  runGated(text, NO_ECHO_WORDS, NO_ECHO, out, { before: 8, after: 8 });
  runGated(text, WORDS, PATTERNS, out);
  forEachLineWith(text, USERLIST_WORDS, (from, end) => readUserlist(text, from, end, out));
};

/** Hides the userlist lines that run on from the trigger's line (or from the line after it) both ways. */
function readUserlist(text: string, from: number, end: number, out: RecallSpan[]): number {
  const own = USERLIST_LINE.test(text.slice(from, end));
  let first = own ? from : end + 1;
  // Back over the lines above a `"pgbouncer"` line.
  for (let i = 0; own && i < MAX_USERLIST_LINES && first > 0; i++) {
    const above = text.lastIndexOf('\n', first - 2) + 1;
    if (!USERLIST_LINE.test(text.slice(above, first - 1))) {
      break;
    }
    first = above;
  }
  let at = first;
  for (let i = 0; i < 2 * MAX_USERLIST_LINES && at < text.length; i++) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl === -1 ? text.length : nl;
    const m = USERLIST_LINE.exec(text.slice(at, lineEnd));
    if (m === null) {
      break;
    }
    const start = at + m[0].lastIndexOf(`"${m[1]!}"`) + 1;
    if (m[1]!.length >= 4 && !isPlaceholderValue(m[1]!)) {
      out.push({ start, end: start + m[1]!.length, kind: 'password' });
    }
    at = lineEnd + 1;
  }
  return Math.max(end, at - 1);
}
