import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A fresh folder under the system temp for each test of the enclosing `describe`, removed after it.
 * Call at `describe` level; the returned function gives the current test's folder.
 */
export function freshTempDir(prefix: string): () => string {
  let dir = '';
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), `sgpt-${prefix}-`));
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));
  return () => dir;
}
