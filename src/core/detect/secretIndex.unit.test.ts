import * as assert from 'node:assert/strict';
import { engineRule } from '../../../test/support/engineRule';
import { builtinRules } from './catalog';
import type { Candidate } from './matcher';
import { compileRules, push, secretIndex } from './matcher';
import { secretInLookaround } from './compiledRule';

/** Each match of `re` (global) in `text` with the start of its `secret` group, read from indices. */
function reference(source: string, flags: string, text: string): [number, number][] {
  const re = new RegExp(source, `gd${flags.replace(/[^imsu]/g, '')}`);
  const out: [number, number][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const span = m.indices?.groups?.['secret'];
    if (span) {
      out.push([m.index, span[0]]);
    }
    re.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return out;
}

/** The same matches, their secret placed by `secretIndex` from a run without indices. */
function placed(rules: ReturnType<typeof compileRules>, order: number, text: string): [number, number][] {
  const cr = rules.rule(order);
  const re = cr.global;
  re.lastIndex = 0;
  const out: [number, number][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const secret = m.groups?.['secret'];
    if (secret !== undefined) {
      out.push([m.index, secretIndex(cr, m, secret)]);
    }
    re.lastIndex = m.index + Math.max(1, m[0].length);
  }
  return out;
}

describe('secretIndex (a secret placed without the d flag)', () => {
  it('places every catalogue rule’s secret where the match’s indices put it, on its own tests', () => {
    const rules = compileRules(builtinRules);
    let checked = 0;
    builtinRules.forEach((rule, order) => {
      const texts = [...rule.tests.positives(), ...rule.tests.negatives.filter((n) => typeof n === 'string')];
      for (const text of texts) {
        const want = reference(rule.pattern.source, rule.pattern.flags, text);
        assert.deepEqual(placed(rules, order, text), want, `${rule.id}: ${JSON.stringify(text)}`);
        checked += want.length;
      }
    });
    assert.ok(checked > 300, `${checked} secrets placed`);
  });

  it('reads indices when the secret’s text occurs twice in the match, or lies in a lookaround', () => {
    const twice = engineRule('twice', ['key'], /(?<name>[a-z]+)=(?<secret>[a-z]+)/, 40);
    const ahead = engineRule('ahead', ['tok'], /tok(?=_(?<secret>[a-z]{3}))/, 10);
    const rules = compileRules([twice, ahead]);
    assert.equal(rules.rule(0).secretInLookaround, false);
    assert.equal(rules.rule(1).secretInLookaround, true);
    for (const [order, text] of [
      [0, 'key=key'],
      [0, 'aa=a'],
      [1, 'a tok_tok'],
      [1, 'tok_abc'],
    ] as const) {
      const source = [twice, ahead][order]!.pattern.source;
      assert.deepEqual(placed(rules, order, text), reference(source, '', text), text);
    }
    const out: Candidate[] = [];
    const re = rules.rule(0).sticky;
    re.lastIndex = 0;
    push(rules.rule(0), re.exec('key=key')!, 10, out);
    assert.deepEqual([out[0]!.start, out[0]!.end, out[0]!.secret], [14, 17, 'key']);
  });

  it('finds a secret group in a lookaround, past escapes and classes', () => {
    assert.equal(secretInLookaround('a(?<secret>b)'), false);
    assert.equal(secretInLookaround('(?<!x)(?<secret>b)(?=c)'), false);
    assert.equal(secretInLookaround('[(?=](?<secret>b)'), false);
    assert.equal(secretInLookaround('\\((?=x)(?<secret>b)'), false);
    assert.equal(secretInLookaround('(?=(?<secret>b))'), true);
    assert.equal(secretInLookaround('(?<=x(?:y(?<secret>b)))'), true);
  });
});
