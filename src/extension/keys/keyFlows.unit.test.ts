import { randomBytes } from 'node:crypto';
/* eslint-disable @typescript-eslint/require-await -- the fakes implement async interfaces with synchronous bodies */
import * as assert from 'node:assert/strict';
import type { KeytarLike } from '../../core/keys/keychain';
import { Keychain } from '../../core/keys/keychain';
import { maskKey } from '../../core/keys/keyFormat';
import type { SecretStore } from '../../core/keys/vault';
import { freshOpenAiKey } from '../../../test/support/fakeKeys';
import { ScriptedUi } from '../../../test/support/scriptedUi';
import type { HostInfo, KeySettings } from './keyAccess';
import { KeyAccess, NoApiKeyError } from './keyAccess';
import { keyStatusText, removeApiKeyFlow, setApiKeyFlow, TEST_KEY, USE_SECRET_STORAGE } from './keyFlows';

/** A keytar stand-in: a map, or a Secret Service that is not there. */
function backend(available: boolean): KeytarLike & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const guard = (): void => {
    if (!available) {
      throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
    }
  };
  return {
    items,
    getPassword: async (_s, a) => (guard(), items.get(a) ?? null),
    setPassword: async (_s, a, p) => void (guard(), items.set(a, p)),
    deletePassword: async (_s, a) => (guard(), items.delete(a)),
    findCredentials: async () => (guard(), [...items].map(([account, password]) => ({ account, password }))),
  };
}

class Memory implements SecretStore {
  readonly items = new Map<string, string>();
  get = async (name: string) => this.items.get(name);
  store = async (name: string, value: string) => void this.items.set(name, value);
  delete = async (name: string) => void this.items.delete(name);
}

function setup(options: {
  keychain: boolean;
  web?: boolean;
  env?: Record<string, string>;
  allowEnv?: boolean;
}) {
  const keytar = backend(options.keychain);
  const secrets = new Memory();
  const state = new Map<string, unknown>();
  const settings: KeySettings = {
    profiles: () => [{ name: 'local', kind: 'compatible', baseUrl: 'http://127.0.0.1:9/v1' }],
    activeProfile: () => 'openai',
    allowEnvironmentKey: () => options.allowEnv === true,
    setActiveProfile: async () => undefined,
    setProfiles: async () => undefined,
  };
  const host: HostInfo = { web: options.web ?? true, remoteName: undefined, platform: 'linux' };
  const masked: string[] = [];
  const access = new KeyAccess({
    settings,
    secrets,
    consent: {
      get: <T>(k: string) => state.get(k) as T | undefined,
      update: async (k, v) => void state.set(k, v),
    },
    host,
    log: { trace() {}, debug() {}, info() {}, warn() {}, error() {}, mask: (value) => masked.push(value) },
    keychain: new Keychain({ load: async () => keytar }),
    env: options.env ?? {},
  });
  return { access, keytar, secrets, state, masked };
}

