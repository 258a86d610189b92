/* eslint-disable @typescript-eslint/require-await -- the fakes implement async interfaces with synchronous bodies */
import * as assert from 'node:assert/strict';
import type { KeytarLike } from '../../core/keys/keychain';
import { Keychain } from '../../core/keys/keychain';
import { freshOpenAiKey } from '../../../test/support/fakeKeys';
import { ScriptedUi } from '../../../test/support/scriptedUi';
import type { KeySettings } from './keyAccess';
import { KeyAccess } from './keyAccess';
import { manageProfilesFlow, switchProfileFlow } from './profileFlows';

function setup() {
  const items = new Map<string, string>();
  const keytar: KeytarLike = {
    getPassword: async (_s, a) => items.get(a) ?? null,
    setPassword: async (_s, a, p) => void items.set(a, p),
    deletePassword: async (_s, a) => items.delete(a),
    findCredentials: async () => [...items].map(([account, password]) => ({ account, password })),
  };
  const user: { profile?: string; profiles: unknown[] } = { profiles: [] };
  const settings: KeySettings = {
    profiles: () => user.profiles,
    activeProfile: () => user.profile,
    allowEnvironmentKey: () => false,
    setActiveProfile: async (name) => void (user.profile = name),
    setProfiles: async (profiles) => void (user.profiles = [...profiles]),
  };
  const access = new KeyAccess({
    settings,
    secrets: { get: async () => undefined, store: async () => undefined, delete: async () => undefined },
    consent: { get: () => undefined, update: async () => undefined },
    host: { web: false, remoteName: undefined, platform: 'linux' },
    log: { trace() {}, debug() {}, info() {}, warn() {}, error() {} },
    keychain: new Keychain({ load: async () => keytar }),
  });
  return { access, user, items };
}

describe('profile commands (flows, with the editor UI scripted)', () => {
  it('adds an Azure profile field by field, validating each', async () => {
    const { access, user } = setup();
    const ui = new ScriptedUi({
      picks: ['Add Profile…', 'Azure OpenAI'],
      inputs: ['work', 'https://contoso.openai.azure.com', 'gpt4o', '2024-10-21'],
    });
    const outcome = await manageProfilesFlow(access, ui);
    assert.equal(outcome.kind, 'added');
    assert.deepEqual(user.profiles, [
      {
        name: 'work',
        kind: 'azure',
        endpoint: 'https://contoso.openai.azure.com',
        deployment: 'gpt4o',
        apiVersion: '2024-10-21',
      },
    ]);
    assert.equal(access.profile('work')?.kind, 'azure');
  });

  it('refuses a taken or malformed name, and a plain-http Azure endpoint', async () => {
    const { access, user } = setup();
    for (const inputs of [['openai'], ['bad name'], ['ok', 'http://contoso.openai.azure.com']]) {
      const ui = new ScriptedUi({ picks: ['Add Profile…', 'Azure OpenAI'], inputs });
      assert.deepEqual(await manageProfilesFlow(access, ui), { kind: 'none' });
      assert.equal(ui.calls.filter((c) => c.check?.severity === 'error').length, 1);
    }
    assert.deepEqual(user.profiles, []);
  });

  it('switches the active profile and removes a profile together with its key', async () => {
    const { access, user, items } = setup();
    await manageProfilesFlow(
      access,
      new ScriptedUi({
        picks: ['Add Profile…', 'OpenAI-compatible'],
        inputs: ['local', 'http://127.0.0.1:11434/v1'],
      }),
    );
    assert.equal(await switchProfileFlow(access, new ScriptedUi({ picks: ['local'] })), 'local');
    assert.equal(user.profile, 'local');
    assert.equal(access.activeProfile().kind, 'compatible');
    items.set('local', freshOpenAiKey());
    const removed = await manageProfilesFlow(
      access,
      new ScriptedUi({ picks: ['Remove Profile…', 'local'], buttons: ['Remove'] }),
    );
    assert.deepEqual(removed, { kind: 'removed', name: 'local' });
    assert.deepEqual(user.profiles, []);
    assert.equal(items.has('local'), false, 'its key item is gone too');
    assert.equal(access.activeProfile().name, 'openai', 'an unknown active profile falls back to openai');
  });
});
