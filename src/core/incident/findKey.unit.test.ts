import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALNUM, randomToken } from '../detect/random';
import { findKeyInFiles, findKeyInGitHistory } from './findKey';

describe('leaked-key search', () => {
  let repo: string;
  const key = `sk-proj-${randomToken(ALNUM, 48)}`;
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: repo,
        stdio: 'pipe',
      },
    );

  beforeEach(async () => {
    repo = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-leak-'));
    git('init', '-q');
  });
  afterEach(() => fs.rm(repo, { recursive: true, force: true }));

  it('finds the key in working-tree files, git-ignored ones included, by line', async () => {
    await fs.writeFile(path.join(repo, '.gitignore'), '.env\n');
    await fs.writeFile(path.join(repo, '.env'), `A=1\nOPENAI_API_KEY=${key}\n`);
    await fs.mkdir(path.join(repo, 'src'));
    await fs.writeFile(path.join(repo, 'src', 'a.ts'), `const x = 1;\n\nconst k = "${key}";\n`);
    await fs.writeFile(path.join(repo, 'src', 'b.ts'), 'nothing here\n');
    const hits = findKeyInFiles(repo, key);
    assert.deepEqual(hits, [
      { file: '.env', line: 2 },
      { file: 'src/a.ts', line: 3 },
    ]);
  });

  it('finds the commits that added and removed the key, without putting it on a command line', async () => {
    await fs.writeFile(path.join(repo, 'config.js'), `module.exports = { key: "${key}" };\n`);
    git('add', '.');
    git('commit', '-qm', 'add config');
    await fs.writeFile(
      path.join(repo, 'config.js'),
      'module.exports = { key: process.env.OPENAI_API_KEY };\n',
    );
    git('commit', '-qam', 'move key to env');
    const result = await findKeyInGitHistory(repo, key);
    assert.equal(result.commits, 2);
    assert.equal(result.truncated, false);
    assert.deepEqual(
      result.hits.map((h) => [h.file, h.change]),
      [
        ['config.js', 'removed'],
        ['config.js', 'added'],
      ],
    );
    assert.ok(result.hits.every((h) => /^[0-9a-f]{12}$/.test(h.commit)));
  });

  it('bounds the history it reads and says so', async () => {
    for (let i = 0; i < 3; i++) {
      await fs.writeFile(path.join(repo, `f${i}.txt`), `${i}\n`);
      git('add', '.');
      git('commit', '-qm', `c${i}`);
    }
    const result = await findKeyInGitHistory(repo, key, { maxCommits: 2 });
    assert.equal(result.commits, 2);
    assert.equal(result.truncated, true);
  });

  it('is cancellable, and treats a folder with no history as having none', async () => {
    const controller = new AbortController();
    controller.abort(new Error('Cancelled by the user'));
    await fs.writeFile(path.join(repo, 'x.txt'), 'x\n');
    git('add', '.');
    git('commit', '-qm', 'x');
    await assert.rejects(
      findKeyInGitHistory(repo, key, { signal: controller.signal }),
      /Cancelled by the user/,
    );
    const plain = await fs.mkdtemp(path.join(os.tmpdir(), 'sgpt-nogit-'));
    try {
      assert.deepEqual(await findKeyInGitHistory(plain, key), { hits: [], truncated: false, commits: 0 });
    } finally {
      await fs.rm(plain, { recursive: true, force: true });
    }
  });

  // A `git log` over a long history can run for minutes: cancelling must end the process, not just stop
  // reading it. The stand-in git prints one commit, records its pid, then waits until it is killed.
  it('kills the running git process when cancelled mid-search', async () => {
    const pidFile = path.join(repo, 'git.pid');
    const fakeGit = path.join(repo, 'fake-git.js');
    await fs.writeFile(
      fakeGit,
      [
        '#!/usr/bin/env node',
        `require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));`,
        "process.stdout.write('commit ' + '0'.repeat(40) + '\\n');",
        'setInterval(() => {}, 1000);',
      ].join('\n'),
      { mode: 0o755 },
    );
    const controller = new AbortController();
    // The pid once written whole: the file exists, empty, between its creation and the write, and a pid
    // read as 0 would name this process group (always running) instead of the stand-in git.
    const seen = new Promise<number>((resolve) => {
      void (async () => {
        for (;;) {
          const pid = (await exists(pidFile)) ? Number(await fs.readFile(pidFile, 'utf8')) : 0;
          if (pid > 0) {
            resolve(pid);
            return;
          }
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
    });
    const search = findKeyInGitHistory(repo, key, { signal: controller.signal, git: fakeGit });
    let pid = 0;
    try {
      pid = await seen;
      assert.ok(isRunning(pid), 'git is running when the user cancels');
      controller.abort(new Error('Cancelled by the user'));
      // Bounded so a search that ignores the cancel fails here with a reason instead of hanging the suite.
      const outcome = await Promise.race([
        search.then(
          () => 'resolved',
          (error: unknown) => (error instanceof Error ? error.message : String(error)),
        ),
        new Promise<string>((r) =>
          setTimeout(() => r('still running 10 s after the cancel'), 10_000).unref(),
        ),
      ]);
      assert.equal(outcome, 'Cancelled by the user');
      // The search settles on the child's `close`, after Node has reaped it: the pid is gone, not a zombie.
      assert.equal(isRunning(pid), false, 'the git process ended');
    } finally {
      if (pid > 0 && isRunning(pid)) {
        process.kill(pid, 'SIGKILL');
      }
    }
  });
});

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
