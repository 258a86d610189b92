import { lineStart as lineStartWithin } from '../lineBounds';
import type { ValueSpan } from './literalValue';

/**
 * A literal compared with a credential name from the left: `if ("…" == password)`, `"…" !== secret`
 * (Yoda conditions). The literal is what the credential is checked against, so it is the credential.
 * Read backwards from the name at `s`, within its line; bounded by `MAX_BACK` characters.
 */
const MAX_BACK = 1024;

const COMPARISON = /(?:===?|!==?)[ \t]{0,8}$/;

/** The quoted literal just before `== name` / `!= name`, or undefined. */
export function comparedBefore(text: string, s: number): ValueSpan | undefined {
  const lineStart = lineStartWithin(text, s, MAX_BACK);
  const before = text.slice(lineStart, s);
  const op = COMPARISON.exec(before);
  if (op === null) {
    return undefined;
  }
  let i = lineStart + op.index - 1;
  while (i >= lineStart && (text[i] === ' ' || text[i] === '\t')) {
    i--;
  }
  const quote = text[i];
  if (i < lineStart || (quote !== '"' && quote !== "'" && quote !== '`')) {
    return undefined;
  }
  const close = i;
  // The opening quote: the nearest unescaped one of the same kind on the line.
  for (let k = close - 1; k >= lineStart; k--) {
    if (text[k] === quote && text[k - 1] !== '\\') {
      return k + 1 < close ? { start: k + 1, end: close, quoted: true } : undefined;
    }
  }
  return undefined;
}
