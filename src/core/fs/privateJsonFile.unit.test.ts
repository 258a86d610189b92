import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { PrivateJsonFile } from './privateJsonFile';
import { freshTempDir } from '../../../test/support/tempDir';

describe('PrivateJsonFile', () => {
  const dir = freshTempDir('json');

  it('writes whole JSON that only its owner can read, in a folder only its owner can enter', async () => {
    const file = path.join(dir(), 'nested', 'data.json');
    await new PrivateJsonFile(file).write(() => ({ a: 1 }));
    assert.deepEqual(JSON.parse(await fs.readFile(file, 'utf8')), { a: 1 });
    assert.equal((await fs.stat(file)).mode & 0o777, 0o600);
    assert.equal((await fs.stat(path.dirname(file))).mode & 0o777, 0o700);
    const read = await new PrivateJsonFile(file).read();
    assert.deepEqual(read?.value, { a: 1 });
    assert.ok((read?.written ?? 0) > 0);
  });

  it('runs writes in order and removes the file only after the last queued one', async () => {
    const file = path.join(dir(), 'data.json');
    const store = new PrivateJsonFile(file);
    const writes = [1, 2, 3].map((n) => store.write(() => ({ n })));
    await store.remove();
    await Promise.all(writes);
    await assert.rejects(fs.stat(file), /ENOENT/);
  });

  it('reads nothing from a missing or broken file, and does nothing without a path', async () => {
    const file = path.join(dir(), 'data.json');
    assert.equal(await new PrivateJsonFile(file).read(), undefined);
    await fs.writeFile(file, '{ not json');
    assert.equal(await new PrivateJsonFile(file).read(), undefined);
    const none = new PrivateJsonFile(undefined);
    await none.write(() => ({ a: 1 }));
    await none.remove();
    assert.equal(await none.read(), undefined);
  });
});
