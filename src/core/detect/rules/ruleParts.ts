import { shannonEntropy } from '../entropy';
import { DIGITS, HEX, randomToken } from '../random';

/** Regex source of a lower-case hex UUID, the shape of many service tokens. */
export const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** A fresh lower-case hex UUID, v4-shaped (version 4, variant `a`) as real ones are, for test samples. */
export function uuid(): string {
  const hex = (n: number): string => randomToken(HEX, n);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
}

/** A fresh number of `n` digits that does not start with 0, as Slack and Discord ids are. */
export function numericId(n: number): string {
  for (;;) {
    const out = randomToken('123456789', 1) + randomToken(DIGITS, n - 1);
    // The engine drops six-step runs (`123456`) as placeholders; a sample must not trip that by chance.
    if (!/(?:012|123|234|345|456|567|678|789|987|876|765|654|543|432|321|210)/.test(out)) {
      return out;
    }
  }
}

/** The last path segment of a webhook URL carries its secret; a docs placeholder has none of its entropy. */
export function randomTail(url: string): boolean {
  const tail = webhookToken(url);
  return shannonEntropy(tail) >= 3.2 && !/^(?:0+|x+)$/i.test(tail);
}

/**
 * A webhook URL's token, its last path segment: what the placeholder checks read (`Rule.placeholderPart`).
 * The ids before it are the channel's, and documentation fills them with a run (`123456789012345678`).
 */
export function webhookToken(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}

/** True when `value` mixes letters and digits, as generated keys of 16+ characters nearly always do. */
export function lettersAndDigits(value: string): boolean {
  return /[0-9]/.test(value) && /[A-Za-z]/.test(value);
}

/** Regex source with every letter outside classes and escapes made case-insensitive, so that the rest stays case-exact. */
export function ci(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      out += ch + (source[i + 1] ?? '');
      i++;
    } else if (inClass || ch === '[') {
      inClass = ch === '[' || (inClass && ch !== ']');
      out += ch;
    } else {
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      out += lo === up ? ch : `[${lo}${up}]`;
    }
  }
  return out;
}

/** A number read as a random id: not a counting run, a repeated digit or a round value. */
export function randomDigits(value: string): boolean {
  return (
    !/(?:0123|1234|2345|3456|4567|5678|6789|9876|8765|7654|6543|5432|4321|3210)/.test(value) &&
    !/(\d)\1{4}/.test(value) &&
    shannonEntropy(value) >= 2.5
  );
}