describe('key commands (flows, with the editor UI scripted)', () => {
  it('Set API Key: password box, trims, stores in the keychain, shows only the mask, offers a test', async () => {
    const { access, keytar } = setup({ keychain: true });
    const key = freshOpenAiKey();
    const ui = new ScriptedUi({ inputs: [`  ${key}\n`], buttons: [TEST_KEY] });
    let tested: string | undefined;
    const result = await setApiKeyFlow(access, ui, {
      test: async (_p, k) => ((tested = k), { ok: true, models: 2, endpoint: '127.0.0.1' }),
    });
    assert.equal(keytar.items.get('openai'), key);
    assert.deepEqual(result, {
      profile: 'openai',
      store: 'keychain',
      masked: maskKey(key),
      test: { ok: true, models: 2, endpoint: '127.0.0.1' },
    });
    assert.equal(tested, key, 'the test call gets the trimmed key');
    assert.equal(ui.calls[0]?.password, true);
    assert.match(ui.transcript, /The key works: 127\.0\.0\.1 lists 2 models/);
    assert.ok(!ui.transcript.includes(key), 'no message shows the key');
  });

  it('rejects an empty key with a reason, and warns (without blocking) on an odd shape', async () => {
    const { access, keytar } = setup({ keychain: true });
    const empty = new ScriptedUi({ inputs: ['   '] });
    assert.equal((await setApiKeyFlow(access, empty, {})).store, undefined);
    assert.deepEqual(empty.calls[0]?.check, {
      message: 'The key is empty: paste the whole key.',
      severity: 'error',
    });
    assert.equal(keytar.items.size, 0);
    const odd = new ScriptedUi({ inputs: [freshOpenAiKey().slice(3)] });
    assert.equal((await setApiKeyFlow(access, odd, {})).store, 'keychain');
    assert.equal(odd.calls[0]?.check?.severity, 'warning');
  });

  it('without a keychain: says so plainly, explains SecretStorage, and stores there once the user agrees', async () => {
    const { access, secrets, keytar } = setup({ keychain: false, web: true });
    const key = freshOpenAiKey();
    const ui = new ScriptedUi({ buttons: [USE_SECRET_STORAGE], inputs: [key] });
    const result = await setApiKeyFlow(access, ui, {});
    const warning = ui.calls.find((c) => c.kind === 'warn');
    assert.match(warning?.text ?? '', /The OS keychain is not available: No D-Bus session bus/);
    assert.match(warning?.detail ?? '', /local storage/);
    assert.match(warning?.detail ?? '', /never written to settings/);
    assert.equal(result.store, 'secret-storage');
    assert.equal(secrets.items.get('secure-gpt:openai'), key);
    assert.equal(keytar.items.size, 0);
    // The answer is remembered, and the key is found there at request time.
    const again = new ScriptedUi({ inputs: [key] });
    assert.equal((await setApiKeyFlow(access, again, {})).store, 'secret-storage');
    assert.ok(!again.calls.some((c) => c.kind === 'warn'));
    assert.equal(await access.withApiKey(undefined, async (k) => k === key), true);
    assert.match(
      await keyStatusText(access, undefined),
      /from VS Code SecretStorage\. The OS keychain is unavailable/,
    );
  });

  it('without a keychain and without consent: stores nothing anywhere, never plaintext', async () => {
    const { access, secrets } = setup({ keychain: false, web: false });
    const ui = new ScriptedUi({ buttons: [undefined], inputs: [freshOpenAiKey()] });
    const result = await setApiKeyFlow(access, ui, {});
    assert.equal(result.store, undefined);
    assert.ok(!ui.calls.some((c) => c.kind === 'input'), 'no key is asked for when it cannot be kept');
    assert.equal(secrets.items.size, 0);
    assert.match(ui.calls[0]?.detail ?? '', /state database.*weak built-in password/s);
  });

  it('withApiKey: the key read for a request is handed to the log to mask, whatever its shape', async () => {
    const { access, keytar, masked } = setup({ keychain: true });
    const key = `local-${randomBytes(12).toString('hex')}`; // no provider's shape: no rule would mask it
    await keytar.setPassword('secure-gpt', 'openai', key);
    assert.equal(await access.withApiKey(undefined, async (k) => k === key), true);
    assert.deepEqual(masked, [key]);
  });

  it('withApiKey: reads at request time, dry-run needs none, a missing key is a clear error', async () => {
    const { access } = setup({ keychain: true });
    await assert.rejects(
      access.withApiKey(undefined, async () => 1),
      (e: unknown) => e instanceof NoApiKeyError && /Set API Key/.test(e.message),
    );
    assert.equal(
      await access.withApiKey('dry-run', async (k, p) => `${String(k)} ${p.kind}`),
      'undefined dry-run',
    );
    assert.equal(
      await access.withApiKey('local', async (k) => k),
      undefined,
      'a compatible server may need no key',
    );
  });

  it('uses OPENAI_API_KEY only when secureGpt.allowEnvironmentKey is on, and status names the source', async () => {
    const key = freshOpenAiKey();
    const off = setup({ keychain: true, env: { OPENAI_API_KEY: key } });
    await assert.rejects(
      off.access.withApiKey(undefined, async () => 1),
      NoApiKeyError,
    );
    assert.match(await keyStatusText(off.access, undefined), /OPENAI_API_KEY is set but ignored/);
    const on = setup({ keychain: true, env: { OPENAI_API_KEY: key }, allowEnv: true });
    assert.equal(await on.access.withApiKey(undefined, async (k) => k === key), true);
    const status = await keyStatusText(on.access, undefined);
    assert.match(status, /from the environment \(OPENAI_API_KEY, read-only\)/);
    assert.ok(status.includes(maskKey(key)) && !status.includes(key));
  });

  it('Remove API Key asks first, then removes from every store', async () => {
    const { access, keytar } = setup({ keychain: true });
    keytar.items.set('openai', freshOpenAiKey());
    assert.equal(
      await removeApiKeyFlow(access, new ScriptedUi({ buttons: [undefined] }), undefined),
      undefined,
    );
    assert.equal(keytar.items.size, 1, 'dismissed: nothing removed');
    assert.deepEqual(await removeApiKeyFlow(access, new ScriptedUi({ buttons: ['Remove'] }), undefined), [
      'keychain',
    ]);
    assert.equal(keytar.items.size, 0);
  });
});
