import * as assert from 'node:assert/strict';
import { ALNUM, DIGITS, randomToken } from '../detect/random';
import { envKnownValues } from '../pipeline/knownValues';
import {
  isCredentialName,
  isPlaceholderValue,
  referenceFallback,
  urlUserinfoSecrets,
} from './credentialName';

/** A passphrase of dictionary words: no entropy rule would flag it, its name says what it is. */
const passphrase = (): string => ['correct', 'horse', 'battery', randomToken('abcdefgh', 4)].join('-');

const valuesOf = (text: string): string[] => envKnownValues(text).map((k) => k.value);

describe('credential-like names', () => {
  it('takes names that say password, secret, token, key, auth, private, DSN, in any case style', () => {
    for (const name of [
      'DB_PASSWORD',
      'POSTGRES_PASSWORD',
      'DB_PASSWORD_PRIMARY',
      'MYSQL_PWD',
      'REDIS_PASS',
      'dbpassword',
      'SMTP_PASSPHRASE',
      'JWT_SECRET',
      'SESSION_SECRET_KEY',
      'GITHUB_TOKEN',
      'authToken',
      'API_KEY',
      'API_KEY_V2',
      'HMAC_KEY',
      'openaiKey',
      'apikey',
      'STRIPE_KEYS',
      'GOOGLE_APPLICATION_CREDENTIALS_JSON',
      'BASIC_AUTH',
      'PRIVATE_KEY',
      'SENTRY_DSN',
      'DSN',
      'PASSWORD_SALT',
      'db-password',
    ]) {
      assert.equal(isCredentialName(name), true, name);
    }
  });

  it('leaves out names about a credential, quantities, public values and plain settings', () => {
    for (const name of [
      'AWS_ACCESS_KEY_ID', // an identifier printed in logs and ARNs; still guarded when mixed enough
      'JWT_SECRET_PATH',
      'SSH_KEY_FILE',
      'AUTH_PROVIDER',
      'AUTH_URL',
      'AUTH_DOMAIN',
      'TOKEN_ENDPOINT',
      'PASSWORD_MIN_LENGTH',
      'MAX_TOKENS',
      'TOKEN_TTL',
      'PUBLIC_KEY',
      'NEXT_PUBLIC_STRIPE_KEY',
      'KEYBOARD_LAYOUT',
      'MONKEY_PATCH',
      'BYPASS_CACHE',
      'PASSENGER_COUNT',
      'NODE_ENV',
      'PORT',
      'PWD',
      'DATABASE_URL',
    ]) {
      assert.equal(isCredentialName(name), false, name);
    }
  });

  it('tells placeholders and references from values', () => {
    for (const v of [
      '${DB_PASSWORD}',
      '$DB_PASSWORD',
      '%DB_PASSWORD%',
      '{{ .Values.db.password }}',
      '<your-password>',
      '[password]',
      'your_api_key_here',
      'changeme',
      'CHANGE_ME_PLEASE',
      'replace-me',
      'xxxxxxxx',
      '********',
      'password',
      'secret',
      'placeholder-token',
      '',
    ]) {
      assert.equal(isPlaceholderValue(v), true, JSON.stringify(v));
    }
    for (const v of [passphrase(), 'hunter2hunter2', randomToken(DIGITS, 8), 'p@ss w0rd;x=(1)']) {
      assert.equal(isPlaceholderValue(v), false, v);
    }
  });

  it('reads the fallback literal of a reference, and the secret parts of URL userinfo', () => {
    assert.equal(referenceFallback('${DB_PASSWORD:-fallback-pw}'), 'fallback-pw');
    assert.equal(referenceFallback('${DB_PASSWORD}'), undefined);
    const pw = `p%40ss-${randomToken(ALNUM, 8)}`;
    assert.deepEqual(urlUserinfoSecrets(`postgres://app:${pw}@db:5432/x`), [pw, decodeURIComponent(pw)]);
    const token = randomToken(ALNUM, 24);
    assert.deepEqual(urlUserinfoSecrets(`https://${token}@github.com/o/r.git`), [token]);
    assert.deepEqual(urlUserinfoSecrets('https://example.com/a@b'), []);
  });
});

describe('which .env values are guarded', () => {
  it('guards every credential-named value of 6 or more characters, whatever its shape', () => {
    const phrase = passphrase();
    const pin = randomToken(DIGITS, 6);
    const words = 'purple monkey dishwasher';
    const text = [
      `DB_PASSWORD=${phrase}`,
      `ATM_PASSWORD=${pin}`,
      `SMTP_PASSPHRASE="${words}"`,
      'REDIS_PASS=short', // under 6: matches too much ordinary text
      'JWT_SECRET=${JWT_SECRET}',
      'API_KEY=your_api_key_here',
      'ADMIN_PASSWORD=${ADMIN_PASSWORD:-letmein99}',
    ].join('\n');
    assert.deepEqual(valuesOf(text), [phrase, pin, words, 'letmein99']);
  });

  it('keeps the noise filter for other names: words, numbers, flags, bare URLs and paths', () => {
    const text = [
      'NODE_ENV=production',
      'APP_NAME=my-great-app',
      'PORT=30000000',
      'DEBUG=true',
      'API_URL=https://api.example.com/v1',
      'DATA_DIR=./data/x',
      'AUTH_PROVIDER=google-oauth',
      'MAX_TOKENS=100000',
    ].join('\n');
    assert.deepEqual(valuesOf(text), []);
  });

  it('guards a non-credential value mixed enough to be a key, and a URL password on its own', () => {
    const id = `AK${randomToken(ALNUM, 18)}`;
    const pw = `pw-${randomToken(ALNUM, 10)}`;
    const url = `postgres://app:${pw}@db:5432/app`;
    assert.deepEqual(valuesOf(`AWS_ACCESS_KEY_ID=${id}\nDATABASE_URL=${url}\n`), [id, url, pw]);
  });
});
