import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import type { WalkEntry, WalkOptions } from './walk';
import { readEntry } from './readEntry';
import { findGitRoot, globFilter, relativeFrom, relativeNamer, toPosix, walk } from './walk';

/** Builds a tree from `{ 'a/b.txt': 'text' }`; a string value is UTF-8 text, a Buffer is written as is. */
function tree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'sgpt-walk-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** The walk as `kind path` lines relative to `root`, in walk order. */
function summary(root: string, entries: Iterable<WalkEntry>): string[] {
  return [...entries].map((e) => {
    const rel = toPosix(relative(root, e.path));
    return e.kind === 'file' ? rel : e.kind === 'skipped' ? `${e.reason} ${rel}` : `error:${e.code} ${rel}`;
  });
}

function files(root: string, options?: WalkOptions): string[] {
  return summary(root, walk([root], options));
}

describe('walk', () => {
  const roots: string[] = [];
  const make = (spec: Record<string, string | Buffer>): string => {
    const root = tree(spec);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

  it('yields every file in sorted order, files of a directory before its subdirectories, and skips .git', () => {
    const root = make({ 'b.txt': 'b', 'a.txt': 'a', 'z/c.txt': 'c', 'm/d.txt': 'd', '.git/config': 'x' });
    assert.deepEqual(files(root), ['a.txt', 'b.txt', 'm/d.txt', 'z/c.txt']);
  });

  it('yields the text and its byte size, without a byte-order mark', () => {
    const root = make({ 'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('héllo')]) });
    const [entry] = [...walk([root])];
    assert.equal(entry?.kind, 'file');
    assert.equal(entry.kind === 'file' && entry.text, 'héllo');
    assert.equal(entry.kind === 'file' && entry.size, 9);
  });

  it('honors .gitignore at every level, with git precedence (the deepest rule wins)', () => {
    const root = make({
      '.git/HEAD': 'ref',
      '.gitignore': '*.log\nbuild/\n',
      'app.log': 'x',
      'keep.txt': 'x',
      'build/out.js': 'x',
      'sub/.gitignore': '!keep.log\nlocal.txt\n',
      'sub/keep.log': 'x',
      'sub/other.log': 'x',
      'sub/local.txt': 'x',
      'sub/code.ts': 'x',
    });
    assert.deepEqual(files(root), [
      '.gitignore',
      'keep.txt',
      'sub/.gitignore',
      'sub/code.ts',
      'sub/keep.log',
    ]);
  });

  it('applies the ignore files above a scanned subdirectory, up to the git root, and .git/info/exclude', () => {
    const root = make({
      '.git/info/exclude': 'secret-notes.md\n',
      '.gitignore': '*.log\n',
      'pkg/a.log': 'x',
      'pkg/a.ts': 'x',
      'pkg/secret-notes.md': 'x',
    });
    assert.deepEqual(files(join(root, 'pkg')), ['a.ts']);
    assert.equal(findGitRoot(join(root, 'pkg')), root);
  });

  it('scans ignored files when gitignore is off', () => {
    const root = make({ '.gitignore': 'a.log\n', 'a.log': 'x' });
    assert.deepEqual(files(root, { gitignore: false }), ['.gitignore', 'a.log']);
  });

  it('scans a file named as a root even when an ignore file covers it', () => {
    const root = make({ '.git/HEAD': 'x', '.gitignore': '*.log\n', 'a.log': 'x' });
    assert.deepEqual(summary(root, walk([join(root, 'a.log')])), ['a.log']);
  });

  it('skips binary files by a NUL byte in the first 8 KB only', () => {
    const late = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    const root = make({ 'img.png': Buffer.from([0x89, 0x50, 0x00, 0x01]), 'late.txt': late, 'ok.txt': 'x' });
    assert.deepEqual(files(root), ['binary img.png', 'late.txt', 'ok.txt']);
  });

  it('skips files over maxFileSize without reading them', () => {
    const root = make({ 'big.txt': 'x'.repeat(2048), 'small.txt': 'x'.repeat(1024) });
    assert.deepEqual(files(root, { maxFileSize: 1024 }), ['too-large big.txt', 'small.txt']);
  });

  it('prunes excluded directories and drops excluded files (globFilter)', () => {
    const root = make({
      'src/a.ts': 'x',
      'src/a.min.js': 'x',
      'vendor/lib.js': 'x',
      'test/fixtures/f.txt': 'x',
      'test/t.ts': 'x',
    });
    const exclude = globFilter(['*.min.js', 'vendor', 'test/fixtures/**'], root);
    assert.deepEqual(files(root, { exclude }), ['src/a.ts', 'test/t.ts']);
  });

  it('reports a missing root and a file that vanished mid-walk as error entries, and goes on', () => {
    const root = make({ 'a.txt': 'a', 'b.txt': 'b', 'c.txt': 'c' });
    const walker = walk([join(root, 'missing'), root]);
    const seen: WalkEntry[] = [];
    for (let next = walker.next(); !next.done; next = walker.next()) {
      seen.push(next.value);
      if (next.value.kind === 'file' && next.value.path.endsWith('a.txt')) {
        unlinkSync(join(root, 'b.txt')); // Listed already, gone before it is read.
      }
    }
    assert.deepEqual(summary(root, seen), ['error:ENOENT missing', 'a.txt', 'error:ENOENT b.txt', 'c.txt']);
    const error = seen[0];
    assert.equal(error?.kind === 'error' && error.message, 'no such file or directory');
  });

  it('readEntry gives each file its own text though reads share a buffer: UTF-16 with a BOM, binary, over 1 MB', () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('key=l\u00e9', 'utf16le')]);
    const utf16be = Buffer.from(
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('be=text', 'utf16le')]),
    );
    utf16be.subarray(2).swap16();
    const large = 'x'.repeat(1024 * 1024 + 10);
    const root = make({
      '1-long.txt': 'a long line of text '.repeat(50),
      '2-short.txt': 'short',
      '3-le.txt': utf16le,
      '4-be.txt': utf16be,
      '5-binary.bin': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]),
      '6-large.txt': large,
      '7-after.txt': 'after',
    });
    const read = (name: string): WalkEntry => readEntry(join(root, name), 2 * 1024 * 1024);
    const long = read('1-long.txt');
    const short = read('2-short.txt');
    assert.deepEqual(short, { kind: 'file', path: join(root, '2-short.txt'), size: 5, text: 'short' });
    assert.equal(long.kind === 'file' && long.text, 'a long line of text '.repeat(50));
    const le = read('3-le.txt');
    assert.equal(le.kind === 'file' && le.text, 'key=l\u00e9');
    assert.equal(le.kind === 'file' && le.size, utf16le.length);
    const be = read('4-be.txt');
    assert.equal(be.kind === 'file' && be.text, 'be=text');
    assert.deepEqual(read('5-binary.bin'), {
      kind: 'skipped',
      path: join(root, '5-binary.bin'),
      size: 7,
      reason: 'binary',
    });
    const big = read('6-large.txt');
    assert.equal(big.kind === 'file' && big.text, large);
    const after = read('7-after.txt');
    assert.equal(after.kind === 'file' && after.text, 'after');
    // Texts read earlier are untouched by the reads after them.
    assert.equal(le.kind === 'file' && le.text, 'key=l\u00e9');
    assert.equal(long.kind === 'file' && long.text, 'a long line of text '.repeat(50));
  });

  it('finds a .gitignore in the directory listing: a linked one applies, a directory of that name does not', () => {
    const root = make({
      '.git/HEAD': 'ref',
      'rules.txt': '*.log\n',
      'a/app.log': 'x',
      'a/app.txt': 'x',
      'b/.gitignore/inside.txt': 'x',
      'b/app.log': 'x',
    });
    symlinkSync(join(root, 'rules.txt'), join(root, 'a', '.gitignore'));
    assert.deepEqual(files(root), ['rules.txt', 'a/app.txt', 'b/app.log', 'b/.gitignore/inside.txt']);
  });

  it('readEntry reads an empty file as empty text', () => {
    const root = make({ 'empty.txt': '' });
    const entry = readEntry(join(root, 'empty.txt'), 10);
    assert.equal(entry.kind === 'file' && entry.text, '');
  });
});

