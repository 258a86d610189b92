import { rarePairs } from '../rules/letterPairs';
import { alnumTable, longRuns } from './charRuns';
import { isElided } from './nonSecretForms';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom, UUID } from './tokenShape';
import { generatedBody } from './drawnBodies';

/**
 * Generated values that carry a provider's tag or sit right after a credential word, in whatever place:
 * `r8_<45>`, `pk_1432723_<32>`, `mdb_sa_sk_BdIX_<35>`, `na1.<base64>`, `gumroadSECRET-<47>`, `codakey-<uuid>`;
 * `karma SECRET <20 letters>`, `vbout KEY <25 digits>`, `KEY` on one line and the value on the next.
 * MongoDB Kingfisher's rule examples showed these leaving the machine whole (a tenth of its secrets):
 * no rule knows the format, no credential name precedes the value, and the bare-token detector wants a line
 * of 100 characters. A false alarm here costs a placeholder restored locally; a miss, a live key.
 */

/** Letters and digits: a tag's word. */
const ALNUM = alnumTable('');
/** Characters of a tagged token: a tag's words and separators, then a base64 or base64url body. */
const TOKEN_TABLE = alnumTable('_.+/=-');
/** Shortest run read: a one-letter tag, a separator and a body of `MIN_BODY`. */
const MIN_RUN = 18;
/** Shortest body: a random 16 characters of base62 hold about 95 bits. */
export const MIN_BODY = 16;
/**
 * A tag's word: letters (a provider's name, glued words such as `gumroadSECRET`), digits (an account
 * number, second only), or a tag of both: any first word that is no draw (`r8`, `na1`, `collect2TOKEN`),
 * and later a short one (`v1`): a longer mixed word after the first is the body's own.
 */
const TAG_WORD = /^(?:[A-Za-z]{1,40}|[0-9]{1,10})$/;
const FIRST_TAG = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const LATER_TAG = /^[A-Za-z][A-Za-z0-9]{0,2}$/;
/**
 * Tags that name a digest, an encoding or a build, not a credential: what follows is a hash or an id; and the
 * LLM APIs' object ids a response or a log holds (`chatcmpl-…`, `msg_…`, `toolu_…`, `req_…`, `resp_…`,
 * `run_…`, `thread_…`, `asst_…`, `batch_…`, `call_…`, `step_…`, `file-…`).
 */
const NOT_A_TAG =
  /^(?:sha\d*|md5|blake\w*|crc\d*|xxh\w*|sum|hash|digest|checksum|integrity|commit|rev|ref|build|version|v\d*|id|uuid|guid|nonce|salt|iv|etag|trace|span|request|correlation|session|data|image|base64|hex|chatcmpl|cmpl|msg|toolu|req|resp|run|thread|asst|batch|call|step|file)$/i;
/** A credential word in a tag (`versioneyePRIVATE…_KEY…-`). */
const CREDENTIAL_WORD = /secret|private|access|token|key|passw|pwd|credential|auth/i;
/** What ends a body that is a file or host name: a dotted word (`.js`, `.com`). */
const DOTTED_END = /\.[a-z]{1,5}$/;
/**
 * Where the body of the tagged token `run` starts, after its tag's last word, or -1: the tag is one to
 * four words joined by `_`, `-` or `.`, the first a letter's, the second may be an account's digits, none
 * generated itself. A UUID that follows a word is the body whole. The last word, as a shorter tag would
 * take a tag word (`API`, `1432723`) for a draw's.
 */
function bodyStart(run: string): number {
  let body = -1;
  let at = 0;
  for (let words = 0; words < 4; words++) {
    if (words > 0 && UUID.test(run.slice(at))) {
      break; // `pub-c-<uuid of digits>`: the UUID's first group is no tag word
    }
    let end = at;
    while (end < run.length && end - at <= 40 && ALNUM[run.charCodeAt(end)] === 1) {
      end++;
    }
    const word = run.slice(at, end);
    const sep = run[end];
    if (
      word === '' ||
      (words === 0 && !/^[A-Za-z]/.test(word)) ||
      !(TAG_WORD.test(word) || (words === 0 ? FIRST_TAG : LATER_TAG).test(word)) ||
      (words !== 1 && /^[0-9]+$/.test(word)) ||
      (words === 0 && NOT_A_TAG.test(word)) ||
      (sep !== '_' && sep !== '-' && sep !== '.') ||
      (word.length > 8 && looksRandom(word))
    ) {
      break;
    }
    at = end + 1;
    body = at;
  }
  return body;
}

