import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { builtinRules } from './catalog';

/**
 * A prefilter keyword is what keeps a rule off ordinary code: the engine runs a rule's pattern only
 * around its keywords' hits. A provider rule given a word that code is full of (`token` on a
 * bootstrap-token rule, 2026-12-05) ran its pattern at every hit and cut the engine's throughput 2.6×,
 * which only the bench showed. This holds every provider rule's keywords to a count of hits in real code
 * that others wrote (the first 2 MB of TypeScript's compiler, pinned by the lockfile): counts, not time.
 */

/** Hits per MB of ordinary code above which a keyword needs a reason. */
const HITS_PER_MB = 100;

/**
 * The provider rules whose keyword is that common, and why the cost is paid: each pattern fails at once
 * where the hit is no token's start, and nothing rarer marks the format.
 */
const COMMON_BY_DESIGN: Readonly<Record<string, { keyword: string; why: string }>> = {
  'discord-bot-token': { keyword: 'token', why: 'a bot token has no prefix; the name beside it is the mark' },
  'vault-legacy-token': {
    keyword: 'token',
    why: 'an `s.` token is too short a prefix to key on; the name beside it finds it',
  },
  'airtable-pat': { keyword: 'pat', why: 'the `pat` prefix is the format; 14 characters and a dot follow' },
  'resend-api-key': { keyword: 're_', why: 'the `re_` prefix is the format' },
  'twilio-api-key': { keyword: 'sk', why: "Twilio's `SK` and 32 hex: the prefix is the format" },
  'nvidia-ngc-legacy-key': {
    keyword: 'ngc',
    why: 'a legacy key has no prefix: the word finds a base64 run whose decoded structure is the proof',
  },
};

function sample(): { text: string; mb: number } {
  const raw = readFileSync(require.resolve('typescript/lib/typescript.js'), 'latin1').slice(0, 2 << 20);
  return { text: raw.toLowerCase(), mb: raw.length / (1 << 20) };
}

function hitsPerMb(text: string, mb: number, keyword: string): number {
  let n = 0;
  for (let i = text.indexOf(keyword); i !== -1; i = text.indexOf(keyword, i + 1)) {
    n++;
  }
  return n / mb;
}

describe('prefilter keywords', () => {
  const { text, mb } = sample();

  it('are rare in ordinary code for every provider rule, or the rule says why not', () => {
    const common: string[] = [];
    for (const rule of builtinRules.filter((r) => r.provider !== 'Generic')) {
      for (const keyword of rule.keywords) {
        const rate = hitsPerMb(text, mb, keyword);
        if (rate > HITS_PER_MB && COMMON_BY_DESIGN[rule.id]?.keyword !== keyword) {
          common.push(`${rule.id}: '${keyword}' (${Math.round(rate)} hits per MB)`);
        }
      }
    }
    assert.deepEqual(common, [], 'a keyword this common runs the rule all over ordinary code');
  });

  it('lists only rules that still hold such a keyword', () => {
    for (const [id, { keyword }] of Object.entries(COMMON_BY_DESIGN)) {
      const rule = builtinRules.find((r) => r.id === id);
      assert.ok(rule?.keywords.includes(keyword), `${id} no longer has '${keyword}'`);
      assert.ok(
        hitsPerMb(text, mb, keyword) > HITS_PER_MB,
        `${id}: '${keyword}' is rare now; drop the entry`,
      );
    }
  });

  it('would have caught a common word given to a provider rule', () => {
    assert.ok(hitsPerMb(text, mb, 'token') > HITS_PER_MB);
    assert.ok(hitsPerMb(text, mb, 'bootstrap') <= HITS_PER_MB);
  });
});
