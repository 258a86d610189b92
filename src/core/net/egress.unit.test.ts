import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../detect/random';
import { fakeResolver } from '../../../test/support/fakeResolver';
import type { LookupFunction } from './egress';
import { EgressError, egressRoute, isLoopbackAddress, isLoopbackHost, loopbackOnlyLookup } from './egress';

/** Runs a lookup the way `net.connect` does, with `all` as given. */
function lookUp(lookup: LookupFunction, host: string, all: boolean): Promise<string[]> {
  return new Promise((done, fail) =>
    lookup(host, { all }, (error, answer) => {
      if (error) {
        fail(error);
      } else {
        done(typeof answer === 'string' ? [answer] : answer.map((a) => a.address));
      }
    }),
  );
}

describe('egress rule', () => {
  it('counts only literal 127.0.0.0/8 and ::1 (and their IPv4-mapped forms) as loopback addresses', () => {
    for (const ip of [
      '127.0.0.1',
      '127.255.0.9',
      '::1',
      '[::1]',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      '::ffff:7f00:1',
    ]) {
      assert.ok(isLoopbackAddress(ip), ip);
    }
    for (const ip of [
      '0.0.0.0',
      '10.0.0.1',
      '128.0.0.1',
      '::',
      '::2',
      '::ffff:10.0.0.1',
      'fe80::1',
      'localhost',
    ]) {
      assert.ok(!isLoopbackAddress(ip), ip);
    }
  });

  it('lets plain http reach loopback only; names are checked at connect time, never by name alone', () => {
    const route = (u: string) => egressRoute(new URL(u));
    assert.deepEqual(route('http://127.0.0.1:8080/v1'), { kind: 'loopback', checkAtConnect: false });
    assert.deepEqual(route('http://[::1]:8080/v1'), { kind: 'loopback', checkAtConnect: false });
    assert.deepEqual(route('http://[::ffff:127.0.0.1]/v1'), { kind: 'loopback', checkAtConnect: false });
    assert.deepEqual(route('http://localhost:8080/v1'), { kind: 'loopback', checkAtConnect: true });
    assert.deepEqual(route('http://LOCALHOST./v1'), { kind: 'loopback', checkAtConnect: true });
    assert.deepEqual(route('http://model.localhost:8080/v1'), { kind: 'loopback', checkAtConnect: true });
    assert.deepEqual(route('https://localhost:8443/v1'), { kind: 'loopback', checkAtConnect: true });
    assert.deepEqual(route('https://api.openai.com/v1'), { kind: 'remote' });
    for (const refused of [
      'http://api.example.com/v1',
      'http://localhost.example.com/',
      'http://0.0.0.0:80/',
      'http://10.0.0.1/',
    ]) {
      const r = route(refused);
      assert.equal(r.kind, 'refused', refused);
      assert.match(r.kind === 'refused' ? r.reason : '', /must use HTTPS/);
    }
    assert.equal(route('ftp://127.0.0.1/').kind, 'refused');
    assert.ok(isLoopbackHost('localhost') && isLoopbackHost('x.localhost') && !isLoopbackHost('localhostx'));
  });

  it('never shows user info or the query of a refused URL', () => {
    // Credentials are put in at run time, so this file holds no password-in-URL for a scanner to find.
    const url = new URL('http://api.example.com/v1');
    const [password, queryKey] = [`pw-${randomToken(ALNUM, 12)}`, `k-${randomToken(ALNUM, 12)}`];
    [url.username, url.password] = ['user', password];
    url.searchParams.set('api-key', queryKey);
    const r = egressRoute(url);
    assert.equal(r.kind, 'refused');
    const reason = r.kind === 'refused' ? r.reason : '';
    assert.ok(!reason.includes(password) && !reason.includes(queryKey), reason);
  });

  for (const all of [true, false]) {
    it(`the connection's lookup passes loopback answers and refuses any other (all: ${all})`, async () => {
      const local = fakeResolver(['127.0.0.1', '::1']);
      assert.deepEqual(
        await lookUp(loopbackOnlyLookup(local), 'localhost', all),
        all ? ['127.0.0.1', '::1'] : ['127.0.0.1'],
      );
      assert.deepEqual(local.calls, ['localhost']);

      for (const answer of [['93.184.216.34'], ['127.0.0.1', '2001:db8::1'], []]) {
        await assert.rejects(
          lookUp(loopbackOnlyLookup(fakeResolver(answer)), 'model.localhost', all),
          (e: unknown) => {
            assert.ok(e instanceof EgressError);
            assert.match(e.message, /Refusing to connect to model\.localhost: it resolved to/);
            return true;
          },
        );
      }
    });
  }

  it('passes a resolver failure through unchanged', async () => {
    const failing: LookupFunction = (_host, _options, callback) =>
      callback(Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }), '');
    await assert.rejects(lookUp(loopbackOnlyLookup(failing), 'x.localhost', true), { code: 'ENOTFOUND' });
  });
});
