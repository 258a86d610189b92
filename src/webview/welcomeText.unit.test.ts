import * as assert from 'node:assert/strict';
import type { ProfileState } from '../protocol/webview';
import { badgeText, welcomeMode } from './welcomeText';

const state = (key: ProfileState['key'], dryRunProfile = false, profile = 'openai'): ProfileState => ({
  profile,
  key,
  dryRunProfile,
});

describe('the chat welcome and header badge', () => {
  it('a missing key or the dry-run profile shows the dry-run welcome', () => {
    assert.equal(welcomeMode(state('missing')), 'dry-run');
    assert.equal(welcomeMode(state('not-needed', true, 'dry-run')), 'dry-run');
    assert.equal(welcomeMode(state('unknown', true, 'dry-run')), 'dry-run');
  });

  it('a key set, from the environment or not needed shows the ready welcome', () => {
    assert.equal(welcomeMode(state('set')), 'ready');
    assert.equal(welcomeMode(state('env')), 'ready');
    assert.equal(welcomeMode(state('not-needed', false, 'local')), 'ready');
  });

  it('does not guess before the key state is known', () => {
    assert.equal(welcomeMode(undefined), 'checking');
    assert.equal(welcomeMode(state('unknown')), 'checking');
  });

  it('the badge names the profile and the key state in words', () => {
    assert.equal(badgeText(state('set')), 'openai · key set');
    assert.equal(badgeText(state('env')), 'openai · environment key');
    assert.equal(badgeText(state('missing')), 'openai · no key: dry run');
    assert.equal(badgeText(state('not-needed', true, 'dry-run')), 'dry-run · dry run');
    assert.equal(badgeText(state('not-needed', false, 'local')), 'local · no key needed');
  });
});
