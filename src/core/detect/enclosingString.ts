/**
 * Whether a quote closes a string that was already open on its line. A name inside a string
 * (`passwordLabel:"Password:",remember:"…"`, `echo 'password = '.$cfg['pw']`, `"…/:_password = "+buf`) is
 * followed by the string's closing quote, and what comes after that quote is code, not the name's value.
 */

/**
 * True when the quote at `at` closes a string opened before it: an odd number of the same quote stands
 * between `from` (the start of the line, or the character before the name when the line starts too far
 * back) and `at`. A quote after a backslash is escaped; an apostrophe between two letters (`don't`,
 * `user's`) is a word's, not a string's.
 */
export function closesOpenString(text: string, from: number, at: number): boolean {
  const quote = text.charCodeAt(at);
  let open = false;
  for (let i = Math.max(0, from); i < at; i++) {
    if (text.charCodeAt(i) !== quote || text.charCodeAt(i - 1) === 92) {
      continue;
    }
    if (quote === 39 && isLetter(text.charCodeAt(i - 1)) && isLetter(text.charCodeAt(i + 1))) {
      continue;
    }
    open = !open;
  }
  return open;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/**
 * True when the quote at `at` closes an open string (see `closesOpenString`) and code follows it: an
 * operator, a separator or a blank (`",next:`, `'.$cfg[`, `"+buf`). A value that starts with a letter or
 * a digit is read as one even then, since a string that wraps unescaped JSON (`"{"key": "…"}"`) tilts the
 * count: the redact tier leans toward hiding.
 */
export function endsEnclosingString(text: string, from: number, at: number): boolean {
  // Only a quote closes a string: before a bare value `at` is a blank or `=`, whose count on the line says
  // nothing (`… operator unseal +5M/…` after three blanks read as a closed string, and went unreported).
  const quote = text.charCodeAt(at);
  return (
    (quote === 34 || quote === 39 || quote === 96) &&
    /^[\s,.;+)\]}&|]/.test(text[at + 1] ?? '') &&
    closesOpenString(text, from, at)
  );
}
