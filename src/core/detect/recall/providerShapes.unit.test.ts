import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken } from '../random';
import { findProviderShapes } from './providerShapes';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findProviderShapes, text, values);
const leaves = (text: string): void => assertUntouched(findProviderShapes, text);
/** A generated body with digits in it, so its shape never depends on the draw. */
const body = (n: number): string => `${randomToken(ALNUM, n - 2)}7${randomToken(LOWER_ALNUM, 1)}`;

describe('redact tier: provider look-alikes by prefix and fixed shape', () => {
  it('hides a provider prefix followed by a generated body, whatever its length', () => {
    for (const prefix of ['ntn_', 'sgp_', 'tskey-api-', 'glsoat-', 'ops_', 'shpss_', 'lin_api_']) {
      const token = `${prefix}${body(37)}`;
      hides(`value: ${token}\n`, token);
      hides(token, token);
    }
    const slackIds = `xoxa-${randomToken(DIGITS, 11)}-${randomToken(DIGITS, 13)}`;
    if (!/0123|1234|2345|3456|4567|5678|6789|(\d)\1{4}/.test(slackIds)) {
      hides(slackIds, slackIds);
    }
  });

  it('hides the fixed shapes: Discord and Telegram bot tokens, GitLab registration tokens, age keys', () => {
    const discord = `M${body(23)}.${randomToken(BASE64URL, 6)}.${body(27)}`;
    hides(discord, discord);
    const telegram = `${randomToken(DIGITS, 9)}:${body(35)}`;
    hides(`bot = ${telegram}`, telegram.slice(telegram.indexOf(':') + 1));
    const runner = `GR1348941${randomToken(LOWER_ALNUM, 13)}`;
    hides(runner, runner);
    const age = `AGE-SECRET-KEY-1${randomToken(UPPER_ALNUM, 58)}`;
    hides(age, age);
  });

  it('leaves prefixes followed by words, templates, runs, counts or paths', () => {
    for (const text of [
      'ops_token is secret',
      'the sgp_local_development_instance_name setting',
      `ntn_${'1'.repeat(50)}`,
      `ntn_12345678901234567890123456789012`,
      `glc_${randomToken(HEX, 20)}?${randomToken(HEX, 10)}`,
      `backups/ghp_${randomToken(ALNUM, 36)}/dump.sql`,
      'api-key-for-the-staging-environment',
      'GR1348941XXXXXXXXXXXXXXXXXXXX',
      `gsk_${body(10)}1234567890abcdefghij`,
      `P${body(23)}.${randomToken(BASE64URL, 6)}.${body(27)}`,
      `M${body(22)}.${randomToken(BASE64URL, 5)}.${body(27)}`,
    ]) {
      leaves(text);
    }
  });

  it('stays linear on a flood of prefixes', () => {
    leaves('ntn_'.repeat(50_000));
    leaves(`${'M'.repeat(24)}.`.repeat(20_000));
  });
});
