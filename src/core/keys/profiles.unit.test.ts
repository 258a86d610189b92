import * as assert from 'node:assert/strict';
import {
  BUILTIN_PROFILES,
  describeProfile,
  envVarFor,
  findProfile,
  keyRequirement,
  parseProfiles,
} from './profiles';

describe('profiles', () => {
  it('has the built-in openai and dry-run profiles with no configuration', () => {
    const set = parseProfiles(undefined);
    assert.deepEqual(set.profiles, BUILTIN_PROFILES);
    assert.deepEqual(set.problems, []);
  });

  it('parses every kind with its own fields', () => {
    const set = parseProfiles([
      {
        name: 'work-azure',
        kind: 'azure',
        endpoint: 'https://contoso.openai.azure.com',
        deployment: 'gpt4o',
        apiVersion: '2024-10-21',
      },
      { name: 'ollama', kind: 'compatible', baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3' },
      { name: 'personal', kind: 'openai', model: 'gpt-4o-mini' },
      { name: 'preview', kind: 'dry-run' },
    ]);
    assert.deepEqual(set.problems, []);
    assert.equal(set.profiles.length, 6, 'four configured plus two built-ins');
    const azure = findProfile(set, 'work-azure');
    assert.equal(azure?.kind, 'azure');
    assert.match(describeProfile(azure), /contoso\.openai\.azure\.com.*gpt4o.*2024-10-21/);
    assert.equal(keyRequirement(findProfile(set, 'ollama')!), 'optional');
    assert.equal(keyRequirement(findProfile(set, 'preview')!), 'none');
  });

  it('drops invalid entries with a reason instead of half-using them', () => {
    const set = parseProfiles([
      { name: 'bad url', kind: 'compatible', baseUrl: 'x' },
      { name: 'az', kind: 'azure', endpoint: 'ftp://host', deployment: 'd', apiVersion: 'latest' },
      { name: 'ok', kind: 'teleport' },
      'not an object',
    ]);
    assert.equal(set.profiles.length, 2);
    assert.equal(set.problems.length, 4);
    assert.match(set.problems.join('\n'), /apiVersion/);
  });

  it('refuses a profile that carries a key and says where keys go', () => {
    const set = parseProfiles([{ name: 'leaky', kind: 'openai', apiKey: 'anything-here' }]);
    assert.equal(findProfile(set, 'leaky'), undefined);
    assert.match(set.problems[0] ?? '', /Set API Key/);
    assert.ok(!set.problems[0]?.includes('anything-here'), 'the problem never quotes the value');
  });

  it('lets a configured profile replace a built-in of the same name, and reports duplicates', () => {
    const set = parseProfiles([
      { name: 'openai', kind: 'compatible', baseUrl: 'https://proxy.example.com/v1' },
      { name: 'openai', kind: 'openai' },
    ]);
    assert.equal(findProfile(set, 'openai')?.kind, 'compatible');
    assert.match(set.problems[0] ?? '', /defined twice/);
  });

  it('reads the environment only for OpenAI and Azure, never for compatible servers', () => {
    assert.equal(envVarFor('openai'), 'OPENAI_API_KEY');
    assert.equal(envVarFor('azure'), 'AZURE_OPENAI_API_KEY');
    assert.equal(envVarFor('compatible'), undefined);
    assert.equal(envVarFor('dry-run'), undefined);
  });
});
