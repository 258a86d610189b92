import { lineStart } from '../lineBounds';
import { splitWords } from './credentialName';

/**
 * A plain `Key` is a dictionary's key in most code, and the redact tier hides its value only when it looks
 * generated (namedLiterals.ts). Under a section that names what the key is for, it is that key:
 * ASP.NET's `"Jwt": { "Key": "…", "Issuer": "…" }`, `encryption: { key: … }`, `[signing] key = …`. Hunt G
 * sent eight such JWT signing keys through a diff of appsettings.json (passphrases, words with a year).
 */

/** Section names that say what a `Key` under them signs, encrypts or opens. */
const CREDENTIAL_SECTION =
  /(?:^|[^a-z])(?:jwt|jws|jwe|auth|authentication|signing|signature|secrets?|encryption|crypto|cipher|aes|hmac|tokens?|oauth2?|api|license|licence|webhooks?|security|session|cookies?)(?:$|[^a-z])/i;

/** A line that opens a section: a name (quoted or not, `[name]` for INI) and `{`, `:` or nothing more. */
const SECTION_LINE =
  /^([ \t]*)(?:\+|-)?[ \t]*(?:\[([A-Za-z][\w.-]{0,63})\]|["']?([A-Za-z][\w.-]{0,63})["']?[ \t]*[:=]?[ \t]*\{?)[ \t]*$/;

/** How many lines up from the key its section is looked for. */
const REACH = 8;

/**
 * How far back a line's start is looked for: a key further into its line than this stands in no section (a
 * minified or one-line text), and a longer line above ends the search. Unbounded, each key on one long line
 * read back to its start: 200 KB of `the key ` took 0.8 s, 400 KB 3 s.
 */
const MAX_LINE = 1024;

/** Where the line holding `at` starts, or undefined if that is more than `MAX_LINE` back. */
function startOf(text: string, at: number): number | undefined {
  const start = lineStart(text, at, MAX_LINE);
  return start === 0 || text.charCodeAt(start - 1) === 10 ? start : undefined;
}

/** The indentation of the line holding `at`, and where that line starts (undefined: see `startOf`). */
function lineAt(text: string, at: number): { start: number; indent: number } | undefined {
  const start = startOf(text, at);
  if (start === undefined) {
    return undefined;
  }
  let i = start;
  while (i < at && (text[i] === ' ' || text[i] === '\t' || text[i] === '+' || text[i] === '-')) {
    i++;
  }
  return { start, indent: i - start };
}

/**
 * Whether the name at `at` (a plain `Key`) stands in a section whose name is credential-like: the nearest
 * line above it, within {@link REACH} lines, that opens a section less indented than the key's own line (an
 * INI `[section]` at any indentation). A diff's `+`/`-` marks count as indentation. Reads at most
 * `REACH` lines of `MAX_LINE` back: constant work per key.
 */
export function inCredentialSection(text: string, at: number): boolean {
  const own = lineAt(text, at);
  if (own === undefined) {
    return false;
  }
  let end = own.start - 1;
  for (let n = 0; n < REACH && end > 0; n++) {
    const start = startOf(text, end);
    if (start === undefined) {
      return false;
    }
    const line = text.slice(start, end).replace(/\r$/, '');
    const m = line.length <= 160 ? SECTION_LINE.exec(line) : null;
    if (m !== null && (m[2] !== undefined || lineAt(text, start + line.length)!.indent < own.indent)) {
      return CREDENTIAL_SECTION.test(m[2] ?? m[3]!);
    }
    end = start - 1;
  }
  return false;
}

/** Words before `key` that make it a provider's or a signing key, which a test may give any value. */
const KEY_OWNERS = new Set([
  'api',
  'secret',
  'private',
  'access',
  'master',
  'signing',
  'encryption',
  'auth',
  'client',
  'app',
  'account',
  'license',
  'hmac',
  'jwt',
]);

/** Whether `name`'s `key` is a credential by its qualifier (`api_key`, `PRIVATE_KEY`), not by being a key. */
export function namesApiKey(name: string): boolean {
  const words = splitWords(name);
  const at = words.lastIndexOf('key');
  return at <= 0 || KEY_OWNERS.has(words[at - 1]!);
}
