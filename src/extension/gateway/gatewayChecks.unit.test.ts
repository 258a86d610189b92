import * as assert from 'node:assert/strict';
import type { Profile } from '../../core/keys/profiles';
import { gatewayRefusal } from './gatewayChecks';

describe('gatewayRefusal (whether the editor may start the gateway for the active profile)', () => {
  const openai: Profile = { name: 'openai', kind: 'openai' };
  const local: Profile = { name: 'local', kind: 'compatible', baseUrl: 'http://127.0.0.1:11434/v1' };

  it('starts with a key in the keychain, or in the environment the user allowed', () => {
    assert.equal(gatewayRefusal(openai, 'keychain'), undefined);
    assert.equal(gatewayRefusal(openai, 'env'), undefined);
  });

  it('starts a keyless compatible server, but not an OpenAI profile with no key', () => {
    assert.equal(gatewayRefusal(local, undefined), undefined);
    assert.match(gatewayRefusal(openai, undefined) ?? '', /No API key for profile 'openai'.*Set API Key/);
  });

  it('refuses a key only SecretStorage holds (the child cannot read it and is never handed it)', () => {
    assert.match(gatewayRefusal(openai, 'secret-storage') ?? '', /SecretStorage.*keychain/);
    assert.match(gatewayRefusal(local, 'secret-storage') ?? '', /SecretStorage/);
    assert.match(gatewayRefusal(openai, 'unavailable') ?? '', /keychain cannot be read/);
  });

  it('refuses the dry-run profile (nowhere to forward); starts Azure with its key, not without', () => {
    assert.match(gatewayRefusal({ name: 'dry-run', kind: 'dry-run' }, 'none') ?? '', /nowhere to forward/);
    const azure: Profile = {
      name: 'az',
      kind: 'azure',
      endpoint: 'https://example.openai.azure.com',
      deployment: 'd',
      apiVersion: '2024-10-21',
    };
    assert.equal(gatewayRefusal(azure, 'keychain'), undefined);
    assert.match(gatewayRefusal(azure, undefined) ?? '', /No API key for profile 'az'/);
  });
});