describe('globFilter', () => {
  it('matches relative to its base, basenames for slash-free globs, and never outside the base', () => {
    const base = join(tmpdir(), 'base');
    const match = globFilter(['*.pem', 'docs/**', '.env'], base);
    assert.ok(match(join(base, 'deep/dir/key.pem')));
    assert.ok(match(join(base, 'docs')));
    assert.ok(match(join(base, 'docs/a/b.md')));
    assert.ok(match(join(base, 'x/.env')));
    assert.ok(!match(join(base, 'src/docs.ts')));
    assert.ok(!match(join(tmpdir(), 'elsewhere/key.pem')));
    assert.ok(!globFilter([], base)(join(base, 'a')));
  });
});

describe('relativeFrom', () => {
  it('is path.relative, for paths below the base, beside it, above it and not normalized', () => {
    const base = join(tmpdir(), 'base');
    const cases = [
      join(base, 'a.txt'),
      join(base, 'sub', 'b.txt'),
      base,
      join(tmpdir(), 'based', 'c.txt'),
      join(tmpdir(), 'other', 'd.txt'),
      tmpdir(),
      `${base}${sep}..${sep}e.txt`,
      `${base}${sep}.${sep}f.txt`,
      `${base}${sep}${sep}g.txt`,
      `${base}${sep}h${sep}`,
      `${base}${sep}i${sep}.`,
      `${base}${sep}j${sep}..`,
      'relative.txt',
    ];
    for (const path of cases) {
      assert.equal(relativeFrom(base, path), relative(base, path), path);
      assert.equal(relativeFrom(`${base}${sep}`, path), relative(`${base}${sep}`, path), path);
    }
  });
});

describe('relativeNamer', () => {
  it('is path.relative from the base, for paths below the root, whether the base is beside, above or inside it', () => {
    const top = join(tmpdir(), 'top');
    const root = join(top, 'tree');
    const paths = [
      join(root, 'a.txt'),
      join(root, 'sub', 'b.txt'),
      join(root, 'sub', 'deep', 'c.txt'),
      root,
      join(top, 'treetop', 'd.txt'),
      `${root}${sep}..${sep}e.txt`,
      `${root}${sep}${sep}f.txt`,
      `${root}${sep}sub${sep}`,
    ];
    const bases = [
      join(tmpdir(), 'elsewhere', 'repo'),
      top,
      root,
      join(root, 'sub'),
      join(root, 'sub', 'deep'),
      join(top, 'tree2'),
      tmpdir(),
      `${join(tmpdir(), 'elsewhere')}${sep}`,
    ];
    for (const base of bases) {
      for (const r of [root, `${root}${sep}`]) {
        const name = relativeNamer(base, r);
        for (const path of paths) {
          assert.equal(name(path), relative(base, path), `${base} ${r} ${path}`);
        }
      }
    }
  });
});
