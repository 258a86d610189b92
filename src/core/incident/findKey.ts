import { spawn } from 'node:child_process';
import { relative } from 'node:path';
import { createInterface } from 'node:readline';
import { toPosix, walk } from '../fs/walk';

/** Where a leaked key was seen in the working tree. Holds no part of the key. */
export interface FileHit {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

/** Where a leaked key was seen in git history: the commit, the file, and whether it was added or removed there. */
export interface HistoryHit {
  readonly commit: string;
  readonly file: string;
  readonly change: 'added' | 'removed';
}

/** Bounds and cancellation of a search. */
export interface SearchOptions {
  readonly signal?: AbortSignal;
  /** Told every so often how far the search is (files or commits seen). */
  readonly onProgress?: (seen: number) => void;
}

/** Finds every line of the working tree under `root` that holds `key` (git-ignored files included: a leak is a leak). */
export function findKeyInFiles(
  root: string,
  key: string,
  options: SearchOptions & { maxFileSize?: number } = {},
): FileHit[] {
  const hits: FileHit[] = [];
  let seen = 0;
  for (const entry of walk([root], {
    gitignore: false,
    maxFileSize: options.maxFileSize ?? 5 * 1024 * 1024,
  })) {
    options.signal?.throwIfAborted();
    if (++seen % 200 === 0) {
      options.onProgress?.(seen);
    }
    if (entry.kind !== 'file' || !entry.text.includes(key)) {
      continue;
    }
    const lines = entry.text.split('\n');
    lines.forEach((text, i) => {
      if (text.includes(key)) {
        hits.push({ file: toPosix(relative(root, entry.path)), line: i + 1 });
      }
    });
  }
  return hits;
}

/**
 * Reads `git log -p --all` (at most `maxCommits` commits and `maxBytes` of patch text) and reports the
 * commits whose patches add or remove a line holding `key`. The key is matched in-process: it never goes
 * on a command line, where other users of the machine could read it. Cancellable: the git process is
 * killed on abort.
 */
export async function findKeyInGitHistory(
  root: string,
  key: string,
  options: SearchOptions & { maxCommits?: number; maxBytes?: number; git?: string } = {},
): Promise<{ hits: HistoryHit[]; truncated: boolean; commits: number }> {
  const maxCommits = options.maxCommits ?? 5000;
  const maxBytes = options.maxBytes ?? 256 * 1024 * 1024;
  const child = spawn(
    options.git ?? 'git',
    [
      'log',
      '-p',
      '--all',
      '--no-color',
      '--no-ext-diff',
      '--no-textconv',
      '--format=commit %H',
      `-n`,
      String(maxCommits),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const hits: HistoryHit[] = [];
  const seenHits = new Set<string>();
  let commit = '';
  let file = '';
  let commits = 0;
  let bytes = 0;
  let truncated = false;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  const onAbort = (): void => {
    child.kill();
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  try {
    for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
      bytes += line.length + 1;
      if (bytes > maxBytes) {
        truncated = true;
        child.kill();
        break;
      }
      if (line.startsWith('commit ')) {
        commit = line.slice(7, 19);
        if (++commits % 100 === 0) {
          options.onProgress?.(commits);
        }
      } else if (line.startsWith('+++ b/') || line.startsWith('--- a/')) {
        file = line.slice(6);
      } else if ((line.startsWith('+') || line.startsWith('-')) && line.includes(key)) {
        const change = line.startsWith('+') ? 'added' : 'removed';
        const id = `${commit}:${file}:${change}`;
        if (!seenHits.has(id)) {
          seenHits.add(id);
          hits.push({ commit, file, change });
        }
      }
    }
    const code = await exited;
    options.signal?.throwIfAborted();
    if (code !== 0 && !truncated) {
      // Not a repository, or no commits yet: there is no history to search.
      if (/not a git repository|does not have any commits/i.test(stderr)) {
        return { hits: [], truncated: false, commits: 0 };
      }
      throw new Error(`git log failed (exit ${code ?? 'signal'}): ${stderr.split('\n')[0] ?? ''}`);
    }
    return { hits, truncated: truncated || commits >= maxCommits, commits };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
