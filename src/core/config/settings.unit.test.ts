import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readSettings, settingSpecs } from './settings';

describe('settings validation', () => {
  it('gives the defaults when nothing is set', () => {
    const { settings, problems } = readSettings(() => undefined);
    assert.deepEqual(problems, []);
    assert.equal(settings['redaction.policy'], 'redact');
    assert.equal(settings['limits.requestsPerMinute'], 20);
    assert.ok(settings['redaction.excludeGlobs'].includes('.env*'));
  });

  it('falls back to the default with a clear message for each bad value, never echoing it', () => {
    const pasted = 'not-a-model name with spaces';
    const bad: Record<string, unknown> = {
      model: pasted,
      'limits.requestsPerMinute': -5,
      'retention.days': 1.5,
      'endpoint.allowedHosts': ['https://api.openai.com/'],
      moderation: 'sometimes',
      'budget.prices': { 'gpt-4o': { input: 'cheap' } },
    };
    const { settings, problems } = readSettings((key) => bad[key]);
    assert.equal(settings.model, 'gpt-4o-mini');
    assert.equal(settings['limits.requestsPerMinute'], 20);
    assert.equal(settings.moderation, 'off');
    assert.deepEqual(problems.map((p) => p.key).sort(), [
      'secureGpt.budget.prices',
      'secureGpt.endpoint.allowedHosts',
      'secureGpt.limits.requestsPerMinute',
      'secureGpt.model',
      'secureGpt.moderation',
      'secureGpt.retention.days',
    ]);
    assert.match(
      problems.find((p) => p.key === 'secureGpt.limits.requestsPerMinute')!.message,
      /expected a whole number from 0 \(no limit\) to 10000; using the default \(20\)/,
    );
    assert.ok(problems.every((p) => !p.message.includes(pasted)));
  });

  it('matches the defaults package.json declares', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as {
      contributes: {
        configuration:
          | { properties: Record<string, { default?: unknown }> }
          | { properties: Record<string, { default?: unknown }> }[];
      };
    };
    const sections = ([] as { properties: Record<string, { default?: unknown }> }[]).concat(
      manifest.contributes.configuration,
    );
    const declared = Object.assign({}, ...sections.map((s) => s.properties)) as Record<
      string,
      { default?: unknown }
    >;
    for (const [key, spec] of Object.entries(settingSpecs)) {
      const entry = declared[`secureGpt.${key}`];
      assert.ok(entry, `package.json does not declare secureGpt.${key}`);
      assert.deepEqual(entry.default, spec.default, `default of secureGpt.${key}`);
    }
  });
});
