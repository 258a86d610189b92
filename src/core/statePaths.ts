import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where the CLI keeps its state (audit log, usage): `$XDG_STATE_HOME/secure-gpt`, by default
 * `~/.local/state/secure-gpt`. The extension uses its global storage instead.
 */
export function cliStateDir(env: NodeJS.ProcessEnv): string {
  const base =
    env['XDG_STATE_HOME'] && path.isAbsolute(env['XDG_STATE_HOME'])
      ? env['XDG_STATE_HOME']
      : path.join(env['HOME'] ?? os.homedir(), '.local', 'state');
  return path.join(base, 'secure-gpt');
}
