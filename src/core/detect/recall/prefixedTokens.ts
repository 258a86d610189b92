import { randomLetterRun, rarePairs } from '../rules/letterPairs';
import { alnumTable, longRuns } from './charRuns';
import { isElided } from './nonSecretForms';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom, spellsWords, UNSPOKEN, UUID } from './tokenShape';

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
/** Tags that name a digest, an encoding or a build, not a credential: what follows is a hash or an id. */
const NOT_A_TAG =
  /^(?:sha\d*|md5|blake\w*|crc\d*|xxh\w*|sum|hash|digest|checksum|integrity|commit|rev|ref|build|version|v\d*|id|uuid|guid|nonce|salt|iv|etag|trace|span|request|correlation|session|data|image|base64|hex)$/i;
/** A credential word in a tag (`versioneyePRIVATE…_KEY…-`). */
const CREDENTIAL_WORD = /secret|private|access|token|key|passw|pwd|credential|auth/i;
/** A UUID's groups (8, 4, 4, 4, then 12 to 16) in letters and digits of any alphabet. */
const UUID_SHAPE = /^[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12,16}$/;
/** What ends a body that is a file or host name: a dotted word (`.js`, `.com`). */
const DOTTED_END = /\.[a-z]{1,5}$/;

/**
 * Whether `body` reads as generated: a UUID, a long hex value, or a random run of letters and digits both
 * (code's names, `transactionIdInUse`, `CHACHA20_POLY1305_SHA256`, hold no digits or read as words). A
 * body of pieces joined by `-` or `_` (base64url, a key in groups) is 24 long or more and every piece is a
 * draw's. After a tag that holds a credential word (`…PRIVATE…_KEY…-`), digits alone and random letters
 * alone are a draw too.
 */
function generatedBody(body: string, credentialTag: boolean, tagWords = 1, cut = false): boolean {
  if (countedShare(body) >= 0.5) {
    return false; // a documented sample: `ntn_1234567890aBcDeF…`, `gsk_aBcDeFgHiJ…1234567890…`
  }
  if (UUID.test(body) || (/^[0-9a-f]{32,}$/i.test(body) && /[a-f]/i.test(body))) {
    return true;
  }
  if (body.includes('.')) {
    // A dotted name (`oauth2.rfc6749.tokens`), a host or a file, unless every part is a draw's after a tag
    // of a name and a version or a kind (`zarsdls.v1.`): after one word, the dotted rest of a random run
    // (`…?GwoA6QnoY.<draw>.<draw>`, a peer's near miss cut by a `?`) would read as a tag and a body too.
    return tagWords >= 2 && dottedDraw(body, credentialTag);
  }
  if (/[-_]/.test(body)) {
    // A mask (`xoxb-xxxxxxxxx-…`, `tskey-api-AAAA…-BBBB…`) is a placeholder, not a draw.
    if (
      body.length < 24 ||
      new Set(body).size < 10 ||
      !/[0-9][^]*[0-9]/.test(body) ||
      /([A-Za-z0-9])\1{3}/.test(body)
    ) {
      return false;
    }
    // A UUID's groups in any alphabet (`graphhopperPRIVATE12-<8 hex>-<4>-<4 letters>-<4 letters>-<14>`)
    // after a tag that names a credential: short groups of letters read as words by chance, not by design.
    if (credentialTag && UUID_SHAPE.test(body)) {
      return true;
    }
    const pieces = body.split(/[-_]/);
    // Most of it in pieces of six or more: `to_1_but_jsx_is_not_set_6142` is short words.
    const long =
      pieces.reduce((n, piece) => n + (piece.length >= 6 ? piece.length : 0), 0) * 2 >= body.length;
    if (long && pieces.every((piece) => drawnPiece(piece, credentialTag))) {
      return true;
    }
    // After a tag that names a credential, a key in groups is one draw cut up (`mailmodoPRIVATE-8YFJ3J0-…`,
    // `apifonica-SECRET-<hex>-…-<letters>`): judged whole, its groups need not each read as one.
    return credentialTag && looksRandom(body) && !spellsWords(body, body.replace(/[^A-Za-z]/g, '').length);
  }
  if (credentialTag && (/^[0-9]{20,}$/.test(body) || drawnLetters(body))) {
    return true;
  }
  const digits = body.replace(/[^0-9]/g, '').length;
  const letters = body.replace(/[^A-Za-z]/g, '').length;
  // Names of code are camelCase: a body with no capital is judged by its randomness alone (words of
  // three letters or more hold 60% of a random lower-case and digits body's letters one time in five). A
  // long body with its digits strewn in four groups or more is a draw's, though its letters happen to spell
  // (3 draws in 100 of 40 characters did); names of that length keep their digits in a few groups
  // (`Ed25519PrivateKey`, `QandQRSarNnarrow32Sto16Sx4` in valgrind's headers).
  const named =
    /[A-Z]/.test(body) && spellsWords(body, letters) && !(body.length >= 32 && digitGroups(body) >= 4);
  // After a tag that names a credential, a random body with one digit is a draw still (base62 of 24 holds
  // one about one time in fifteen: `hiveageACCESS-<24>`), when it spells no words and its run is not cut
  // by a `?` or a `!` (a peer's near miss, `secret_<18>?<25>`); with no digit, a name of code
  // (`SECKEY_PublicKeyStrengthInBits`) reads so too.
  const drawnAfterCredentialTag =
    credentialTag && !cut && digits === 1 && looksRandom(body) && !spellsWords(body, letters);
  return (digits >= 2 && letters >= 2 && !named && looksRandom(body)) || drawnAfterCredentialTag;
}

