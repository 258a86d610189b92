import * as assert from 'node:assert/strict';
import type { CompatibleProfile, Profile } from '../../core/keys/profiles';
import { endpointFor } from '../../core/openai/openaiClient';
import { createOpenAiProvider } from '../../core/openai/openaiProvider';
import { UNNAMED_LOCAL_MODEL } from '../../core/openai/modelChoice';
import { freshOpenAiKey } from '../../../test/support/fakeKeys';
import { FakeOpenAi } from '../../../test/support/fakeOpenAi';
import type { ModelLister, ModelSettings } from './modelCatalog';
import { ModelCatalog } from './modelCatalog';

const DEFAULTS: ModelSettings = {
  model: 'gpt-4o-mini',
  models: ['gpt-4o-mini', 'gpt-4o', 'gpt-4.1'],
  modelConfigured: false,
};

describe('model list per profile (against the loopback server)', () => {
  let server: FakeOpenAi;
  let key: string;
  let warnings: string[];
  beforeEach(async () => {
    server = await new FakeOpenAi().start();
    key = freshOpenAiKey();
    warnings = [];
  });
  afterEach(() => server.stop());

  /** The production path: the profile's transport, with the key read "from the keychain" (here: `key`). */
  const lister: ModelLister = (profile, signal) => {
    const endpoint = endpointFor(profile, key);
    const provider = endpoint ? createOpenAiProvider(endpoint) : undefined;
    return provider?.listModels ? provider.listModels(signal) : Promise.resolve(undefined);
  };
  const catalog = (options: { timeoutMs?: number; now?: () => number } = {}) =>
    new ModelCatalog({
      list: lister,
      settings: () => DEFAULTS,
      log: { trace() {}, debug() {}, info() {}, error() {}, warn: (l) => warnings.push(l) },
      ...options,
    });
  const local = (): CompatibleProfile => ({ name: 'local', kind: 'compatible', baseUrl: server.url });

  it("lists the server's /models (chat models only), sending the profile's key, and caches per profile", async () => {
    server.models = ['qwen2.5-coder:7b', 'llama3.2:3b', 'nomic-embed-text'];
    const models = catalog();
    const changed: number[] = [];
    models.onDidChange(() => changed.push(1));
    const before = models.choice(local(), undefined);
    assert.deepEqual(
      before.models,
      [UNNAMED_LOCAL_MODEL],
      'before the listing: no OpenAI names for a local server',
    );
    const choice = await models.settled(local(), undefined);
    assert.equal(choice.source, 'endpoint');
    assert.deepEqual(choice.models, ['llama3.2:3b', 'qwen2.5-coder:7b']);
    assert.equal(choice.model, 'llama3.2:3b');
    assert.equal(changed.length, 1, 'the picker is told once the list arrives');
    const sent = server.requestsTo('/models');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.headers.authorization, `Bearer ${key}`);
    assert.equal(
      models.choice(local(), 'qwen2.5-coder:7b').model,
      'qwen2.5-coder:7b',
      'a pick in the list is kept',
    );
    assert.equal(models.choice(local(), 'gpt-4o').model, 'llama3.2:3b', 'a pick from another profile is not');
    await models.settled(local(), undefined);
    assert.equal(server.requestsTo('/models').length, 1, 'cached: /models is asked once');
    const pinned: Profile = { ...local(), model: 'mistral' };
    const withPin = await models.settled(pinned, undefined);
    assert.equal(withPin.model, 'mistral', "the profile's own model comes first");
    assert.ok(withPin.models.includes('llama3.2:3b'));
    assert.equal(server.requestsTo('/models').length, 2, 'an edited profile is listed again');
  });

  it('falls back to the profile default when /models fails, logging the failure without the key', async () => {
    server.enqueue({ kind: 'unauthorized', echoKey: 'full' }, { path: '/models', times: 2 });
    let now = 0;
    const models = catalog({ now: () => now });
    const pinned: Profile = { ...local(), model: 'llama3.2' };
    const choice = await models.settled(pinned, undefined);
    assert.deepEqual(choice, { models: ['llama3.2'], model: 'llama3.2', source: 'profile' });
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /Could not list the models of profile 'local'/);
    assert.ok(!warnings.join('\n').includes(key), 'the echoed key is scrubbed');
    const unpinned = await models.settled(local(), undefined);
    assert.deepEqual(unpinned.models, [UNNAMED_LOCAL_MODEL], 'never gpt-4o for a server that listed nothing');
    now += 120_000;
    assert.equal((await models.settled(pinned, undefined)).source, 'endpoint', 'asked again after a while');
  });

  it('gives up after the timeout and uses the fallback', async () => {
    server.enqueue({ kind: 'ok', delayMs: 2000 }, { path: '/models' });
    const started = Date.now();
    const choice = await catalog({ timeoutMs: 150 }).settled(local(), undefined);
    assert.equal(choice.source, 'profile');
    assert.ok(Date.now() - started < 1500, 'did not wait for the slow server');
    assert.equal(warnings.length, 1);
  });

  it('offers secureGpt.models for OpenAI until it lists, and the deployment for Azure without asking', async () => {
    const models = catalog();
    assert.deepEqual(models.choice({ name: 'openai', kind: 'openai' }, undefined), {
      models: DEFAULTS.models,
      model: 'gpt-4o-mini',
      source: 'settings',
    });
    const azure: Profile = {
      name: 'work',
      kind: 'azure',
      endpoint: server.origin,
      deployment: 'prod-4o',
      apiVersion: '2024-10-21',
    };
    assert.deepEqual(await models.settled(azure, undefined), {
      models: ['prod-4o'],
      model: 'prod-4o',
      source: 'profile',
    });
    assert.equal(server.requestsTo('/models').length, 0, 'Azure lists base models, not deployments');
  });
});
