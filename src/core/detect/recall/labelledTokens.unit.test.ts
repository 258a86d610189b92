import { ALNUM, HEX, randomToken } from '../random';
import { findLabelledTokens } from './labelledTokens';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findLabelledTokens, text, values);
const leaves = (text: string): void => assertUntouched(findLabelledTokens, text);
/** A generated key whose shape never depends on the draw. */
const key = (n = 32): string => `${randomToken(ALNUM, n - 4)}7q3Z`;
const uuid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');

describe('redact tier: generated values on labelled lines', () => {
  it('hides a generated value after a provider name, a YAML key or a log label', () => {
    const k = key();
    hides(`mixpanel ${k} ${key(30)}`, k);
    const id = uuid();
    hides(`loggly '${id}' 'logs.example.org'`, id);
    hides(`onesignal: ${id}`, id);
    const hex = `${randomToken(HEX, 38)}a7`;
    hides(`  cloudsmith: "${hex}"`, hex);
    hides(`- cloze: ${hex} / someone@example.org`, hex);
    hides(`spotifykey key - '${k}'`, k);
  });

  it('leaves assignments in code, digests, ids, host names, prose and cut values', () => {
    const k = key();
    for (const text of [
      `apiMetrics := "${k}"`,
      `token = '${k}'`,
      `commit ${randomToken(HEX, 40)}`,
      `  sha256: ${randomToken(HEX, 64)}`,
      `client_id: ${randomToken(HEX, 40)}`,
      `image: ${uuid()}`,
      'domain: Truffle-security.org.a6z81.mng',
      `${key(24)} ${k}`,
      `websitepulse '3?${randomToken(HEX, 30)}'`,
      `mixpanel '${k}?x'`,
      'description: a long sentence about the service and its settings',
      '  version: 2024-05-01-preview-build-17',
    ]) {
      leaves(text);
    }
  });
});
