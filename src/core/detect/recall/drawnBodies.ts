import { randomLetterRun, rarePairs } from '../rules/letterPairs';
import { looksRandom, spellsWords, UNSPOKEN, UUID } from './tokenShape';

// Whether the body of a tagged token, or of a value right after a credential word, reads as a generator's
// draw rather than a word, a name, a version or a documented sample: the judgement the tagged-token reader
// (prefixedTokens.ts) and the credential-word reader (credentialWordValues.ts) share.

/** A UUID's groups (8, 4, 4, 4, then 12 to 16) in letters and digits of any alphabet. */
const UUID_SHAPE = /^[A-Za-z0-9]{8}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{12,16}$/;

/** A mask's run: four of `x`, `X` or `0` in a row, or six of any one letter or digit. */
const MASK_RUN = /([xX0])\1{3}|([A-Za-z0-9])\2{5}/;

/**
 * Whether `body` reads as generated: a UUID, a long hex value, or a random run of letters and digits both
 * (code's names, `transactionIdInUse`, `CHACHA20_POLY1305_SHA256`, hold no digits or read as words). A
 * body of pieces joined by `-` or `_` (base64url, a key in groups) is 24 long or more and every piece is a
 * draw's. After a tag that holds a credential word (`…PRIVATE…_KEY…-`), digits alone and random letters
 * alone are a draw too.
 */
export function generatedBody(body: string, credentialTag: boolean, tagWords = 1, cut = false): boolean {
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
    // A mask (`xoxb-xxxxxxxxx-…`, `tskey-api-AAAA…-BBBB…`) is a placeholder, not a draw: four of a mask's
    // letter or digit in a row, or six of any. A draw repeats a hex digit four times now and then (`…8888…`,
    // about one 40-character hex body in a hundred), which is no mask.
    if (body.length < 24 || new Set(body).size < 10 || !/[0-9][^]*[0-9]/.test(body) || MASK_RUN.test(body)) {
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
  // (`Ed25519PrivateKey`, `QandQRSarNnarrow32Sto16Sx4` in valgrind's headers). And the words a draw spells
  // by chance hold letter pairs no language does (`Fgu`, `haqe`, `Kgm`): two or more in 94 of 100 such 32-character
  // draws, in 11 of 15,496 names of 16 characters or more that spell words (TypeScript's and the openai
  // SDK's: `addLazyDiagnostic`, `createJsxJsxClosingFragment`).
  const named =
    /[A-Z]/.test(body) &&
    spellsWords(body, letters) &&
    rarePairsInWords(body) < 2 &&
    !(body.length >= 32 && digitGroups(body) >= 4);
  // After a tag that names a credential, a random body with one digit is a draw still (base62 of 24 holds
  // one about one time in fifteen: `hiveageACCESS-<24>`), when it spells no words and its run is not cut
  // by a `?` or a `!` (a peer's near miss, `secret_<18>?<25>`); with no digit, a name of code
  // (`SECKEY_PublicKeyStrengthInBits`) reads so too. Such a draw that switches class too seldom for
  // `looksRandom` (long runs of one case round one digit: one in 75 such draws) still holds both cases.
  const drawnAfterCredentialTag =
    credentialTag &&
    !cut &&
    digits === 1 &&
    (looksRandom(body) || (/[a-z]/.test(body) && /[A-Z]/.test(body) && body.length >= 16)) &&
    !spellsWords(body, letters);
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
  // A last part that counts up or repeats for half its length is a sample's (`0123456789ab`); a draw holds
  // a run of five now and then (`fecc88888…`).
  if (parts.length > 4 || !/^[A-Za-z0-9]{12,}$/.test(last) || countedShare(last) >= 0.5) {
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

/** The letter pairs no language spells inside the words `spellsWords` counts (`[A-Z]?[a-z]{2,}`, three letters or more). */
function rarePairsInWords(body: string): number {
  let rare = 0;
  for (const word of body.match(/[A-Z]?[a-z]{2,}/g) ?? []) {
    rare += word.length >= 3 && !UNSPOKEN.test(word) ? rarePairs(word) : 0;
  }
  return rare;
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
