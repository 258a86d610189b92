import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { runCliIn as run } from '../support/cliRun';
import { freshToken, leaksNone, makeTree } from './cliSupport';

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

  it("run from a subdirectory, redacts values of the git root's .env and of nested ones, not templates", async () => {
    const rootPw = ['correct', 'horse', 'battery', randomToken('abcdef', 4)].join('-');
    const apiToken = `tk-${randomToken(ALNUM, 24)}`;
    const sample = ['sample', 'service', 'words', randomToken('abcdef', 4)].join('-');
    const dir = makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.env': `DB_PASSWORD=${rootPw}\n`,
      'services/api/.env': `API_TOKEN=${apiToken}\n`,
      'services/api/.env.example': `API_TOKEN=${sample}\n`,
      'node_modules/x/.env': `OTHER_TOKEN=${sample}\n`,
      'web/src/app.txt': `db ${rootPw}\napi ${apiToken}\nauth ${Buffer.from(`u:${apiToken}`).toString('base64')}\n${sample}\n`,
    });
    const out = await run(['redact', 'app.txt'], join(dir, 'web', 'src'));
    assert.equal(out.code, 0);
    assert.ok(leaksNone([rootPw, apiToken], out.stdout, out.stderr));
    assert.match(out.stdout, /^db ‹secret:env-value#1›\napi ‹secret:env-value#2›\nauth /);
    // A template holds placeholders to share, not values: its value is left alone.
    assert.ok(out.stdout.endsWith(`${sample}\n`));
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
      'compose.yml': 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: velvet okapi\n',
    });
    const out = await run(['redact', 'compose.yml'], dir);
    assert.equal(out.code, 0);
    assert.ok(!out.stdout.includes('velvet lantern okapi'));
    assert.match(out.stdout, /POSTGRES_PASSWORD: ‹secret:password#1›\n$/);
  });
});
