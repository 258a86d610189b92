import { existsSync, watch } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The nearest directory at or above `file`'s directory that exists, to watch for its creation or change. */
function watchedDir(file: string): string {
  let dir = dirname(file);
  while (!existsSync(dir) && dirname(dir) !== dir) {
    dir = dirname(dir);
  }
  return dir;
}

const RECHECK_MS = 250;

/**
 * Resolves with `file`'s text once `test` accepts it. It waits on file-system events (the file or a missing
 * parent appearing, a write, a rename), and reads again every 250 ms besides: a directory created and filled
 * between one watch and the next can miss its events (seen under load: the history file held the turn while
 * the wait went on to the test's timeout). The caller's test timeout bounds the wait.
 */
export async function waitForFileText(file: string, test: (text: string) => boolean): Promise<string> {
  for (;;) {
    // Watch first, then read: a change between the read and the watch would otherwise be missed.
    const dir = watchedDir(file);
    let closeWatcher = (): void => undefined;
    const changed = new Promise<void>((resolve) => {
      try {
        const watcher = watch(dir, () => {
          watcher.close();
          resolve();
        });
        closeWatcher = () => watcher.close();
      } catch {
        resolve(); // the directory went between the check and the watch: look again
      }
    });
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text !== undefined && test(text)) {
      closeWatcher();
      return text;
    }
    await Promise.race([changed, new Promise((resolve) => setTimeout(resolve, RECHECK_MS))]);
    closeWatcher();
  }
}

/** Every regular file under `root` whose name satisfies `test` (symlinks are not followed). */
export async function findFiles(root: string, test: (name: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = join(root, entry.name);
    if (entry.isDirectory()) {
      found.push(...(await findFiles(path, test)));
    } else if (entry.isFile() && test(entry.name)) {
      found.push(path);
    }
  }
  return found;
}

/**
 * True when `text` holds any run of `length` characters of `secret`: "no part of the key" in an error or a
 * log, beyond the exact value. `skip` leaves out a public prefix (`sk-proj-`) that every key shares.
 */
export function holdsPartOf(text: string, secret: string, length = 8, skip = 0): boolean {
  for (let i = skip; i + length <= secret.length; i++) {
    if (text.includes(secret.slice(i, i + length))) {
      return true;
    }
  }
  return false;
}
