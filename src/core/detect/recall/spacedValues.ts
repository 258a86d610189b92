import { generatedToken } from './bareTokens';
import { pushLiteral, readQuoted } from './literalValue';
import type { RecallSpan } from './recallSpan';
import { LINE_PREFIX } from './statementStart';
import { definedValue, directiveValue, spacedQuoted } from './valueForms';

// A credential name's value after blanks alone, no separator between (namedLiterals.ts reads the rest).

/**
 * A value after a name and a space, with no separator: `secret "…";` starting a line (a directive), or a
 * generated token anywhere (`Using token k3J9…`).
 */
export function spacedValue(
  text: string,
  at: number,
  prefix: string | undefined,
  kind: string,
  out: RecallSpan[],
  configKey = false,
): number {
  const defined = definedValue(text, at, prefix, kind, out) ?? spacedQuoted(text, at, prefix, kind, out);
  if (defined !== undefined) {
    return defined;
  }
  const c = text.charCodeAt(at);
  if (prefix === undefined || !LINE_PREFIX.test(prefix)) {
    return generatedToken(text, at, kind, out);
  }
  if (c === 34 || c === 39) {
    return pushLiteral(text, readQuoted(text, at), kind, false, out);
  }
  return directiveValue(text, at, kind, out, configKey) ?? generatedToken(text, at, kind, out);
}
