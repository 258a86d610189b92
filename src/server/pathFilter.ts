import { join, relative, sep } from 'node:path';
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import picomatch from 'picomatch';

/** Why a file gets no diagnostics. */
export type SkipReason = 'ignore-path' | 'git-ignored';

/** Reads a file's text (an open editor's text first, else the disk); undefined when there is none. */
export type TextReader = (fsPath: string) => string | undefined;

/**
 * Decides which files the server reports on, for open documents as for the workspace scan: files under
 * `secureGpt.detection.ignorePaths` or the allowlist's `paths`, and git-ignored files (what git never
 * commits cannot leak through a push, and `.env` written by the "move to .env" fix must not light up).
 * `.gitignore` files are read through `readText`, so an unsaved edit to one counts at once.
 */
export class PathFilter {
  private roots: readonly string[] = [];
  private globs: (rel: string) => boolean = () => false;
  private readonly gitignores = new Map<string, Ignore | null>();

  constructor(private readonly readText: TextReader) {}

  /** Workspace folders (file system paths); a file belongs to the deepest one that holds it. */
  setRoots(roots: readonly string[]): void {
    this.roots = [...roots].sort((a, b) => b.length - a.length);
    this.gitignores.clear();
  }

  /** Globs relative to the file's workspace folder; a glob without a slash matches any path segment (`*.min.js`, `vendor`). */
  setIgnorePaths(globs: readonly string[]): void {
    // picomatch's own `basename` option stops `dir/**` from matching, so the two kinds are matched apart.
    const full = globs.filter((g) => g.includes('/')).map((g) => g.replace(/^\.?\//, ''));
    const segment = globs.filter((g) => !g.includes('/'));
    const matchFull = full.length > 0 ? picomatch(full, { dot: true }) : () => false;
    const matchSegment = segment.length > 0 ? picomatch(segment, { dot: true }) : () => false;
    this.globs = (rel) => matchFull(rel) || rel.split('/').some((part) => matchSegment(part));
  }

  /** Forgets cached `.gitignore` rules (one of them changed). */
  invalidateGitignore(): void {
    this.gitignores.clear();
  }

  /** The workspace folder holding `fsPath`, if any. */
  rootOf(fsPath: string): string | undefined {
    return this.roots.find(
      (root) => fsPath === root || fsPath.startsWith(root.endsWith(sep) ? root : root + sep),
    );
  }

  /** `fsPath` relative to its workspace folder with forward slashes; undefined outside every folder. */
  relativePath(fsPath: string): string | undefined {
    const root = this.rootOf(fsPath);
    return root === undefined ? undefined : relative(root, fsPath).split(sep).join('/');
  }

  /** Why `fsPath` is skipped, or undefined when it is reported on. Files outside every folder are never skipped. */
  skipReason(fsPath: string): SkipReason | undefined {
    const root = this.rootOf(fsPath);
    if (root === undefined) {
      return undefined;
    }
    const rel = relative(root, fsPath).split(sep).join('/');
    if (rel === '') {
      return undefined;
    }
    if (this.globs(rel)) {
      return 'ignore-path';
    }
    return this.gitIgnored(root, rel) ? 'git-ignored' : undefined;
  }

  /**
   * Git's precedence: the deepest ignore file with a rule for the path decides, so a nested `!keep.env`
   * re-includes what a parent ignored. `.git/info/exclude` sits with the root's own `.gitignore`.
   */
  private gitIgnored(root: string, rel: string): boolean {
    const parts = rel.split('/');
    if (parts.includes('.git')) {
      return true;
    }
    for (let depth = parts.length - 1; depth >= 0; depth--) {
      const dir = parts.slice(0, depth).join('/');
      const rules = this.rulesFor(root, dir);
      if (!rules) {
        continue;
      }
      const result = rules.test(parts.slice(depth).join('/'));
      if (result.ignored) {
        return true;
      }
      if (result.unignored) {
        return false;
      }
    }
    return false;
  }

  private rulesFor(root: string, dir: string): Ignore | undefined {
    const key = join(root, dir);
    let rules = this.gitignores.get(key);
    if (rules === undefined) {
      const files = [join(key, '.gitignore'), ...(dir === '' ? [join(root, '.git', 'info', 'exclude')] : [])];
      const texts = files.map((f) => this.readText(f)).filter((t): t is string => t !== undefined);
      rules = texts.length === 0 ? null : ignore().add(texts.join('\n'));
      this.gitignores.set(key, rules);
    }
    return rules ?? undefined;
  }
}
