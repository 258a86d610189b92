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

/**
 * Where the CLI appends its audit records: `$SECURE_GPT_AUDIT_DIR` when absolute, else its state directory.
 * The editor points the gateway it starts at its own audit log this way, so that the editor's Verify and
 * Purge cover the gateway's records too.
 */
export function cliAuditDir(env: NodeJS.ProcessEnv): string {
  const dir = env['SECURE_GPT_AUDIT_DIR'];
  return dir && path.isAbsolute(dir) ? dir : cliStateDir(env);
}
