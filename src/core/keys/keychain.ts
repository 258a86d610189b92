import { createRequire } from 'node:module';
import { probeSessionBus } from './dbusProbe';

/** The keychain service every Secure GPT key item is filed under; the account is the profile name. */
export const KEYCHAIN_SERVICE = 'secure-gpt';

/** How long one keychain call may take before the keychain counts as unreachable. */
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5000;

/** The subset of keytar's API the vault uses, so tests and other backends can stand in for it. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** Why the OS keychain cannot be used. */
export type KeychainProblem =
  | 'not-installed' // keytar did not load (missing, or built for another Node/Electron)
  | 'no-session-bus' // Linux: no D-Bus session to find a Secret Service on
  | 'no-secret-service' // Linux: a session bus, but nothing provides org.freedesktop.secrets
  | 'locked' // a keychain exists but is locked, or has no default collection, and nobody can unlock it
  | 'timeout' // the keychain did not answer in time (a hung D-Bus or daemon)
  | 'failed'; // anything else

/** Thrown when the OS keychain cannot be reached; `problem` says why, `detail` is the backend's message. */
export class KeychainUnavailableError extends Error {
  constructor(
    readonly problem: KeychainProblem,
    readonly detail: string,
  ) {
    super(`${PROBLEM_SUMMARY[problem]} (${detail})`);
    this.name = 'KeychainUnavailableError';
  }
}

const PROBLEM_SUMMARY: Readonly<Record<KeychainProblem, string>> = {
  'not-installed': 'The keychain module (keytar) could not be loaded',
  'no-session-bus': 'No D-Bus session bus is reachable, so there is no Secret Service to keep the key',
  'no-secret-service': 'No Secret Service (such as gnome-keyring) is running on the D-Bus session bus',
  locked: 'The keychain is locked or has no default collection, and it cannot ask for a password here',
  timeout: 'The keychain did not answer in time',
  failed: 'The keychain refused the request',
};

/** Sorts a backend error into a `KeychainProblem` by its message (libsecret and keytar have no codes). */
export function classifyKeychainError(message: string): KeychainProblem {
  if (
    /autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Could not connect|Connection refused|dbus-launch/i.test(
      message,
    )
  ) {
    return 'no-session-bus';
  }
  if (/org\.freedesktop\.secrets|not provided by any \.service|ServiceUnknown/i.test(message)) {
    return 'no-secret-service';
  }
  if (
    /locked|collection\/login|Object does not exist|prompt|dismissed|Cannot create an item/i.test(message)
  ) {
    return 'locked';
  }
  return 'failed';
}

/**
 * What the user can do about a problem: what to install or start, and the environment-variable way
 * around it. `envHint` is phrased by the caller (the CLI always reads the variable, the extension only
 * when a setting allows it).
 */
export function keychainRemedy(problem: KeychainProblem, platform: NodeJS.Platform, envHint: string): string {
  const lines: string[] = [];
  if (platform === 'linux') {
    switch (problem) {
      case 'not-installed':
        lines.push(
          'Reinstall Secure GPT for this platform; keytar needs libsecret (apt install libsecret-1-0).',
        );
        break;
      case 'no-session-bus':
        lines.push(
          'Start a D-Bus session (log in to a desktop, or run your shell under `dbus-run-session -- bash`),',
          'then a Secret Service: `apt install gnome-keyring libsecret-1-0` and',
          '`gnome-keyring-daemon --unlock --components=secrets` (it reads the keyring password from stdin).',
        );
        break;
      case 'no-secret-service':
        lines.push(
          'Install and start a Secret Service provider: `apt install gnome-keyring libsecret-1-0`, then',
          '`gnome-keyring-daemon --unlock --components=secrets` (it reads the keyring password from stdin).',
        );
        break;
      case 'locked':
        lines.push(
          'Unlock the login keyring (Seahorse, or `gnome-keyring-daemon --unlock` with the password on stdin).',
        );
        break;
      case 'timeout':
        lines.push(
          'Check that the D-Bus session and gnome-keyring are alive (`busctl --user list | grep secrets`).',
        );
        break;
      case 'failed':
        lines.push(
          "Check the keychain with your desktop's tool (Seahorse, `secret-tool search service secure-gpt`).",
        );
        break;
    }
  } else {
    lines.push(
      platform === 'darwin'
        ? 'Open Keychain Access and check that the login keychain is unlocked.'
        : 'Check that Windows Credential Manager is available for your account.',
    );
  }
  lines.push(envHint);
  return lines.join('\n');
}

