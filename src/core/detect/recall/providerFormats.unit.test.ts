import * as assert from 'node:assert/strict';
import { ALNUM, DIGITS, HEX, randomToken } from '../random';
import { findProviderFormats } from './providerFormats';
import type { RecallSpan } from './recallSpan';
import { assertUntouched } from './spanCases';

const LOWER_HEX = HEX.toLowerCase();
const hex = (n: number): string => randomToken(LOWER_HEX, n);
const kinds = (text: string): string[] => {
  const out: RecallSpan[] = [];
  findProviderFormats(text, out);
  return out.map((s) => `${s.kind}=${text.slice(s.start, s.end)}`);
};

describe('redact tier: providers\u2019 documented formats in neutral places (providerFormats.ts)', () => {
  it('hides each format whole, in a log line, a query value, prose and a call', () => {
    const tokens: [string, string][] = [
      [
        'intercom-token',
        `dG9rOj${Buffer.from(`${hex(8)}_${hex(4)}_${hex(4)}_${hex(4)}_${hex(12)}:1:0`).toString('base64')}`,
      ],
      ['pagerduty-token', `u+${randomToken(ALNUM, 18)}`],
      ['razorpay-key', `rzp_live_${randomToken(ALNUM, 14)}`],
      ['stripe-client-secret', `pi_${randomToken(ALNUM, 24)}_secret_${randomToken(ALNUM, 25)}`],
      ['telnyx-key', `KEY${randomToken(ALNUM, 55)}`],
      ['yandex-key', `YC${randomToken(ALNUM, 38)}`],
      ['bearer-token', `${'A'.repeat(22)}${randomToken(ALNUM, 90)}`],
      ['close-key', `api_${randomToken(ALNUM, 22)}.${randomToken(ALNUM, 22)}`],
      ['mailgun-key', `${hex(32)}-${hex(8)}-${hex(8)}`],
      ['truenas-key', `${randomToken(DIGITS, 1)}-${randomToken(ALNUM, 64)}`],
      ['ngrok-token', `2${randomToken(ALNUM, 26)}_${randomToken(DIGITS, 1)}${randomToken(ALNUM, 20)}`],
      ['asana-token', `1/${randomToken(DIGITS, 16)}:${hex(32)}`],
      ['asana-token', `2/${randomToken(DIGITS, 16)}/${randomToken(DIGITS, 16)}:${hex(32)}`],
    ];
    for (const [kind, token] of tokens) {
      for (const text of [
        `2024-05-11T09:12:44Z INFO picked up ${token} from queue`,
        `curl -s "https://svc.example.io/lookup?q=${token}&page=2"`,
        `ok try it with ${token} and tell me`,
        `client.init("${token}", { retries: 2 })`,
      ]) {
        assert.deepEqual(kinds(text), [`${kind}=${token}`], text);
      }
    }
  });

  it('leaves the same shapes cut into longer runs, words where a draw belongs, and ordinary code', () => {
    for (const text of [
      // A certificate's base64 line holds `u+` and runs on.
      `u+${randomToken(ALNUM, 20)}Q4+e0BQ5v1VwSJlXMbSc7kqYA5YwH2AG7hsj/oFgIxpH`,
      `const KEY_VALUE_STORE_IDENTIFIER_FOR_THE_REQUEST_HANDLER_NAME = 1;`,
      'YCbCrToRGBConversionMatrixForTheFullRangeOfVideoColours',
      `release-${'a'.repeat(64)}`,
      `see https://app.asana.com/0/${randomToken(DIGITS, 16)}/${randomToken(DIGITS, 16)}`,
      'payment_intent = stripe.PaymentIntent.retrieve(pi_id)',
    ]) {
      assertUntouched(findProviderFormats, text);
    }
  });
});
