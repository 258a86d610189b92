import * as assert from 'node:assert/strict';
import { builtinRules } from './catalog';
import { requiredRun } from './requiredRun';

describe('token characters in a row every match holds', () => {
  it('counts literals and classes of token characters in a row, past lookarounds and optional token parts', () => {
    for (const [pattern, run] of [
      [/abc[A-Z]{14}\.x/, 17],
      [/(?:ab|cd)[0-9]{15}/, 17],
      [/a(?=.)[0-9]{15}b?/, 16],
      [/(?<![A-Za-z0-9])x?[a-z]{3}(?:-[a-z]{4}){3}/, 18],
      [/\bsk_[A-Za-z0-9]{20,30}\b/, 23],
      [/[\w-]{12}/, 12],
      [/KEY_[A-Z0-9]{8}/i, 12],
    ] as const) {
      assert.equal(requiredRun(pattern), run, pattern.source);
    }
  });

  it('breaks a run at any part that may consume another character, and counts no back-reference', () => {
    for (const [pattern, run] of [
      [/a[0-9]{5}.[0-9]{15}/, 15],
      [/(a|b.)[0-9]{15}/, 15],
      [/[0-9]{8}\.?[0-9]{8}/, 8],
      [/[0-9]{8}(?:[0-9]|=)[0-9]{8}/, 8],
      [/(?<q>[a-z]{4})\k<q>[a-z]{4}/, 4],
      [/[a-z]{20}|[0-9]{6}/, 6],
      [/[^\s]{30}/, 0],
      // Case folding past ASCII (`K` for `k`) with `u` and `i`: nothing is claimed.
      [/k[a-z]{30}/iu, 0],
    ] as const) {
      assert.equal(requiredRun(pattern), run, pattern.source);
    }
  });

  it("is what each catalogue rule's own positives hold", () => {
    for (const rule of builtinRules) {
      const run = requiredRun(rule.pattern);
      if (run === 0 || rule.finder) {
        continue;
      }
      for (const text of rule.tests.positives()) {
        const sticky = new RegExp(rule.pattern.source, `g${rule.pattern.flags.replace(/[gy]/g, '')}`);
        for (const m of text.matchAll(sticky)) {
          const longest = Math.max(0, ...(m[0].match(/[A-Za-z0-9_-]+/g) ?? []).map((t) => t.length));
          assert.ok(longest >= run, `${rule.id}: ${run} in a row, ${JSON.stringify(m[0])} holds ${longest}`);
        }
      }
    }
  });
});
