import * as assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { formatBytes, parseChoice, parseOptions, parseSize } from './args';
import { UsageError } from './command';
import { createProgress } from './progress';

describe('cli option helpers', () => {
  it('parses sizes in bytes and with k/m/g suffixes, case-insensitively', () => {
    assert.equal(parseSize('1048576', '--max'), 1048576);
    assert.equal(parseSize('512k', '--max'), 512 * 1024);
    assert.equal(parseSize('1m', '--max'), 1024 * 1024);
    assert.equal(parseSize('1.5MB', '--max'), 1.5 * 1024 * 1024);
    assert.equal(parseSize('2G', '--max'), 2 * 1024 ** 3);
    for (const bad of ['', 'lots', '-1', '1x', '0', '1 m b']) {
      assert.throws(() => parseSize(bad, '--max'), UsageError, bad);
    }
  });

  it('checks choices and formats byte counts', () => {
    assert.equal(parseChoice('json', ['text', 'json'] as const, '--format'), 'json');
    assert.throws(() => parseChoice('xml', ['text', 'json'], '--format'), /'xml' is not one of text, json/);
    assert.deepEqual(
      [formatBytes(512), formatBytes(3584), formatBytes(5 * 1024 ** 2)],
      ['512 B', '3.5 KB', '5.0 MB'],
    );
  });

  it('turns parseArgs errors into usage errors without the -- hint', () => {
    assert.throws(
      () => parseOptions(['--nope'], { format: { type: 'string' } }),
      (error: unknown) => error instanceof UsageError && error.message === "Unknown option '--nope'.",
    );
  });
});

describe('progress line', () => {
  const sink = (): Writable & { text: string } => {
    const out = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          out.text += chunk.toString();
          done();
        },
      }),
      { text: '' },
    );
    return out;
  };

  it('redraws at most once per interval and erases itself at the end', () => {
    const out = sink();
    let now = 0;
    const progress = createProgress(out, true, 100, () => now);
    progress.update(1, 10);
    now = 50;
    progress.update(2, 20); // Throttled.
    now = 150;
    progress.update(3, 2048);
    progress.done();
    progress.done(); // Nothing left to erase.
    assert.equal(out.text, '\rscanning: 1 files, 10 B\x1b[K\rscanning: 3 files, 2.0 KB\x1b[K\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const out = sink();
    const progress = createProgress(out, false);
    progress.update(1, 1);
    progress.done();
    assert.equal(out.text, '');
  });
});