export const findPrefixedTokens: RecallDetector = (text, out) => {
  const runs = longRuns(text, TOKEN_TABLE, MIN_RUN);
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    if (end - start > 1024) {
      continue;
    }
    // Inside a path or a URL (`/assets/app-…`, `host/x_…`) the run is no token of its own, but a segment of
    // it may be (`/items/bkua_…/status`, `?id=pk_…`): each segment between `/` and after a `name=` is read.
    const before = text[start - 1];
    const whole = before !== '/' && before !== '\\' && before !== '.' && taggedToken(text, start, end, out);
    if (!whole && longestPart(text, start, end) >= MIN_RUN && hasSeparators(text, start, end)) {
      for (const [from, to] of segments(text, start, end)) {
        if (to - from >= MIN_RUN) {
          taggedToken(text, from, to, out, MIN_SEGMENT_BODY);
        }
      }
    }
  }
};

/**
 * The length of the longest piece of [start, end) between `/`s: a segment (`segments`) is no longer, and a
 * run of short ones (`//api.example.com/v1/orders`, a URL in every other line of code) is passed over
 * without cutting it into strings.
 */
function longestPart(text: string, start: number, end: number): number {
  let longest = 0;
  let from = start;
  for (let slash = text.indexOf('/', start); slash !== -1 && slash < end; slash = text.indexOf('/', from)) {
    longest = Math.max(longest, slash - from);
    from = slash + 1;
  }
  return Math.max(longest, end - from);
}

/** Whether [start, end) holds a `/` or an `=` before its end (a path, a URL, a query's `name=value`). */
function hasSeparators(text: string, start: number, end: number): boolean {
  const run = text.slice(start, end);
  const equals = run.indexOf('=');
  return run.includes('/') || (equals !== -1 && equals < run.length - 2);
}

/**
 * The pieces of [start, end) between `/`s, each without a leading `name=` (a query's or a path's parameter).
 * A value named for a digest or an id (`sha256=…` in a wheel's RECORD) is none; nor is a media type's
 * structured suffix (`vnd.d2l.coursepackage1p0+zip`), a name.
 */
function segments(text: string, start: number, end: number): [number, number][] {
  const run = text.slice(start, end);
  const pieces: [number, number][] = [];
  let from = 0;
  for (const part of run.split('/')) {
    const equals = part.indexOf('=');
    const named = equals !== -1 && equals < part.length - 2;
    if (!(named && DIGEST_NAME.test(part.slice(0, equals))) && !MEDIA_SUFFIX.test(part)) {
      pieces.push([start + from + (named ? equals + 1 : 0), start + from + part.length]);
    }
    from += part.length + 1;
  }
  return pieces;
}

/** A parameter that names a digest: its value is a hash, whatever it looks like. */
const DIGEST_NAME = /^(?:sha\d*|md5|blake\w*|crc\d*|xxh\w*|hash|digest|checksum|integrity|etag)$/i;
/** UUIDs joined (`<uuid>_<uuid>`, a workflow's callback id): ids, as one UUID is. */
const UUIDS = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[_-]?){2,}$/i;
/** A media type's structured suffix at a segment's end. */
const MEDIA_SUFFIX = /\+(?:zip|json|xml|gzip|cbor|der|ber|fastinfoset|wbxml|yaml|jwt|sqlite3)$/;
/**
 * Shortest body of a token in a path's segment: longer than elsewhere, as a path's words and ids are
 * (`illustration-rainbow-unicorn-26AHG5KGFxSkUWw1i`, a media slug); tokens run 20 and more past their tag.
 */
const MIN_SEGMENT_BODY = 20;

/**
 * Judges the run [start, end) as a tagged token, its body at least `minBody` letters and digits; records it
 * and returns true when it is one.
 */
