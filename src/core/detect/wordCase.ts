/**
 * Whether `word`, as it stands in a value, is written the way a person types a word: `your`, `YOUR`,
 * `Your`, `FAKE_KEY`, and, for an entry of two words whose first is `firstLength` letters long, `myKey`
 * or `MyKey`. Random characters hold the same letters in mixed case (`YoUR`, `xXxX`, `mykEy`) about as
 * often as any other letters, so placeholder checks that ignored case dismissed about one random key
 * in 20,000.
 */
export function writtenByPerson(word: string, firstLength?: number): boolean {
  const parts = word.split(/[^A-Za-z]+/).filter((p) => p.length > 0);
  if (parts.every(oneStyle)) {
    return true;
  }
  if (firstLength === undefined || parts.length !== 1) {
    return false;
  }
  const [first, second] = [word.slice(0, firstLength), word.slice(firstLength)];
  return /^[A-Za-z][a-z]*$/.test(first) && /^[A-Z][a-z]+$/.test(second);
}

function oneStyle(part: string): boolean {
  return /^(?:[a-z]+|[A-Z]+|[A-Z][a-z]+)$/.test(part);
}
