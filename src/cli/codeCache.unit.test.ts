import * as assert from 'node:assert/strict';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeCacheDir, flushCodeCaches, loadBundle } from './codeCache';

describe('loadBundle: a CommonJS bundle run through a V8 code cache', () => {
  let root: string;
  let cacheDir: string;
  let saved: string | undefined;
  /** A bundle of the shape esbuild writes: a shebang, a require of a sibling, its exports. */
  const writeBundle = (name: string, body = 'exports.answer = 2 * 21;'): string => {
    const file = join(root, `${name}.js`);
    writeFileSync(
      file,
      `#!/usr/bin/env node\nconst { word } = require('./sibling');\nexports.word = word;\nexports.where = [__filename, __dirname];\nexports.fn = function twice(n) { return n * 2; };\n${body}\n`,
    );
    return file;
  };
  const caches = (): string[] => readdirSync(cacheDir).sort();

  beforeEach(() => {
    flushCodeCaches(); // Nothing left over from another test's loads.
    root = mkdtempSync(join(tmpdir(), 'sgpt-codecache-'));
    cacheDir = join(root, 'cache');
    writeFileSync(join(root, 'sibling.js'), "exports.word = 'hello';\n");
    saved = process.env.SECURE_GPT_CODE_CACHE;
    process.env.SECURE_GPT_CODE_CACHE = cacheDir;
  });

  afterEach(() => {
    flushCodeCaches();
    if (saved === undefined) {
      delete process.env.SECURE_GPT_CODE_CACHE;
    } else {
      process.env.SECURE_GPT_CODE_CACHE = saved;
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('runs the bundle as require would: its exports, its requires, __filename and __dirname', () => {
    const file = writeBundle('bundle');
    const loaded = loadBundle(file) as Record<string, unknown>;
    assert.equal(loaded.answer, 42);
    assert.equal(loaded.word, 'hello');
    assert.deepEqual(loaded.where, [file, root]);
  });

  it('writes a missed cache on flush, in a directory only the user may enter, and then uses it', () => {
    const file = writeBundle('bundle');
    loadBundle(file);
    assert.deepEqual(caches(), [], 'nothing is written before the flush');
    flushCodeCaches();
    const [written] = caches();
    assert.match(written ?? '', /^bundle-[0-9a-f]{32}\.bin$/);
    assert.equal(statSync(cacheDir).mode & 0o077, 0);
    // A hit leaves nothing to write: with the file gone, a flush does not bring it back.
    const loaded = loadBundle(file) as { answer: number; fn: (n: number) => number };
    assert.equal(loaded.answer, 42);
    assert.equal(loaded.fn(4), 8);
    rmSync(join(cacheDir, written!));
    flushCodeCaches();
    assert.deepEqual(caches(), []);
  });

  it('loads as before from a corrupt cache, and replaces it', () => {
    const file = writeBundle('bundle');
    loadBundle(file);
    flushCodeCaches();
    const [name] = caches();
    const path = join(cacheDir, name!);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(path, bytes);
    assert.equal((loadBundle(file) as { answer: number }).answer, 42);
    flushCodeCaches();
    assert.notDeepEqual(readFileSync(path), bytes, 'the corrupt cache was rewritten');
    // Cut short, it is no cache either.
    writeFileSync(path, readFileSync(path).subarray(0, 20));
    assert.equal((loadBundle(file) as { answer: number }).answer, 42);
  });

  it('keys the cache by the bundle text: an edited bundle never runs an old cache', () => {
    const file = writeBundle('bundle');
    loadBundle(file);
    flushCodeCaches();
    // The same length, other code: V8's own check (the length) would take the old cache.
    writeBundle('bundle', 'exports.answer = 3 * 21;');
    assert.equal((loadBundle(file) as { answer: number }).answer, 63);
    flushCodeCaches();
    assert.equal(caches().length, 2);
  });

  it("keeps a bundle's four newest caches", () => {
    for (let i = 0; i < 6; i++) {
      loadBundle(writeBundle('bundle', `exports.answer = ${i};`));
      flushCodeCaches();
    }
    loadBundle(writeBundle('other'));
    flushCodeCaches();
    const names = caches();
    assert.equal(names.filter((n) => n.startsWith('bundle-')).length, 4);
    assert.equal(names.filter((n) => n.startsWith('other-')).length, 1);
  });

  it('prunes the caches least recently used: one read is kept over those written after it', () => {
    const load = (i: number): void => {
      loadBundle(writeBundle('bundle', `exports.answer = ${i};`));
      flushCodeCaches();
    };
    load(0);
    const first = caches()[0]!;
    for (let i = 1; i < 4; i++) {
      load(i);
    }
    assert.equal(caches().length, 4);
    load(0); // A hit: nothing written, the cache dated as used now.
    assert.equal(caches().length, 4);
    load(4); // A fifth cache: the least recently used goes, which is no longer the first written.
    assert.equal(caches().length, 4);
    assert.ok(caches().includes(first), 'the cache read last is kept');
  });

  it('uses no directory others may write to (POSIX), and none when turned off', () => {
    mkdirSync(cacheDir);
    chmodSync(cacheDir, 0o777);
    const file = writeBundle('bundle');
    assert.equal((loadBundle(file) as { answer: number }).answer, 42);
    flushCodeCaches();
    assert.deepEqual(caches(), []);

    // Nor a cache file others may write to, in a private directory.
    chmodSync(cacheDir, 0o700);
    loadBundle(file);
    flushCodeCaches();
    const [name] = caches();
    chmodSync(join(cacheDir, name!), 0o666);
    loadBundle(file);
    rmSync(join(cacheDir, name!));
    flushCodeCaches();
    assert.deepEqual(caches(), [name], 'the cache was not used, so it was written again');

    assert.equal(codeCacheDir({ SECURE_GPT_CODE_CACHE: 'off' }), undefined);
    assert.equal(codeCacheDir({ SECURE_GPT_CODE_CACHE: '/x/y' }), '/x/y');
    assert.equal(
      codeCacheDir({ XDG_CACHE_HOME: '/home/u/.cache' }),
      join('/home/u/.cache', 'secure-gpt', 'v8'),
    );
  });
});