/** Options for `Keychain`: a loader (keytar by default), a timeout, and the service name. */
export interface KeychainOptions {
  readonly load?: () => Promise<KeytarLike>;
  readonly timeoutMs?: number;
  readonly service?: string;
  /** Where DBUS_SESSION_BUS_ADDRESS is read from on Linux (default `process.env`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly platform?: NodeJS.Platform;
}

// Bus addresses that answered the probe; a bus that was down may come up later, so only successes are kept.
const healthyBuses = new Set<string>();

// One flag per process: a call stuck in native code holds a libuv pool thread, so piling more calls onto a
// hung keychain would starve the whole process. Cleared as soon as the stuck call finally settles.
let stuckCalls = 0;

/**
 * The OS keychain through keytar. Every call is bounded by a timeout, and every failure becomes a
 * `KeychainUnavailableError`, so a missing or hung Secret Service never hangs or crashes the caller.
 */
export class Keychain {
  private readonly load: () => Promise<KeytarLike>;
  private readonly timeoutMs: number;
  readonly service: string;
  private backend: Promise<KeytarLike> | undefined;
  private readonly busAddress: string | undefined;

  constructor(options: KeychainOptions = {}) {
    this.load = options.load ?? loadKeytar;
    // Only the real keytar on Linux talks D-Bus; an injected backend is probed by its own calls.
    const linux = (options.platform ?? process.platform) === 'linux' && options.load === undefined;
    this.busAddress = linux
      ? (options.env ?? process.env)['DBUS_SESSION_BUS_ADDRESS'] || undefined
      : undefined;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
    this.service = options.service ?? KEYCHAIN_SERVICE;
  }

  /** Resolves to undefined when the keychain answers, or to the error that says why it cannot be used. */
  async probe(): Promise<KeychainUnavailableError | undefined> {
    try {
      await this.call((k) => k.findCredentials(this.service));
      return undefined;
    } catch (error) {
      if (error instanceof KeychainUnavailableError) {
        return error;
      }
      throw error;
    }
  }

  /** The key stored for `account`, or undefined. */
  async get(account: string): Promise<string | undefined> {
    return (await this.call((k) => k.getPassword(this.service, account))) ?? undefined;
  }

  /** Stores (or replaces) the key for `account`. */
  async set(account: string, key: string): Promise<void> {
    await this.call((k) => k.setPassword(this.service, account, key));
  }

  /** Deletes the item for `account`; false when there was none. */
  async delete(account: string): Promise<boolean> {
    return this.call((k) => k.deletePassword(this.service, account));
  }

  /** The accounts (profile names) that have an item; the passwords keytar returns with them are dropped. */
  async accounts(): Promise<string[]> {
    const credentials = await this.call((k) => k.findCredentials(this.service));
    return credentials.map((c) => c.account).sort();
  }

  private async call<T>(operation: (backend: KeytarLike) => Promise<T>): Promise<T> {
    if (stuckCalls > 0) {
      throw new KeychainUnavailableError(
        'timeout',
        'an earlier keychain call is still waiting for an answer',
      );
    }
    if (this.busAddress !== undefined && !healthyBuses.has(this.busAddress)) {
      const bus = await probeSessionBus(this.busAddress, this.timeoutMs);
      if (!bus.ok) {
        throw new KeychainUnavailableError(bus.problem, bus.detail);
      }
      healthyBuses.add(this.busAddress);
    }
    let backend: KeytarLike;
    try {
      this.backend ??= this.load();
      backend = await this.backend;
    } catch (error) {
      this.backend = undefined;
      throw new KeychainUnavailableError('not-installed', messageOf(error));
    }
    // Wrapped so a backend that throws synchronously is handled like one that rejects.
    const pending = new Promise<T>((resolve) => resolve(operation(backend)));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        stuckCalls++;
        pending.then(release, release);
        reject(new KeychainUnavailableError('timeout', `no answer within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
    });
    try {
      return await Promise.race([pending, timeout]);
    } catch (error) {
      if (error instanceof KeychainUnavailableError) {
        throw error;
      }
      const detail = messageOf(error);
      throw new KeychainUnavailableError(classifyKeychainError(detail), detail);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Whether a keychain call that timed out is still stuck in native code. */
export function keychainCallsStuck(): boolean {
  return stuckCalls > 0;
}

function release(): void {
  stuckCalls = Math.max(0, stuckCalls - 1);
}

async function loadKeytar(): Promise<KeytarLike> {
  // By absolute path, never `require('keytar')`: VS Code's extension host intercepts that name and hands out its
  // own shim, which is not the OS keychain (and lacks findCredentials). keytar is native and kept out of the
  // bundles, so a missing or mis-built binary surfaces here, at first use, as a clear error.
  const nodeRequire = createRequire(__filename);
  const mod = nodeRequire(nodeRequire.resolve('keytar')) as KeytarLike & { default?: KeytarLike };
  const api = typeof mod.getPassword === 'function' ? mod : mod.default;
  if (!api || typeof api.findCredentials !== 'function') {
    throw new Error('keytar loaded but does not export the keytar API');
  }
  return Promise.resolve(api);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
