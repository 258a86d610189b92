import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../support/nodeBundle';
import { freshToken, makeTree } from './cliSupport';

// Node run with `--jitless` (as some hardened hosts run it) has no `WebAssembly`, which the engine's
// byte loops use when they can (src/core/detect/byteLoops.ts): the built CLI must still scan there, with
// the report it gives anywhere else.
const repo = resolve(__dirname, '../../..');
const outDir = join(repo, 'out/cliJitlessBundle');

describe('scan under node --jitless (no WebAssembly)', function () {
  this.timeout(120_000);
  let tree = '';
  let cache = '';

  before(async () => {
    mkdirSync(outDir, { recursive: true });
    await build(nodeBundleOptions('src/cli/cli.ts', join(outDir, 'cli.js')));
    // A short file and one longer than the wasm memory's first size, each with a key.
    const filler = 'export const retries = 3; // how often a request is tried\n'.repeat(8000);
    tree = makeTree({
      'a.ts': `const key = '${freshToken()}';\n`,
      'big/b.ts': `${filler}const other = '${freshToken('gho')}';\n${filler}`,
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
    cache = mkdtempSync(join(tmpdir(), 'sgpt-jitless-cache-'));
  });
  after(() => {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(tree, { recursive: true, force: true });
    rmSync(cache, { recursive: true, force: true });
  });

  const run = (flags: readonly string[], format: string): { status: number | null; stdout: string } => {
    const r = spawnSync(
      process.execPath,
      [...flags, join(outDir, 'cli.js'), 'scan', '--format', format, '.'],
      {
        cwd: tree,
        encoding: 'utf8',
        env: { ...process.env, SECURE_GPT_CODE_CACHE: cache },
      },
    );
    assert.ok(!r.stderr.includes('secure-gpt:'), r.stderr);
    // The text report ends with the scan's duration.
    return { status: r.status, stdout: r.stdout.replace(/in [\d.]+ s\b/, 'in T s') };
  };

  it('has no WebAssembly there', () => {
    const r = spawnSync(process.execPath, ['--jitless', '-e', 'process.stdout.write(typeof WebAssembly)'], {
      encoding: 'utf8',
    });
    assert.equal(r.stdout, 'undefined');
  });

  it('exits 1 with the findings, in the report a scan with WebAssembly gives', () => {
    for (const format of ['json', 'text']) {
      const jitless = run(['--jitless'], format);
      const normal = run([], format);
      assert.equal(jitless.status, 1, jitless.stdout);
      assert.equal(jitless.stdout, normal.stdout);
      assert.equal(normal.status, 1);
    }
    const findings = (JSON.parse(run(['--jitless'], 'json').stdout) as { findings: { file: string }[] })
      .findings;
    assert.deepEqual(
      findings.map((f) => f.file),
      ['a.ts', 'big/b.ts'],
    );
  });
});
