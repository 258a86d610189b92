import * as assert from 'node:assert/strict';
import { githubToken } from '../checksum';
import { ALNUM, randomFraction, randomToken } from '../random';
import { scan } from '../scanner';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { findLookAlikes, lookAlikeDetector, lookAlikeHints, lookAlikeNote } from './lookAlikes';

/** A GitHub-shaped token whose last character is changed, so its CRC no longer matches. */
function badChecksum(prefix: string): string {
  const good = githubToken(prefix, randomToken(ALNUM, 30));
  const last = good.at(-1) === 'A' ? 'B' : 'A';
  return good.slice(0, -1) + last;
}
const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('redact tier: checksum and structure look-alikes', () => {
  it('hides a GitHub-shaped token whose checksum fails, which the report tier does not report', () => {
    for (const prefix of ['ghp', 'gho', 'ghu', 'ghs', 'ghr']) {
      const token = badChecksum(prefix);
      const text = `clone with ${token} then`;
      assert.deepEqual(scan(text), []);
      const out = redactText(text, new RedactionMap(), { recallDetectors: [lookAlikeDetector] });
      assert.ok(!out.text.includes(token.slice(4)), prefix);
      assert.match(out.text, /^clone with ‹secret:github-[a-z-]+#1› then$/);
    }
  });

  it('hides a New Relic license key whose body is not hex and a Square token with a `?` typed in', () => {
    // 30 characters past the region tag that must be hex; a `g`-`z` letter among them (always, here).
    const license = `eu01xx${randomToken('ghijklmnopqrstuvwxyz0123456789', 29)}zNRAL`;
    const square = `EAAA${randomToken(ALNUM, 28)}?b=${randomToken(ALNUM, 20)}--`;
    for (const [value, kind] of [
      [license, 'new-relic-license-key'],
      [square, 'square-access-token'],
    ] as const) {
      const text = `--set key='${value}'`;
      assert.deepEqual(scan(text), [], value);
      const out = redactText(text, new RedactionMap(), { recallDetectors: [lookAlikeDetector] });
      assert.equal(out.text, `--set key='‹secret:${kind}#1›'`, value);
    }
    // The issued shapes stay the report tier's: hex after the region tag, a token before a quote.
    const issued = `eu01xx${randomToken('0123456789abcdef', 30)}NRAL`;
    assert.deepEqual(
      scan(`license: ${issued}`).map((f) => f.ruleId),
      ['new-relic-license-key'],
    );
    const token = `EAAA${randomToken(ALNUM, 60)}`;
    assert.deepEqual(
      scan(`square = '${token}'`).map((f) => f.ruleId),
      ['square-access-token'],
    );
    assert.deepEqual(findLookAlikes(`square = '${token}'`), []);
  });

  it('says what a look-alike is, for a caller that wants to tell the user', () => {
    const text = `token: ${badChecksum('ghp')}`;
    const [found] = findLookAlikes(text);
    assert.equal(found?.ruleId, 'github-pat');
    assert.equal(found?.start, 7);
    assert.equal(
      found?.note,
      'looks like a GitHub personal access token, but its checksum fails: a test value?',
    );
    assert.equal(lookAlikeNote('aws-access-key-id'), undefined);
  });

  it('hides a JWT-shaped token whose header is not a signed JWT header', () => {
    const unsigned = `${b64url({ alg: 'none' })}.${b64url({ sub: randomToken(ALNUM, 12), scope: 'admin' })}.${randomToken(ALNUM, 43)}`;
    assert.deepEqual(
      findLookAlikes(`Authorization: Bearer ${unsigned}`).map((l) => l.ruleId),
      ['jwt'],
    );
  });

  it('leaves valid tokens to the report tier, and placeholders and mentions alone', () => {
    const valid = githubToken('ghp', randomToken(ALNUM, 30));
    const negatives = [
      `token = "${valid}"`,
      'ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'ghp_your_token_here',
      'const myghp_token = 1',
      'gho_ is the prefix of OAuth tokens',
    ];
    for (const text of negatives) {
      assert.deepEqual(findLookAlikes(text), [], text);
    }
  });

  it('finds its hints where the alternation they stand for finds them, without overlaps', () => {
    // The alternation is the specification; the hints are found by literal searches and long runs instead.
    const spec =
      /gh[pousr]_|(?<jwt>eyJ)|"auth"|sv=\d|\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27}|NRAL|EAAA|sq0atp-/g;
    const pieces = [
      'gh',
      'p',
      's',
      '_',
      'eyJ',
      '"auth"',
      'sv=',
      '7',
      '.',
      '-',
      'NRAL',
      'EAAA',
      'EA',
      'sq0atp-',
    ];
    for (let round = 0; round < 400; round++) {
      let text = '';
      while (text.length < 300) {
        const r = Math.floor(randomFraction() * (pieces.length + 3));
        text +=
          r < pieces.length
            ? pieces[r]
            : r === pieces.length
              ? randomToken(ALNUM, 1 + Math.floor(randomFraction() * 30))
              : r === pieces.length + 1
                ? `.${randomToken(ALNUM, 6)}.${randomToken(ALNUM, 20 + Math.floor(randomFraction() * 12))}`
                : ' ';
      }
      const expected = [...text.matchAll(spec)].map((m) => [
        m.index,
        m[0].length,
        m.groups?.['jwt'] !== undefined,
      ]);
      const got = lookAlikeHints(text).map((h) => [h.at, h.length, h.reach > 512]);
      assert.deepEqual(got, expected, text);
    }
  });

  it('stays correct on hostile input: hints everywhere', function () {
    this.timeout(120_000); // a shared machine can be slow; correctness, not speed, is what this checks
    assert.deepEqual(findLookAlikes('eyJ ghp_ "auth" sv=1 '.repeat(25_000)), []);
    const token = badChecksum('ghs');
    const text = `${'.abcdef.'.repeat(60_000)}\n${token}`;
    assert.deepEqual(
      findLookAlikes(text).map((l) => [l.start, l.ruleId]),
      [[text.length - token.length, 'github-server-to-server-token']],
    );
  });
});
