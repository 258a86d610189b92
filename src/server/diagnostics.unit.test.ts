import * as assert from 'node:assert/strict';
import { builtinRules } from '../core/detect/catalog';
import { scan } from '../core/detect/scanner';
import { freshOpenAiKey } from '../../test/support/fakeKeys';
import { QUIET_MS, quietDelay, toDiagnostic } from './diagnostics';

describe('diagnostics carry a next step', () => {
  it('links the rule id to where the key is revoked, and the hover says so and names the quick fix', () => {
    const key = freshOpenAiKey();
    const [finding] = scan(`OPENAI_API_KEY=${key}\n`);
    assert.ok(finding, 'the fixture key is found');
    const rule = builtinRules.find((r) => r.id === finding.ruleId);
    assert.ok(rule?.revokeUrl, `${finding.ruleId} has a revoke URL`);
    const diagnostic = toDiagnostic(finding, {});
    assert.equal(diagnostic.code, finding.ruleId, 'the rule id stays the code (ignore comments use it)');
    assert.deepEqual(diagnostic.codeDescription, { href: rule.revokeUrl });
    const host = new URL(rule.revokeUrl).host;
    assert.ok(diagnostic.message.startsWith(finding.message), 'provider and risk first');
    assert.match(
      diagnostic.message,
      new RegExp(
        `Revoke at ${finding.provider}: the ${finding.ruleId} link opens ${host.replace(/\./g, '\\.')}\\.`,
      ),
    );
    assert.match(diagnostic.message, /Quick Fix \(Ctrl\+\. \/ Cmd\+\.\)/);
    assert.ok(
      !diagnostic.message.includes(key) && !JSON.stringify(diagnostic).includes(key),
      'never the key',
    );
  });

  it('without a revoke URL: no link, and the hover still says to revoke and how to fix', () => {
    const bare = builtinRules.find((r) => r.revokeUrl === undefined);
    assert.ok(bare, 'some rule (a generic one) has no revoke URL');
    const [found] = scan(`OPENAI_API_KEY=${freshOpenAiKey()}\n`);
    assert.ok(found);
    const diagnostic = toDiagnostic({ ...found, ruleId: bare.id, provider: bare.provider }, {});
    assert.equal(diagnostic.codeDescription, undefined);
    assert.match(diagnostic.message, /Revoke or rotate it with its issuer/);
    assert.match(diagnostic.message, /Quick Fix/);
  });
});

describe('quietDelay (the pause after an edit before the re-scan)', () => {
  it('waits twice the last re-scan, rounded up', () => {
    assert.equal(quietDelay(7), 14);
    assert.equal(quietDelay(12.2), 25);
    assert.equal(quietDelay(40), 80);
  });

  it('waits at least the floor when re-scans are nearly free', () => {
    assert.equal(quietDelay(0), QUIET_MS.min);
    assert.equal(quietDelay(0.4), QUIET_MS.min);
    assert.equal(quietDelay(4.9), QUIET_MS.min);
  });

  it('never waits longer than the old fixed debounce, however slow the last re-scan', () => {
    assert.equal(QUIET_MS.max, 100);
    assert.equal(quietDelay(50), 100);
    assert.equal(quietDelay(5000), 100);
  });

  it('starts at about 20 ms before a document has been re-scanned, or on a nonsense figure', () => {
    assert.equal(QUIET_MS.initial, 20);
    for (const figure of [undefined, Number.NaN, Number.POSITIVE_INFINITY, -3]) {
      assert.equal(quietDelay(figure), QUIET_MS.initial, String(figure));
    }
  });
});
