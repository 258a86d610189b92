import * as assert from 'node:assert/strict';
import { drawnUntil } from '../../../../test/support/freshValues';
import { randomToken } from '../random';
import { scan } from '../scanner';
import { literalOk } from './literalChecks';
import { isWordy } from './genericValues';
import { randomLetterRun, rarePairs } from './letterPairs';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

/** A run of lower-case letters drawn until it reads as drawn (most do at once). */
const drawnRun = (length: number): string => drawnUntil(LOWER, length, randomLetterRun);

/** Words and labels a password-like name holds in real code and docs (none of them proof). */
const WORDS = [
  'required',
  'password',
  'changeme',
  'administrator',
  'authorization',
  'thisismypassword',
  'supersecret',
  'passphrase',
  'credentials',
  'notasecret',
  'different',
  'yourpasswrod',
  'placeholder',
  'whatever',
  'sunshine',
  'football',
  'princess',
  'superuser',
  'anonymous',
  'elasticsearch',
  'kubernetes',
  'postgresql',
  'ADMINISTRATOR',
  'PASSWORD',
  'passwort',
  'contrasena',
  'motdepasse',
  'kennwort',
];

describe('letter pairs: letters in one case drawn at random, not typed words', () => {
  it('reads no common word or label as drawn', () => {
    for (const w of WORDS) {
      assert.equal(randomLetterRun(w), false, w);
    }
  });

  it('reads most random runs of eight to sixteen letters as drawn', () => {
    let drawn = 0;
    for (let i = 0; i < 400; i++) {
      const run = randomToken(LOWER, 8 + (i % 9));
      drawn += randomLetterRun(i % 2 ? run : run.toUpperCase()) ? 1 : 0;
    }
    // A run of eight that happens to use only common pairs is refused: about one in five here.
    assert.ok(drawn >= 280, `${drawn} of 400`);
  });

  it('counts only pairs of letters, in either case, and only runs of letters of eight or more', () => {
    assert.equal(rarePairs('xq'), 1);
    assert.equal(rarePairs('XQ'), 1);
    assert.equal(rarePairs('x-q'), 0);
    assert.equal(rarePairs('the'), 0);
    assert.equal(randomLetterRun('xnjmlj'), false, 'too short to judge');
    assert.equal(randomLetterRun('xnjml2jdxhpz'), false, 'a digit: judged by the mixture rules');
    assert.equal(randomLetterRun('xnjmljdxhpz'), true);
  });

  it('lets the literal rules report a one-case password no language spells, and still refuse words', () => {
    assert.equal(literalOk('xnjmljdxhpz'), true);
    assert.equal(literalOk('BQEKGFLSABBW'), true);
    assert.equal(literalOk('required'), false);
    assert.equal(literalOk('ADMINISTRATOR'), false);
    const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
    for (let i = 0; i < 20; i++) {
      const drawn = drawnRun(8 + (i % 6));
      assert.deepEqual(ids(`password = "${drawn}"`), ['generic-credential-literal'], drawn);
      assert.deepEqual(ids(`REACT_APP_AUTH_PASSWORD=${drawn}`), ['generic-credential-literal'], drawn);
    }
    assert.deepEqual(ids('password = "thisismypassword"'), []);
    assert.deepEqual(ids('  password: "required"'), []);
    // Bare capitals read as the name of a constant or a variable that holds the password (suppress.ts);
    // quoted, ten or more are a string's value.
    const capitals = drawnRun(10).toUpperCase();
    assert.deepEqual(ids(`REACT_APP_AUTH_PASSWORD=${capitals}`), []);
    assert.deepEqual(ids(`password = "${capitals}"`), ['generic-credential-literal']);
  });

  it('under a credential name, takes two rare pairs as enough, and drawn letters beside the word', () => {
    const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
    for (let i = 0; i < 20; i++) {
      // Eleven letters with two pairs no language writes: short of one in four, so no draw in free text.
      const two = drawnUntil(LOWER, 11, (v) => rarePairs(v) === 2);
      assert.equal(randomLetterRun(two), false, two);
      assert.equal(literalOk(two), true, two);
      assert.deepEqual(ids(`password   =>   "${two}"`), ['generic-credential-literal'], two);
      // A typed password that ends in the word (`thisismypassword` as the peers write it), its letters drawn.
      const head = drawnUntil(LOWER, 8, (v) => rarePairs(v) >= 2);
      assert.deepEqual(ids(`"AdminPassword" : "${head}password"`), ['generic-credential-literal'], head);
    }
    // Words beside the word stay a label or a key's name, in one case or in humps.
    for (const label of [
      'adminpassword',
      'mysqladminpassword',
      'mysqlAdminPassword',
      'MYSQL_ROOT_PASSWORD',
    ]) {
      assert.equal(literalOk(label), false, label);
    }
  });

  it("reports mixed-case letters drawn without a digit (pwgen's draw) under a password or a token name, not a camelCase name", () => {
    const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
    const MIXED = `${LOWER}${LOWER.toUpperCase()}`;
    for (let i = 0; i < 20; i++) {
      // Not a draw whose lower-case run reads as words with a number tacked on (`isWordy`, about one in
      // 1,300 here), which generic-secret passes over by design.
      const drawn = drawnUntil(
        MIXED,
        16 + (i % 8),
        (v) => /[a-z]/.test(v) && /[A-Z]/.test(v) && randomLetterRun(v) && !isWordy(v),
      );
      assert.deepEqual(ids(`DB_PASSWORD=${drawn}`), ['generic-credential-literal'], drawn);
      assert.deepEqual(ids(`API_TOKEN=${drawn}`), ['generic-secret'], drawn);
    }
    for (const name of ['getElementsByTagName', 'userProvidedPassword', 'ThisIsMyPasswordHere']) {
      assert.equal(randomLetterRun(name), false, name);
      assert.deepEqual(ids(`password: "${name}"`), [], name);
    }
  });
});
