import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Keychain } from '../../src/core/keys/keychain';

/** The repository root, for spawning the compiled CLI and resolving keytar from another process. */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/**
 * Fails (never skips) when no Secret Service is reachable: these tests are about the real OS keychain.
 * Run them under test/support/withKeyring.sh (what `npm run test:unit` does).
 */
export async function requireSecretService(): Promise<void> {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS']) {
    throw new Error(
      'No D-Bus session (DBUS_SESSION_BUS_ADDRESS is unset): the keychain tests need a real Secret Service. ' +
        'Run them under test/support/withKeyring.sh.',
    );
  }
  const problem = await new Keychain().probe();
  if (problem) {
    throw new Error(`The Secret Service is not usable: ${problem.message}`);
  }
}

/** A profile name no other test run uses, so runs never see each other's items. */
export function uniqueProfile(prefix = 'test'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** Reads a keychain item from a separate Node process with plain keytar: what any other program would see. */
export function readItemFromAnotherProcess(service: string, account: string): Promise<string | null> {
  const script =
    "require('keytar').getPassword(process.argv[1], process.argv[2])" +
    '.then((v) => process.stdout.write(JSON.stringify(v)), (e) => { process.stderr.write(String(e)); process.exit(1); });';
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      ['-e', script, service, account],
      { cwd: repoRoot },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`keytar in another process failed: ${stderr}`));
          return;
        }
        resolvePromise(JSON.parse(stdout) as string | null);
      },
    );
  });
}

/** What a child CLI process printed and how it exited. */
export interface ChildRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the compiled `secure-gpt` CLI as a separate process, with `stdin` piped in and `env` as given. */
export function runCliProcess(
  args: readonly string[],
  options: { stdin?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ChildRun> {
  return new Promise((resolvePromise, reject) => {
    const child = execFile(
      process.execPath,
      [resolve(repoRoot, 'out/src/cli/cli.js'), ...args],
      { cwd: repoRoot, env: options.env ?? process.env, timeout: 30000 },
      (error, stdout, stderr) => {
        const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
        if (error && code === null) {
          reject(new Error(`secure-gpt ${args.join(' ')} did not exit normally: ${error.message}`));
          return;
        }
        resolvePromise({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}
