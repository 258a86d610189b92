import * as assert from 'node:assert/strict';
import { ALNUM, LOWER_ALNUM, UPPER_ALNUM, randomToken } from '../random';
import { shannonEntropy } from '../entropy';
import { scan } from '../scanner';
import { numericId, randomDigits } from './ruleParts';

/** Draws until `ok` holds: a random fixture trips a placeholder check (`12345`) now and then. */
function draw(make: () => string, ok: (v: string) => boolean = randomDigits): string {
  for (;;) {
    const v = make();
    if (ok(v)) {
      return v;
    }
  }
}

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('client ids under a credential name (report tier)', () => {
  it('reports a provider id that a key, token or secret name holds', () => {
    const asana = draw(() => numericId(16));
    const discord = draw(() => numericId(18));
    const linkedin = draw(
      () => randomToken(LOWER_ALNUM, 14),
      (v) => /[0-9]/.test(v) && /[a-z]/.test(v),
    );
    const cases: readonly (readonly [string, string])[] = [
      [`asana_token: '${asana}'`, 'asana-client-id'],
      [`{"config.ini": "ASANA_TOKEN=${asana}\\nBACKUP_ENABLED=true"}`, 'asana-client-id'],
      [`discord_token: "${discord}"`, 'discord-client-id'],
      [`<discordToken>\n    ${discord}\n</discordToken>`, 'discord-client-id'],
      [`linkedin_TOKEN ::= "${linkedin}"`, 'linkedin-client-id'],
      [`  "linkedinToken" => "${linkedin}"`, 'linkedin-client-id'],
    ];
    for (const [line, id] of cases) {
      assert.deepEqual(ids(line), [id], line);
    }
  });

  it('leaves an id its name calls an id, a counting run and a repeated digit', () => {
    for (const line of [
      `ASANA_CLIENT_ID=${numericId(16)}`,
      `DISCORD_CLIENT_ID=${numericId(18)}`,
      `linkedin_client_id: ${draw(
        () => randomToken(LOWER_ALNUM, 14),
        (v) => /[0-9]/.test(v),
      )}`,
      'asana_token: 1234567890123456',
      'discord_token: "111111111111111111"',
      'linkedin_token: "productionkeys"',
      // No provider word: a number under a token name is any service's.
      `access_token = "${numericId(18)}"`,
    ]) {
      assert.deepEqual(ids(line), [], line);
    }
  });

  it('reports a Salesforce 3MVG9 consumer key under a credential name, not under an id name', () => {
    const key = `3MVG9${randomToken(ALNUM, 56)}.${randomToken(ALNUM, 19)}.${randomToken(UPPER_ALNUM, 3)}`;
    assert.deepEqual(ids(`  salesforce_key = "${key}"`), ['salesforce-consumer-key']);
    assert.deepEqual(ids(`SFDC_CONSUMER_KEY=${key}`), ['salesforce-consumer-key']);
    assert.deepEqual(ids(`SALESFORCE_CLIENT_ID=${key}`), []);
    assert.deepEqual(ids(`salesforce_key = "3MVG9${randomToken(ALNUM, 40)}"`), []);
  });

  it('reads Discord numbers by length under a Discord credential name: 17-20 digits an id, 32 a secret', () => {
    for (let i = 0; i < 20; i++) {
      const padded = draw(() => `0${numericId(17)}`);
      // The rule's entropy floor (2.6) leaves out about one 32-digit draw in a thousand.
      const secret = draw(
        () => numericId(32),
        (v) => randomDigits(v) && shannonEntropy(v) >= 2.6,
      );
      for (const [line, id] of [
        [`  "discordToken" => "${padded}"`, 'discord-client-id'],
        [`string discordToken = "${secret}";`, 'discord-client-secret'],
        [`discord_TOKEN = "${secret}"`, 'discord-client-secret'],
        [`discord_token: ${secret}`, 'discord-client-secret'],
      ] as const) {
        assert.deepEqual(ids(line), [id], line);
      }
      for (const line of [
        `discord_token: ${secret.slice(0, 25)}`, // neither length
        `discord_token: ${secret}1`,
        `DISCORD_CLIENT_ID=${secret}`, // an id name
        `webhook_token: ${secret}`, // no Discord word
        `slack_token: "${padded}"`,
        'discord_token: 00000000000000000000000000000000',
        'discord_secret = "12345678901234567890123456789012"',
      ]) {
        assert.deepEqual(ids(line), [], line);
      }
    }
  });

  it('reports a 20-character Looker client id under a Looker credential name, not under an id name', () => {
    for (let i = 0; i < 20; i++) {
      const id = draw(
        () => randomToken(ALNUM, 20),
        (v) => /[0-9]/.test(v) && /[A-Za-z]/.test(v) && shannonEntropy(v) >= 2.6,
      );
      const lower = draw(
        () => randomToken(LOWER_ALNUM, 20),
        (v) => /[0-9]/.test(v) && /[a-z]/.test(v) && shannonEntropy(v) >= 2.6,
      );
      for (const line of [
        `lookerToken = "${id}"`,
        `lookerToken := "${lower}"`,
        `looker_TOKEN :::= "${lower}"`,
        `LOOKER_API_KEY=${id}`,
      ]) {
        assert.deepEqual(ids(line), ['looker-client-id'], line);
      }
      for (const line of [
        `LOOKER_CLIENT_ID=${id}`, // an id name
        'lookerToken = "lookerproductionkeys"', // no digit
        'looker_token: "00000000000000000000"', // no letter
      ]) {
        assert.deepEqual(ids(line), [], line);
      }
      // Another length is no Looker id (a token name may still hold some other service's token).
      for (const line of [`lookerToken = "${id}1"`, `lookerToken = "${id.slice(0, 19)}"`]) {
        assert.ok(!ids(line).includes('looker-client-id'), line);
      }
    }
  });
});
