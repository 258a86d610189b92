import * as assert from 'node:assert/strict';
import { prestartCount } from './scanPrestart';

describe('prestartCount: the workers `scan` starts before its options are parsed', () => {
  const dirs = new Set(['.', 'src', 'test']);
  const isDirectory = (path: string): boolean => dirs.has(path);
  const count = (args: readonly string[], idle = 2): number => prestartCount(args, idle, isDirectory);

  it('starts jobs - 1 for a directory, from --jobs in each of its spellings or else the idle cores', () => {
    assert.equal(count([]), 1);
    assert.equal(count([], 4), 3);
    assert.equal(count(['src', '--jobs', '3']), 2);
    assert.equal(count(['--jobs=4', 'src']), 3);
    assert.equal(count(['-j', '2', '.']), 1);
    assert.equal(count(['-j5', 'test'], 1), 4);
    assert.equal(count(['-j', '1', 'src'], 4), 0);
    assert.equal(count(['src'], 1), 0);
  });

  it('starts none for files only, --staged, help, or a --jobs that is no count', () => {
    assert.equal(count(['a.ts', 'b.ts', 'c.ts']), 0);
    assert.equal(count(['a.ts', 'src']), 1);
    assert.equal(count(['--staged']), 0);
    assert.equal(count(['--help']), 0);
    assert.equal(count(['-h', 'src']), 0);
    assert.equal(count(['--jobs', 'two', 'src']), 0);
    assert.equal(count(['--jobs']), 0);
  });

  it('does not take an option value for a root', () => {
    // `src` is the value of --exclude here; the only root is the file.
    assert.equal(count(['--exclude', 'src', 'a.ts']), 0);
    assert.equal(count(['--format', 'json', '--allowlist', 'src', '--max-file-size', '1m', 'a.ts']), 0);
    assert.equal(count(['-f', 'json', 'src']), 1);
  });
});
