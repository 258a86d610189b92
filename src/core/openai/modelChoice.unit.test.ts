import * as assert from 'node:assert/strict';
import type { Profile } from '../keys/profiles';
import { chooseModels, UNNAMED_LOCAL_MODEL } from './modelChoice';

const base = {
  selected: undefined,
  settingsModel: 'gpt-4o-mini',
  settingsModels: ['gpt-4o-mini', 'gpt-4o'],
  settingsModelConfigured: false,
};
const local: Profile = { name: 'local', kind: 'compatible', baseUrl: 'http://127.0.0.1:11434/v1' };

describe('model choice', () => {
  it('prefers the listing, dropping ids that cannot chat, sorted', () => {
    const choice = chooseModels({
      ...base,
      profile: { name: 'openai', kind: 'openai' },
      listed: ['whisper-1', 'gpt-4o', 'text-embedding-3-small', 'gpt-4o-mini', 'dall-e-3', 'gpt-4o'],
    });
    assert.deepEqual(choice, { models: ['gpt-4o', 'gpt-4o-mini'], model: 'gpt-4o-mini', source: 'endpoint' });
  });

  it('never offers OpenAI names for a compatible server that listed none, unless the user chose one', () => {
    assert.deepEqual(chooseModels({ ...base, profile: local, listed: undefined }).models, [
      UNNAMED_LOCAL_MODEL,
    ]);
    assert.deepEqual(chooseModels({ ...base, profile: local, listed: [] }).models, [UNNAMED_LOCAL_MODEL]);
    const configured = chooseModels({
      ...base,
      settingsModelConfigured: true,
      profile: local,
      listed: undefined,
    });
    assert.deepEqual(configured.models, ['gpt-4o-mini']);
    const pinned = chooseModels({ ...base, profile: { ...local, model: 'phi4' }, listed: undefined });
    assert.deepEqual(pinned, { models: ['phi4'], model: 'phi4', source: 'profile' });
  });

  it("keeps a selection only while the list holds it, and puts the profile's model first otherwise", () => {
    const listed = ['a-model', 'b-model'];
    const pinned = { ...local, model: 'b-model' };
    assert.equal(chooseModels({ ...base, profile: pinned, listed, selected: 'a-model' }).model, 'a-model');
    assert.equal(chooseModels({ ...base, profile: pinned, listed, selected: 'gpt-4o' }).model, 'b-model');
    assert.equal(chooseModels({ ...base, profile: local, listed, selected: undefined }).model, 'a-model');
  });
});
