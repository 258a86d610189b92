/**
 * Whether a run of letters in one case reads as typed words or as drawn at random (`randomLetters` in
 * `letterRuns.ts` judges mixed case by its humps and vowels). A password given as one word in one case
 * (`password = "required"`, `ADMINISTRATOR`) is a label more often than a credential, so the report tier
 * refuses it; a run of letters that no language spells (`xnjmljdxhpz`) is a generated password, and is
 * proof.
 *
 * The table holds, for each letter, the letters that follow it in the 408 letter pairs that make 99.5%
 * of all pairs inside words of three or more letters in Debian's `/usr/share/doc` and Python's standard
 * library (38 million pairs, English prose and code). A word of English, or an identifier, rarely holds
 * a pair outside it; eight random letters hold two or more such pairs four times in five.
 */
const FOLLOWERS: readonly string[] = [
  'abcdefghijklmnprstuvwxy',
  'abcdefijklorstuxy',
  'abcdefhijklmoprstuy',
  'abcdefghilmnoprstuvy',
  'abcdefghijklmnopqrstuvwxy',
  'abcdefilorstuy',
  'aceghilmnoprstu',
  'aeilmnoprstuy',
  'abcdefgklmnoprstuvxz',
  'aeiosu',
  'abeinostu',
  'abcdefgijlmnoprstuvy',
  'abcdefijlmopsuvy',
  'abcdefghijklmnoprstuvy',
  'abcdefghijklmnoprstuvwxyz',
  'acdeghiklmoprstuy',
  'bu',
  'abcdefgiklmnoprstuvwy',
  'acdefghiklmnoprstuvwy',
  'abcdefghiklmnoprstuwxy',
  'abcdefgilmnoprstx',
  'aeimo',
  'adehinorsw',
  'aceimpstxy',
  'abcegilmnoprstw',
  'aeil',
];

/** One bit per pair: `COMMON[first]` has bit `second` set when the pair is in the table. */
const COMMON = FOLLOWERS.map((row) => {
  let bits = 0;
  for (let i = 0; i < row.length; i++) {
    bits |= 1 << (row.charCodeAt(i) - 97);
  }
  return bits;
});

/** How many of the adjacent letter pairs of `letters` (a-z, any case) are outside the table. */
export function rarePairs(letters: string): number {
  let rare = 0;
  let prev = -1;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20;
    const at = c >= 97 && c <= 122 ? c - 97 : -1;
    if (prev >= 0 && at >= 0 && (COMMON[prev]! & (1 << at)) === 0) {
      rare++;
    }
    prev = at;
  }
  return rare;
}

/**
 * Letters only, eight or more, with at least two pairs outside the table and one pair in four: no word
 * of a language spells them. Keyboard walks (`qazwsxedc`) count too; they are typed passwords.
 */
export function randomLetterRun(value: string): boolean {
  return value.length >= 8 && /^[A-Za-z]+$/.test(value) && randomPairs(value);
}

/**
 * Letters and digits with a digit among them, whose letters pair as no language does (two pairs or more,
 * one in four, of eight letters or more): a draw that switches between letters and digits too seldom for
 * the redact tier's `looksRandom` (a base36 id, `<15 of a-z>958aU`). Names with a version or a number
 * (`getUtf8Decoder2`, `release2024notes`) pair as their words do.
 */
export function drawnPairs(value: string): boolean {
  if (!/^[A-Za-z0-9]+$/.test(value) || !/[0-9]/.test(value)) {
    return false;
  }
  const letters = value.replace(/[0-9]/g, '').length;
  const rare = rarePairs(value);
  return letters >= 8 && rare >= 2 && rare * 4 >= letters - 1;
}

/** Letters whose pairs are a draw's: two or more outside the table, and one pair in four (the length unchecked). */
export function randomPairs(value: string): boolean {
  const rare = rarePairs(value);
  return rare >= 2 && rare * 4 >= value.length - 1;
}
