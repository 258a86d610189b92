import * as assert from 'node:assert/strict';
import { BASE64, randomToken } from '../random';
import { insideBase64Block } from './base64Block';

describe('insideBase64Block', () => {
  const line = (): string => randomToken(BASE64, 64);

  it('is true for a whole line with a base64 line before or after it', () => {
    const middle = `AQE${randomToken(BASE64, 61)}`;
    for (const text of [
      `${line()}\n${middle}\n${line()}`,
      `${line()}\r\n  ${middle}\r\n`,
      `${middle}\n${line()}=`,
    ]) {
      assert.equal(insideBase64Block(text, text.indexOf(middle), middle), true, text);
    }
  });

  it('is false for a value on its own, or sharing its line', () => {
    const key = `AQE${randomToken(BASE64, 61)}`;
    for (const text of [
      key,
      `ADYEN_API_KEY=${key}\n${line()}`,
      `${line()}\n${key} # live key`,
      `# header\n${key}\n# footer`,
      `${'x'.repeat(30)}\n${key}\n`,
    ]) {
      assert.equal(insideBase64Block(text, text.indexOf(key), key), false, text);
    }
  });

  it('reads a neighbour line only up to 160 characters', () => {
    const key = `AQE${randomToken(BASE64, 61)}`;
    const text = `${randomToken(BASE64, 200)}\n${key}`;
    assert.equal(insideBase64Block(text, text.indexOf(key), key), false);
  });
});
