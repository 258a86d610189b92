import { lastAtOrBefore } from '../../sortedSearch';
import type { RecallDetector } from './recallSpan';
import { forEachLineWith, wordSet } from './wordIndex';

/**
 * The other half of a credential pair: the user, or the URL with a path, given next to a key, token,
 * secret or password. Services that sign in with two values make the first part of the credential, and
 * peers' fixtures mark it so:
 *
 *   Key=wdvn-…            couchbase_username: "admin"     azure_url: https://…/indexes/…
 *   User = svc_…          couchbase_password: "…"         azure_key: …
 *
 * Only a value under such a name, in the same assignment group as a credential-named value that another
 * detector of the tier hid (no blank line between them, at most {@link REACH} lines apart), is hidden.
 * An address written out whole (an e-mail, a host name, a URL of a scheme and a host only) stays: it says
 * where the account lives, not how to sign in, and the reader needs it (2026-12-05: hiding them changed
 * 14 spans in the external corpus's negatives a run and no leak). The detector runs last so that it sees
 * the others' spans. An id (`hive_id`) counts only when it shares its service prefix with the credential
 * (`hive_secret`).
 */
/** A name, its optional quotes, `=` or `:`, and the value: quoted (no line break) or bare up to a space. */
const ASSIGNMENT =
  /(?<![A-Za-z0-9_$.-])(["']?)([A-Za-z][A-Za-z0-9_.-]{0,47})\1?[ \t]{0,4}(?::=|=|:)(?![:=/])[ \t]{0,4}(?:(["'])([^"'\r\n]{1,400})\3|([^\s"'`,;]{1,400}))/g;

/** How many lines apart the two halves of a pair may be. */
const REACH = 3;

const CREDENTIAL_NAME = /(?:key|token|secret|password|passwd|pwd|passphrase|credentials?)$/;
const COMPANION_NAME =
  /(?:e?mail|mailaddress|user|username|login|host|hostname|domain|server|url|uri|endpoint)$/;
const ID_NAME = /^([a-z][a-z0-9]{1,31})[_.-]?id$/;

interface Assignment {
  readonly line: number;
  /** The name lower-cased, separators kept (`couchbase_domain`). */
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** A value that is a placeholder or a flag, not data: `$DB_HOST`, `${host}`, `<host>`, `true`, `null`. */
function isPlaceholder(value: string): boolean {
  return /^(?:\$|\{\{|<|%|true$|false$|null$|none$|nil$|undefined$)/i.test(value);
}

/**
 * An address, written out whole: an e-mail (`someone@example.test`), a host name with an optional port
 * (`api-secure-03.internal`, `example.aha.io:8443`), or a URL that names only a scheme and a host
 * (`https://test.scm.azure.net/`). It says where an account lives, not how to sign in, and a reader needs
 * it to follow the code; a URL with a path or a query may carry a key (`/api/<key>`, `?code=`) and is still
 * hidden. Bounded: the value is at most 400 characters and each pattern is one linear pass.
 */
const HOST = '[A-Za-z0-9][A-Za-z0-9_-]{0,62}(?:\\.[A-Za-z0-9_-]{1,63}){1,10}';
const EMAIL = new RegExp(`^[A-Za-z0-9._%+-]{1,64}@${HOST}$`);
const HOST_OR_ORIGIN = new RegExp(`^(?:[a-z][a-z0-9+.-]{1,15}://)?${HOST}(?::[0-9]{1,5})?/?$`);
function isAddress(value: string): boolean {
  return EMAIL.test(value) || HOST_OR_ORIGIN.test(value);
}

/** The service prefix of a name: `couchbase` for `couchbase_password`, `azure` for `azureFunctionkey`. */
function prefixOf(name: string): string {
  const m = /^([A-Za-z][a-z0-9]{1,31}?)(?:[_.-]|(?=[A-Z]))/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Whether some span of `spans` (those with valid bounds in a text of `length`) covers a character of
 * [start, end): the spans sorted by start, with the furthest end reached so far, and a binary search per
 * question. A table per character of the text cost more than the rest of the detector on a large text.
 */
function coverage(
  length: number,
  spans: readonly { start: number; end: number }[],
): (start: number, end: number) => boolean {
  const valid = spans
    .filter((s) => s.start >= 0 && s.start < s.end && s.end <= length)
    .sort((a, b) => a.start - b.start);
  const starts = valid.map((s) => s.start);
  const reach: number[] = [];
  for (const s of valid) {
    reach.push(Math.max(s.end, reach[reach.length - 1] ?? 0));
  }
  return (start, end) => {
    // The last span starting before `end`: any span that starts before it reaches no further.
    const i = lastAtOrBefore(starts, end - 1);
    return valid.length > 0 && starts[i]! < end && reach[i]! > start;
  };
}

/** A line that may hold a credential-named assignment: it holds one of `CREDENTIAL_NAME`'s words (lower case). */
const CREDENTIAL_WORD = wordSet(['key', 'token', 'secret', 'passw', 'pwd', 'passphrase', 'credential']);

/**
 * The assignments on lines `from` to `to` (inclusive), each line read on its own: no assignment crosses a
 * line break (neither a name, the blanks around its operator nor a value holds one), so reading a line by
 * itself finds what reading the whole text finds on it.
 */
function assignmentsOn(text: string, lineStarts: readonly number[], line: number, into: Assignment[]): void {
  const start = lineStarts[line]!;
  const end = line + 1 < lineStarts.length ? lineStarts[line + 1]! - 1 : text.length;
  const body = text.slice(start, end);
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(body); m; m = ASSIGNMENT.exec(body)) {
    const value = m[4] ?? m[5] ?? '';
    if (value.length === 0 || isPlaceholder(value)) {
      continue;
    }
    const valueStart = start + m.index + m[0].length - value.length - (m[3] ? 1 : 0);
    into.push({ line, name: m[2]!, start: valueStart, end: valueStart + value.length });
  }
}

/** Whether `text` holds only white space from `start` to `end` (what `trim` removes), read in place. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && (c > 13 || c < 9) && (c < 128 || !/\s/.test(text[i]!))) {
      return false;
    }
  }
  return true;
}

export const findCredentialCompanions: RecallDetector = (text, out) => {
  // Where each line starts, and its assignment group (runs of lines with no blank line between). One
  // entry more than there are lines, as a line number past the last one may be asked for.
  const lineStarts: number[] = [];
  const groupOfLine: number[] = [];
  let group = 0;
  for (let start = 0; ;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl;
    if (isBlank(text, start, end)) {
      group++;
    }
    lineStarts.push(start);
    groupOfLine.push(group);
    if (nl === -1) {
      break;
    }
    start = nl + 1;
  }
  groupOfLine.push(group);
  // Only lines with a credential word can hold a credential, and only lines near one a companion: the
  // assignment pattern, which has no literal to skip ahead to, runs on those lines alone.
  const credentials: Assignment[] = [];
  forEachLineWith(text, CREDENTIAL_WORD, (from) => {
    const found: Assignment[] = [];
    assignmentsOn(text, lineStarts, lastAtOrBefore(lineStarts, from), found);
    for (const at of found) {
      if (CREDENTIAL_NAME.test(at.name.toLowerCase()) && at.end - at.start >= 8) {
        credentials.push(at);
      }
    }
  });
  if (credentials.length === 0) {
    return;
  }
  // A pair counts only when another detector hid (part of) its credential: a key the tier leaves alone
  // (too short, too regular, a placeholder) does not make its e-mail or host a secret.
  const covered = coverage(text.length, out);
  // Per line: whether it holds a credential, and the service prefixes of its credentials' names.
  const credentialLines = new Map<number, Set<string>>();
  for (const cred of credentials) {
    if (!covered(cred.start, cred.end)) {
      continue;
    }
    const prefixes = credentialLines.get(cred.line) ?? new Set<string>();
    prefixes.add(prefixOf(cred.name));
    credentialLines.set(cred.line, prefixes);
  }
  // The lines within reach of a credential, in order, each read once.
  const near = new Set<number>();
  for (const l of credentialLines.keys()) {
    for (let c = Math.max(0, l - REACH); c <= Math.min(lineStarts.length - 1, l + REACH); c++) {
      near.add(c);
    }
  }
  const assignments: Assignment[] = [];
  for (const line of [...near].sort((a, b) => a - b)) {
    assignmentsOn(text, lineStarts, line, assignments);
  }
  for (const c of assignments) {
    const name = c.name.toLowerCase();
    if (
      CREDENTIAL_NAME.test(name) ||
      !(COMPANION_NAME.test(name) || ID_NAME.test(name)) ||
      c.end - c.start < 3 ||
      !/[A-Za-z0-9]/.test(text.slice(c.start, c.end)) ||
      (COMPANION_NAME.test(name) && isAddress(text.slice(c.start, c.end)))
    ) {
      continue;
    }
    const isId = !COMPANION_NAME.test(name);
    const prefix = prefixOf(c.name);
    if (isId && prefix === '') {
      continue;
    }
    for (let l = c.line - REACH; l <= c.line + REACH; l++) {
      const prefixes = credentialLines.get(l);
      if (prefixes && groupOfLine[l] === groupOfLine[c.line] && (!isId || prefixes.has(prefix))) {
        out.push({ start: c.start, end: c.end, kind: 'credential-companion' });
        break;
      }
    }
  }
};
