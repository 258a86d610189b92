import { isSpace, lineEnd } from './literalValue';

/** Values in `Name=value;` pair lists (connection strings), where the name stands after `;` or a quote. */

/**
 * A value in a connection string: up to the next `;` or quote, or a command's next option (` --feature`)
 * when the string is an argument on a command line.
 */
export function readPairValue(text: string, at: number): { start: number; end: number; quoted: boolean } {
  const limit = Math.min(lineEnd(text, at), at + 1024);
  let end = at;
  while (end < limit && !';"\''.includes(text[end]!)) {
    if (
      isSpace(text.charCodeAt(end)) &&
      text.startsWith('--', end + 1) &&
      /[a-z]/.test(text[end + 3] ?? '')
    ) {
      break;
    }
    end++;
  }
  return { start: at, end, quoted: false };
}

/** `;Password=…` or `"Password=…`: a pair in a connection string, whose values are bare literals. */
export function inPairList(text: string, s: number): boolean {
  let i = s - 1;
  while (i >= 0 && s - i < 8 && isSpace(text.charCodeAt(i))) {
    i--;
  }
  const c = text.charCodeAt(i);
  return c === 59 || c === 34 || c === 39;
}
