import * as assert from 'node:assert/strict';
import { freshAzureKey, freshOpenAiKey } from '../../../test/support/fakeKeys';
import type { KeytarLike } from './keychain';
import {
  classifyKeychainError,
  Keychain,
  keychainCallsStuck,
  KeychainUnavailableError,
  keychainRemedy,
} from './keychain';
import { maskKey } from './keyFormat';
import type { ProfileRef } from './profiles';
import type { SecretStore } from './vault';
import { chooseStore, KeyVault, secretStoreName } from './vault';

/** An in-memory keytar stand-in; `fail` makes every call reject with that message. */
class MemoryKeytar implements KeytarLike {
  readonly items = new Map<string, string>();
  fail: string | undefined;
  private check(): void {
    if (this.fail !== undefined) {
      throw new Error(this.fail);
    }
  }
  getPassword(service: string, account: string): Promise<string | null> {
    this.check();
    return Promise.resolve(this.items.get(`${service}/${account}`) ?? null);
  }
  setPassword(service: string, account: string, password: string): Promise<void> {
    this.check();
    this.items.set(`${service}/${account}`, password);
    return Promise.resolve();
  }
  deletePassword(service: string, account: string): Promise<boolean> {
    this.check();
    return Promise.resolve(this.items.delete(`${service}/${account}`));
  }
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>> {
    this.check();
    const prefix = `${service}/`;
    return Promise.resolve(
      [...this.items]
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, password]) => ({ account: k.slice(prefix.length), password })),
    );
  }
}

class MemorySecrets implements SecretStore {
  readonly items = new Map<string, string>();
  get(name: string): Promise<string | undefined> {
    return Promise.resolve(this.items.get(name));
  }
  store(name: string, value: string): Promise<void> {
    this.items.set(name, value);
    return Promise.resolve();
  }
  delete(name: string): Promise<void> {
    this.items.delete(name);
    return Promise.resolve();
  }
}

const openai: ProfileRef = { name: 'openai', kind: 'openai' };
const azure: ProfileRef = { name: 'work', kind: 'azure' };
const NO_BUS = 'Cannot autolaunch D-Bus without X11 $DISPLAY';

function keychainOver(backend: KeytarLike, timeoutMs = 2000): Keychain {
  return new Keychain({ load: () => Promise.resolve(backend), timeoutMs });
}