function taggedToken(
  text: string,
  start: number,
  end: number,
  out: RecallSpan[],
  minBody = MIN_BODY,
): boolean {
  // Every body this judges a draw holds two digits, or follows a tag that names a credential: most runs
  // of code (`ts.factory.createIdentifier`) hold neither, and are not read further.
  if (digitsIn(text, start, end) < 2 && !CREDENTIAL_WORD.test(text.slice(start, end))) {
    return false;
  }
  const run = text.slice(start, end).replace(/[._-]+$/, '');
  if (UUID.test(run) || UUIDS.test(run) || isElided(text, start, end)) {
    // A bare UUID is an id (after a credential word the other detectors take it); a head shown cut short
    // (`ops_…...`) has no rest to hide.
    return false;
  }
  const at = bodyStart(run);
  // A run cut by `?` or `!` before more token characters: a piece of a longer string (`…?BiPo8…`).
  const cut = /^[?!][A-Za-z0-9]/.test(text.slice(end, end + 2));
  if (at === -1 || !drawnFrom(run, at, minBody, cut)) {
    // After a tag that names a credential, a word the tag took (digits read as an account, letters alone)
    // may be the body's first group (`graphhopperSECRETyo-26030959-3282-…`, `mailmodoPRIVATE-QWXKZTB-…`):
    // the body is judged from each earlier word too. Not after any tag: a version's date and time
    // (`hadoop-20160921-113441-20-g094fb7d`) read so.
    if (!drawnAfterCredential(run, at, minBody, cut) && !drawnAfterVersion(run, minBody, cut)) {
      return false;
    }
  }
  // The whole token: a tag can hold an account (`pk_1432723_`) and says whose key it is.
  out.push({ start, end: start + run.length, kind: 'token' });
  return true;
}

/**
 * Whether `run`'s body from `at` on is a generated one, `minBody` letters and digits or more; `cut`: the run
 * goes on after a `?` or a `!`.
 */
function drawnFrom(run: string, at: number, minBody: number, cut = false): boolean {
  const body = run.slice(at);
  // `=` only as base64's padding: `DB_PASSWORD=…` is a name and its value, the named-literal detector's.
  return (
    body.replace(/[^A-Za-z0-9]/g, '').length >= minBody &&
    /^[^=]+={0,2}$/.test(body) &&
    !DOTTED_END.test(body) &&
    generatedBody(
      body,
      CREDENTIAL_WORD.test(run.slice(0, at)),
      run.slice(0, at).split(/[._-]/).length - 1,
      cut,
    )
  );
}

/**
 * Whether a body starting at a word of the tag before `at`, after a credential word, is a generated one.
 * Only a word no tag is made of opens it: digits (an account's, or a key's first group), or six letters or
 * more with two pairs no language spells (`QVZQBEL`); a constant's words (`RSA`, `USER`, `REQUEST` in
 * `PublicKeyDetails.PKIX_RSA_PKCS1V15_2048_SHA256`) never do.
 */
function drawnAfterCredential(run: string, at: number, minBody: number, cut: boolean): boolean {
  // The tag holds four words at most: a few tries, each a bounded read.
  let end = at - 1;
  for (let b = at - 2; b > 1; b--) {
    if (!'_.-'.includes(run[b - 1]!)) {
      continue;
    }
    const word = run.slice(b, end);
    end = b - 1;
    if (
      (/^[0-9]+$/.test(word) || (/^[A-Za-z]{6,}$/.test(word) && rarePairs(word) >= 2)) &&
      CREDENTIAL_WORD.test(run.slice(0, b - 1)) &&
      drawnFrom(run, b, minBody, cut)
    ) {
      return true;
    }
  }
  return false;
}

/** A name and a version that open a token (`zarsdls.v1.`): the token's own parts follow. */
const VERSIONED = /^([A-Za-z][A-Za-z0-9]{0,39})[._-]v[0-9]{1,2}[._-]/;

/**
 * Whether the body after a name and a version is a generated one, the tag read no further: a tag takes
 * short words in capitals (`ibgmihq.v1.VKEAXT_RGF.<12 hex>`) that are the token's own parts.
 */
function drawnAfterVersion(run: string, minBody: number, cut: boolean): boolean {
  const m = VERSIONED.exec(run);
  return m !== null && !NOT_A_TAG.test(m[1]!) && drawnFrom(run, m[0].length, minBody, cut);
}

/** How many digits `text[start, end)` holds, counted to two. */
function digitsIn(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end && n < 2; i++) {
    const c = text.charCodeAt(i);
    n += c >= 48 && c <= 57 ? 1 : 0;
  }
  return n;
}
