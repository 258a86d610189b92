import * as assert from 'node:assert/strict';
import { ALNUM, DIGITS, HEX, randomToken } from '../random';

const LETTERS = ALNUM.slice(0, 52);
import { findProviderFormats } from './providerFormats';
import type { RecallSpan } from './recallSpan';
import { assertUntouched } from './spanCases';

const LOWER_HEX = HEX.toLowerCase();
const hex = (n: number): string => randomToken(LOWER_HEX, n);
/** An Intercom token: base64 of `tok:<id>:1:0`, the id's first character chosen (a digit gives `dG9rOj`). */
const intercom = (first: string): string =>
  Buffer.from(`tok:${first}${hex(7)}_${hex(4)}_${hex(4)}_${hex(4)}_${hex(12)}:1:0`).toString('base64');
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
      // The third letter follows the id's first character: a digit gives `j`, a-f gives `m`.
      ['intercom-token', intercom('c')],
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
      // An org id of letters alone and a session part of 96 with dots: the report tier wants 96 and digits.
      [
        'salesforce-session',
        `00D${randomToken(LETTERS, 12)}!AQ${randomToken(ALNUM, 40)}.${randomToken(ALNUM, 30)}.${randomToken(ALNUM, 22)}`,
      ],
      ['salesforce-session', `00D${randomToken(ALNUM, 12)}!AR${randomToken(ALNUM, 110)}`],
      ['asana-token', `1/${randomToken(DIGITS, 16)}:${hex(32)}`],
      ['asana-token', `2/${randomToken(DIGITS, 16)}/${randomToken(DIGITS, 16)}:${hex(32)}`],
      ['facebook-app-token', `1${randomToken(DIGITS, 14)} | ${hex(32)}`],
      ['facebook-app-token', `1${randomToken(DIGITS, 14)} |${hex(32)}`],
    ];
    for (const [kind, token] of tokens) {
      for (const text of [
        `2024-05-11T09:12:44Z INFO picked up ${token} from queue`,
        `curl -s "https://svc.example.io/lookup?q=${token}&page=2"`,
        `ok try it with ${token} and tell me`,
        `client.init("${token}", { retries: 2 })`,
        `Swapped the old value for ${token}. Works now.`,
      ]) {
        assert.deepEqual(kinds(text), [`${kind}=${token}`], text);
      }
    }
  });

  it('hides a token with an unmistakable head as a path’s segment too', () => {
    for (const token of [`rzp_live_${randomToken(ALNUM, 14)}`, intercom('e')]) {
      const text = `GET https://api.internal-tools.net/v2/items/${token}/status returned 404`;
      assert.equal(kinds(text).length, 1, text);
      assert.ok(kinds(text)[0]!.endsWith(`=${token}`), text);
    }
  });

  it('hides Unix crypt hashes: htpasswd, shadow, bcrypt, yescrypt, and LDAP scheme-tagged ones', () => {
    const crypt = (n: number): string => randomToken(`${ALNUM}./`, n);
    const b64 = (n: number): string => randomToken(`${ALNUM}+/`, n);
    for (const hash of [
      `{SHA}${b64(27)}=`,
      `{SSHA512}${b64(88)}`,
      `$apr1$${crypt(8)}$${crypt(22)}`,
      `$6$rounds=5000$${crypt(16)}$${crypt(86)}`,
      `$1$${crypt(8)}$${crypt(22)}`,
      `$2y$10$${crypt(53)}`,
      `$y$j9T$${crypt(22)}$${crypt(43)}`,
      `*${randomToken('0123456789ABCDEF', 40)}`,
    ]) {
      for (const text of [`admin:${hash}`, `root:${hash}:19000:0:99999:7:::`, `$hash = "${hash}";`]) {
        assert.deepEqual(kinds(text), [`password-hash=${hash}`], text);
      }
    }
    for (const text of [
      'price: $1$ per unit, $6$ for six',
      'echo "$1$2$3"',
      '`$2y$` marks a bcrypt hash',
      'the {SHA} scheme stores a base64 digest',
    ]) {
      assertUntouched(findProviderFormats, text);
    }
  });

  it('hides an Ethereum node provider\u2019s key in its endpoint\u2019s path', () => {
    const [a, b] = [randomToken(ALNUM, 32), hex(32)];
    assert.deepEqual(kinds(`url: "https://eth-sepolia.g.alchemy.com/v2/${a}",`), [`alchemy-key=${a}`]);
    assert.deepEqual(kinds(`mainnet = "https://mainnet.infura.io/v3/${b}"`), [`infura-key=${b}`]);
    assertUntouched(findProviderFormats, 'see https://docs.alchemy.com/v2/reference for the API');
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
      `00D000000000000!${'A'.repeat(96)}`,
      `if (!ok) { return 00000000000000; } // not a token!${'!'.repeat(3)}`,
      // A certificate's base64 line: a `/` before `u+` is base64's own letter.
      `MIIB/u+${randomToken(ALNUM, 18)}`,
      // A digest after a table's bar, an app id with no secret, a hex run that goes on.
      `| sha256 | ${hex(32)} |`,
      `app_id = ${randomToken(DIGITS, 15)} || fallback`,
      `${randomToken(DIGITS, 15)}|${hex(40)}`,
    ]) {
      assertUntouched(findProviderFormats, text);
    }
  });
});
