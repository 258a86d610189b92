import { endsEnclosingString } from './enclosingString';
import { isPathLike } from './rules/valueChecks';
import { randomLetterRun } from './rules/letterPairs';
import { randomLetters } from './rules/letterRuns';
/**
 * Suppression that needs the text around a candidate: environment-variable and template references,
 * lockfile integrity hashes and digests, git SHAs, UUIDs, base64 media in data URIs, and public-key
 * material. Every look is bounded (a short stretch of the line, or a memo built once per scan), so a
 * hostile file with many candidates stays linear.
 */

/** How far back on the line the reference and digest checks look. */
const BEFORE = 96;
/** How much of the line around a candidate the hash-context check reads. */
const AROUND = 160;

/** Per-scan state that keeps the data-URI and PEM-block lookups linear. Create one per scanned text. */
export class ContextMemo {
  /** The last base64 run found: candidates inside it skip the backward scan. */
  private runStart = -1;
  private runEnd = -1;
  private pem: PemBlock[] | undefined;

  /** Questions asked of the line reads below: past `INDEXED_AFTER`, they are answered from an index. */
  private asked = 0;
  /** Offsets of the text's `\n`s, ascending, found once (`indexOf`) when the index is made. */
  private breaks: number[] | undefined;
  /** Where each `ssh-` and `ecdsa-` of the text starts and ends, by start, found once likewise. */
  private sshStarts: number[] | undefined;
  private sshEnds: number[] = [];

  constructor(private readonly text: string) {}

  /**
   * Start of the line holding `at`, looking back at most `limit` characters. The first questions read back
   * character by character; past `INDEXED_AFTER` of them (a line of thousands of candidates, each reading back
   * up to a kilobyte) the text's line breaks are found once and searched. The same answer either way.
   */
  lineStart(at: number, limit: number): number {
    const floor = Math.max(0, at - limit);
    if (this.breaks === undefined && ++this.asked <= INDEXED_AFTER) {
      for (let i = at - 1; i >= floor; i--) {
        if (this.text.charCodeAt(i) === 10) {
          return i + 1;
        }
      }
      return floor;
    }
    if (this.breaks === undefined) {
      this.breaks = [];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) {
        this.breaks.push(i);
      }
    }
    const k = lastBefore(this.breaks, at);
    return Math.max(floor, k === -1 ? 0 : this.breaks[k]! + 1);
  }

  /** Whether an `ssh-` or an `ecdsa-` lies wholly within [from, to) of the text (indexed as `lineStart`). */
  sshMarkWithin(from: number, to: number): boolean {
    if (this.sshStarts === undefined && ++this.asked <= INDEXED_AFTER) {
      const head = this.text.slice(from, to);
      return head.includes('ssh-') || head.includes('ecdsa-');
    }
    if (this.sshStarts === undefined) {
      const marks: [number, number][] = [];
      for (const mark of ['ssh-', 'ecdsa-']) {
        for (let i = this.text.indexOf(mark); i !== -1; i = this.text.indexOf(mark, i + 1)) {
          marks.push([i, i + mark.length]);
        }
      }
      marks.sort((a, b) => a[0] - b[0]);
      this.sshStarts = marks.map((m) => m[0]);
      this.sshEnds = marks.map((m) => m[1]);
    }
    const starts = this.sshStarts;
    for (let k = lastBefore(starts, from) + 1; k < starts.length && starts[k]! < to; k++) {
      if (this.sshEnds[k]! <= to) {
        return true;
      }
    }
    return false;
  }

  /** Start of the run of base64 characters that ends at `at` (exclusive). */
  base64RunStart(at: number): number {
    if (at >= this.runStart && at <= this.runEnd && this.runStart >= 0) {
      return this.runStart;
    }
    let i = at;
    while (i > 0 && isBase64(this.text.charCodeAt(i - 1))) {
      i--;
      if (i === this.runEnd && this.runStart >= 0) {
        i = this.runStart;
        break;
      }
    }
    this.runStart = i;
    this.runEnd = at;
    return i;
  }

  /** The PEM block (`-----BEGIN X-----` … `-----END X-----`) holding `at`, if any. */
  pemBlockAt(at: number): PemBlock | undefined {
    this.pem ??= findPemBlocks(this.text);
    let lo = 0;
    let hi = this.pem.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const block = this.pem[mid]!;
      if (at < block.start) {
        hi = mid - 1;
      } else if (at >= block.end) {
        lo = mid + 1;
      } else {
        return block;
      }
    }
    return undefined;
  }
}

