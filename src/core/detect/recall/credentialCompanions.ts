import type { RecallDetector } from './recallSpan';

/**
 * The other half of a credential pair: the e-mail, user, host, domain, server or URL given next to a key,
 * token, secret or password. Services that sign in with two values (an e-mail and a key, a host and a key)
 * make the first as much a part of the credential as the second, and peers' fixtures mark it so:
 *
 *   Key=wdvn-…            couchbase_domain: "couchbases://…"     azure_url: https://…/indexes/…
 *   Email = someone@…     couchbase_password: "…"                azure_key: …
 *
 * Only a value under such a name, in the same assignment group as a credential-named value that another
 * detector of the tier hid (no blank line between them, at most {@link REACH} lines apart), is hidden: e-mails and hosts elsewhere in code stay.
 * The detector runs last so that it sees the others' spans. An id (`hive_id`) counts only when it shares its service prefix with the credential (`hive_secret`).
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

/** The service prefix of a name: `couchbase` for `couchbase_password`, `azure` for `azureFunctionkey`. */
function prefixOf(name: string): string {
  const m = /^([A-Za-z][a-z0-9]{1,31}?)(?:[_.-]|(?=[A-Z]))/.exec(name);
  return m ? m[1]!.toLowerCase() : '';
}

/** `counts[i]`: how many of the first `i` characters some span in `spans` covers. Linear in both. */
function hiddenCounts(length: number, spans: readonly { start: number; end: number }[]): Int32Array {
  const depth = new Int32Array(length + 1);
  for (const s of spans) {
    if (s.start >= 0 && s.start < s.end && s.end <= length) {
      depth[s.start]!++;
      depth[s.end]!--;
    }
  }
  const counts = new Int32Array(length + 1);
  let open = 0;
  for (let i = 0; i < length; i++) {
    open += depth[i]!;
    counts[i + 1] = counts[i]! + (open > 0 ? 1 : 0);
  }
  return counts;
}

export const findCredentialCompanions: RecallDetector = (text, out) => {
  const credentials: Assignment[] = [];
  const companions: Assignment[] = [];
  // Line numbers and the assignment group (runs of lines with no blank line between) of each position.
  const groupOfLine: number[] = [0];
  let group = 0;
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      if (text.slice(lineStart, i).trim() === '') {
        group++;
      }
      groupOfLine[groupOfLine.length - 1] = group;
      groupOfLine.push(group);
      lineStart = i + 1;
    }
  }
  let line = 0;
  let scanned = 0;
  ASSIGNMENT.lastIndex = 0;
  for (let m = ASSIGNMENT.exec(text); m; m = ASSIGNMENT.exec(text)) {
    for (; scanned < m.index; scanned++) {
      if (text.charCodeAt(scanned) === 10) {
        line++;
      }
    }
    const rawName = m[2]!;
    const value = m[4] ?? m[5] ?? '';
    const valueStart = m.index + m[0].length - value.length - (m[3] ? 1 : 0);
    const name = rawName.toLowerCase();
    if (value.length === 0 || isPlaceholder(value)) {
      continue;
    }
    const at: Assignment = { line, name: rawName, start: valueStart, end: valueStart + value.length };
    if (CREDENTIAL_NAME.test(name)) {
      if (value.length >= 8) {
        credentials.push(at);
      }
    } else if (COMPANION_NAME.test(name) || ID_NAME.test(name)) {
      if (value.length >= 3 && /[A-Za-z0-9]/.test(value)) {
        companions.push(at);
      }
    }
  }
  if (credentials.length === 0) {
    return;
  }
  // A pair counts only when another detector hid (part of) its credential: a key the tier leaves alone
  // (too short, too regular, a placeholder) does not make its e-mail or host a secret.
  const hiddenBefore = hiddenCounts(text.length, out);
  const hidden = (a: Assignment): boolean => hiddenBefore[a.end]! - hiddenBefore[a.start]! > 0;
  // Per line: whether it holds a credential, and the service prefixes of its credentials' names.
  const credentialLines = new Map<number, Set<string>>();
  for (const cred of credentials) {
    if (!hidden(cred)) {
      continue;
    }
    const prefixes = credentialLines.get(cred.line) ?? new Set<string>();
    prefixes.add(prefixOf(cred.name));
    credentialLines.set(cred.line, prefixes);
  }
  for (const c of companions) {
    const isId = !COMPANION_NAME.test(c.name.toLowerCase());
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
