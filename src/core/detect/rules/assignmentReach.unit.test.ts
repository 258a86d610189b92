import * as assert from 'node:assert/strict';
import { withoutField } from '../../../../test/support/engineRule';
import { seededInts } from '../../../../test/support/seededRandom';
import { builtinRules } from '../catalog';
import { compileRules } from '../matcher';
import { scan } from '../scanner';
import { assignmentReach } from './assignmentReach';

/**
 * `mayStartAt` only skips attempts its rule's pattern would fail: wherever the pattern matches at a
 * keyword the test passes, and findings are the same with it and without it.
 */

/** The catalogue with every rule's `mayStartAt` removed. */
const unguarded = withoutField(builtinRules, 'mayStartAt');

const NAMES = [
  'password',
  'DB_PASS',
  'pwd',
  'secret',
  'api_key',
  'authToken',
  'creds',
  'client_secret_key_base',
];
const TAILS = ['', '', '_prod', '.value', 'String', '-2', '_x'.repeat(30), 'izer'];
const BEFORE_OPERATOR = [
  '',
  '',
  '"',
  "'",
  '`',
  '"]',
  // JSON held in a string: the name's closing quote escaped.
  '\\"',
  ' ',
  '   ',
  '    ',
  '\t',
  ': str ',
  ' : String? ',
  ': ' + 'T'.repeat(35) + ' ',
];
const OPERATORS = [
  '=',
  ':',
  ':=',
  '=>',
  '.=',
  '??=',
  '||=',
  '?=',
  '::=',
  ',',
  '>',
  ' value=',
  'Value =',
  '==',
  '(',
  '',
];
const VALUE_CHARS = 'abcXYZ0189!@$%^&*_-+=.,;:/\\ \t"\'`<>()[]{}|~?#\n\u0131';

function drawText(pick: (n: number) => number): string {
  const one = <T>(a: readonly T[]): T => a[pick(a.length)]!;
  let text = '';
  for (let part = 0, parts = 1 + pick(5); part < parts; part++) {
    const chars = pick(2) === 0 ? 'abcXYZ0189' : VALUE_CHARS;
    let value = '';
    for (let i = 0, length = pick(5) === 0 ? 60 + pick(100) : pick(20); i < length; i++) {
      value += chars[pick(chars.length)];
    }
    const quote = one(['', '', '"', "'", '`', '\\"']);
    text += `${one(['', ' ', '<a key="', 'x.'])}${one(NAMES)}${one(TAILS)}${one(BEFORE_OPERATOR)}`;
    text += `${one(OPERATORS)}${one(['', ' ', '   ', '\t'])}${quote}${value}${quote}${one(['\n', ' ', ';', '', ')'])}`;
  }
  return text;
}

describe('assignmentReach (the generic rules’ test before an attempt)', () => {
  const set = compileRules(builtinRules);
  // The generic rules' assignments; name-value-pair-credential's own test is in namedPairs.unit.test.ts.
  const guarded = [...Array(set.size).keys()]
    .map((r) => set.rule(r))
    .filter((cr) => cr.rule.mayStartAt && cr.rule.id.startsWith('generic-'));

  it('guards the generic rules', () => {
    assert.deepEqual(guarded.map((cr) => cr.rule.id).sort(), ['generic-password', 'generic-secret']);
  });

  it('passes at every offset where a guarded pattern matches', () => {
    let matches = 0;
    // 2,500 draws of the shared generator hold about 1,300 matches (1,500 held 786).
    for (let seed = 1; seed <= 2500; seed++) {
      const text = drawText(seededInts(seed));
      for (const cr of guarded) {
        for (let at = 0; at < text.length; at++) {
          cr.sticky.lastIndex = at;
          const m = cr.sticky.exec(text);
          if (m !== null && m[0].length > 0) {
            matches++;
            assert.ok(
              cr.rule.mayStartAt!(text, at),
              `${cr.rule.id} seed ${seed} at ${at}: ${JSON.stringify(text)}`,
            );
          }
        }
      }
    }
    // The draw holds matches of both rules, not only refusals.
    assert.ok(matches > 1000, `${matches} matches`);
  });

  it('finds the same secrets with the test as without it', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const text = drawText(seededInts(seed + 100000));
      assert.deepEqual(scan(text), scan(text, { rules: unguarded }), `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('refuses calls, short values and names with no operator', () => {
    const reach = assignmentReach(12);
    for (const text of [
      'token=None)',
      'token: 328 }',
      'getToken(x)',
      'tokenizer.run()',
      'token = "short"',
      'token =\n"abcdefghijklmnop"',
    ]) {
      const at = text.toLowerCase().indexOf('token');
      assert.equal(reach(text, at), false, text);
    }
    for (const text of [
      'token = "abcdefghijklmnop"',
      'token: str = "abcdefghijklmnop"',
      '"token"] = abcdefghijklmnop',
    ]) {
      assert.equal(reach(text, text.indexOf('token')), true, text);
    }
  });
});
