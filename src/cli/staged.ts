import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { decodeText } from '../core/fs/decodeText';
import type { WalkEntry } from '../core/fs/walk';

/** Raised when the staged files cannot be read: not a git work tree, or git itself failed. */
export class StagedError extends Error {}

const MAX_GIT_OUTPUT = 1024 * 1024 * 1024;

function git(cwd: string, args: readonly string[], input?: string): Buffer {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_GIT_OUTPUT });
  if (result.error) {
    throw new StagedError(`cannot run git: ${(result.error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  if (result.status !== 0) {
    // git's own message names the problem (not a repository, …); it holds no file content.
    const reason = result.stderr.toString('utf8').trim().split('\n')[0] ?? '';
    throw new StagedError(reason || `git ${args[0]} failed`);
  }
  return result.stdout;
}

/**
 * The files a commit would record, read from the index (the staged blobs), not the work tree: a secret
 * that was staged and then edited away in the work tree is still what the commit holds. Added, copied,
 * modified and renamed files count; deletions, submodules and symbolic links do not. Paths are absolute
 * (the repository root joined with the path git gives), so callers report them like walked files.
 */
export function* stagedEntries(cwd: string, maxFileSize: number): Generator<WalkEntry> {
  const root = git(cwd, ['rev-parse', '--show-toplevel']).toString('utf8').trim();
  const names = git(root, ['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR', '--no-renames'])
    .toString('utf8')
    .split('\0')
    .filter((name) => name.length > 0);
  if (names.length === 0) {
    return;
  }
  // Blob ids of the staged versions (stage 0); mode 100644/100755 only.
  const blobs: Array<{ path: string; oid: string }> = [];
  const listed = git(root, ['ls-files', '--stage', '-z', '--', ...names.map((n) => `:(literal)${n}`)]);
  for (const record of listed.toString('utf8').split('\0')) {
    const m = /^(\d{6}) ([0-9a-f]{40,64}) 0\t(.*)$/s.exec(record);
    if (m && (m[1] === '100644' || m[1] === '100755')) {
      blobs.push({ path: join(root, m[3]!), oid: m[2]! });
    }
  }
  const sizes = git(root, ['cat-file', '--batch-check'], blobs.map((b) => b.oid).join('\n') + '\n')
    .toString('utf8')
    .split('\n');
  const wanted: typeof blobs = [];
  for (const [i, blob] of blobs.entries()) {
    const size = Number(sizes[i]?.split(' ')[2]);
    if (size > maxFileSize) {
      yield { kind: 'skipped', path: blob.path, size, reason: 'too-large' };
    } else {
      wanted.push(blob);
    }
  }
  if (wanted.length === 0) {
    return;
  }
  const batch = git(root, ['cat-file', '--batch'], wanted.map((b) => b.oid).join('\n') + '\n');
  let at = 0;
  for (const blob of wanted) {
    const headerEnd = batch.indexOf(0x0a, at);
    const size = Number(batch.toString('utf8', at, headerEnd).split(' ')[2]);
    const body = batch.subarray(headerEnd + 1, headerEnd + 1 + size);
    at = headerEnd + 1 + size + 1; // the body is followed by a newline
    const decoded = decodeText(body);
    yield decoded === undefined
      ? { kind: 'skipped', path: blob.path, size, reason: 'binary' }
      : { kind: 'file', path: blob.path, size, text: decoded.text };
  }
}
