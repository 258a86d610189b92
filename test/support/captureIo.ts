import { PassThrough, Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';

/** What one in-process CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `secure-gpt ARGS` in-process with captured streams, the given env, and optional stdin text. */
export async function runCliCaptured(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string; isTty?: boolean } = {},
): Promise<CliRun> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const io: CliIo = {
    stdout,
    stderr,
    stdin: Readable.from(options.stdin !== undefined ? [options.stdin] : []),
    env: options.env ?? { ...process.env },
    isTty: options.isTty ?? false,
  };
  const code = await runCli(args, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
