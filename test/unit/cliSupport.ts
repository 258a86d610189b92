import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';
import { githubToken } from '../../src/core/detect/checksum';
import { ALNUM, randomToken } from '../../src/core/detect/random';

/** A fresh GitHub personal access token with a valid checksum, built at test time (the repo holds none). */
export function freshToken(prefix = 'ghp'): string {
  return githubToken(prefix, randomToken(ALNUM, 30));
}

/** What one CLI run produced. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** Runs `secure-gpt ...argv` in-process with captured streams, in `cwd` (restored afterwards). */
export async function run(argv: readonly string[], cwd: string, isTty = false): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, isTty };
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, io);
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(previous);
  }
}

/** Makes a temp directory holding `files` (text, or a Buffer written as is); `.git/` makes it a repo root. */
export function makeTree(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(join(tmpdir(), 'sgpt-cli-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Asserts helper: true when none of `secrets` appears anywhere in `outputs`. */
export function leaksNone(secrets: readonly string[], ...outputs: readonly string[]): boolean {
  return secrets.every((secret) => outputs.every((out) => !out.includes(secret)));
}
