import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { findPathTokens } from './pathTokens';
import { assertHidden, assertUntouched, spansOf } from './spanCases';

describe('redact tier: tokens in an attached file path', () => {
  it('hides a generated run in a file or folder name, whatever punctuation surrounds it', () => {
    for (let i = 0; i < 50; i++) {
      // A run must hold a digit (see pathTokens.ts); the rate of digit-free draws is checked below.
      const token = `${randomToken(ALNUM, 31)}${i % 10}`;
      for (const path of [
        `backup-${token}.txt`,
        `exports/${token}/dump.sql`,
        `keys/${token}_prod.json`,
        `C:\\Users\\me\\${token}.env.bak`,
      ]) {
        assertHidden(findPathTokens, path, [token]);
      }
    }
  });

  it('misses a random 32-character name only when it holds no digit: about 1 draw in 300', () => {
    let missed = 0;
    for (let i = 0; i < 1000; i++) {
      const token = randomToken(ALNUM, 32);
      missed += spansOf(findPathTokens, `backup-${token}.txt`).length === 0 ? 1 : 0;
    }
    // Expected 3.6 in 1,000; 15 or more happens by chance far less than once in a million runs.
    assert.ok(missed < 15, `${missed} of 1000 missed`);
  });

  it('leaves file names that people write', () => {
    for (const path of [
      'src/components/NavigationBarContainer.tsx',
      'test/unit/userServiceIntegration.test.ts',
      'docs/2024-06-01-release-notes.md',
      'migrations/20240601120000_add_users_table.sql',
      'packages/core/node_modules/typescript/lib/lib.es2015.d.ts',
      'assets/icons/HighContrastDarkTheme.svg',
    ]) {
      assertUntouched(findPathTokens, path);
    }
  });
});
