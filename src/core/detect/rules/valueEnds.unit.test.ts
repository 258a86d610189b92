import * as assert from 'node:assert/strict';
import { withoutField } from '../../../../test/support/engineRule';
import { seededInts } from '../../../../test/support/seededRandom';
import { builtinRules } from '../catalog';
import { patternMaxLength } from '../patternSafety';
import { scan } from '../scanner';

/**
 * `endsBefore` only skips attempts its rule's pattern would fail: findings are the same with it and
 * without it. Texts are drawn around the password and secret words, with values of every length up to
 * past the rules' reach and every character that can end (or fail to end) a value.
 */

/** The catalogue with every rule's `endsBefore` removed. */
const unguarded = withoutField(builtinRules, 'endsBefore');

const NAMES = [
  'password',
  'passwd',
  'PASSWORD',
  'db_pass',
  'dbPass',
  'pwd',
  'secret',
  'api_key',
  'passphrase_string_production_12',
  'password_hint',
];
const OPERATORS = ['=', ': ', ' = ', ':=', ' => ', ' == ', ': str = ', '>', ', ', ' ', '.assign(', '||='];
const QUOTES = ['', '', '"', "'", '`'];
const VALUE_CHARS = 'abcXYZ0189!@$%^&*_-+=.,;:/\\ \t"\'`<>()[]{}|~?#';
const AFTER = ['\n', ' ', '\r\n', '', ';', ',', '\t', '#', '//', '\u2028', ' # c\n', '=', ')', '\\n', '"'];

function drawText(pick: (n: number) => number): string {
  const one = <T>(a: readonly T[]): T => a[pick(a.length)]!;
  let text = '';
  for (let part = 0, parts = 1 + pick(6); part < parts; part++) {
    const quote = one(QUOTES);
    const length = pick(8) === 0 ? 180 + pick(140) : pick(30);
    const chars = pick(2) === 0 ? 'abcXYZ0189' : VALUE_CHARS;
    let value = '';
    for (let i = 0; i < length; i++) {
      value += chars[pick(chars.length)];
    }
    text += `${one(['', '', '  ', '- ', 'export ', 'x.'])}${one(NAMES)}${one(OPERATORS)}${quote}${value}`;
    text += `${pick(4) === 0 ? '' : quote}${one(AFTER)}`;
  }
  return pick(10) === 0 ? text.repeat(2 + pick(30)) : text;
}

describe('endsBefore (rules whose values end in known characters)', () => {
  it('finds the same secrets with the guard as without it', () => {
    for (let seed = 1; seed <= 1500; seed++) {
      const text = drawText(seededInts(seed));
      assert.deepEqual(scan(text), scan(text, { rules: unguarded }), `seed ${seed}: ${JSON.stringify(text)}`);
    }
  });

  it('finds the same secrets in floods whose first value end lies at every distance around the reach', () => {
    for (const name of ['password=', 'db_pass=', 'secret: "']) {
      for (let length = 150; length < 320; length += 3) {
        for (const end of [' ', '"', '\n', '#', ',', '']) {
          const text = `${name}${'Ab3$'.repeat(80).slice(0, length)}${end}${name.repeat(40)}`;
          assert.deepEqual(scan(text), scan(text, { rules: unguarded }), JSON.stringify(text));
        }
      }
    }
  });

  it('reaches as far as the longest match each guarded rule allows', () => {
    // patternMaxLength reads `(?=(?<n>…))\k<n>` (a stand-in for an atomic group) as empty; read as the run
    // it stands for, the pattern's longest match must still fit the rule's maxLength, which the guard trusts.
    const item = String.raw`\\.|\[(?:[^\]\\]|\\.)*\]|[^()\\[]`;
    const group = String.raw`\((?:${item}|\((?:${item})*\))*\)`;
    const atomic = new RegExp(String.raw`\(\?=\(\?<(\w+)>((?:${item}|${group})*)\)\)\\k<\1>`, 'g');
    const guarded = builtinRules.filter((r) => r.endsBefore !== undefined);
    assert.ok(guarded.length >= 2);
    for (const rule of guarded) {
      const source = rule.pattern.source.replace(atomic, '(?:$2)');
      assert.doesNotMatch(source, /\\k</, rule.id);
      const longest = patternMaxLength(new RegExp(source, rule.pattern.flags));
      assert.ok(
        Number.isFinite(longest) && longest <= rule.maxLength!,
        `${rule.id}: ${longest} > ${rule.maxLength}`,
      );
    }
  });
});
