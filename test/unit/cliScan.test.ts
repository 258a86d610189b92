import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fingerprintOf } from '../../src/core/detect/finding';
import { MAX_MATCHES } from '../../src/core/detect/matcher';
import type { CliResult } from '../support/cliRun';
import { runCliIn as run } from '../support/cliRun';
import { freshToken, leaksNone, makeTree } from './cliSupport';

interface JsonReport {
  findings: {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    ruleId: string;
    severity: string;
    message: string;
    fingerprint: string;
  }[];
}

const json = (r: CliResult): JsonReport => JSON.parse(r.stdout) as JsonReport;
const files = (r: CliResult): string[] => json(r).findings.map((f) => f.file);

describe('secure-gpt scan (in-process)', () => {
  const [inTs, inEnv, inIgnoredDir, inIgnoredFile, inBinary] = [1, 2, 3, 4, 5].map(() => freshToken());
  const secrets = [inTs!, inEnv!, inIgnoredDir!, inIgnoredFile!, inBinary!];
  const tsText = `// settings\nexport const token = "${inTs}";\n`;
  let root = '';
  const trees: string[] = [];
  const tree = (spec: Record<string, string | Buffer>): string => {
    const dir = makeTree(spec);
    trees.push(dir);
    return dir;
  };

  before(() => {
    root = tree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'ignored/\n*.bak\n',
      'clean.md': 'Nothing to see here.\n',
      'src/config.ts': tsText,
      'src/deep/app.env': `GH=${inEnv}\n`,
      'ignored/leak.txt': `${inIgnoredDir}\n`,
      'notes.bak': `${inIgnoredFile}\n`,
      'blob.bin': Buffer.concat([Buffer.from([0x7f, 0x45, 0x00, 0x01]), Buffer.from(inBinary!)]),
    });
  });
  after(() => trees.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reports findings as text lines and a summary, exit 1, git-ignored and binary files skipped', async () => {
    const r = await run(['scan'], root);
    assert.equal(r.code, 1, r.stderr);
    const col = tsText.split('\n')[1]!.indexOf(inTs!) + 1;
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 3);
    assert.match(
      lines[0]!,
      new RegExp(
        `^src/config\\.ts:2:${col}  error  github-pat  GitHub personal access token: .*  \\(ghp_…\\w{4}\\)$`,
      ),
    );
    assert.ok(lines[1]!.startsWith('src/deep/app.env:1:4  error  github-pat  '), lines[1]);
    assert.match(lines[2]!, /^2 findings in 2 files \(scanned 4 files, .*; skipped 1 binary\)\.$/);
    assert.equal(r.stderr, '');
    assert.ok(leaksNone(secrets, r.stdout, r.stderr));
  });

  it('writes the JSON report with 1-based positions, cwd-relative forward-slash paths and fingerprints', async () => {
    const r = await run(['scan', '--format', 'json'], root);
    assert.equal(r.code, 1);
    const line = tsText.split('\n')[1]!;
    assert.deepEqual(json(r).findings[0], {
      file: 'src/config.ts',
      line: 2,
      column: line.indexOf(inTs!) + 1,
      endLine: 2,
      endColumn: line.indexOf(inTs!) + inTs!.length + 1,
      ruleId: 'github-pat',
      severity: 'error',
      message: json(r).findings[0]!.message,
      fingerprint: fingerprintOf(inTs!),
    });
    assert.match(json(r).findings[0]!.message, /GitHub/);
    assert.deepEqual(files(r), ['src/config.ts', 'src/deep/app.env']);
    assert.ok(leaksNone(secrets, r.stdout, r.stderr));
  });

  it('reports paths relative to the working directory when given another root', async () => {
    const r = await run(['scan', '--format=json', 'deep', 'config.ts'], join(root, 'src'));
    assert.deepEqual(files(r), ['deep/app.env', 'config.ts']);
    const again = await run(['scan', '-f', 'json', 'src', 'src/config.ts'], root);
    assert.deepEqual(
      files(again),
      ['src/config.ts', 'src/deep/app.env'],
      'a file reached twice is reported once',
    );
  });

  it('scans git-ignored files with --no-gitignore (binary files stay skipped)', async () => {
    const r = await run(['scan', '--no-gitignore', '--format', 'json'], root);
    assert.deepEqual(files(r).sort(), ['ignored/leak.txt', 'notes.bak', 'src/config.ts', 'src/deep/app.env']);
    assert.ok(leaksNone(secrets, r.stdout, r.stderr));
  });

  it('skips --exclude globs (repeatable; slash-free globs match base names) and exits 0 when nothing is left', async () => {
    assert.deepEqual(files(await run(['scan', '--format', 'json', '--exclude', '*.env'], root)), [
      'src/config.ts',
    ]);
    const r = await run(['scan', '--exclude', 'src/deep', '--exclude=*.ts'], root);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^No secrets found \(scanned 2 files/);
  });

  it('skips files over --max-file-size with a note on stderr, and accepts k/m suffixes', async () => {
    const r = await run(['scan', '--format', 'json', '--max-file-size', '50'], root);
    assert.equal(r.code, 1);
    assert.deepEqual(files(r), ['src/deep/app.env']);
    assert.match(
      r.stderr,
      /^secure-gpt scan: src\/config\.ts: skipped, \d+ B is over --max-file-size 50 B$/m,
    );
    assert.equal((await run(['scan', '--max-file-size', '1k', '--format', 'json'], root)).code, 1);
    assert.equal((await run(['scan', '--max-file-size', '1m', '--format', 'json'], root)).code, 1);
  });

  it('exits 2 with a clear message for a missing path, a bad option or a bad value', async () => {
    const missing = await run(['scan', 'src', 'no/such/dir'], root);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '', 'nothing is scanned when a path is wrong');
    assert.match(missing.stderr, /^secure-gpt scan: no\/such\/dir: no such file or directory$/m);
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /--format: 'xml' is not one of text, json, sarif/],
      [['--max-file-size', 'lots'], /--max-file-size: 'lots' is not a size/],
      [['--max-file-size', '0'], /--max-file-size: must be greater than zero/],
      [['--format'], /--format/],
      [['--frobnicate'], /Unknown option '--frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = await run(['scan', ...args], root);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
  });

  it('prints its help with --help and exits 0', async () => {
    const r = await run(['scan', '--help'], root);
    assert.equal(r.code, 0);
    for (const option of ['--format', '--exclude', '--no-gitignore', '--max-file-size', '--allowlist']) {
      assert.ok(r.stdout.includes(option), option);
    }
  });

  it("prints each command's own help for -h or --help anywhere before --, and nothing runs", async () => {
    const cases: Array<[string[], string]> = [
      [['scan', 'somewhere', '-h'], 'Usage: secure-gpt scan'],
      [['redact', '--help'], 'Usage: secure-gpt redact'],
      [['ask', '--model', 'x', '--help', 'a question'], 'Usage: secure-gpt ask'],
      [['audit', '-h'], 'Usage: secure-gpt audit'],
      [['key', 'set', '--help'], 'Usage: secure-gpt key'],
      [['proxy', '--port', '0', '-h'], 'Usage: secure-gpt proxy'],
      [['lsp', '--help'], 'Usage: secure-gpt lsp'],
    ];
    for (const [args, usage] of cases) {
      const r = await run(args, root);
      assert.equal(r.code, 0, args.join(' '));
      assert.ok(r.stdout.startsWith(usage), `${args.join(' ')}: ${r.stdout.slice(0, 60)}`);
      assert.equal(r.stderr, '', args.join(' '));
    }
    // After `--`, -h is a value: redact reads it as a file name and says it is missing.
    const literal = await run(['redact', '--', '-h'], root);
    assert.equal(literal.code, 2);
  });

  it('draws a progress line on a terminal, overwritten with \\r and cleared at the end; none otherwise', async () => {
    const tty = await run(['scan', '--format', 'json'], root, {}, '', true);
    const clearLine = '\x1b[K';
    assert.match(
      tty.stderr.slice(0, tty.stderr.indexOf(clearLine)),
      /^\rscanning: \d+ files, [\d.]+ (B|KB|MB)$/,
    );
    assert.ok(tty.stderr.endsWith(`\r${clearLine}`), 'the line is erased before exit');
    assert.equal((await run(['scan', '--format', 'json'], root, {}, '', false)).stderr, '');
  });

  describe('allowlist', () => {
    const fixture = (allowlist: unknown, at = '.secure-gpt/allowlist.json'): string =>
      tree({
        '.git/HEAD': 'x',
        [at]: typeof allowlist === 'string' ? allowlist : JSON.stringify(allowlist),
        'a/one.ts': `const a = "${inTs}";\n`,
        'b/two.ts': `const b = "${inEnv}";\n`,
        'fixtures/three.txt': `${inIgnoredFile}\n`,
      });

    it('suppresses an allowlisted fingerprint found at the git root, and ignores allowlisted paths', async () => {
      const dir = fixture({
        fingerprints: [{ sha256: fingerprintOf(inTs!), note: 'test fixture' }],
        paths: ['fixtures/**'],
      });
      const r = await run(['scan', '--format', 'json'], dir);
      assert.deepEqual(files(r), ['b/two.ts']);
      const sub = await run(['scan', '--format', 'json', 'a'], dir);
      assert.equal(sub.code, 0, 'a subdirectory scan finds the allowlist up at the git root');
    });

    it('narrows an entry to its rule and path', async () => {
      const dir = fixture({
        fingerprints: [
          { sha256: fingerprintOf(inTs!), rule: 'aws-access-key-id' },
          { sha256: fingerprintOf(inEnv!), rule: 'github-pat', path: 'b/two.ts' },
          { sha256: fingerprintOf(inIgnoredFile!), path: 'elsewhere.txt' },
        ],
      });
      assert.deepEqual(files(await run(['scan', '-f', 'json'], dir)), ['a/one.ts', 'fixtures/three.txt']);
    });

    it('takes --allowlist FILE, and exits 2 when it is missing', async () => {
      const dir = fixture({ paths: ['a/**', 'b/**', 'fixtures'] }, 'config/allow.json');
      assert.equal((await run(['scan'], dir)).code, 1, 'a file elsewhere is not picked up by default');
      assert.equal((await run(['scan', '--allowlist', 'config/allow.json'], dir)).code, 0);
      const r = await run(['scan', '--allowlist', 'nope.json'], dir);
      assert.equal(r.code, 2);
      assert.equal(r.stderr, 'secure-gpt scan: allowlist nope.json: no such file\n');
    });

    it('exits 2 naming the problem in a malformed allowlist', async () => {
      const bad = await run(['scan'], fixture({ fingerprints: [{ sha256: 'abc' }] }));
      assert.equal(bad.code, 2);
      assert.match(
        bad.stderr,
        /allowlist \.secure-gpt\/allowlist\.json: fingerprints\[0\]\.sha256: must be the 64 hex/,
      );
      const broken = await run(['scan'], fixture('{ "fingerprints": ['));
      assert.match(broken.stderr, /allowlist \.secure-gpt\/allowlist\.json: not valid JSON/);
    });
  });

  it('never prints a secret in any format', async () => {
    const outputs: string[] = [];
    for (const format of ['text', 'json', 'sarif']) {
      const r = await run(['scan', '--no-gitignore', '--format', format], root, {}, '', true);
      outputs.push(r.stdout, r.stderr);
    }
    assert.ok(outputs.join('').includes(fingerprintOf(inTs!)), 'the fingerprint is there');
    assert.ok(leaksNone(secrets, ...outputs));
  });

  it('exits 0 on a clean tree', async () => {
    const dir = tree({ 'readme.md': '# hello\n' });
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const r = await run(['scan', '.'], dir);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^No secrets found \(scanned 2 files, 8 B in [\d.]+ s\)\.\n$/);
  });

  it('says on stderr which lines of a file it did not examine', async function () {
    this.timeout(120_000); // whole processes: a loaded machine can be slow; correctness, not speed, is checked
    // ghp_ look-alikes whose checksum fails: matches the engine examines, past its per-window cap.
    const decoys = Array.from({ length: MAX_MATCHES + 50 }, () => {
      const good = freshToken();
      return `${good.slice(0, -1)}${good.endsWith('A') ? 'B' : 'A'}`;
    });
    const dir = tree({ 'decoys.txt': `${decoys.join('\n')}\n` });
    const r = await run(['scan', 'decoys.txt'], dir);
    assert.match(
      r.stderr,
      new RegExp(`decoys\\.txt: lines? [\\d-]+ not examined \\(a window held over ${MAX_MATCHES} matches\\)`),
    );
  });
});
