import * as assert from 'node:assert/strict';
import { seededInts } from '../../../test/support/seededRandom';
import { fingerprintOf } from './finding';
import { isDocumentedExample, isPlaceholder } from './placeholders';
import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER_ALNUM, UPPER_ALNUM } from './random';
import { scan } from './scanner';

/** Seeded, so the "random keys are never placeholders" check is deterministic. */
function seeded(seed: number): (charset: string, length: number) => string {
  const next = seededInts(seed);
  return (charset, length) => Array.from({ length }, () => charset[next(charset.length)]).join('');
}

describe('placeholders', () => {
  it('recognises the ways people write a value they did not fill in', () => {
    const cases = [
      'YOUR_API_KEY',
      'your-token-here',
      'yourSecretKey',
      'sk-your-key',
      'apiKeyHere',
      '<token>',
      '<YOUR TOKEN>',
      '${GITHUB_TOKEN}',
      '{{ api_key }}',
      '$API_TOKEN',
      '$db_password',
      '%API_TOKEN%',
      '$(cat /run/secrets/token)',
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      '****************',
      'changeme',
      'CHANGE_ME_PLEASE',
      'sample-secret-value-1',
      'dummy_token_1234',
      'placeholder-value',
      'REDACTED',
      'insert-key-here',
      'replace_with_real_token',
      'password',
      'pass',
      'PWD',
      'null',
      'aaaaaaaaaaaaaaaaaaaaaaaa',
      'abababababababababab',
      'ab12ab12ab12ab12ab12',
      'abcdefghijklmnop0123',
      '1234567890123456',
      'zyxwvu987654',
      'ghp_0000000000000000000000000000000000a1',
      'qwertyuiop1234',
      'notarealsecret',
      'fake-key-for-tests',
    ];
    for (const value of cases) {
      assert.ok(isPlaceholder(value, ['ghp_', 'sk-']), value);
    }
  });

  it('reads only the bare word as a placeholder, not a password that starts with it', () => {
    for (const value of ['pass1234', 'p4ss', 'passage-7Kq', 'pwd9Xz', 'Pass!word']) {
      assert.ok(!isPlaceholder(value), value);
    }
  });

  it('keeps the AWS documentation keys out by their EXAMPLE marker', () => {
    // Built from pieces so that the repository never holds the documented key verbatim.
    const documented = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
    assert.ok(isPlaceholder(documented, ['akia']));
  });

  it('recognises documented example keys by fingerprint only', () => {
    const awsId = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
    const awsSecret = ['wJalrXUtnFEMI', '/K7MDENG/bPxRfiCY', 'EXAMPLEKEY'].join('');
    assert.ok(isDocumentedExample(fingerprintOf(awsId)));
    assert.ok(isDocumentedExample(fingerprintOf(awsSecret)));
    assert.ok(!isDocumentedExample(fingerprintOf(awsId.toLowerCase())));
  });

  it('never mistakes a random key for a placeholder', () => {
    const random = seeded(20240611);
    const shapes: [string, string, number][] = [
      ['ghp_', ALNUM, 36],
      ['sk-proj-', BASE64URL, 120],
      ['', HEX, 32],
      ['', HEX, 40],
      ['', HEX, 64],
      ['', BASE64, 40],
      ['', LOWER_ALNUM, 32],
      ['', UPPER_ALNUM, 20],
      ['xoxb-', DIGITS, 12],
      ['', ALNUM, 24],
    ];
    let flagged = 0;
    let total = 0;
    for (const [prefix, charset, length] of shapes) {
      for (let i = 0; i < 1000; i++) {
        total++;
        if (isPlaceholder(prefix + random(charset, length), prefix ? [prefix] : [])) {
          flagged++;
        }
      }
    }
    // Six-character sequences in 12 random digits and runs in hex happen about once in ten thousand.
    assert.ok(flagged <= total / 1000, `${flagged} of ${total} random keys looked like placeholders`);
  });

  it('takes one character filling an 8-character value as a filler from six of eight, not five', () => {
    const random = seeded(11);
    for (let i = 0; i < 20; i++) {
      // Five of one hex digit among eight: a drawn credential's about once in 1,500 (Sidekiq's 8 hex).
      let digits = random('0123456789', 3);
      while (new Set(digits).size < 3) {
        digits = random('0123456789', 3);
      }
      const [a, b, c] = digits.split('');
      const five = `${random('abcdef', 1)}${a}${a}${b}${a}${a}${a}${c}`;
      assert.equal(isPlaceholder(five), false, five);
    }
    assert.equal(isPlaceholder('7a7777b7'), true);
    assert.equal(isPlaceholder('x7777777'), true);
  });

  it('counts a placeholder word only as a person writes it, not as random characters can hold it', () => {
    const random = seeded(7);
    const around = (word: string, before: string, after: string): string =>
      `${random(ALNUM, 12)}${before}${word}${after}${random(ALNUM, 12)}`;
    // Mixed case, or glued to digits: how the word turns up inside a generated key.
    for (const value of [
      around('MoCK', '_', '_'),
      around('hERe', '-', '-'),
      around('yOUr', '_', '_'),
      around('Mock', '9', '8'),
      around('TODO', '3', '_'),
      around('xXxX', '', ''),
      around('XXXX', 'q', '7'),
      around('xxxx', '', ''),
      around('ExAmple', '', ''),
      around('mykEy', '', ''),
    ]) {
      assert.equal(isPlaceholder(value), false, value);
    }
    // One case style, at a separator or a camelCase hump: how a person writes it.
    for (const value of [
      around('mock', '_', '_'),
      around('HERE', '-', '-'),
      around('Your', '_enter', 'Key_'),
      'apiKeyHere',
      'YOUR_TOKEN_HERE_123',
      around('XXXXXX', '', ''),
      around('XXXX', '-', ''),
      around('xxxx', '', '_'),
      'sk-xxxx',
      around('Example', '', ''),
      around('myKey', '', ''),
      'changeMe',
    ]) {
      assert.equal(isPlaceholder(value), true, value);
    }
  });

  it('reads a boundary word inside a generated token as chance, not as a word', () => {
    const random = seeded(29);
    // An OpenAI-shaped project key whose random body holds a camelCase hump that spells a placeholder word:
    // glued to digits, to more random letters, or after a `-` of the base64url alphabet.
    const key = (inner: string): string =>
      `sk-proj-${random(BASE64URL, 40)}${inner}${random(BASE64URL, 34)}T3BlbkFJ${random(BASE64URL, 74)}`;
    const drawn = [
      key('q7xTodo85d3'),
      key('-Todo4wX'),
      key('vfgHereXwF9'),
      key('3nFakeN-I0R'),
      key('oUnYourQvXa'),
      `ghp_${random(ALNUM, 9)}zFakeSRN${random(ALNUM, 19)}`,
    ];
    for (const value of drawn) {
      assert.equal(isPlaceholder(value, ['sk-proj-', 'ghp_']), false, value);
    }
    for (const value of drawn.slice(0, 5)) {
      const text = `OPENAI_API_KEY=${value}`;
      assert.deepEqual(
        scan(text).map((f) => text.slice(f.start, f.end)),
        [value],
        value,
      );
    }
  });

  it('reads six digits in a row inside a longer number as chance, a whole run or eight steps as typed', () => {
    const random = seeded(31);
    // A Slack bot token's numeric ids: `345678` inside a 12-digit id is chance (one id in about 6,000).
    const slack = (id: string): string => `xoxb-${id}-${random(DIGITS, 13)}-${random(ALNUM, 24)}`;
    for (const id of ['573456787625', '604123456408', '826467654329']) {
      const value = slack(id);
      assert.equal(isPlaceholder(value, ['xoxb-']), false, value);
      assert.deepEqual(
        scan(`SLACK_BOT_TOKEN=${value}`).map((f) => f.ruleId),
        ['slack-bot-token'],
        value,
      );
    }
    for (const value of [
      'sk_test_123456',
      'xoxb-123456789012-abc',
      'token-987654-x',
      'id 20123456789 x',
      '2/1204567890123456',
    ]) {
      assert.equal(isPlaceholder(value, ['sk_test_', 'xoxb-']), true, value);
    }
  });

  it('reads letters and digits counting up together as a typed filler, in any case or layout', () => {
    for (const value of [
      'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8',
      '1a2b3C4d-5E6f-7g8H-9i0J-k1l2M3n4o5p6',
      'c3d4e5f6g7h8',
    ]) {
      assert.equal(isPlaceholder(value), true, value);
    }
    assert.deepEqual(scan('SECRET_KEY=1a2b3C4d-5E6f-7g8H-9i0J-k1l2M3n4o5p6'), []);
    // One step out of order, or a random mixture, is no filler.
    const random = seeded(47);
    for (const value of ['a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r9', 'a1b2c3d4e5f7', random(LOWER_ALNUM, 36)]) {
      assert.equal(isPlaceholder(value), false, value);
    }
  });

  it('still refuses the placeholders people write around those words', () => {
    for (const value of [
      'sk-your-key-here',
      'TODO_FILL_ME',
      '<your-token>',
      'todo',
      'sk-proj-YOUR_KEY_HERE',
      'enterYourApiKeyHere',
      'APIKeyHere',
      'yourToken1',
      'sk-fake-key-123',
      'FIXME-token',
    ]) {
      assert.equal(isPlaceholder(value, ['sk-proj-', 'sk-']), true, value);
    }
  });

  it('keeps long structured secrets (key blocks) out of the shape checks', () => {
    // A key block's base64 carries runs of `A` (zero bytes); markers are assembled so no scanner flags this file.
    const label = ['OPENSSH', 'PRIVATE', 'KEY'].join(' ');
    const body = seeded(3)(BASE64, 600).replace(/^.{40}/, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const block = `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----`;
    assert.ok(!isPlaceholder(block, []));
  });

  it('leaves real-looking values alone', () => {
    const random = seeded(11);
    const values = [
      'Tr0ub4dor&3x!',
      'hunter2-Prod-2024',
      'correct-horse-7',
      '$uperS3cretV4lue',
      `sk_live_${random(ALNUM, 28)}`,
    ];
    for (const value of values) {
      assert.ok(!isPlaceholder(value, ['sk_live_']), value);
    }
  });
});
