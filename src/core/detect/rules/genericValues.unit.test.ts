import * as assert from 'node:assert/strict';
import { drawnUntil } from '../../../../test/support/freshValues';
import { scan } from '../scanner';
import { tokenOk } from './genericValues';
import { drawnPairs, randomLetterRun } from './letterPairs';

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

describe('generic-secret values: a name in parts against a token whose alphabet holds - and _', () => {
  it('reads a lower-case token with a dash or an underscore in it as a token', () => {
    const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
    for (let i = 0; i < 20; i++) {
      // gitleaks draws Netlify's and Fastly's tokens from `[a-z0-9=_\-]`: runs of twenty, a short piece, a run.
      const head = drawnUntil(LOWER_ALNUM, 20, (v) => /[0-9]/.test(v) && drawnPairs(v));
      const tail = drawnUntil(LOWER_ALNUM, 16, (v) => /[0-9]/.test(v));
      const token = `${head}_kr-${tail}`;
      assert.equal(tokenOk(token), true, token);
      assert.deepEqual(ids(`netlify_TOKEN :::= "${token}"`), ['generic-secret'], token);
    }
  });

  it('still reads names, versions and short ids in parts as a name', () => {
    for (const name of [
      'my-app-tls-2',
      'prod_db_key_v2',
      'web-5d4f8c9b7-x2x9z',
      'service-account-production-eu-west',
      'release-2024-06-notes',
      'frontend_deployment_rollout_history',
    ]) {
      assert.equal(tokenOk(name), false, name);
    }
  });
});

describe('generic-secret values: letters in one case', () => {
  it('reads 20 or more drawn letters in one case as a token, and phrases or short runs not', () => {
    for (let i = 0; i < 20; i++) {
      const lower = drawnUntil('abcdefghijklmnopqrstuvwxyz', 24, (v) => randomLetterRun(v));
      assert.equal(tokenOk(lower), true, lower);
      assert.equal(tokenOk(lower.toUpperCase()), true, lower.toUpperCase());
      assert.deepEqual(
        scan(`storyblok_token=${lower}`).map((f) => f.ruleId),
        ['generic-secret'],
      );
      // Fewer than 20 letters in one case are no proof, however drawn.
      assert.equal(tokenOk(lower.slice(0, 16)), false, lower.slice(0, 16));
    }
    // Words run together, in either case, pair as a language does.
    for (const phrase of [
      'supersecretpasswordvalue',
      'CHANGEMEBEFOREPRODUCTION',
      'thisisnotarealtokenatall',
    ]) {
      assert.equal(tokenOk(phrase), false, phrase);
    }
  });
});