describe('key vault', () => {
  it('stores in the keychain under service secure-gpt, account = profile name, and reads it back', async () => {
    const backend = new MemoryKeytar();
    const vault = new KeyVault({ keychain: keychainOver(backend) });
    const key = freshOpenAiKey();
    await vault.store(openai, key, 'keychain');
    assert.equal(backend.items.get('secure-gpt/openai'), key);
    assert.deepEqual(await vault.read(openai), { key, source: 'keychain' });
    const status = await vault.status(openai);
    assert.equal(status.masked, maskKey(key));
    assert.ok(
      !JSON.stringify({ ...status, keychainProblem: undefined }).includes(key),
      'status never holds the key',
    );
    assert.deepEqual(await vault.remove(openai), ['keychain']);
    assert.equal(await vault.read(openai), undefined);
  });

  it('keeps each profile in its own item', async () => {
    const backend = new MemoryKeytar();
    const vault = new KeyVault({ keychain: keychainOver(backend) });
    const [a, b] = [freshOpenAiKey(), freshAzureKey()];
    await vault.store(openai, a, 'keychain');
    await vault.store(azure, b, 'keychain');
    assert.equal((await vault.read(openai))?.key, a);
    assert.equal((await vault.read(azure))?.key, b);
    assert.deepEqual(await keychainOver(backend).accounts(), ['openai', 'work']);
  });

  it('copies a stored key to another profile without returning it, and never copies an environment key', async () => {
    const backend = new MemoryKeytar();
    const lines: string[] = [];
    const log = { trace() {}, debug() {}, info: (l: string) => lines.push(l), warn() {}, error() {} };
    const key = freshOpenAiKey();
    const local: ProfileRef = { name: 'local', kind: 'compatible' };
    const env = { OPENAI_API_KEY: key };
    const vault = new KeyVault({ keychain: keychainOver(backend), env, log });
    assert.equal(await vault.copy(openai, local, 'keychain'), undefined, 'only the environment has it');
    assert.equal(backend.items.has('secure-gpt/local'), false);
    await vault.store(openai, key, 'keychain');
    assert.equal(await vault.copy(openai, local, 'keychain'), maskKey(key));
    assert.equal(backend.items.get('secure-gpt/local'), key, 'a second keychain item, same key');
    assert.equal(await vault.copy(openai, { name: 'dry-run', kind: 'dry-run' }, 'keychain'), undefined);
    assert.ok(lines.some((l) => l.includes("shares the key of profile 'openai'")));
    assert.ok(!lines.join('\n').includes(key), 'the log holds masks only');
  });

  it('reads the environment only when it is handed one, and says when a key there is ignored', async () => {
    const backend = new MemoryKeytar();
    const key = freshOpenAiKey();
    const env = { OPENAI_API_KEY: ` ${key}\n` };
    const allowed = new KeyVault({ keychain: keychainOver(backend), env });
    assert.deepEqual(await allowed.read(openai), { key, source: 'env' });
    assert.equal(await allowed.read(azure), undefined, 'an OpenAI key is never used for Azure');
    const forbidden = new KeyVault({ keychain: keychainOver(backend), ignoredEnv: env });
    assert.equal(await forbidden.read(openai), undefined);
    assert.equal((await forbidden.status(openai)).envIgnored, 'OPENAI_API_KEY');
  });

  it('prefers the keychain over SecretStorage over the environment', async () => {
    const backend = new MemoryKeytar();
    const secrets = new MemorySecrets();
    const [k1, k2, k3] = [freshOpenAiKey(), freshOpenAiKey(), freshOpenAiKey()];
    const vault = new KeyVault({
      keychain: keychainOver(backend),
      secretStore: secrets,
      env: { OPENAI_API_KEY: k3 },
    });
    assert.equal((await vault.read(openai))?.source, 'env');
    await secrets.store(secretStoreName(openai), k2);
    assert.deepEqual(await vault.read(openai), { key: k2, source: 'secret-storage' });
    await vault.store(openai, k1, 'keychain');
    assert.deepEqual(await vault.read(openai), { key: k1, source: 'keychain' });
  });

  it('turns a missing Secret Service into KeychainUnavailableError, unless another source has the key', async () => {
    const backend = new MemoryKeytar();
    backend.fail = NO_BUS;
    const bare = new KeyVault({ keychain: keychainOver(backend) });
    await assert.rejects(
      bare.read(openai),
      (e: unknown) => e instanceof KeychainUnavailableError && e.problem === 'no-session-bus',
    );
    await assert.rejects(bare.store(openai, freshOpenAiKey(), 'keychain'), KeychainUnavailableError);
    const secrets = new MemorySecrets();
    const key = freshOpenAiKey();
    const withFallback = new KeyVault({ keychain: keychainOver(backend), secretStore: secrets });
    await withFallback.store(openai, key, 'secret-storage');
    assert.deepEqual(await withFallback.read(openai), { key, source: 'secret-storage' });
    const status = await withFallback.status(openai);
    assert.equal(status.source, 'secret-storage');
    assert.equal(
      status.keychainProblem?.problem,
      'no-session-bus',
      'status still reports the keychain problem',
    );
    assert.deepEqual(await withFallback.remove(openai), ['secret-storage']);
  });

  it('reports a keychain module that cannot load as not-installed', async () => {
    const keychain = new Keychain({ load: () => Promise.reject(new Error('Cannot find module keytar')) });
    const problem = await keychain.probe();
    assert.equal(problem?.problem, 'not-installed');
  });

  it('times out a hung keychain instead of hanging, and fails fast until the stuck call settles', async () => {
    let release: (() => void) | undefined;
    const hung = new MemoryKeytar();
    hung.getPassword = () => new Promise((resolve) => (release = () => resolve(null)));
    const keychain = keychainOver(hung, 50);
    await assert.rejects(
      keychain.get('openai'),
      (e: unknown) => e instanceof KeychainUnavailableError && e.problem === 'timeout',
    );
    assert.equal(keychainCallsStuck(), true);
    // A second call does not pile onto the stuck native thread.
    await assert.rejects(keychain.accounts(), /still waiting/);
    release!();
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(keychainCallsStuck(), false);
    assert.deepEqual(await keychain.accounts(), []);
  });
});

describe('fallback store choice', () => {
  const problem = new KeychainUnavailableError('no-secret-service', 'test');

  it('uses the keychain whenever it answers', () => {
    assert.deepEqual(chooseStore(undefined, { available: true, consented: false }), {
      kind: 'store',
      store: 'keychain',
    });
  });

  it('asks before using SecretStorage, and uses it once the user agreed', () => {
    assert.deepEqual(chooseStore(problem, { available: true, consented: false }), { kind: 'ask', problem });
    assert.deepEqual(chooseStore(problem, { available: true, consented: true }), {
      kind: 'store',
      store: 'secret-storage',
    });
  });

  it('refuses (never plaintext) where no SecretStorage exists', () => {
    assert.deepEqual(chooseStore(problem, { available: false, consented: true }), {
      kind: 'refuse',
      problem,
    });
  });
});

describe('keychain errors', () => {
  it('classifies the messages libsecret and keytar produce', () => {
    assert.equal(classifyKeychainError(NO_BUS), 'no-session-bus');
    assert.equal(classifyKeychainError('Could not connect: No such file or directory'), 'no-session-bus');
    assert.equal(
      classifyKeychainError('The name org.freedesktop.secrets was not provided by any .service files'),
      'no-secret-service',
    );
    assert.equal(
      classifyKeychainError('Object does not exist at path “/org/freedesktop/secrets/collection/login”'),
      'locked',
    );
    assert.equal(classifyKeychainError('Cannot create an item in a locked collection'), 'locked');
    assert.equal(classifyKeychainError('Something else'), 'failed');
  });

  it('tells Linux users what to install and start, and how to use the environment instead', () => {
    const text = keychainRemedy('no-session-bus', 'linux', 'Or export OPENAI_API_KEY.');
    assert.match(text, /dbus-run-session/);
    assert.match(text, /gnome-keyring/);
    assert.match(text, /libsecret/);
    assert.match(text, /OPENAI_API_KEY/);
    assert.match(keychainRemedy('locked', 'darwin', 'env'), /Keychain Access/);
  });
});
