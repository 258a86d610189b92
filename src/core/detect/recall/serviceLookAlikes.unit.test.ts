import { randomToken } from '../random';
import { findServiceLookAlikes } from './serviceLookAlikes';
import { assertHidden, assertUntouched } from './spanCases';

const DIGITS = '0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** Everhour's groups (4, 4, 6, 6, 8) in another alphabet than its hex: letters, digits, letters, digits. */
const everhourLike = (): string =>
  [
    `${randomToken(UPPER, 3)}Q`,
    randomToken(DIGITS, 4),
    randomToken(DIGITS, 6),
    `${randomToken(LOWER, 4)}xz`,
    randomToken(DIGITS, 8),
  ].join('-');

describe('redact tier: a service key in groups, in another alphabet (serviceLookAlikes)', () => {
  it('hides a value with the groups of a key of the service its name names', () => {
    const value = everhourLike();
    for (const text of [
      `everhour=${value}`,
      `EVERHOUR_API_KEY: '${value}'`,
      `"everhourToken": "${value}",`,
      `everhour key ${value}`,
    ]) {
      assertHidden(findServiceLookAlikes, text, [value]);
    }
  });

  it('hides a drawn value whose one group happens to repeat a digit, not one with a masked group', () => {
    const [tag, , six, letters, eight] = everhourLike().split('-');
    const digit = randomToken('123456789', 1);
    const repeated = [tag, digit.repeat(4), six, letters, eight].join('-');
    assertHidden(findServiceLookAlikes, `everhour=${repeated}`, [repeated]);
    for (const mask of ['XXXX', 'xxxx', '0000']) {
      assertUntouched(findServiceLookAlikes, `everhour=${[tag, mask, six, letters, eight].join('-')}`);
    }
  });

  it('leaves other names, other groups, samples, ids and pieces of longer names', () => {
    const value = everhourLike();
    for (const text of [
      `build=${value}`,
      `# everhour\nvalue=${value}`,
      `everhour=${value}-${randomToken(DIGITS, 4)}`,
      `everhour=${randomToken(DIGITS, 8)}-${randomToken(DIGITS, 4)}-${randomToken(DIGITS, 4)}-${randomToken(DIGITS, 4)}-${randomToken(DIGITS, 12)}`,
      `everhour=x-${value}`,
      `everhour=/srv/${value}`,
      `everhour=${value}.log`,
      'everhour=ABCD-1234-123456-abcdef-12345678',
      'RequestFinance-Key ABCDEFG-HIJKLMN-OPQRSTU-QWZXKVB',
      `everhour=${randomToken(UPPER, 4)}-${randomToken(UPPER, 4)}-${randomToken(UPPER, 6)}-${randomToken(LOWER, 6)}-${randomToken(UPPER, 8)}`,
    ]) {
      assertUntouched(findServiceLookAlikes, text);
    }
  });
});
