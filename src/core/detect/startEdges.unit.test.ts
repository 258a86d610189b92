import * as assert from 'node:assert/strict';
import { parseRegex, startChars } from './regexShape';
import type { StartEdges } from './startEdges';
import { startEdges, startGate } from './startEdges';

function edges(pattern: RegExp, keywords: string[]): StartEdges {
  return startEdges(pattern, parseRegex(pattern), keywords, startChars(pattern));
}

/** The characters `notAfter` holds, as one string. */
function rejected(e: StartEdges): string | undefined {
  return e.notAfter && String.fromCharCode(...[...e.notAfter.keys()].filter((c) => e.notAfter![c] === 1));
}

const WORD = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

describe('start edges', () => {
  it('reads the characters a leading one-character lookbehind or word boundary rejects', () => {
    assert.equal(rejected(edges(/(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{32}/, ['sk-'])), `-${WORD}`);
    assert.equal(rejected(edges(/\bghp_[A-Za-z0-9]{36}\b/, ['ghp_'])), WORD);
    // The class as the regex engine reads it: a range under `i`, an escape, a negation.
    assert.equal(rejected(edges(/(?<![a-c\d])k1/i, ['k1'])), '0123456789ABCabc');
    assert.equal(rejected(edges(/(?<![^\s])k1/, ['k1']))?.length, 128 - 6);
  });

  it('reads nothing where the start is not fixed that way', () => {
    for (const pattern of [
      // An alternative without the lookbehind, a lookbehind of two characters or of a word, `\B`.
      /(?<![a-z])k1|k2/,
      /(?<![a-z]{2})k1/,
      /(?<!ab)k1/,
      /(?<=[a-z])k1/,
      /\Bk1/,
      // A word boundary before a match that may start with a non-word character.
      /\b[-k]1/,
      // Case folding past ASCII.
      /(?<![a-z])k1/iu,
    ]) {
      assert.equal(edges(pattern, ['k1']).notAfter, undefined, String(pattern));
    }
  });

  it('reads the exact text every match starts with, when it begins with a keyword', () => {
    assert.equal(edges(/(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}/, ['sk']).head, 'SK');
    assert.equal(edges(/(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,20}\./, ['eyj']).head, 'eyJ');
    assert.equal(edges(/(?=MT)[MN]T[a-z]{4}/, ['mt']).head, undefined);
    // Up to what varies: a class, an optional character, a lookahead, case folded under `i`.
    assert.equal(edges(/xoxb-[0-9]{8}/, ['xoxb-']).head, 'xoxb-');
    assert.equal(edges(/sk-?[a-z]{8}/, ['sk']).head, 'sk');
    assert.equal(edges(/sk-(?!x)[a-z]{8}/, ['sk-']).head, 'sk-');
    assert.equal(edges(/s1-[a-z]{8}/i, ['s1-']).head, undefined);
    assert.equal(edges(/1-[a-z]{8}/i, ['1-']).head, '1-');
    // Shorter than a keyword, or one character, or not the keyword's text: none.
    assert.equal(edges(/sk[a-z]{8}/, ['sk-']).head, undefined);
    assert.equal(edges(/s[a-z]{8}/, ['s']).head, undefined);
    assert.equal(edges(/ab[a-z]{8}/, ['xy']).head, undefined);
    assert.equal(edges(/ab\p{L}/u, ['ab']).head, undefined);
  });

  it('builds a gate that finds the head where no rejected character comes before it', () => {
    const gate = startGate(edges(/(?<![A-Za-z0-9_-])sk-[A-Za-z0-9]{32}/, ['sk-']))!;
    // A non-ASCII character before is never judged.
    const found = [...'sk-sk- sk-xsk- é sk- ésk-'.matchAll(gate)].map((m) => m.index);
    assert.deepEqual(found, [0, 7, 17, 22]);
    assert.equal(startGate(edges(/sk-[a-z]{8}/, ['sk-'])), undefined);
  });
});
