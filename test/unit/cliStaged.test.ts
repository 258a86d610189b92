import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCliIn as run } from '../support/cliRun';
import { freshToken, leaksNone, makeTree } from './cliSupport';

/** A real git repository (temp dir) with a committer identity, for `scan --staged`. */
function repo(files: Record<string, string | Buffer>): string {
  const dir = makeTree(files);
  const git = (...args: string[]): void => void execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'Test');
  return dir;
}

const git = (dir: string, ...args: string[]): string =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8' });

interface Report {
  findings: { file: string; ruleId: string }[];
}

describe('secure-gpt scan --staged (a real git repository)', () => {
  const dirs: string[] = [];
  const fresh = (files: Record<string, string | Buffer>): string => {
    const dir = repo(files);
    dirs.push(dir);
    return dir;
  };
  after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('scans the staged blob: a secret staged and then edited away in the work tree is still found', async () => {
    const token = freshToken();
    const dir = fresh({ 'config.js': `module.exports = { token: "${token}" };\n`, 'README.md': 'hello\n' });
    git(dir, 'add', 'config.js', 'README.md');
    writeFileSync(join(dir, 'config.js'), 'module.exports = { token: process.env.GITHUB_TOKEN };\n');
    const r = await run(['scan', '--staged', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(
      report.findings.map((f) => [f.file, f.ruleId]),
      [['config.js', 'github-pat']],
    );
    assert.ok(leaksNone([token], r.stdout, r.stderr));
    // The work tree holds no secret, so a plain scan passes: only --staged sees what the commit records.
    assert.equal((await run(['scan'], dir)).code, 0);
  });

  it('ignores a secret that is only in the work tree and not staged', async () => {
    const dir = fresh({ 'app.py': 'print("hi")\n' });
    git(dir, 'add', 'app.py');
    writeFileSync(join(dir, 'app.py'), `TOKEN = "${freshToken()}"\n`);
    writeFileSync(join(dir, 'untracked.txt'), `${freshToken()}\n`);
    const r = await run(['scan', '--staged'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
  });

  it('reads a staged UTF-16 file (PowerShell writes them) instead of skipping it as binary', async () => {
    const token = freshToken();
    const script = `$Headers = @{ Authorization = "token ${token}" }\r\n`;
    const dir = fresh({
      'setup.ps1': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(script, 'utf16le')]),
      'nobom.ps1': Buffer.from(`$t = "${freshToken()}"\r\n`, 'utf16le'),
    });
    git(dir, 'add', '.');
    const r = await run(['scan', '--staged', '--format', 'json'], dir);
    assert.equal(r.code, 1, r.stderr);
    const files = (JSON.parse(r.stdout) as Report).findings.map((f) => f.file).sort();
    assert.deepEqual(files, ['nobom.ps1', 'setup.ps1']);
  });

  it('covers the whole index from a subdirectory, paths relative to it, --exclude relative to the repository root', async () => {
    const dir = fresh({ 'src/a.ts': `const a = "${freshToken()}";\n`, 'docs/b.md': `${freshToken()}\n` });
    git(dir, 'add', '.');
    const all = await run(['scan', '--staged', '--format', 'json'], join(dir, 'src'));
    assert.deepEqual((JSON.parse(all.stdout) as Report).findings.map((f) => f.file).sort(), [
      '../docs/b.md',
      'a.ts',
    ]);
    const r = await run(['scan', '--staged', '--format', 'json', '--exclude', 'docs/**'], join(dir, 'src'));
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      (JSON.parse(r.stdout) as Report).findings.map((f) => f.file),
      ['a.ts'],
    );
  });

  it('deleted files and an empty index pass; outside a repository it fails with exit 2 and says why', async () => {
    const dir = fresh({ 'gone.txt': `${freshToken()}\n` });
    assert.equal((await run(['scan', '--staged'], dir)).code, 0, 'nothing staged');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'add');
    git(dir, 'rm', '-q', 'gone.txt');
    assert.equal((await run(['scan', '--staged'], dir)).code, 0, 'a staged deletion records no secret');
    const outside = makeTree({ 'a.txt': 'x\n' });
    dirs.push(outside);
    const r = await run(['scan', '--staged'], outside);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--staged: .*not a git repository/i);
    const usage = await run(['scan', '--staged', 'src'], dir);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /takes no paths/);
  });
});

describe('UTF-16 files are text to scan and redact (not binary)', () => {
  const utf16 = (text: string): Buffer =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

  it('scan of a work tree reports the secret in a UTF-16 setup.ps1 instead of "No secrets found"', async () => {
    const dir = makeTree({ 'setup.ps1': utf16(`$env:GH_TOKEN = "${freshToken()}"\r\n`) });
    try {
      const r = await run(['scan', '--format', 'json'], dir);
      assert.equal(r.code, 1, r.stdout + r.stderr);
      assert.deepEqual(
        (JSON.parse(r.stdout) as Report).findings.map((f) => f.file),
        ['setup.ps1'],
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('redact decodes a UTF-16 file (with or without a mark) and prints text with no NULs and no secret', async () => {
    const token = freshToken();
    const dir = makeTree({
      'a.ps1': utf16(`$t = "${token}"\r\n`),
      'b.ps1': Buffer.from(`$t = "${token}"\r\n`, 'utf16le'),
    });
    try {
      for (const file of ['a.ps1', 'b.ps1']) {
        const r = await run(['redact', file], dir);
        assert.equal(r.code, 0, r.stderr);
        assert.equal(r.stdout, '$t = "‹secret:github-pat#1›"\r\n');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
