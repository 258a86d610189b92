import * as assert from 'node:assert/strict';
import { BASE64, randomToken } from '../random';
import { scan } from '../scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const KEY_ID = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

describe('AWS session tokens beside their temporary key id (report tier)', () => {
  it('reports a long base64 value under a session name after an ASIA key id', () => {
    const token = randomToken(BASE64, 580);
    const text = `aws credentials{\n  id: ASIA${randomToken(KEY_ID, 16)}\n  secret: ${randomToken(BASE64, 40)}\n  session: ${token}\n}`;
    const found = scan(text).filter((f) => f.ruleId === 'aws-session-token-named');
    assert.equal(found.length, 1);
    assert.equal(text.slice(found[0]!.start, found[0]!.end), token);
  });

  it('leaves one with no ASIA id before it, an AKIA id, and a short value', () => {
    const token = randomToken(BASE64, 580);
    assert.ok(!ids(`session: ${token}`).includes('aws-session-token-named'));
    assert.ok(
      !ids(`id: AKIA${randomToken(KEY_ID, 16)}\nsession: ${token}`).includes('aws-session-token-named'),
    );
    assert.ok(
      !ids(`id: ASIA${randomToken(KEY_ID, 16)}\nsession: ${randomToken(BASE64, 60)}`).includes(
        'aws-session-token-named',
      ),
    );
  });
});
