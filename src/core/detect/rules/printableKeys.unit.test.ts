import * as assert from 'node:assert/strict';
import { ALNUM, LOWER_ALNUM, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { scan } from '../scanner';
import { lettersAndDigits } from './ruleParts';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

/** Draws until the value holds letters and digits (what both rules ask of a key). */
function mixed(alphabet: string, n: number): string {
  for (;;) {
    const v = randomToken(alphabet, n);
    if (lettersAndDigits(v)) {
      return v;
    }
  }
}

// trufflehog's alphabets: D7's 23 characters hold `(`, `<`, `@`, `^`; SimplyNoted's hold any mark.
const D7 = `${ALNUM}()<>@^`;
const SIMPLYNOTED = `${ALNUM}!#$%&'()*,-./:;=>?@[]^_\`{|`;

describe('keys with marks under their service name (report tier)', () => {
  it('reports a D7 Networks token of 23 characters and `=`, marks included, under a D7 credential name', () => {
    for (let i = 0; i < 20; i++) {
      // A mark in every draw: the case the generic rules leave. No `<` before a `>`: a value that holds
      // `<…>` reads as a template's placeholder (`<token>`), which the placeholder check drops.
      const token = `${mixed(D7.replace('<', ''), 21)}${'(<@^'[i % 4]}x=`;
      for (const line of [
        `  d7network_secret: "${token}"`,
        `D7NETWORK_API_TOKEN=${token}`,
        `{ "d7networksKey": "${token}" }`,
        // A credential word glued to the service's word, then blanks alone (notes, Kingfisher's examples).
        `d7networkKEY ${token}`,
        `d7networkSECRET  ${token}`,
      ]) {
        assert.deepEqual(ids(line), ['d7network-api-token'], line);
      }
      // Blanks alone after a name with no credential word name nothing.
      for (const line of [`d7network_sender_id ${token}`, `d7network ${token}`]) {
        assert.ok(!ids(line).includes('d7network-api-token'), line);
      }
    }
  });

  it('leaves to the redact tier a D7 value that holds a `<…>` pair, which reads as a placeholder here', () => {
    for (let i = 0; i < 20; i++) {
      // Digits and both cases inside: no template's name (`<key2>`, `<your-token>`) holds them so.
      const token = `${mixed(D7.replace('<', ''), 8)}<a${randomToken('0123456789', 1)}${mixed(ALNUM, 3)}Q>${mixed(D7, 7)}=`;
      const line = `D7NETWORK_API_TOKEN=${token}`;
      assert.ok(!ids(line).includes('d7network-api-token'), line);
      const sent = redactText(line, new RedactionMap()).text;
      assert.ok(!sent.includes(token.slice(9, 15)), sent);
    }
  });

  it('leaves a D7 value of another length, without the `=`, or under a name that holds no credential', () => {
    for (let i = 0; i < 20; i++) {
      const body = `${mixed(D7, 21)}(x`;
      for (const line of [
        `  d7network_secret: "${body.slice(1)}="`, // 22 and `=`
        `  d7network_secret: "${body}x="`, // 24 and `=`
        `  d7network_secret: "${body}(" `, // no `=`
        `  d7network_sender_id: "${body}="`, // no credential word
        `  sms_secret: "${body}="`, // no D7 word
      ]) {
        assert.ok(!ids(line).includes('d7network-api-token'), line);
      }
    }
    assert.deepEqual(ids('  d7network_secret: "<your-d7network-token>="'), []);
  });

  it('reports a SimplyNoted key of 340 to 360 printable characters after the word, quotes and all', () => {
    for (let i = 0; i < 10; i++) {
      // Ends in a letter or digit: a key that ends in a quote is read one short (see the rule).
      // Every other key opens with a quote, as one draw in 44 of trufflehog's alphabet does.
      const head = i % 2 === 0 ? mixed(ALNUM, 8) : `'${mixed(ALNUM, 7)}`;
      const key = `${head}${randomToken(SIMPLYNOTED, 331 + i * 2)}${randomToken(ALNUM, 1)}`;
      for (const line of [
        `simplynoted token = '${key}'`,
        `SIMPLYNOTED_API_KEY=${key}`,
        `  simplynoted_key: "${key}"`,
        `simplynoted ${key}`,
      ]) {
        const found = scan(line).filter((f) => f.ruleId === 'simplynoted-api-key');
        assert.equal(found.length, 1, line);
        // The finding is the key, without the quote that closes it. A bare key that opens with a quote
        // reads as quoted: the finding then leaves that quote out.
        const bare = !line.endsWith(`${key}'`) && !line.endsWith(`${key}"`);
        const expected = bare && key.startsWith("'") ? key.slice(1) : key;
        assert.equal(line.slice(found[0]!.start, found[0]!.end), expected, line);
      }
    }
  });

  it('leaves a SimplyNoted value of another length, a low-entropy run and a run far from the word', () => {
    for (let i = 0; i < 10; i++) {
      const key = mixed(SIMPLYNOTED, 400);
      for (const line of [
        `simplynoted token = '${key.slice(0, 339)}'`, // one short
        `simplynoted token = '${key.slice(0, 361)}'`, // one long
        `simplynoted token = '${key}'`,
        `simplynoted token = '${randomToken(LOWER_ALNUM, 5).repeat(70)}'`, // a repeated piece: 350, low entropy
        `simplynoted ${'-'.repeat(45)} '${key.slice(0, 350)}'`, // 45 characters after the word
        `notedsimply token = '${key.slice(0, 350)}'`, // no SimplyNoted word
      ]) {
        assert.ok(!ids(line).includes('simplynoted-api-key'), line);
      }
    }
  });

  it('reports an X (Twitter) bearer token, `%` marks and all, after a run of A under a Twitter name', () => {
    for (let i = 0; i < 20; i++) {
      // URL-encoded marks as a real token holds them, and stray ones as gitleaks' sample draws them.
      const body = `${mixed(ALNUM, 40)}%2B${mixed(ALNUM, 30)}%${mixed(ALNUM, 10)}%3D`;
      const token = `${'A'.repeat(21 + (i % 2))}${body}`;
      for (const line of [
        `twitter_token: "${token}"`,
        `TWITTER_BEARER_TOKEN=${token}`,
        `twitter_TOKEN :::= "${token}"`,
        `  twitter: '${token}'`,
      ]) {
        assert.deepEqual(ids(line), ['twitter-bearer-token'], line);
      }
      for (const line of [
        `twitter_token: "${'A'.repeat(22)}${body.slice(0, 70)}"`, // 70 after the run
        `twitter_token: "${'A'.repeat(22)}${body}${mixed(ALNUM, 30)}"`, // 118 after the run
        `twitter_token: "${'A'.repeat(12)}${body}"`, // a short run of A
        `mastodon_token: "${token}"`, // no Twitter word
      ]) {
        assert.ok(!ids(line).includes('twitter-bearer-token'), line);
      }
    }
  });
});
