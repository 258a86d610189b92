/* eslint-disable @typescript-eslint/require-await -- the fakes implement async interfaces with synchronous bodies */
import * as assert from 'node:assert/strict';
import type { KeytarLike } from '../../core/keys/keychain';
import { Keychain } from '../../core/keys/keychain';
import { freshOpenAiKey } from '../../../test/support/fakeKeys';
import { ScriptedUi } from '../../../test/support/scriptedUi';
import type { KeySettings } from './keyAccess';
import { KeyAccess } from './keyAccess';
import { LATER, NEW_KEY, NO_KEY, REUSE_PREFIX } from './newProfileKey';
import { manageProfilesFlow, switchProfileFlow, USE_NOW } from './profileFlows';

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

  it('adds a compatible profile that reuses the key of another, and makes it active at once', async () => {
    const { access, user, items } = setup();
    const key = freshOpenAiKey();
    items.set('openai', key);
    const ui = new ScriptedUi({
      picks: ['Add Profile…', 'OpenAI-compatible', `${REUSE_PREFIX}openai`],
      inputs: ['local', 'http://127.0.0.1:11434/v1'],
      buttons: [USE_NOW],
    });
    const outcome = await manageProfilesFlow(access, ui);
    assert.equal(outcome.kind, 'added');
    assert.equal(items.get('local'), key, 'the keychain item was copied to the new account');
    assert.equal(user.profile, 'local', '"Use it now" made it active');
    assert.equal(access.activeProfile().name, 'local');
    const keyPick = ui.calls.find((c) => c.kind === 'pick' && c.text.includes("the key for 'local'"));
    assert.deepEqual(keyPick?.actions, [NEW_KEY, `${REUSE_PREFIX}openai`, NO_KEY]);
    assert.equal(ui.calls.filter((c) => c.kind === 'input').length, 2, 'name and URL only: no key typed');
    const done = ui.calls.at(-1);
    assert.match(done?.text ?? '', /shares the key .* of 'openai'/);
    assert.deepEqual(done?.actions, [USE_NOW]);
    assert.ok(!ui.transcript.includes(key), 'the key is never shown');
  });

  it('asks for a new key at once when no other profile has one, and leaves the active profile alone', async () => {
    const { access, user, items } = setup();
    const key = freshOpenAiKey();
    const ui = new ScriptedUi({ picks: ['Add Profile…', 'OpenAI'], inputs: ['personal', ` ${key} `] });
    const outcome = await manageProfilesFlow(access, ui);
    assert.equal(outcome.kind, 'added');
    assert.equal(items.get('personal'), key);
    assert.deepEqual(
      ui.calls.map((c) => c.kind),
      ['pick', 'pick', 'input', 'input', 'info'],
      'no key-source question when there is only one answer',
    );
    assert.equal(ui.calls[3]?.password, true);
    assert.equal(user.profile, undefined, 'not made active without "Use it now"');
    assert.ok(!ui.transcript.includes(key));
  });

  it('offers "No key" for a compatible server and "later" for OpenAI, storing nothing for either', async () => {
    const { access, items } = setup();
    items.set('openai', freshOpenAiKey());
    await manageProfilesFlow(
      access,
      new ScriptedUi({
        picks: ['Add Profile…', 'OpenAI-compatible', NO_KEY],
        inputs: ['lan', 'http://10.0.0.2/v1'],
      }),
    );
    const later = new ScriptedUi({ picks: ['Add Profile…', 'OpenAI', LATER], inputs: ['spare'] });
    await manageProfilesFlow(access, later);
    assert.deepEqual([...items.keys()], ['openai']);
    assert.match(later.calls.at(-1)?.text ?? '', /no key yet/);
    assert.ok(access.profile('lan') && access.profile('spare'));
  });
});
