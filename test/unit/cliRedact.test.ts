import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { runCliIn as run } from '../support/cliRun';
import { freshToken, makeTree } from './cliSupport';

interface JsonOut {
  readonly text: string;
  readonly redactions: ReadonlyArray<{ placeholder: string; ruleId: string; line: number; column: number }>;
}

describe('secure-gpt redact', () => {
  it('prints the file with secrets replaced by stable typed placeholders', async () => {
    const [a, b] = [freshToken(), freshToken('gho')];
    const dir = makeTree({ 'notes.txt': `first ${a}\nsecond ${b}\nagain ${a}\n` });
    const out = await run(['redact', 'notes.txt'], dir);
    assert.equal(out.code, 0);
    assert.equal(
      out.stdout,
      'first ‹secret:github-pat#1›\nsecond ‹secret:github-oauth-token#1›\nagain ‹secret:github-pat#1›\n',
    );
    assert.match(out.stderr, /redacted 3 secrets/);
  });

  it('--json gives the text and 1-based positions, never a secret', async () => {
    const a = freshToken();
    const dir = makeTree({ 'cfg.ts': `const x = 1;\n  t = "${a}";\n` });
    const out = await run(['redact', '--json', join(dir, 'cfg.ts')], dir);
    assert.equal(out.code, 0);
    const parsed = JSON.parse(out.stdout) as JsonOut;
    assert.equal(parsed.text, 'const x = 1;\n  t = "‹secret:github-pat#1›";\n');
    assert.deepEqual(parsed.redactions, [
      { placeholder: '‹secret:github-pat#1›', ruleId: 'github-pat', line: 2, column: 8 },
    ]);
    assert.ok(!out.stdout.includes(a));
  });

  it('redacts the values of the .env files in the current directory by exact match', async () => {
    const value = `pw-${randomToken(ALNUM, 20)}`;
    const dir = makeTree({
      '.env': `DB_PASSWORD=${value}\nPORT=3000\n`,
      'app.txt': `connect with ${value} on 3000`,
    });
    const out = await run(['redact', 'app.txt'], dir);
    assert.equal(out.stdout, 'connect with ‹secret:env-value#1› on 3000');
  });

  it('reads stdin by default, and reports a missing file with exit 2', async () => {
    const dir = makeTree({});
    const token = freshToken();
    const fromStdin = await run(['redact'], dir, {}, `stdin ${token}`);
    assert.deepEqual([fromStdin.code, fromStdin.stdout], [0, 'stdin ‹secret:github-pat#1›']);
    const missing = await run(['redact', 'nope.txt'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.txt: ENOENT/);
  });

  it('hides a credential-named passphrase (the redact tier), keeping the name readable', async () => {
    const dir = makeTree({
      'compose.yml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: velvet lantern okapi\n',
    });
    const out = await run(['redact', 'compose.yml'], dir);
    assert.equal(out.code, 0);
    assert.ok(!out.stdout.includes('velvet lantern okapi'));
    assert.match(out.stdout, /POSTGRES_PASSWORD: ‹secret:password#1›\n$/);
  });
});
