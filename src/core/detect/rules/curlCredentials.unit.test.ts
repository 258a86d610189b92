import * as assert from 'node:assert/strict';
import { shannonEntropy } from '../entropy';
import { randomToken } from '../random';
import { scan } from '../scanner';

describe('curl credentials (report tier)', () => {
  it('reports a key in a custom header, and a short scheme-less Authorization value', () => {
    // Short enough (with the marks after it) that http-authorization-token, which asks for 20, leaves it.
    let key = '';
    while (shannonEntropy(key) < 3.3) {
      key = `${randomToken('abcdefghijkmnpqrstuvwxyz', 5)}7${randomToken('ABCDEFGHJKLMNPQRSTUVWXYZ23456789', 7)}`;
    }
    for (const line of [
      `curl -X POST --header "Api-Token: ${key}"`,
      `curl -L -H "Authorization: ${key}@=-.q"`,
      `curl -H 'x-api-key: ${key}' https://api.internal`,
    ]) {
      assert.deepEqual(
        scan(line).map((f) => f.ruleId),
        ['curl-header-credential'],
        line,
      );
    }
  });

  it('reports an API key sent as the user name with an empty password', () => {
    let key = '';
    while (shannonEntropy(key) < 3.3) {
      key = `${randomToken('abcdefghijkmnpqrstuvwxyz', 6)}7${randomToken('ABCDEFGHJKLMNPQRSTUVWXYZ', 6)}`;
    }
    assert.deepEqual(
      scan(`curl -u "${key}:" https://localhost:9200`).map((f) => f.ruleId),
      ['curl-user-token'],
    );
  });

  it('follows a curl command over shell line continuations to its -u / --user option', () => {
    let key = '';
    while (shannonEntropy(key) < 3.3) {
      key = `${randomToken('abcdefghijkmnpqrstuvwxyz', 6)}7${randomToken('ABCDEFGHJKLMNPQRSTUVWXYZ', 6)}`;
    }
    const password = `${randomToken('abcdefghijkmnpqrstuvwxyz', 7)}${randomToken('ABCDEFGHJKLMNPQRSTUVWXYZ', 7)}`;
    const cases: readonly (readonly [string, string, string])[] = [
      [
        `curl -k -X POST https://svc.internal/rest \\\n  -H 'Content-type: text/plain' \\\n  -u developer:${password}`,
        'curl-user-password',
        password,
      ],
      [
        `$ curl https://api.internal/oauth2/token \\\r\n  --user app-id:${password} --data grant_type=x`,
        'curl-user-password',
        password,
      ],
      [`curl https://api.internal/v1/charges \\\n  -u ${key}:`, 'curl-user-token', key],
    ];
    for (const [text, rule, secret] of cases) {
      const found = scan(text).filter((f) => f.ruleId === rule);
      assert.deepEqual(
        found.map((f) => text.slice(f.start, f.end)),
        [secret],
        text,
      );
    }
    // A line that does not end in `\\` ends the command, and so does a blank line after one.
    for (const text of [
      `curl https://api.internal\n  -u developer:${password}`,
      `curl https://api.internal \\\n\n  -u developer:${password}`,
      `curl https://api.internal; \\\n  -u developer:${password}`,
    ]) {
      assert.deepEqual(
        scan(text).filter((f) => f.ruleId.startsWith('curl-')),
        [],
        text,
      );
    }
  });

  it('stays bounded on floods of header flags', () => {
    const text = '-H "X-Api-Key: '.repeat(8000);
    assert.deepEqual(
      scan(text).filter((f) => f.ruleId.startsWith('curl-')),
      [],
    );
  });
});
