import * as assert from 'node:assert/strict';
import { ALNUM, LOWER_ALNUM, randomToken } from '../random';
import { scan } from '../scanner';

const TOKEN = `${ALNUM}_-`;
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const lower = (n: number): string => randomToken('abcdefghijklmnopqrstuvwxyz', n);
/** A custom-prefix (or partitioned) body: `PREfix_<13>_<6>_<6>_<4>_<5>_<4>`, 50 characters. */
const longBody = (): string =>
  `${randomToken(ALNUM, 6)}_${randomToken(LOWER_ALNUM, 13)}_${lower(6)}_${lower(6)}_${lower(4)}_${lower(5)}_${lower(4)}`;

describe('GitLab token variants', () => {
  it('reports custom-prefix and partitioned tokens up to 50 characters', () => {
    for (let i = 0; i < 10; i++) {
      const body = longBody();
      assert.deepEqual(ids(`glsoat-${body}`), ['gitlab-scim-token']);
      assert.deepEqual(ids(`gldt-${body}`), ['gitlab-deploy-token']);
      assert.deepEqual(ids(`glft-${body}`), ['gitlab-feed-token']);
      assert.deepEqual(ids(`GR1348941${body}`), ['gitlab-runner-registration-token']);
    }
  });

  it('leaves a long body cut after a separator, or past 50 characters', () => {
    for (let i = 0; i < 10; i++) {
      const body = longBody();
      for (const text of [`glsoat-${body}_`, `GR1348941${body}_`, `glft-${body}${randomToken(ALNUM, 2)}`]) {
        assert.deepEqual(ids(text), [], text);
      }
    }
  });

  it('reports pipeline trigger tokens of 40 base64url characters, and only 40', () => {
    for (let i = 0; i < 10; i++) {
      const body = `${randomToken(TOKEN, 39)}${randomToken(ALNUM, 1)}`;
      assert.deepEqual(ids(`glptt-${body}`), ['gitlab-pipeline-trigger-token']);
      assert.deepEqual(ids(`glptt-${body}${randomToken(ALNUM, 3)}`), []);
      assert.deepEqual(ids(`glptt-${randomToken(ALNUM, 13)}_${lower(6)}`), []);
    }
  });

  it('reports agent tokens longer than 50 characters, not shorter ones', () => {
    for (let i = 0; i < 10; i++) {
      assert.deepEqual(ids(`glagent-${randomToken(ALNUM, 59)}`), ['gitlab-agent-token']);
      assert.deepEqual(ids(`glagent-${randomToken(ALNUM, 13)}_${lower(6)}`), []);
    }
  });
});
