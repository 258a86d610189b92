import * as assert from 'node:assert/strict';
import { ordinal, placeholderTitle, splitPlaceholders } from './placeholders';

describe('placeholders in the transcript', () => {
  it('splits text into plain runs and placeholders, losing nothing', () => {
    const text =
      'use ‹secret:github-pat#2› and ‹secret:aws-access-key-id#1›, not ‹secret:Bad#1› or ‹secret:x#›';
    const pieces = splitPlaceholders(text);
    assert.equal(pieces.map((p) => p.text).join(''), text);
    const found = pieces.filter((p) => p.kind === 'placeholder');
    assert.deepEqual(
      found.map((p) => (p.kind === 'placeholder' ? [p.rule, p.n] : [])),
      [
        ['github-pat', 2],
        ['aws-access-key-id', 1],
      ],
    );
    assert.equal(pieces[0]?.kind, 'text');
    assert.equal(pieces.at(-1)?.kind, 'text');
  });

  it('a text with no placeholder is one plain piece, an empty text none', () => {
    assert.deepEqual(splitPlaceholders('plain'), [{ kind: 'text', text: 'plain' }]);
    assert.deepEqual(splitPlaceholders(''), []);
    assert.deepEqual(splitPlaceholders('‹secret:openai-api-key#3›'), [
      { kind: 'placeholder', text: '‹secret:openai-api-key#3›', rule: 'openai-api-key', n: 3 },
    ]);
  });

  it('is safe to call again on the same text (the pattern keeps no state between calls)', () => {
    const text = 'a ‹secret:github-pat#1› b';
    assert.deepEqual(splitPlaceholders(text), splitPlaceholders(text));
  });

  it('names ordinals the English way', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });

  it('the tooltip names the rule, explains the number and says whether Insert restores it', () => {
    const live = placeholderTitle('github-pat', 2, true);
    assert.match(live, /rule 'github-pat'/);
    assert.match(live, /#2 = the 2nd distinct value of this kind in this conversation/);
    assert.match(live, /Restored locally on Insert/);
    const past = placeholderTitle('github-pat', 2, false);
    assert.doesNotMatch(past, /Restored locally on Insert/);
    assert.match(past, /Not restorable here/);
  });
});
