// Run only by test/support/runIntegration.js, never by the main suite (the index loads *.integration.test.js):
// a run holding one failing assertion must come back red, or the harness would report green whatever happens.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('Runner self-check (fails on purpose)', () => {
  it('passes: the extension host runs the suite', () => {
    assert.ok(vscode.version);
  });

  it('fails on purpose: the run must turn red', () => {
    assert.strictEqual(1 + 1, 3, 'deliberate failure');
  });
});