interface PemBlock {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

function findPemBlocks(text: string): PemBlock[] {
  // Every BEGIN and END marker in two linear passes, then each BEGIN is paired with the next END by
  // binary search: a file of a million unterminated BEGINs must not rescan the text per marker.
  const ends = markerPositions(text, '-----END ');
  const blocks: PemBlock[] = [];
  let from = 0;
  for (const begin of markerPositions(text, '-----BEGIN ')) {
    if (begin < from) {
      continue;
    }
    const label = pemLabel(text, begin + 11);
    const end = label === undefined ? undefined : firstAtOrAfter(ends, begin);
    if (label === undefined || end === undefined || pemLabel(text, end + 9) !== label) {
      continue;
    }
    from = end + 9 + label.length + 5;
    blocks.push({ start: begin, end: from, label });
  }
  return blocks;
}

function markerPositions(text: string, marker: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + marker.length)) {
    out.push(i);
  }
  return out;
}

/** The label after a BEGIN/END marker, up to the closing dashes, within 80 characters. */
function pemLabel(text: string, at: number): string | undefined {
  const head = text.slice(at, at + 80);
  const close = head.indexOf('-----');
  return close > 0 ? head.slice(0, close) : undefined;
}

function firstAtOrAfter(sorted: readonly number[], at: number): number | undefined {
  return sorted[lastBefore(sorted, at) + 1];
}

