import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, DIGITS, HEX, randomToken } from '../random';
import { scan } from '../scanner';
import { uuid } from './ruleParts';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

/** The base64 of `-----BEGIN <label>-----` and a random body, as a second encoding of a PEM block gives it. */
function encodedPem(label: string, bodyLength: number): string {
  const head = Buffer.from(`-----BEGIN ${label}-----\n`).toString('base64').slice(0, 40);
  return head + randomToken(BASE64, bodyLength);
}

describe('self-identifying platform tokens (report tier)', () => {
  it('a base64-encoded PEM private key, in an env line or JSON, but not a certificate or public key', () => {
    for (const label of ['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY']) {
      const key = encodedPem(label, 1600);
      assert.deepEqual(ids(`PRIVATE_KEY_B64=${key}`), ['base64-private-key'], label);
      assert.deepEqual(ids(`  "privateKey": "${key}==",`), ['base64-private-key'], label);
    }
    assert.deepEqual(ids(`CA_CERT=${encodedPem('CERTIFICATE', 1600)}`), []);
    assert.deepEqual(ids(`PUBLIC_KEY=${encodedPem('PUBLIC KEY', 400)}`), []);
    // The head alone, or with a short tail, is no key.
    assert.ok(!ids(`x = "${encodedPem('RSA PRIVATE KEY', 40)}"`).includes('base64-private-key'));
  });

  it('Twitch: live_, the channel id and 30 characters; Stripe and Lob keys are not Twitch keys', () => {
    const key = `live_${randomToken(DIGITS, 9)}_${randomToken(ALNUM, 30)}`;
    assert.deepEqual(ids(`STREAM_KEY=${key}`), ['twitch-stream-key']);
    assert.ok(!ids(`key = "live_${randomToken(HEX, 34)}"`).includes('twitch-stream-key'));
    assert.ok(!ids(`live_${randomToken(DIGITS, 9)}_${randomToken(ALNUM, 25)}`).includes('twitch-stream-key'));
  });

  it('StackHawk, Jina AI, Dependency-Track: prefix and body, bare or assigned', () => {
    assert.deepEqual(ids(`HAWK_API_KEY="hawk.${randomToken(ALNUM, 20)}.${randomToken(ALNUM, 20)}"`), [
      'stackhawk-api-key',
    ]);
    assert.deepEqual(ids(`hawk.${randomToken(ALNUM, 20)}.${randomToken(ALNUM, 12)}`), []);
    assert.deepEqual(ids(`os.getenv('JINA_KEY','jina_${randomToken(ALNUM, 60)}')`), ['jina-api-key']);
    assert.deepEqual(ids(`jina_${randomToken(ALNUM, 40)}`), []);
    assert.deepEqual(ids(`odt_${randomToken(ALNUM, 32)}`), ['dependency-track-api-key']);
    assert.deepEqual(ids(`odt_${randomToken(ALNUM, 20)}`), []);
  });

  it('New Relic admin keys and Pixie keys, not a near miss', () => {
    assert.deepEqual(ids(`admin_access:NRAA-${randomToken(HEX, 27)}`), ['newrelic-admin-key']);
    assert.deepEqual(ids(`NRAA-${randomToken(HEX, 20)}`), []);
    assert.deepEqual(ids(`MW_PX_API_KEY=px-api-${uuid()} MW_PX_DEPLOY_KEY=px-dep-${uuid()}`), [
      'pixie-api-key',
      'pixie-api-key',
    ]);
    assert.deepEqual(ids(`--set deployKey=px-dep-${randomToken(HEX, 8)}-73e1`), []);
  });
});
