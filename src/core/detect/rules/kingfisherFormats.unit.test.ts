import * as assert from 'node:assert/strict';
import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken } from '../random';
import { scan } from '../scanner';
import { freshSample } from './ruleKit';
import { randomLetters } from './letterRuns';
import { drawnUntil, takenOf } from '../../../../test/support/freshValues';

// Formats as Kingfisher's rule files read them (`data/rules/*.yml`), where they are wider than what the
// provider issues: a unique prefix or a named place carries the proof. Each case is drawn here from the
// shape, never stored.
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
/** `n` characters of `chars` holding a letter and a digit, with no placeholder's word or run. */
const drawn = (chars: string, n: number): string => {
  for (;;) {
    const v = freshSample(() => randomToken(chars, n));
    if (/[A-Za-z]/.test(v) && /[0-9]/.test(v)) {
      return v;
    }
  }
};

describe('formats as Kingfisher reads them', () => {
  it('Buildkite and Supabase: any lower-case letters and digits after the prefix, at the length', () => {
    for (let i = 0; i < 10; i++) {
      const body = drawn(LOWER_ALNUM, 40);
      assert.deepEqual(ids(`bkua_${body}`), ['buildkite-api-token']);
      assert.deepEqual(ids(`SUPABASE_ACCESS_TOKEN=sbp_${body}`), ['supabase-access-token']);
      assert.ok(!ids(`bkua_${body.slice(1)}`).includes('buildkite-api-token'));
      assert.ok(!ids(`sbp_${body.toUpperCase()}`).includes('supabase-access-token'));
    }
  });

  it('Typeform: 40 to 59 characters after tfp_, not 39', () => {
    for (let i = 0; i < 10; i++) {
      const n = 40 + (i % 20);
      assert.deepEqual(ids(`tfp_${drawn(LOWER_ALNUM, n)}`), ['typeform-api-token']);
      assert.ok(!ids(`tfp_${drawn(LOWER_ALNUM, 39)}`).includes('typeform-api-token'));
    }
  });

  it('Nightfall: one case with digits after NF-, not digits alone', () => {
    for (let i = 0; i < 10; i++) {
      assert.deepEqual(ids(`NF-${drawn(UPPER_ALNUM, 32)}`), ['nightfall-api-key']);
      assert.ok(!ids(`NF-${freshSample(() => randomToken(DIGITS, 32))}`).includes('nightfall-api-key'));
    }
  });

  it('Sourcegraph: an instance id and `local` both before the 40 hex', () => {
    for (let i = 0; i < 10; i++) {
      const t = `sgp_${randomToken(HEX, 16)}_local_${freshSample(() => randomToken(HEX, 40))}`;
      const found = scan(`SRC_ACCESS_TOKEN=${t}`);
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.end - f.start]),
        [['sourcegraph-access-token', t.length]],
      );
    }
  });

  it('Telegram: any 35-character secret after the word or tgram://, not bare', () => {
    for (let i = 0; i < 10; i++) {
      const t = `${freshSample(() => randomToken(DIGITS, 10))}:B${drawn(BASE64URL, 34)}`;
      if (!/[a-z]/.test(t) || !/[A-Z]/.test(t.slice(11))) {
        continue;
      }
      assert.deepEqual(ids(`telegram: ${t}`), ['telegram-bot-token-named']);
      assert.deepEqual(ids(`notify = "tgram://${t}/-100123"`), ['telegram-bot-token-named']);
      assert.ok(!ids(`chat ${t}`).includes('telegram-bot-token-named'));
      assert.ok(!ids(`telegram: ${t.toLowerCase()}`).includes('telegram-bot-token-named'));
    }
  });

  it('PagerDuty: a user token of u+ and 18 under a PagerDuty name', () => {
    for (let i = 0; i < 10; i++) {
      const t = `u+${drawn(LOWER_ALNUM + 'ABCDEFGH', 18)}`;
      assert.deepEqual(ids(`pagerduty_key = ${t}`), ['pagerduty-api-key']);
      assert.ok(!ids(`pagerduty_key = u+${t.slice(3)}`).includes('pagerduty-api-key'));
    }
  });

  it('Stripe: ten or more after sk_live_ and rk_live_ (gitleaks reads so too), not nine', () => {
    for (const n of [10, 15, 23]) {
      assert.deepEqual(ids(`sk_live_${drawn(ALNUM, n)}`), ['stripe-secret-key'], `${n}`);
      assert.deepEqual(ids(`rk_live_${drawn(ALNUM, n)}`), ['stripe-restricted-key'], `${n}`);
    }
    assert.deepEqual(ids(`sk_live_${drawn(ALNUM, 9)}`), []);
  });

  it('Square: EAAA and up to 64 characters, not 65', () => {
    for (const n of [60, 61, 64]) {
      assert.deepEqual(ids(`square EAAA${drawn(BASE64URL, n)}`), ['square-access-token'], `${n}`);
    }
    assert.ok(!ids(`square EAAA${drawn(BASE64URL, 65)}`).includes('square-access-token'));
  });

  it('GoCardless: live_ and 40 to 42 characters, = among them, after its word', () => {
    for (const n of [40, 41, 42]) {
      const body = drawn(BASE64URL, n);
      const v = `live_${body.slice(0, 12)}=${body.slice(13)}`;
      assert.deepEqual(ids(`gocardless_token = "${v}"`), ['gocardless-access-token'], v);
    }
    assert.ok(!ids(`gocardless_token = "live_${drawn(BASE64URL, 43)}"`).includes('gocardless-access-token'));
  });

  it('Telnyx: KEY and 55 after its word, no credential word needed; not without the word', () => {
    const v = `KEY${randomToken(HEX, 32).toUpperCase()}_${drawn(BASE64URL, 22)}`;
    assert.deepEqual(ids(`telnyx = ${v}`), ['telnyx-api-key']);
    assert.deepEqual(ids(`value = ${v}`).includes('telnyx-api-key'), false);
    assert.deepEqual(ids(`telnyx = ${v.slice(0, -1)}`), []);
  });

  it('Ticket Tailor: sk_, two ids and 32 to 40 hex after its word on the line', () => {
    for (const n of [32, 36, 40]) {
      const v = `sk_${randomToken('123456789', 4)}_${randomToken('123456789', 6)}_${drawn(HEX, n)}`;
      assert.deepEqual(ids(`tickettailor key ${v}`), ['tickettailor-api-key'], v);
      assert.equal(ids(`some key ${v}`).includes('tickettailor-api-key'), false);
    }
  });

  it('Klaviyo: pk_ and 34 letters and digits after its word and a credential word', () => {
    const v = `pk_${drawn(ALNUM, 34)}`;
    assert.deepEqual(ids(`klaviyo_key = ${v}`), ['klaviyo-api-key']);
    assert.deepEqual(ids(`klaviyo_list = ${v}`).includes('klaviyo-api-key'), false);
    assert.deepEqual(ids(`api_key = ${v}`).includes('klaviyo-api-key'), false);
  });

  it('Replicate: r8_ and 37 to 48 letters and digits, not 36 or 49', () => {
    for (const n of [37, 45, 48]) {
      assert.deepEqual(ids(`r8_${drawn(ALNUM, n)}`), ['replicate-api-token'], `${n}`);
    }
    for (const n of [36, 49]) {
      assert.ok(!ids(`r8_${drawn(ALNUM, n)}`).includes('replicate-api-token'), `${n}`);
    }
  });

  it('Beamer: b_ and 44 drawn letters, no digit, after its word; not letters that spell words', () => {
    const letters = ALNUM.replace(/[0-9]/g, '');
    // The rule takes letters alone when `randomLetters` reads them as drawn: most draws, not all (a draw
    // with a third of its letters vowels reads as words). The share, then draws it takes.
    const taken = takenOf(letters, 44, (body) => ids(`beamer = b_${body}`).includes('beamer-api-key'));
    assert.ok(taken >= 360, `${taken} of 400 draws of 44 letters taken`);
    for (let i = 0; i < 10; i++) {
      const body = freshSample(() => drawnUntil(letters, 44, randomLetters));
      assert.deepEqual(ids(`beamer = b_${body}`), ['beamer-api-key'], body);
    }
    assert.deepEqual(ids('beamer = b_ThisIsTheBeamerKeyForTheMarketingSiteHomePag'), []);
  });

  it('Checio: pk_ and 45 or more lower-case letters and digits after its word and a credential word', () => {
    for (const n of [45, 46, 60]) {
      const v = `pk_${drawn(LOWER_ALNUM, n)}`;
      assert.ok(ids(`checio SECRET    ${v}`).includes('service-api-key'), v);
    }
    assert.deepEqual(ids(`checio ${`pk_${drawn(LOWER_ALNUM, 46)}`}`), []);
    assert.deepEqual(ids(`pk_${drawn(LOWER_ALNUM, 44)} checio`), []);
  });

  it('Slack: xoxb- ids of letters and digits, three parts, a secret of 24 or more', () => {
    for (let i = 0; i < 10; i++) {
      const t = `xoxb-${drawn(UPPER_ALNUM, 8)}-${drawn(ALNUM, 12)}-${drawn(ALNUM, 32)}`;
      assert.deepEqual(ids(t), ['slack-bot-token'], t);
      assert.deepEqual(ids(`xoxb-${drawn(UPPER_ALNUM, 8)}-${drawn(ALNUM, 12)}`), []);
      assert.deepEqual(ids(`xoxb-${drawn(UPPER_ALNUM, 8)}-${drawn(ALNUM, 12)}-${drawn(ALNUM, 16)}`), []);
    }
    assert.deepEqual(ids('xoxb-abcdefgh-abcdefghijkl-abcdefghijklmnopqrstuvwxyz'), []);
  });

  it('CircleCI: 22 to 26 characters and 40 lower-case letters and digits after CCIPAT_', () => {
    for (const n of [22, 24, 26]) {
      const t = `CCIPAT_${drawn(ALNUM, n)}_${drawn(LOWER_ALNUM, 40)}`;
      assert.deepEqual(ids(`CircleCI_PAT = "${t}"`), ['circleci-personal-token'], t);
    }
    assert.deepEqual(ids(`CCIPAT_${drawn(ALNUM, 21)}_${drawn(LOWER_ALNUM, 40)}`), []);
    assert.deepEqual(ids(`CCIPAT_${drawn(ALNUM, 24)}_${drawn(LOWER_ALNUM, 39)}`), []);
  });

  it('ClickUp: a user id that opens with 0, as Kingfisher reads it', () => {
    for (let i = 0; i < 10; i++) {
      const t = `pk_0${randomToken(DIGITS, 6)}_${drawn(UPPER_ALNUM, 32)}`;
      assert.deepEqual(ids(t), ['clickup-personal-token'], t);
    }
    assert.deepEqual(ids(`pk_0${randomToken(DIGITS, 5)}_${drawn(UPPER_ALNUM, 32)}`), []);
  });
});
