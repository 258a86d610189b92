import * as assert from 'node:assert/strict';
import { QUIET_MS, quietDelay } from './diagnostics';

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
