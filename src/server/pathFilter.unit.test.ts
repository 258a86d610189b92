import * as assert from 'node:assert';
import { join } from 'node:path';
import { PathFilter } from './pathFilter';
import { parseDetectionSettings } from './settings';

const root = '/repo';

function filter(files: Record<string, string>, ignorePaths: readonly string[] = []): PathFilter {
  const f = new PathFilter((p) => files[p.slice(root.length + 1)]);
  f.setRoots([root]);
  f.setIgnorePaths(ignorePaths);
  return f;
}

describe('PathFilter', () => {
  it('skips git-ignored files at every level, with nested negation and .git/info/exclude', () => {
    const f = filter({
      '.gitignore': '.env\nbuild/\n*.log\n',
      '.git/info/exclude': 'scratch.ts\n',
      'pkg/.gitignore': '!keep.log\n',
    });
    const reason = (rel: string): string | undefined => f.skipReason(join(root, rel));
    assert.strictEqual(reason('.env'), 'git-ignored');
    assert.strictEqual(reason('build/out/a.js'), 'git-ignored');
    assert.strictEqual(reason('src/debug.log'), 'git-ignored');
    assert.strictEqual(reason('pkg/keep.log'), undefined);
    assert.strictEqual(reason('scratch.ts'), 'git-ignored');
    assert.strictEqual(reason('.git/config'), 'git-ignored');
    assert.strictEqual(reason('src/app.ts'), undefined);
    assert.strictEqual(f.skipReason('/elsewhere/.env'), undefined, 'files outside the folders are reported');
  });

  it('matches ignorePaths globs against the relative path, and slash-less globs against any segment', () => {
    const f = filter({}, ['test/fixtures/**', '*.min.js', 'vendor']);
    const reason = (rel: string): string | undefined => f.skipReason(join(root, rel));
    assert.strictEqual(reason('test/fixtures/keys/a.pem'), 'ignore-path');
    assert.strictEqual(reason('web/app.min.js'), 'ignore-path');
    assert.strictEqual(reason('lib/vendor/x.js'), 'ignore-path');
    assert.strictEqual(reason('test/unit/a.ts'), undefined);
  });

  it('re-reads .gitignore after invalidateGitignore (an edit in an open editor counts)', () => {
    const files: Record<string, string> = {};
    const f = filter(files);
    assert.strictEqual(f.skipReason(join(root, '.env')), undefined);
    files['.gitignore'] = '.env\n';
    f.invalidateGitignore();
    assert.strictEqual(f.skipReason(join(root, '.env')), 'git-ignored');
    assert.strictEqual(f.relativePath(join(root, 'a', 'b.ts')), 'a/b.ts');
  });
});

describe('parseDetectionSettings', () => {
  it('keeps what is well-typed and drops the rest field by field', () => {
    assert.deepStrictEqual(
      parseDetectionSettings({
        detection: {
          disabledRules: ['generic-password', 3, ''],
          severityOverrides: { 'github-pat': 'info', jwt: 'fatal', aws: 'warning' },
          ignorePaths: 'not-an-array',
        },
      }),
      {
        disabledRules: ['generic-password'],
        severityOverrides: { 'github-pat': 'info', aws: 'warning' },
        ignorePaths: [],
      },
    );
    assert.deepStrictEqual(parseDetectionSettings(undefined), {
      disabledRules: [],
      severityOverrides: {},
      ignorePaths: [],
    });
  });
});