/**
 * Whether a dotted body is a token's parts (`Z1YAXU_AZA.5c775486012e` after `zarsdls.v1.`, Kingfisher's
 * Airtable sample): two to four parts, the last 12 or more letters and digits that read as generated (hex
 * of letters and digits, or `looksRandom` and no words), every other a draw's pieces or short ids in
 * capitals (`VKEAXT`) joined by `_` or `-`. A host, a file or a module path ends in a word (`.tokens`,
 * `.com`), a version in a short number.
 */
function dottedDraw(body: string, credentialTag: boolean): boolean {
  const parts = body.split('.');
  const last = parts[parts.length - 1]!;
  if (parts.length > 4 || !/^[A-Za-z0-9]{12,}$/.test(last) || countedShare(last) > 0) {
    return false;
  }
  const hex = /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(last) && /[0-9]/.test(last) && /[a-fA-F]/.test(last);
  // A module's member in compiled code (`secretLint_1.getRuleNameFromRuleId`) is camelCase words after a
  // number: the last part must spell none, the others hold letters.
  const letters = last.replace(/[^A-Za-z]/g, '').length;
  return (
    (hex || (looksRandom(last) && !spellsWords(last, letters))) &&
    parts
      .slice(0, -1)
      .every(
        (part) =>
          /[A-Za-z]/.test(part) &&
          part.length >= 4 &&
          part
            .split(/[-_]/)
            .every((piece) => drawnPiece(piece, credentialTag) || /^[A-Z0-9]{1,8}$/.test(piece)),
      )
  );
}

/** How many separate runs of digits `body` holds. */
function digitGroups(body: string): number {
  return body.match(/[0-9]+/g)?.length ?? 0;
}

/**
 * The share of `body` in runs of five or more characters that count up or repeat, whatever their case
 * (`1234567890`, `aBcDeFgHiJ`, `5555555`, `CcccC`): a documented sample is made of them, where a draw holds
 * one by chance at most, and a peer's sample with a counting head (`abcdef12-<draw>`) keeps most of its
 * body random.
 */
export function countedShare(body: string): number {
  const folded = body.toLowerCase();
  let counted = 0;
  let run = 1;
  for (let i = 1; i <= folded.length; i++) {
    const a = folded.charCodeAt(i - 1);
    const b = i < folded.length ? folded.charCodeAt(i) : -1;
    const letters = a >= 97 && a <= 122 && b >= 97 && b <= 122;
    const digits = a >= 48 && a <= 57 && b >= 48 && b <= 57;
    if ((letters || digits) && (b === a + 1 || b === a)) {
      run++;
      continue;
    }
    counted += run >= 5 ? run : 0;
    run = 1;
  }
  return body.length === 0 ? 0 : counted / body.length;
}

/**
 * A piece of a grouped draw: short, random, hex, digits, letters and digits mixed (`mktomy0j`, not a
 * word and its number, `CHACHA20`), or letters no tongue can say (`xhhn`; longer, letter pairs no
 * language spells, `ixqamslkgmou`, two of them enough after a `credentialTag`). A word (`METHOD`,
 * `INSTRUCTIONPRECEDENCETRACKING`) is none of these, and a grouped draw holds two digits at least
 * (`LLVM_ANALYSIS_…_H` none).
 */
function drawnPiece(piece: string, credentialTag = false): boolean {
  return (
    piece.length < 4 ||
    looksRandom(piece) ||
    /^[0-9a-f]+$/i.test(piece) ||
    /^[0-9]+$/.test(piece) ||
    (piece.length >= 6 && (piece.match(/[0-9]+|[A-Za-z]+/g) ?? []).length >= 3) ||
    (/^[A-Za-z]+$/.test(piece) &&
      (piece.length < 8
        ? UNSPOKEN.test(piece)
        : // After a tag that names a credential, two pairs no language spells are enough (`iyoyubbiplfjum`).
          randomLetterRun(piece) || (credentialTag && rarePairs(piece) >= 2)))
  );
}

/** Random letters of both cases, 24 or more, that spell no name (`nZSEGtHURRQSuXQvqcBPngZVgg…`). */
function drawnLetters(body: string): boolean {
  return (
    body.length >= 24 &&
    /[a-z]/.test(body) &&
    /[A-Z]/.test(body) &&
    randomLetterRun(body) &&
    !spellsWords(body, body.length)
  );
}

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
    if (!whole && hasSeparators(text, start, end)) {
      for (const [from, to] of segments(text, start, end)) {
        if (to - from >= MIN_RUN) {
          taggedToken(text, from, to, out, MIN_SEGMENT_BODY);
        }
      }
    }
  }
};

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
