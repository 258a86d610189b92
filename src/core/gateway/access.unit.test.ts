import * as assert from 'node:assert/strict';
import { checkAccess, newGatewayToken } from './access';

describe('gateway access', () => {
  const token = newGatewayToken();
  const ok = { host: '127.0.0.1:4123', authorization: `Bearer ${token}` };

  it('lets the token holder in at either loopback name', () => {
    assert.equal(checkAccess(ok, token, 4123), undefined);
    assert.equal(checkAccess({ ...ok, host: 'LOCALHOST:4123' }, token, 4123), undefined);
  });

  it('refuses no token, a wrong token and another scheme with 401', () => {
    for (const authorization of [undefined, `Bearer ${newGatewayToken()}`, `Basic ${token}`, 'Bearer ']) {
      const refusal = checkAccess({ host: ok.host, authorization }, token, 4123);
      assert.equal(refusal?.status, 401, String(authorization));
      assert.ok(!refusal.message.includes(token));
    }
    // A prefix of the token is not the token.
    assert.equal(
      checkAccess({ ...ok, authorization: `Bearer ${token.slice(0, -1)}` }, token, 4123)?.status,
      401,
    );
  });

  it('refuses a foreign Host (DNS rebinding) and a wrong port, even with the token', () => {
    for (const host of [
      'evil.example:4123',
      '127.0.0.1:80',
      '127.0.0.1',
      'localhost.evil.example:4123',
      undefined,
    ]) {
      assert.equal(checkAccess({ ...ok, host }, token, 4123)?.code, 'host_refused', String(host));
    }
  });

  it('refuses any Origin, even a loopback one', () => {
    for (const origin of ['http://127.0.0.1:4123', 'null', 'https://example.com']) {
      assert.equal(checkAccess({ ...ok, origin }, token, 4123)?.status, 403, origin);
    }
  });

  it('makes a different token each time', () => {
    assert.notEqual(newGatewayToken(), newGatewayToken());
    assert.match(newGatewayToken(), /^sgpt-gw-[A-Za-z0-9_-]{43}$/);
  });
});
