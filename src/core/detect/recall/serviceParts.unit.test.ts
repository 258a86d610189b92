import { HEX, randomToken } from '../random';
import { findServiceParts } from './serviceParts';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findServiceParts, text, values);
const leaves = (text: string): void => assertUntouched(findServiceParts, text);

/** KuCoin's key and secret, drawn fresh: 24 hex and a UUID. */
const key = (): string => `${randomToken(HEX, 22)}a7`;
const secret = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n - 1) + 'b').join('-');
/** A passphrase of the printable kind a user types, drawn fresh. */
const passphrase = (): string =>
  `_4K~${randomToken('ABCDEFGHJKLMNPQRSTUVWXYZ', 4)}|${randomToken(HEX, 6)}:q7`;

describe('redact tier: the other parts of a service credential after its word', () => {
  it('hides a passphrase written after the word of a key the table finds on that line', () => {
    const pp = passphrase();
    hides(`kucoin ${pp}, kucoin ${secret()} kucoin ${key()}`, pp);
    hides(`KUCOIN ${pp} kucoin ${key()} kucoin ${secret()}\n`, pp);
  });

  it('leaves the word before words, before a value with no key of the service, and other words', () => {
    const k = key();
    const s = secret();
    for (const text of [
      `kucoin ${passphrase()} kucoin exchange`,
      `kucoin ${passphrase()}\nkucoin ${s} kucoin ${k}`,
      `kucoin exchange kucoin ${s} kucoin ${k}`,
      `kucoin https://api.kucoin.com/v1 kucoin ${s} kucoin ${k}`,
      `the Something1! is the ${s} and ${k}`,
      `kucoin getPassphrase(x) kucoin ${s} kucoin ${k}`,
    ]) {
      leaves(text);
    }
  });

  it('stays linear on a long line of repeated words', () => {
    leaves('kucoin Ab1!abcd '.repeat(100));
    leaves(`${'kucoin Ab1!abcd '.repeat(10_000)}`);
  });
});
