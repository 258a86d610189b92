/**
 * Whether the match `[start, start + secret.length)` is a whole line of a wrapped base64 block (a PEM body,
 * a MIME part, a certificate quoted in a test): nothing but blanks shares its line, and the line before
 * or after it is a base64 run of 40 characters or more as well. A key a provider issues stands alone; a
 * line cut from a block is a slice of something else (pyasn1's test certificate holds a line that opens
 * with Adyen's `AQE`, as many DER public keys do).
 */
export function insideBase64Block(text: string, start: number, secret: string): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', start + secret.length);
  if (lineEnd < 0) {
    lineEnd = text.length;
  }
  if (
    !/^[ \t]*$/.test(text.slice(lineStart, start)) ||
    !/^[ \t]*\r?$/.test(text.slice(start + secret.length, lineEnd))
  ) {
    return false;
  }
  const before = lineStart === 0 ? '' : text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1);
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  const after = lineEnd >= text.length ? '' : text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
  return isBlockLine(before) || isBlockLine(after);
}

/** A line of a wrapped base64 block: a run of 40 to 120 base64 characters, blanks around it aside. */
function isBlockLine(line: string): boolean {
  return line.length <= 160 && /^[ \t]*[A-Za-z0-9+/]{40,120}={0,2}[ \t]*\r?$/.test(line);
}
