import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { DEFAULT_ENV_LIMITS, envSearchRoot, findEnvFiles, isEnvFileName, isEnvTemplate } from './envFiles';

/** A temp tree of `files` (path -> text); returns its root. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'sgpt-env-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const rel = (root: string, files: readonly string[]): string[] => files.map((f) => relative(root, f));

describe('env file names', () => {
  it('takes .env, its local and per-environment variants, .envrc, .flaskenv and *.env', () => {
    for (const name of [
      '.env',
      '.env.local',
      '.env.production',
      '.env.development.local',
      '.env-staging',
      '.envrc',
      '.flaskenv',
      'secrets.env',
      'prod.env',
      'API.ENV',
    ]) {
      assert.equal(isEnvFileName(name), true, name);
    }
    for (const name of [
      '.environment',
      'env',
      'env.ts',
      'dotenv.js',
      '.envoy',
      'README.md',
      'environment.yml',
    ]) {
      assert.equal(isEnvFileName(name), false, name);
    }
  });

  // One case per template rule: each word marks a file meant to be committed with placeholders.
  const templates: Array<[string, string]> = [
    ['example', '.env.example'],
    ['sample', '.env.sample'],
    ['template', '.env.template'],
    ['dist', '.env.dist'],
    ['defaults', '.env.defaults'],
    ['default', '.env.default'],
    ['tmpl', '.env.tmpl'],
    ['a template before the environment', '.env.example.local'],
    ['a template after the environment', '.env.local.sample'],
    ['a template named *.env', 'example.env'],
    ['case', '.ENV.EXAMPLE'],
  ];
  for (const [rule, name] of templates) {
    it(`excludes templates: ${rule} (${name})`, () => {
      assert.equal(isEnvTemplate(name), true);
    });
  }

  it('does not take a real environment for a template', () => {
    for (const name of ['.env', '.env.local', '.env.production', '.env.test', 'secrets.env', '.flaskenv']) {
      assert.equal(isEnvTemplate(name), false, name);
    }
  });
});

describe('finding env files', () => {
  it('walks from the root down: nested files, no templates, no dependency trees or virtualenvs', async () => {
    const root = tree({
      '.env': 'A=1',
      '.env.local': 'A=1',
      '.env.example': 'A=1',
      '.flaskenv': 'A=1',
      'secrets.env': 'A=1',
      'services/api/.env': 'A=1',
      'services/api/.env.production': 'A=1',
      'services/api/.env.sample': 'A=1',
      'node_modules/pkg/.env': 'A=1',
      '.git/.env': 'A=1',
      'vendor/lib/.env': 'A=1',
      'py/.env/lib/python3/site.env': 'A=1', // a virtualenv named .env
      'src/app.ts': 'x',
    });
    const found = await findEnvFiles([root]);
    const api = join('services', 'api');
    const nested = [join(api, '.env'), join(api, '.env.production')];
    assert.deepEqual(rel(root, found.files).sort(), [
      '.env',
      '.env.local',
      '.flaskenv',
      'secrets.env',
      ...nested,
    ]);
    assert.deepEqual(found.notes, []);
  });

  it('follows a link to a file, and notes what it cannot read without quoting it', async () => {
    const root = tree({ 'shared/prod.values': 'SECRET_TOKEN=abc', 'app/x': '' });
    symlinkSync(join(root, 'shared', 'prod.values'), join(root, 'app', '.env'));
    symlinkSync(join(root, 'missing'), join(root, '.env.local'));
    const found = await findEnvFiles([root]);
    assert.deepEqual(rel(root, found.files), [join('app', '.env')]);
    assert.deepEqual(found.notes, ['cannot read .env.local (ENOENT)']);
  });

  it('is bounded in depth, directories, files and size, and says where it stopped', async () => {
    const root = tree({
      '.env': 'A=1',
      'a/b/c/.env': 'A=1',
      'big/.env': 'X='.padEnd(2000, 'x'),
      'm/1/.env': 'A=1',
      'm/2/.env': 'A=1',
    });
    const shallow = await findEnvFiles([root], { ...DEFAULT_ENV_LIMITS, maxDepth: 2, maxFileSize: 1000 });
    assert.ok(!rel(root, shallow.files).includes(join('a', 'b', 'c', '.env')));
    assert.ok(!rel(root, shallow.files).includes(join('big', '.env')));
    assert.ok(shallow.notes.includes('skipped big/.env: larger than 1000 bytes'));
    assert.ok(shallow.notes.some((n) => n.startsWith('did not look below depth 2')));
    const few = await findEnvFiles([root], { ...DEFAULT_ENV_LIMITS, maxFiles: 2 });
    assert.equal(few.files.length, 2);
    assert.match(few.notes.join('\n'), /stopped after 2 \.env files/);
    const dirs = await findEnvFiles([root], { ...DEFAULT_ENV_LIMITS, maxDirs: 3 });
    assert.match(dirs.notes.join('\n'), /stopped after 3 directories/);
    // Breadth first: the root's own file is found before any bound is reached.
    assert.equal(rel(root, dirs.files)[0], '.env');
  });

  it('starts at the git root above the working directory, or at the directory outside a repository', () => {
    const root = tree({ '.git/HEAD': 'ref: refs/heads/main', 'services/api/src/x.ts': '' });
    assert.equal(envSearchRoot(join(root, 'services', 'api', 'src')), root);
    const plain = tree({ 'a/x': '' }); // the system's temp directory sits in no repository
    assert.equal(envSearchRoot(join(plain, 'a')), join(plain, 'a'));
  });
});
