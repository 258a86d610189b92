import * as assert from 'node:assert/strict';
import { startsAtKeyword } from './keywordHeads';

describe('startsAtKeyword', () => {
  it('says yes when each alternative opens with a keyword, in any case, after zero-width assertions', () => {
    assert.ok(startsAtKeyword(/(?<![A-Za-z0-9_])tkn_[A-Za-z0-9]{20}/, ['tkn_']));
    assert.ok(startsAtKeyword(/\b(?:api|auth)[_-]?key\s*=\s*\w+/i, ['api', 'auth']));
    assert.ok(startsAtKeyword(/[Tt][Oo][Kk][Ee][Nn]=\w+|\.run\(\w+\)/, ['token', '.run(']));
  });

  it('follows optional characters into each spelling of a keyword', () => {
    assert.ok(
      startsAtKeyword(/heroku[_.-]?api=\w+/, ['heroku_api', 'heroku.api', 'heroku-api', 'herokuapi']),
    );
    assert.ok(!startsAtKeyword(/heroku[_.-]?api=\w+/, ['heroku_api', 'herokuapi']));
  });

  it('reads a lookahead that opens the match as its start', () => {
    const starts = ['a', 'b'].flatMap((third) => ['0', '1'].map((fourth) => `mt${third}${fourth}`));
    assert.ok(startsAtKeyword(/(?=MT[AB][01])[MN][A-Za-z0-9]{20}/, starts));
    assert.ok(!startsAtKeyword(/(?=MT[AB][01])[MN][A-Za-z0-9]{20}/, starts.slice(1)));
  });

  it('says no when a match may start before its keyword or with a broad class', () => {
    assert.ok(!startsAtKeyword(/\b[a-z]{20,58}\.tail\b/, ['.tail']));
    assert.ok(!startsAtKeyword(/[A-Za-z0-9_.-]{0,40}secret=\w+/, ['secret']));
    assert.ok(!startsAtKeyword(/(?:sk_)?live_\w+/, ['sk_']));
    assert.ok(!startsAtKeyword(/\w{4}_x/, ['abcd']));
  });

  it('says no for a keyword only partly spelled out, a back-reference at the start, or u with i', () => {
    assert.ok(!startsAtKeyword(/tok[a-z]+=\w+/, ['token']));
    assert.ok(!startsAtKeyword(/(?<q>ab)\k<q>=\w+/, ['abab']));
    assert.ok(!startsAtKeyword(/token=\w+/iu, ['token']));
    assert.ok(!startsAtKeyword(/token=\w+/, []));
  });
});
