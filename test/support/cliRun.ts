import { PassThrough, Writable } from 'node:stream';
import type { CliIo } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** What one in-process CLI run produced. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `secure-gpt ...argv` in-process in `cwd` (restored afterwards), with `env` as its whole
 * environment, `stdin` as its (ended) standard input and `isTty` as whether stderr is a terminal.
 */
export async function runCliIn(
  argv: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
  stdin = '',
  isTty = false,
): Promise<CliResult> {
  const stdout = new Capture();
  const stderr = new Capture();
  const input = new PassThrough();
  input.end(stdin);
  const io: CliIo = { stdout, stderr, stdin: input, env, isTty };
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const code = await runCli(argv, io);
    return { code, stdout: stdout.text, stderr: stderr.text };
  } finally {
    process.chdir(previous);
  }
}