function isBase64(c: number): boolean {
  return (
    (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 61
  );
}

/**
 * What someone reading this would write instead of a value: a reference to where the value lives. A `%`
 * opens a Windows `%VAR%` only glued to the value (`PERCENT_BEFORE`): after a space it closes another
 * variable (`nuget push %file% <key>`), and the value beside it is a literal.
 */
const PERCENT_BEFORE = /%["'`]*$/;
const REFERENCE_BEFORE =
  /(?:\$\{?|\{\{\s*|process\.env\.|process\.env\[|import\.meta\.env\.|os\.environ\[|os\.environ\.get\(|getenv\(|System\.getenv\(|ENV\[|ENV\.fetch\(|Deno\.env\.get\(|env\(|secrets\.|vars\.|env\.)$/i;
/** The same inside a value, each at a word's start: `plenv[b]` in a typed password is no Ruby `ENV[`. */
const REFERENCE_INSIDE =
  /(?<![A-Za-z0-9_])(?:process\.env|import\.meta\.env|os\.environ|getenv|System\.getenv|ENV\[|secrets\.)/i;
const DIGEST_BEFORE = /(?:sha(?:1|224|256|384|512)|md5|blake2b?|sha3-?\d*)[-:=]$/i;
/**
 * Words around a hex value that make it a hash or a git object id (read on `words`-split text). A word
 * counts standing alone or ending a name (`commit`, `commit_sha`, `parent_hash`), or before `_id`
 * (`commit_id`), not as a hump inside a longer name: `updateParentVersionsJob` names a job, and the
 * Jenkins crumb on its line is no hash.
 */
const HASH_CONTEXT =
  /(?<![a-z0-9])(?:commit|commits|sha|sha1|sha256|sha512|shasum|md5|rev|revision|ref|hash|tree|parent|resolved|checksum|digest|etag|integrity|fingerprint|oid)(?![a-z0-9])(?!_(?!ids?(?![a-z0-9]))[a-z])|git\+|\.git#|\/commit\/|\/tree\/|\/blob\//;
/**
 * Names (read on `words`-split text) whose value is a hash, never a credential: the last word says so
 * (`token_hash`, `passwordDigest`, `cert_thumbprint`), or `hashed_…` leads. `HASH_SECRET` stays a secret.
 */
const HASH_NAME =
  /(?<![a-z0-9])(?:hash|digest|checksum|fingerprint|thumbprint|sha\d*|md5|etag)$|(?<![a-z0-9])hashed_/;
/**
 * Names whose value is public or an identifier: `public`/`publishable`/`anon` anywhere (`NEXT_PUBLIC_…`,
 * `SUPABASE_ANON_KEY`), or a last word that says id, version or database key (`api_key_id`,
 * `recaptchaSiteKey`, `cache_key`, `idempotency_key`). Never a name that also says secret.
 */
const PUBLIC_NAME =
  /(?<![a-z0-9])(?:public|publishable|anon)(?![a-z0-9])|(?<![a-z0-9])(?:site_key|pub_?key|id|ids|kid|nonce|version|ref|rev|commit|uuid|guid|(?:cache|sort|partition|foreign|idempotency|dedup|dedupe|lookup|row)_key)$/;
const SECRET_NAME = /secret|passw|pwd|private|credential/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]{7,128}$/i;
const MEDIA_DATA_URI = /data:(?:image|font|audio|video)\/[\w.+-]{1,40};base64,$/i;
const SSH_PUBLIC_KEY =
  /(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-nistp\d{3}|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)\s+[A-Za-z0-9+/=]*$/;
const PUBLIC_PEM =
  /PUBLIC KEY|CERTIFICATE|PGP SIGNATURE|PGP MESSAGE|SSH2 PUBLIC KEY|DH PARAMETERS|EC PARAMETERS/;

/** What the suppression needs to know about the rule that matched. */
export interface RuleTraits {
  /** Severity `warning`: the pattern only knows "a value assigned to a secret-sounding name". */
  readonly generic: boolean;
  /** The pattern spells out a UUID (`{8}-…{4}-…{12}`), so a UUID is this rule's expected shape. */
  readonly expectsUuid: boolean;
  /**
   * Every match starts with one of the rule's keywords: a provider's literal prefix (`pypi-AgEI…`, `ghp_`).
   * Such a value after `secrets.` or `${` is the token pasted where a name belongs, never a variable's name.
   */
  readonly anchored: boolean;
  /** The syntax makes the value a literal, such as a command-line flag's argument (`Rule.literalSyntax`). */
  readonly literalSyntax: boolean | ((text: string, start: number) => boolean);
}

/**
 * True when the text around `[start, end)` shows the candidate is not a live secret. A UUID is dropped
 * unless the rule expects one; generic rules also drop bare identifiers, paths, URLs and function calls.
 */
export function suppressedByContext(
  text: string,
  start: number,
  end: number,
  secret: string,
  traits: RuleTraits,
  memo: ContextMemo,
): boolean {
  const lineStart = memo.lineStart(start, BEFORE);
  const raw = text.slice(lineStart, start);
  const before = raw.replace(/["'`\s]+$/, '');
  const referenced = REFERENCE_BEFORE.test(before) || PERCENT_BEFORE.test(raw);
  if ((referenced && (traits.generic || !traits.anchored)) || REFERENCE_INSIDE.test(secret)) {
    return true;
  }
  if (DIGEST_BEFORE.test(before) || /^sha(?:1|256|384|512)-/i.test(secret)) {
    return true;
  }
  if (HEX.test(secret) && HASH_CONTEXT.test(words(lineAround(text, start, end, memo)))) {
    return true;
  }
  if (/integrity/i.test(before) && /^[A-Za-z0-9+/=]+$/.test(secret)) {
    return true;
  }
  if (
    (!traits.expectsUuid && UUID.test(secret)) ||
    (traits.generic &&
      genericNonSecret(text, lineStart, end, secret, before, literalAt(traits.literalSyntax, text, start)))
  ) {
    return true;
  }
  if (insideMedia(text, start, memo) || afterSshPublicKeyType(text, start, memo)) {
    return true;
  }
  // PEM bodies are lines of bare base64; only a candidate on such a line can sit inside one.
  const block = onBase64Line(text, start, end, memo) ? memo.pemBlockAt(start) : undefined;
  return block !== undefined && PUBLIC_PEM.test(block.label);
}

/** Line reads answered by reading the text before `ContextMemo` indexes it: most texts ask a few. */
const INDEXED_AFTER = 64;

/** The index of the last of ascending `sorted` below `at`, or -1. */
function lastBefore(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < at) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo - 1;
}

/** Whether a rule's syntax makes the value at `start` a literal (`Rule.literalSyntax`). */
function literalAt(
  literalSyntax: boolean | ((text: string, start: number) => boolean),
  text: string,
  start: number,
): boolean {
  return typeof literalSyntax === 'function' ? literalSyntax(text, start) : literalSyntax;
}

function genericNonSecret(
  text: string,
  lineStart: number,
  end: number,
  secret: string,
  before: string,
  literalSyntax: boolean,
): boolean {
  const raw = /([A-Za-z_$][\w$.-]*)["'`\]]{0,2}\s*(?:=>|:=|=|:|,|\()?\s*$/.exec(before)?.[1];
  const name = raw === undefined ? '' : words(raw);
  return (
    HASH_NAME.test(name) ||
    (PUBLIC_NAME.test(name) && !SECRET_NAME.test(name)) ||
    (!literalSyntax && isIdentifier(secret, isQuote(text.charCodeAt(end - secret.length - 1)))) ||
    isPathLike(secret) ||
    /^[a-z][a-z0-9+.-]*:\/\//i.test(secret) ||
    text.charCodeAt(end) === 40 /* ( : a call, not a value */ ||
    // `echo 'password = '.$cfg['pw']`: the quote before the value closes the string the name stood in.
    endsEnclosingString(text, lineStart, end - secret.length - 1)
  );
}

function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x60;
}

/**
 * A code name rather than a value: `config.password`, `PASSWORD_FIELD`, `passwordInput`, `api-key`. Mixed-case
 * letters that read as random (`bDhsWjyJETHr`: few vowels, no camelCase words) are a value, not a name.
 * `quoted`: the value opens a string, where a constant's name is no code (`password = "<ten drawn capitals>"`).
 */
function isIdentifier(secret: string, quoted: boolean): boolean {
  return (
    /^[A-Za-z_.-]+$/.test(secret) &&
    (/[._-]/.test(secret) || /[a-z][A-Z]/.test(secret) || /^[A-Z]+$/.test(secret)) &&
    !(secret.length >= 12 && /^[A-Za-z]+(?:_[A-Za-z]+)?$/.test(secret) && randomLetters(secret)) &&
    // Or mixed-case letters whose pairs no language writes (`fCcdmkkRloOjnsjBVY`, a draw with lower-case
    // runs that `randomLetters` reads as words); capitals alone stay a constant's name up to 15 letters.
    // Sixteen or more capitals whose pairs no word holds are a draw (`QTNMWXOTCUOUEZCXYFDM`): a constant's
    // name that long is words, and most have `_`. In quotes, ten or more: a string holds no constant's name
    // to run, and the label it may hold (`"ADMINPASSWORD"`) reads as words.
    !(
      secret.length >= (quoted ? 10 : 12) &&
      /^[A-Za-z]+$/.test(secret) &&
      (/[a-z]/.test(secret) || secret.length >= (quoted ? 10 : 16)) &&
      /[A-Z]/.test(secret) &&
      randomLetterRun(secret)
    )
  );
}

/** Inside `data:image/…;base64,…` (or font, audio, video): media, not a credential. */
function insideMedia(text: string, start: number, memo: ContextMemo): boolean {
  const runStart = memo.base64RunStart(start);
  const head = text.slice(Math.max(0, runStart - 64), runStart);
  return head.endsWith(',') && MEDIA_DATA_URI.test(head);
}

function onBase64Line(text: string, start: number, end: number, memo: ContextMemo): boolean {
  const line = lineAround(text, start, end, memo).trim();
  return line.length > 0 && line.length <= 100 && /^[A-Za-z0-9+/=]+$/.test(line);
}

/** Within the base64 blob of an `ssh-rsa AAAA… user@host` public key line. */
function afterSshPublicKeyType(text: string, start: number, memo: ContextMemo): boolean {
  // The key type's mark is looked up before the line's head is cut: on a line of thousands of tokens each
  // candidate sliced and searched a kilobyte.
  const from = memo.lineStart(start, 1024);
  return memo.sshMarkWithin(from, start) && SSH_PUBLIC_KEY.test(text.slice(from, start));
}

/** Lower-cased, with camelCase humps split by `_`, so word checks see `commitSha` as `commit_sha`. */
function words(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

function lineAround(text: string, start: number, end: number, memo: ContextMemo): string {
  const from = memo.lineStart(start, AROUND);
  const tail = text.slice(end, end + AROUND);
  const nl = tail.indexOf('\n');
  return text.slice(from, end) + (nl === -1 ? tail : tail.slice(0, nl));
}
