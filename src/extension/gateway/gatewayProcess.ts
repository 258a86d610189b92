import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

// No `vscode` import: the child process is started and read here, so plain-Node tests can run it against the
// built CLI. registerGateway.ts holds the editor's side (commands, status bar, clipboard).

/** How to start `secure-gpt proxy` as a child of the extension host. */
export interface GatewayLaunch {
  /** The Node to run it with: the extension host's own (`process.execPath`, with ELECTRON_RUN_AS_NODE set). */
  readonly execPath: string;
  /** The bundled CLI, dist/cli.js. */
  readonly cliPath: string;
  /** The profile whose key and endpoint the gateway uses. */
  readonly profile: string;
  /** The child's whole environment (see `gatewayEnvironment`). */
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  /** Each line the gateway logs on stderr (already scrubbed by the CLI; the editor's log scrubs again). */
  readonly onLog: (line: string) => void;
  /** How long to wait for the first stdout line before giving up; default 30 s (a keychain prompt can be slow). */
  readonly startTimeoutMs?: number;
}

/** A running gateway child. */
export interface GatewayChild {
  /** `http://127.0.0.1:PORT/v1`. */
  readonly url: string;
  /** The per-start client token; the real key never leaves the child. */
  readonly token: string;
  readonly port: number;
  /** Resolves when the child has exited, for whatever reason. */
  readonly exited: Promise<void>;
  /** Asks the child to close its server and exit; resolves once it has. */
  stop(): Promise<void>;
}

/** The settings the child's environment depends on. */
export interface GatewayEnvironmentOptions {
  /** `secureGpt.allowEnvironmentKey`: when false the CLI must not take OPENAI_API_KEY from the editor's env. */
  readonly allowEnvironmentKey: boolean;
  /** A profiles file holding the editor's active profile (no key, only the endpoint). */
  readonly profilesFile: string;
  /** A config file holding the editor's validated `secureGpt.*` settings. */
  readonly configFile: string;
  /** The editor's audit log directory: the gateway appends there, so Verify and Purge cover its records. */
  readonly auditDir: string;
  readonly profile: string;
}

/** The variables through which the CLI would read a key from the environment (src/core/keys/profiles.ts). */
const KEY_VARIABLES = ['OPENAI_API_KEY', 'AZURE_OPENAI_API_KEY'];

/**
 * The child's environment: the editor's, run as plain Node, pointed at the editor's profile, settings and
 * audit log instead of the CLI's own files, so the gateway follows what the user set in VS Code. Without
 * `allowEnvironmentKey` the key variables are dropped, as the editor itself ignores them.
 */
export function gatewayEnvironment(
  base: NodeJS.ProcessEnv,
  options: GatewayEnvironmentOptions,
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...base,
    ELECTRON_RUN_AS_NODE: '1',
    SECURE_GPT_PROFILES: options.profilesFile,
    SECURE_GPT_PROFILE: options.profile,
    SECURE_GPT_CONFIG: options.configFile,
    SECURE_GPT_AUDIT_DIR: options.auditDir,
  };
  if (!options.allowEnvironmentKey) {
    for (const name of KEY_VARIABLES) {
      delete env[name];
    }
  }
  return env;
}

/** Thrown when the gateway does not come up; the message holds its last log lines (scrubbed by the CLI). */
export class GatewayStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayStartError';
  }
}

/**
 * Starts `secure-gpt proxy --port 0` and resolves once it printed its address. `--stop-on-stdin-end` makes the
 * child exit when the extension host goes away without stopping it (a crash, a kill): its end of the pipe closes.
 */
export function launchGateway(launch: GatewayLaunch): Promise<GatewayChild> {
  const child = spawn(
    launch.execPath,
    [launch.cliPath, 'proxy', '--port', '0', '--profile', launch.profile, '--stop-on-stdin-end'],
    { cwd: launch.cwd, env: launch.env, stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true },
  );
  const recent: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => {
    recent.push(line);
    recent.splice(0, recent.length - 5);
    launch.onLog(line);
  });
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return new Promise<GatewayChild>((resolve, reject) => {
    const fail = (why: string): void => {
      clearTimeout(timer);
      child.kill();
      const said = recent.filter((l) => l.trim() !== '').join(' / ');
      reject(new GatewayStartError(said ? `${why}: ${said}` : why));
    };
    const timer = setTimeout(
      () => fail('the gateway did not start in time'),
      launch.startTimeoutMs ?? 30_000,
    );
    child.once('error', (error) => fail(`cannot run ${launch.execPath}: ${error.message}`));
    // 'close' comes after stderr is read to the end, so the reason the CLI gave is in `recent`.
    const early = (code: number | null): void => fail(`the gateway exited (code ${code ?? 'none'})`);
    child.once('close', early);
    child.stdin.on('error', () => undefined); // Nothing is written; a closed pipe is not news.

    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      const address = parseAddress(line);
      if (!address) {
        fail('the gateway printed no address');
        return;
      }
      clearTimeout(timer);
      child.removeListener('close', early);
      lines.close();
      child.stdout.resume(); // Nothing more is expected there, but a full pipe must never stall the child.
      resolve({ ...address, exited, stop: () => stopChild(child, exited) });
    });
  });
}

/** The `{"url", "token"}` line, checked: a loopback URL and a token with no spaces. */
export function parseAddress(line: string): { url: string; token: string; port: number } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  const { url, token } = (parsed ?? {}) as { url?: unknown; token?: unknown };
  const match = typeof url === 'string' ? /^http:\/\/127\.0\.0\.1:(\d{1,5})\/v1$/.exec(url) : null;
  if (!match || typeof token !== 'string' || !/^\S{32,}$/.test(token)) {
    return undefined;
  }
  return { url: url as string, token, port: Number(match[1]) };
}

/** SIGTERM (the CLI closes its server and exits); SIGKILL if it is still there after 5 s. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
