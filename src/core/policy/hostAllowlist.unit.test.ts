import * as assert from 'node:assert/strict';
import { DEFAULT_ALLOWED_HOSTS, allowlistPolicy, hostMatches } from './hostAllowlist';

describe('endpoint host allowlist', () => {
  it('matches exact hosts and *.domain subdomains only', () => {
    assert.ok(hostMatches('api.openai.com', 'API.openai.com'));
    assert.ok(hostMatches('*.openai.azure.com', 'myres.openai.azure.com'));
    assert.ok(!hostMatches('*.openai.azure.com', 'openai.azure.com'));
    assert.ok(!hostMatches('*.openai.azure.com', 'evilopenai.azure.com.attacker.net'));
    assert.ok(!hostMatches('api.openai.com', 'api.openai.com.attacker.net'));
  });

  it('refuses a host not on the list, naming the setting', () => {
    const policy = allowlistPolicy(DEFAULT_ALLOWED_HOSTS);
    assert.equal(policy.check(new URL('https://api.openai.com/v1')), undefined);
    assert.equal(policy.check(new URL('https://res1.openai.azure.com/')), undefined);
    const refusal = policy.check(new URL('https://proxy.attacker.example/v1'));
    assert.match(refusal ?? '', /proxy\.attacker\.example is not in secureGpt\.endpoint\.allowedHosts/);
  });

  it('still refuses plain http to a remote host, and always allows loopback', () => {
    const policy = allowlistPolicy(['api.example.com']);
    assert.match(policy.check(new URL('http://api.example.com/v1')) ?? '', /must use HTTPS/);
    assert.equal(policy.check(new URL('http://127.0.0.1:8080/v1')), undefined);
    assert.equal(policy.check(new URL('http://localhost:11434/v1')), undefined);
  });
});
