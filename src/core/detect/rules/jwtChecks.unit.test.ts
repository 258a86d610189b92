import * as assert from 'node:assert/strict';
import { ALNUM, BASE64URL, randomToken } from '../random';
import { scan } from '../scanner';
import { jwtLookAlike } from './jwtChecks';

// JWT-shaped values at the report tier: claims that are not JSON need a credential word naming the
// value, a header typed with a mistake in it is no JWT and no opaque token either, and a header of random
// bytes is an opaque token. Every value is drawn here, on each run.

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const b64 = (v: string): string => Buffer.from(v).toString('base64url');
const HS256 = b64('{"alg":"HS256","typ":"JWT"}');
const claims = (): string => b64(`{"sub":"${randomToken(ALNUM, 12)}","iat":1700000000}`);
/** A body of base64url that decodes to no JSON (it does not open with `eyJ`). */
const notJson = (n: number): string => `Q${randomToken(BASE64URL, n - 1)}`;
const sig = (): string => randomToken(BASE64URL, 43);

describe('JWT-shaped values at the report tier', () => {
  it('reports a JWT with JSON claims wherever it stands, one with other claims only where a word names it', () => {
    assert.deepEqual(ids(`${HS256}.${claims()}.${sig()}`), ['jwt']);
    assert.deepEqual(ids(`  = '${HS256}.${claims()}.${sig()}'`), ['jwt']);
    const madeUp = `${HS256}.${notJson(90)}.${sig()}`;
    for (const line of [
      `lemonsqueezy token = '${madeUp}'`,
      `key := "${madeUp}"`,
      `"formio_secret": "${madeUp}"`,
      `curl -H "Authorization: Bearer ${madeUp}" https://api.internal/v1`,
    ]) {
      assert.deepEqual(ids(line), ['jwt'], line);
    }
    for (const line of [madeUp, `  = '${madeUp}'`, `lemonsqueezy = '${madeUp}'`, `// see ${madeUp}`]) {
      assert.deepEqual(ids(line), [], line);
    }
    // Claims that open like JSON (`eyJ`) and are not: the same.
    assert.deepEqual(ids(`  = '${HS256}.eyJ${notJson(80)}.${sig()}'`), []);
  });

  it('leaves a JWT whose header was typed with a mistake to the redact tier, under any name', () => {
    const typo = b64('{"alg":"HS256","typ%:"JWT"}');
    const token = `${typo}.${claims()}.${sig()}`;
    assert.ok(jwtLookAlike(token));
    for (const line of [
      `apiKey := "${token}"`,
      `kontent_personal_api_key = ${token}`,
      `Authorization: Bearer ${token}`,
      `headers = {"Authorization": "${token}"}`,
    ]) {
      assert.deepEqual(ids(line), [], line);
    }
    // A header of random bytes is no JSON text: an opaque token, reported as one.
    // (A `-` in it: three dotted runs of letters and digits alone read as a member chain in code.)
    const opaque = `eyJ${randomToken(ALNUM, 60)}.eyJ${randomToken(ALNUM, 80)}.${randomToken(ALNUM, 6)}-${randomToken(ALNUM, 4)}`;
    assert.ok(!jwtLookAlike(opaque));
    assert.deepEqual(ids(`calendly_auth_token: "Bearer ${opaque}"`), ['http-bearer-token']);
    assert.deepEqual(ids(`monday_token = '${opaque}'`), ['generic-secret']);
    assert.ok(!jwtLookAlike(`${HS256}.${claims()}.${sig()}`));
    // A header cut short in a doc (`{"alg":"`) reads as text too: the whole token is a sample.
    const cut = `${b64('{"alg":"')}.${b64('{"sub":')}.${randomToken(ALNUM, 12)}`;
    assert.ok(jwtLookAlike(cut));
    assert.deepEqual(ids(`Authorization: Bearer ${cut}`), []);
  });

  it('reads a JWT under the Basic scheme as a JWT, not its header as user:password', () => {
    const token = `${HS256}.${claims()}.${sig()}`;
    assert.deepEqual(ids(`curl -H "Authorization: Basic ${token}" https://api.internal`), ['jwt']);
    const basic = Buffer.from(`deploy:${randomToken(ALNUM, 18)}`).toString('base64');
    assert.deepEqual(ids(`curl -H "Authorization: Basic ${basic}" https://api.internal`), [
      'http-basic-auth',
    ]);
  });
});
