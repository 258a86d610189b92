import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { randomLetterRun } from './letterPairs';
import { drawnTriples, rareTriples } from './letterTriples';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';

describe('letter triples', () => {
  it('counts triples outside the table, a run broken by anything but a letter, in either case', () => {
    assert.equal(rareTriples('required'), 0);
    assert.equal(rareTriples('ADMINISTRATOR'), 0);
    assert.ok(rareTriples('qzxjvk') >= 3);
    // `q_z_x` holds no triple: a mark breaks the run.
    assert.equal(rareTriples('q_z_x_j'), 0);
  });

  it('reads random letters as drawn far more often than the pair table, eight letters or more', () => {
    for (const n of [8, 11]) {
      let triples = 0;
      let pairs = 0;
      for (let k = 0; k < 400; k++) {
        const v = randomToken(LOWER, n);
        triples += drawnTriples(v) ? 1 : 0;
        pairs += randomLetterRun(v) ? 1 : 0;
      }
      // Measured over 2,000 draws: 8 letters 91% (pairs 78%), 11 letters 98% (pairs 79%).
      assert.ok(triples >= 0.85 * 400, `${n} letters: ${triples} of 400`);
      assert.ok(triples > pairs, `${n} letters: triples ${triples}, pairs ${pairs}`);
    }
    assert.equal(drawnTriples(randomToken(LOWER, 7)), false);
  });

  it('reads words, labels, glued words and keyboard words as no draw', () => {
    const words = [
      'required',
      'administrator',
      'changeme',
      'authorization',
      'credentials',
      'clipboard',
      'dblclick',
      'backdrop',
      'manufacturer',
      'touchcancel',
      'PASSWORD',
      'readwrite',
      'letmeinplease',
      'throughput',
    ];
    for (const w of words) {
      assert.equal(drawnTriples(w), false, w);
    }
    // Mixed case is not this reading's (see letterRuns.ts).
    assert.equal(drawnTriples('qzXjvKwpTq'), false);
  });
});
