import { isPinName, lastPart, splitWords, wordKind } from './credentialName';
import { isCleanToken, looksRandom } from './tokenShape';

// Names whose value counts only in one shape, for the named-literal detector: a PIN, a pattern's `…_PAT`, a
// wallet's seed or phrase. Split from credentialName.ts, which says whether a name is a credential's at all.

/**
 * The one shape of value a name takes, where it takes only one: a PIN's digits; under `…_PAT` with no other
 * credential word (`HEX_PAT = "[0-9A-F]{4}"` names a pattern as often), a generated token. Else undefined.
 */
export function valueShapeFor(name: string, pat: boolean): ((value: string) => boolean) | undefined {
  const words = splitWords(lastPart(name));
  if (isPinName(words)) {
    return (v) => /^[0-9]{4,12}$/.test(v);
  }
  const last = words[words.length - 1]!;
  if (
    WALLET_WORDS.has(last) &&
    wordKind(last, words[words.length - 2]) === undefined &&
    othersKind(words) === undefined
  ) {
    return (v) => RECOVERY_PHRASE.test(v.trim()) || /^(?:0x)?[0-9a-fA-F]{64,128}$/.test(v);
  }
  return pat && !/pass|pwd|pw|secret|token|key|cred|auth|hmac/i.test(name)
    ? (v) => isCleanToken(v) && looksRandom(v)
    : undefined;
}

/**
 * A seed or a phrase under any name (`MY_SEED`, `seed_phrase`): a wallet's when its value is a recovery
 * phrase or a key's hex (`valueShapeFor` asks it); `RANDOM_SEED = 42` is neither, so no credential name.
 * Only the named-literal detector, which asks the value's shape, reads it.
 */
export function walletName(name: string): string | undefined {
  const words = splitWords(lastPart(name));
  return words.length > 0 && WALLET_WORDS.has(words[words.length - 1]!) ? 'secret' : undefined;
}

/** A wallet's words: a seed, a phrase, a mnemonic (the last word of a name). */
const WALLET_WORDS = new Set(['seed', 'phrase', 'mnemonic']);
/** A recovery phrase: 12 to 24 words of three to eight small letters (BIP-39's list). */
const RECOVERY_PHRASE = /^[a-z]{3,8}(?:[ \t]+[a-z]{3,8}){11,23}$/;

/** The kind the name's other words give it, as `credentialKind` reads them (`DB_PASSWORD_SEED`). */
function othersKind(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const found = wordKind(words[i]!, i > 0 ? words[i - 1] : undefined);
    if (found !== undefined && !WALLET_WORDS.has(words[i]!)) {
      return found;
    }
  }
  return undefined;
}
