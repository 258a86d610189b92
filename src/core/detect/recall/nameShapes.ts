import { isPinName, lastPart, splitWords, wordKind } from './credentialName';
import { isCleanToken, looksRandom } from './tokenShape';

// Names whose value counts only in one shape, for the named-literal detector: a PIN, a pattern's `…_PAT`, a
// wallet's seed or phrase, a word glued to `key`. Split from credentialName.ts, which says whether a name is a credential's at all.

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
  if (last === 'encrypt' && othersKind(words) === undefined) {
    return (v) => GOSSIP_KEY.test(v) && looksRandom(v.replace(/=+$/, ''));
  }
  if (gluedKey(words)) {
    return (v) => isCleanToken(v);
  }
  return pat && !/pass|pwd|pw|secret|token|key|cred|auth|hmac/i.test(name)
    ? (v) => isCleanToken(v) && looksRandom(v)
    : undefined;
}

/**
 * A name that is a credential's only with a value of its shape (`valueShapeFor` asks it), so no credential name
 * elsewhere: a seed or a phrase (`MY_SEED`, `seed_phrase`) when its value is a recovery phrase or a key's hex
 * (`RANDOM_SEED = 42` is neither); Consul's `encrypt` when its value is a gossip key, base64 of 16 or 32 bytes
 * (`encrypt = true` is none; hunter C, 2026-12-06). Only the named-literal detector reads such a name.
 */
export function shapedName(name: string): string | undefined {
  const words = splitWords(lastPart(name));
  const last = words[words.length - 1];
  return last === undefined
    ? undefined
    : WALLET_WORDS.has(last)
      ? 'secret'
      : last === 'encrypt' || gluedKey(words)
        ? 'key'
        : undefined;
}

/**
 * A last word that glues a word to `key` (`besttime_samplekey`, `mykey`) and no credential word elsewhere:
 * a key's name only with a generated token for value, as words end in `key` too (`monkey`, `hotkey`).
 */
function gluedKey(words: readonly string[]): boolean {
  const last = words[words.length - 1]!;
  return (
    /^[a-z]{2,16}key$/.test(last) &&
    wordKind(last, words[words.length - 2]) === undefined &&
    othersKind(words) === undefined
  );
}

/** A gossip encryption key: base64 of 16 or 32 bytes. */
const GOSSIP_KEY = /^(?:[A-Za-z0-9+/]{22}==|[A-Za-z0-9+/]{43}=)$/;

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
