import * as assert from 'node:assert/strict';
import { BASE64, HEX, randomFraction, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('prefixed keys read beside their provider word (report tier)', () => {
  it('BestTime: pri_ and 32 hex after a BestTime word on the line, in a URL path too', () => {
    const key = `pri_${randomToken(HEX, 32)}`;
    assert.deepEqual(ids(`url := "https://api.internal/v1/besttime/keys/${key}"`), ['besttime-private-key']);
    assert.deepEqual(ids(`BESTTIME_KEY=${key}`), ['besttime-private-key']);
    // No BestTime word: `pri_` is any project's prefix.
    assert.ok(!ids(`prefix = "${key}"`).includes('besttime-private-key'));
    assert.deepEqual(ids(`besttime public: pub_${randomToken(HEX, 32)}`), []);
    assert.deepEqual(ids(`besttime key: pri_${randomToken(HEX, 31)}`), []);
  });

  it('TruffleHog Enterprise: the thog-secret- secret and its thog-key- id', () => {
    const key = `thog-key-${randomToken(HEX, 16)}`;
    const secret = `thog-secret-${randomToken(HEX, 32)}`;
    assert.deepEqual(ids(`token - '${key}'\ntoken - '${secret}'`), [
      'trufflehog-enterprise-key',
      'trufflehog-enterprise-secret',
    ]);
    assert.deepEqual(ids(`thog-key-${randomToken(HEX, 15)}`), []);
    assert.deepEqual(ids(`thog-secret-${'0'.repeat(32)}`), []);
  });

  it('FullStory: na1. and 100 base64 characters after a FullStory word, or alone as exactly that', () => {
    const key = `na1.${randomToken(BASE64, 100)}`;
    assert.deepEqual(ids(`  "fullstory_secret": "${key}",`), ['fullstory-api-key']);
    assert.ok(!ids(`region_key = "${key}"`).includes('fullstory-api-key'));
    assert.ok(!ids(`FULLSTORY_KEY=na1.${randomToken(BASE64, 60)}`).includes('fullstory-api-key'));
    // Alone (Kingfisher's v2 rule): the region and exactly 100 base64 characters, ending there.
    assert.deepEqual(ids(key), ['fullstory-api-key-bare']);
    assert.deepEqual(ids(`region_key = "${key}"`), ['fullstory-api-key-bare']);
    assert.deepEqual(ids(`na1.${randomToken(BASE64, 99)}`), []);
    assert.deepEqual(ids(`na1.${randomToken(BASE64, 101)}`), []);
    assert.deepEqual(ids(`${key}==`), []);
    assert.deepEqual(ids(`cna1.${randomToken(BASE64, 100)}`), []);
  });

  it('FullStory: an older key, 88 or more base64 characters, needs a credential word after the FullStory one', () => {
    // Kingfisher's examples: the key runs past 88 and ends with padding.
    const key = `${randomToken(BASE64, 88 + Math.floor(randomFraction() * 16))}=`;
    assert.deepEqual(ids(`fullstory_key = "${key}"`), ['fullstory-api-key']);
    assert.deepEqual(ids(`FULLSTORY_SECRET=${key}`), ['fullstory-api-key']);
    // No credential word: a package's integrity digest on a FullStory line is no key.
    assert.ok(
      !ids(`"@fullstory/browser": "sha512-${randomToken(BASE64, 88)}"`).includes('fullstory-api-key'),
    );
    // Shorter than 88: not this shape.
    assert.ok(!ids(`fullstory_key = "${randomToken(BASE64, 80)}"`).includes('fullstory-api-key'));
  });
});
