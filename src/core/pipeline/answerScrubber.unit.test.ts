import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { AnswerScrubber } from './answerScrubber';

const apiKey = (): string => ['sk', 'proj', randomToken(ALNUM, 48)].join('-');

/** Whether `text` holds 8 characters in a row of `value`. */
function holdsPart(value: string, text: string): boolean {
  for (let i = 0; i + 8 <= value.length; i++) {
    if (text.includes(value.slice(i, i + 8))) {
      return true;
    }
  }
  return false;
}

function streamed(scrubber: AnswerScrubber, chunks: readonly string[]): string {
  return chunks.map((c) => scrubber.push(c)).join('') + scrubber.flush();
}

describe('answer scrubber', () => {
  const key = apiKey();
  const pat = githubToken('ghp', randomToken(ALNUM, 30));
  const secrets = [
    { value: key, label: 'api-key' },
    { value: pat, label: 'github-pat' },
  ];
  const answer = `Your key ${key} is over quota; the token "${pat}" too.\n`;
  const expected = 'Your key ‹redacted:api-key› is over quota; the token "‹redacted:github-pat›" too.\n';

  it('masks a value split at every position across two chunks', () => {
    for (let i = 0; i <= answer.length; i++) {
      const out = streamed(new AnswerScrubber(secrets), [answer.slice(0, i), answer.slice(i)]);
      assert.equal(out, expected, `split at ${i}`);
    }
  });

  it('masks a value split at every pair of positions across three chunks', () => {
    const start = answer.indexOf(key) - 2;
    const end = answer.indexOf(key) + key.length + 2;
    for (let i = start; i <= end; i++) {
      for (let j = i; j <= end; j++) {
        const out = streamed(new AnswerScrubber(secrets), [
          answer.slice(0, i),
          answer.slice(i, j),
          answer.slice(j),
        ]);
        assert.equal(out, expected, `split at ${i} and ${j}`);
      }
    }
  });

  it('masks a value arriving one character at a time, and a value that is a prefix of another', () => {
    const short = randomToken(ALNUM, 12);
    const long = `${short}${randomToken(ALNUM, 10)}`;
    const scrubber = new AnswerScrubber([
      { value: short, label: 'env-value' },
      { value: long, label: 'listed-value' },
    ]);
    const text = `a=${long} b=${short}.`;
    const out = streamed(scrubber, [...text]);
    assert.equal(out, 'a=‹redacted:listed-value› b=‹redacted:env-value›.');
  });

  it('masks a fragment of the key (its last 20 characters) split across chunks', () => {
    const text = `quota exceeded for …${key.slice(-20)} today`;
    for (let i = 0; i <= text.length; i++) {
      const out = streamed(new AnswerScrubber(secrets), [text.slice(0, i), text.slice(i)]);
      assert.ok(!holdsPart(key, out), `split at ${i}: ${out}`);
    }
  });

  it('holds back no more than the longest value, and only what could still become one', () => {
    const scrubber = new AnswerScrubber(secrets);
    assert.equal(scrubber.push('Hello there, '), 'Hello there, ');
    assert.equal(scrubber.push('wor'), '', 'a partial word may still be a fragment');
    assert.equal(scrubber.push('ld. '), 'world. ');
    const long = 'x'.repeat(500);
    const out = scrubber.push(long);
    assert.ok(long.length - out.length <= key.length, 'bounded by the longest value');
    assert.equal(out + scrubber.flush(), long);
    assert.equal(scrubber.push(`see ${key.slice(0, 5)}`), 'see ', 'the start of the key is held');
    assert.equal(scrubber.flush(), key.slice(0, 5), 'five characters are no fragment');
  });

  it('passes text through untouched when there is nothing to mask', () => {
    const scrubber = new AnswerScrubber([]);
    assert.equal(scrubber.push('a ‹secret:github-pat#1› b'), 'a ‹secret:github-pat#1› b');
    assert.equal(scrubber.flush(), '');
    assert.equal(new AnswerScrubber(secrets).scrub(answer), expected);
  });
});
