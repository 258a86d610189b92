import { BASE64, UPPER_ALNUM, randomToken } from '../random';
import { findAwsPairs } from './awsPairs';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findAwsPairs, text, values);
const leaves = (text: string): void => assertUntouched(findAwsPairs, text);
const keyId = (prefix = 'AKIA'): string => `${prefix}${randomToken(UPPER_ALNUM, 16)}`;
/** A secret access key: 40 base64 characters with both cases and a digit for sure. */
const secret = (): string => `${randomToken(BASE64, 37)}a7Q`;

describe('redact tier: an AWS secret key beside its key id (awsPairs.ts)', () => {
  it("hides the secret of the console's CSV downloads, sts text output and a chat message", () => {
    const s = secret();
    hides(`Access key ID,Secret access key\n${keyId()},${s}\n`, s);
    hides(
      `User name,Password,Access key ID,Secret access key,Console login link\nci,,${keyId()},${s},https://x\n`,
      s,
    );
    hides(`CREDENTIALS\t${keyId('ASIA')}\t2026-01-01T01:00:00Z\t${s}\tIQoJb3JpZ2luX2Vj`, s);
    hides(`here you go: ${keyId()} / ${s}`, s);
  });

  it('leaves 40-character runs without a key id on their line, and digests beside one', () => {
    // The secret on another line than the id: this detector reads the id's line only.
    leaves(`${keyId()}\nnotes: ${secret()}\n`);
    leaves(`${keyId()} sha1 ${'0123456789abcdef0123'.repeat(2)}`);
    leaves(`${keyId()} ${'ABCDEFGHIJ'.repeat(4)}`);
  });
});
