import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Allowlist } from './allowlist';
import {
  addAllowlistEntry,
  allowlistMatcher,
  AllowlistError,
  emptyAllowlist,
  findAllowlistFile,
  parseAllowlist,
  readAllowlistFile,
  serializeAllowlist,
} from './allowlist';
import { fingerprintOf } from './finding';
import { HEX, randomToken } from './random';

const sha = (): string => fingerprintOf(randomToken(HEX, 40));

function parseError(text: string): string {
  try {
    parseAllowlist(text, 'allow.json');
  } catch (error) {
    assert.ok(error instanceof AllowlistError);
    return error.message;
  }
  assert.fail('expected an AllowlistError');
}

describe('allowlist file', () => {
  it('parses entries and path ignores, lower-casing fingerprints and keeping absent fields absent', () => {
    const a = sha();
    const parsed = parseAllowlist(
      JSON.stringify({
        fingerprints: [{ sha256: a.toUpperCase(), rule: 'github-pat', note: 'test fixture' }, { sha256: a }],
        paths: ['test/fixtures/**'],
      }),
    );
    assert.deepEqual(parsed, {
      fingerprints: [{ sha256: a, rule: 'github-pat', note: 'test fixture' }, { sha256: a }],
      paths: ['test/fixtures/**'],
    });
    assert.ok(!('path' in parsed.fingerprints[0]!));
  });

  it('treats both sections as optional', () => {
    assert.deepEqual(parseAllowlist('{}'), emptyAllowlist);
  });

  it('names the file and the field at fault', () => {
    assert.match(parseError('{ "fingerprints": [ '), /^allow\.json: not valid JSON/);
    assert.match(parseError('[]'), /^allow\.json: .*object/i);
    assert.match(
      parseError('{ "fingerprints": [ { "sha256": "abc" } ] }'),
      /^allow\.json: fingerprints\[0\]\.sha256: must be the 64 hex characters/,
    );
    assert.match(parseError('{ "fingerprints": [ { "sha": "abc" } ] }'), /^allow\.json: fingerprints\[0\]/);
    assert.match(parseError('{ "paths": [ 3 ] }'), /^allow\.json: paths\[0\]: /);
    assert.match(parseError('{ "path": [] }'), /^allow\.json: .*\(it knows fingerprints, paths\)/);
  });

  it('quotes nothing of the file in its errors: not a fragment around bad JSON, not an unknown field name', () => {
    const secret = randomToken(HEX, 40);
    const broken = parseError(`{ "fingerprints": [ { "sha256": "${secret}" x } ] }`);
    assert.match(broken, /^allow\.json: not valid JSON \(line 1, column \d+\)$/);
    assert.ok(!broken.includes(secret.slice(0, 8)), broken);
    const field = parseError(`{ "fingerprints": [ { "sha256": "${sha()}", "${secret}": 1 } ] }`);
    assert.match(
      field,
      /^allow\.json: fingerprints\[0\]: a field this file does not know \(it knows sha256, rule, path, note\)$/,
    );
  });

  it('round-trips through serialize, and add replaces the same entry instead of duplicating it', () => {
    const a = sha();
    let list: Allowlist = addAllowlistEntry(emptyAllowlist, { sha256: a, rule: 'github-pat', note: 'first' });
    list = addAllowlistEntry(list, { sha256: a.toUpperCase(), rule: 'github-pat', note: 'second' });
    list = addAllowlistEntry(list, { sha256: a, path: 'src/x.ts' });
    const text = serializeAllowlist(list);
    assert.ok(text.endsWith('}\n'));
    assert.deepEqual(parseAllowlist(text), list);
    assert.deepEqual(list.fingerprints, [
      { sha256: a, rule: 'github-pat', note: 'second' },
      { sha256: a, path: 'src/x.ts' },
    ]);
  });

  it('matches by fingerprint, narrowed by rule and by path (exact or glob)', () => {
    const [a, b, c] = [sha(), sha(), sha()];
    const matches = allowlistMatcher({
      fingerprints: [
        { sha256: a },
        { sha256: b, rule: 'github-pat' },
        { sha256: c, path: 'test/**/*.ts' },
        { sha256: c, path: './docs/a.md' },
      ],
      paths: [],
    });
    assert.ok(matches({ fingerprint: a, ruleId: 'anything' }, 'any/file'));
    assert.ok(matches({ fingerprint: a, ruleId: 'anything' }));
    assert.ok(matches({ fingerprint: b, ruleId: 'github-pat' }, 'x'));
    assert.ok(!matches({ fingerprint: b, ruleId: 'github-oauth-token' }, 'x'));
    assert.ok(matches({ fingerprint: c, ruleId: 'r' }, 'test/unit/a.ts'));
    assert.ok(matches({ fingerprint: c, ruleId: 'r' }, 'docs/a.md'));
    assert.ok(!matches({ fingerprint: c, ruleId: 'r' }, 'src/a.ts'));
    assert.ok(!matches({ fingerprint: c, ruleId: 'r' }));
    assert.ok(!matches({ fingerprint: sha(), ruleId: 'r' }, 'x'));
  });

  describe('on disk', () => {
    let root = '';
    before(() => {
      root = mkdtempSync(join(tmpdir(), 'sgpt-allow-'));
      mkdirSync(join(root, '.git'));
      mkdirSync(join(root, '.secure-gpt'));
      mkdirSync(join(root, 'pkg/deep'), { recursive: true });
      writeFileSync(join(root, '.secure-gpt/allowlist.json'), '{ "paths": ["dist/**"] }\n');
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('finds the nearest allowlist up to the stop directory', () => {
      assert.equal(findAllowlistFile(join(root, 'pkg/deep'), root), join(root, '.secure-gpt/allowlist.json'));
      assert.equal(findAllowlistFile(join(root, 'pkg/deep'), join(root, 'pkg')), undefined);
    });

    it('reads a file with the workspace root as the parent of .secure-gpt/', () => {
      const loaded = readAllowlistFile(join(root, '.secure-gpt/allowlist.json'));
      assert.equal(loaded.root, root);
      assert.deepEqual(loaded.allowlist.paths, ['dist/**']);
    });

    it('throws a clear AllowlistError for a missing file', () => {
      assert.throws(() => readAllowlistFile(join(root, 'nope.json'), 'nope.json'), {
        name: 'Error',
        message: 'nope.json: no such file',
      });
    });
  });
});
