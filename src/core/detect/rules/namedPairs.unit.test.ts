import * as assert from 'node:assert/strict';
import { withoutField } from '../../../../test/support/engineRule';
import { seededInts } from '../../../../test/support/seededRandom';
import { builtinRules } from '../catalog';
import { compileRules } from '../matcher';
import { ALNUM, randomToken } from '../random';
import { scan } from '../scanner';
import { pairNamesCredential } from './namedPairs';

const found = (text: string): string[] =>
  scan(text)
    .filter((f) => f.ruleId === 'name-value-pair-credential')
    .map((f) => text.slice(f.start, f.end));

describe('report tier: name/value pairs (name-value-pair-credential)', () => {
  it('reads the credential words at the end of the name, in any case style', () => {
    for (const name of [
      'DB_PASSWORD',
      'dbPassword',
      'clientSecret',
      'STRIPE_API_KEY',
      'MasterUserPassword',
    ]) {
      assert.ok(pairNamesCredential(name), name);
    }
    for (const name of [
      'LOG_LEVEL',
      'PUBLIC_KEY',
      'DB_PASSWORD_FILE',
      'SORT_KEY',
      'CONFIRM_PASSWORD',
      'API_TOKEN',
    ]) {
      assert.ok(!pairNamesCredential(name), name);
    }
  });

  it('reports a generated value or a typed password in the value field, and nothing for other names', () => {
    const key = randomToken(ALNUM, 32);
    assert.deepEqual(found(`env:\n  - name: SENDGRID_SECRET_KEY\n    value: ${key}\n`), [key]);
    assert.deepEqual(found(`env:\n  - name: LOG_FORMAT\n    value: ${key}\n`), []);
    const typed = `${randomToken(ALNUM, 8)}#${randomToken(ALNUM, 3)}!`;
    assert.deepEqual(found(`{\n  "name": "DB_PASSWORD",\n  "value": "${typed}"\n}`), [typed]);
  });

  it('leaves a label, a word and a path in the value field', () => {
    for (const value of ['Password', 'changeme', '/run/secrets/db', 'true']) {
      assert.deepEqual(found(`- name: DB_PASSWORD\n  value: "${value}"\n`), [], value);
    }
  });

  it('skips an attempt only where the pattern fails: the same findings with the test before each attempt and without', () => {
    const set = compileRules(builtinRules);
    const cr = [...Array(set.size).keys()]
      .map((r) => set.rule(r))
      .find((c) => c.rule.id === 'name-value-pair-credential')!;
    const unguarded = withoutField(builtinRules, 'mayStartAt');
    const keys = ['name', 'Name', 'key', '"name"', "'Key'", 'ParameterKey', 'names', 'x.name', 'label'];
    const ops = [': ', ':', ' = ', '=', ': "', ":'", ' : ', '\t=\t'];
    const names = [
      'DB_PASSWORD',
      'clientSecret',
      'API_KEY',
      'x_pass_y',
      'LOG_LEVEL',
      'creds',
      'a'.repeat(50) + 'pass',
    ];
    const between = [',\n  ', '\n    ', ', ', '",\n  "', ' ', '\n- '];
    const fields = ['value: ', 'Value: ', '"value": "', 'ParameterValue: ', 'valueFrom: ', 'value = "'];
    let matches = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const r = seededInts(seed);
      const pick = <T>(xs: readonly T[]): T => xs[r(xs.length)]!;
      const text = `- ${pick(keys)}${pick(ops)}${pick(names)}${pick(between)}${pick(fields)}${randomToken(ALNUM, 6 + r(20))}!"\n`;
      for (let at = 0; at < text.length; at++) {
        cr.sticky.lastIndex = at;
        const m = cr.sticky.exec(text);
        if (m !== null && m[0].length > 0) {
          matches++;
          assert.ok(cr.rule.mayStartAt!(text, at), `seed ${seed} at ${at}: ${JSON.stringify(text)}`);
        }
      }
      assert.deepEqual(scan(text), scan(text, { rules: unguarded }), JSON.stringify(text));
    }
    assert.ok(matches > 50, `${matches} matches`);
  });
});
