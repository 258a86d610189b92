import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, DIGITS, HEX, randomToken, UPPER_ALNUM } from '../random';
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

  it('Segment: sgp_ and 64 letters and digits, and no Sourcegraph token taken for it', () => {
    assert.deepEqual(ids(`SEGMENT_PUBLIC_API_TOKEN=sgp_${randomToken(ALNUM, 64)}`), [
      'segment-public-api-token',
    ]);
    assert.deepEqual(ids(`"token": "sgp_${randomToken(HEX, 64)}"`), ['segment-public-api-token']);
    assert.deepEqual(ids(`SRC_ACCESS_TOKEN=sgp_${randomToken(HEX, 16)}_${randomToken(HEX, 40)}`), [
      'sourcegraph-access-token',
    ]);
    assert.deepEqual(ids(`sgp_${randomToken(ALNUM, 50)}`), []);
    assert.deepEqual(ids(`sgp_${randomToken(ALNUM, 64)}x_y`), []);
  });

  it('ClickUp: pk_, a user id and 32 capitals and digits; not Stripe’s pk_ nor a counted sample', () => {
    const token = `pk_${randomToken('123456789', 1)}${randomToken(DIGITS, 6)}_${randomToken(UPPER_ALNUM, 30)}A1`;
    assert.deepEqual(ids(token), ['clickup-personal-token']);
    assert.deepEqual(ids(`headers = {"Authorization": "${token}"}`), ['clickup-personal-token']);
    for (const text of [
      `pk_live_${randomToken(UPPER_ALNUM, 32)}`,
      `pk_0123456_${randomToken(UPPER_ALNUM, 32)}`,
      `pk_1234567_${randomToken(UPPER_ALNUM, 20)}`,
      `pk_1234567_${randomToken(ALNUM, 32).toLowerCase()}`,
      'pk_1234567_ABCDEFGHJKLMN1234567890OPQRS1234',
    ]) {
      assert.ok(!ids(text).includes('clickup-personal-token'), text);
    }
  });

  it('MongoDB Atlas: a service account’s secret, not its id', () => {
    const secret = `mdb_sa_sk_${randomToken(ALNUM, 38)}9z`;
    assert.deepEqual(ids(`MONGODB_ATLAS_CLIENT_SECRET=${secret}`), ['mongodb-atlas-service-account-secret']);
    assert.deepEqual(ids(secret), ['mongodb-atlas-service-account-secret']);
    assert.deepEqual(ids(`mdb_sa_id_${randomToken(HEX, 24)}`), []);
    assert.deepEqual(ids(`mdb_sa_sk_${randomToken(ALNUM, 20)}`), []);
  });
});
