import * as assert from 'assert';
import { readyApi } from './vscodeTestKit';

// How long activation keeps the editor waiting, in the real VS Code: `npm run bench` runs this suite and reads
// the line it prints. No figure is asserted (a benchmark never fails a test); the order is: the features bundle
// and the language server are started only after `activate` has returned, so the bundle's parse, the server's
// fork and its handshake are off the activation path.
describe('Activation time', () => {
  it('returns from activate before the language server starts, which then becomes ready', async () => {
    const { activation, languageClient } = await readyApi();
    const { startedAt, readyAt } = languageClient;
    const { module: entry, featuresStartedAt } = activation;
    // The runner shows only lines tagged `[tests]` (see index.ts). The entry bundle's own run (its modules'
    // top-level code, after VS Code read and compiled it) counts as module load, as the Running Extensions view
    // counts it; the features bundle loads after `activate` returned.
    console.log(
      `[tests] [activation] activate ${(activation.returned - activation.began).toFixed(1)} ms; ` +
        `language client ready ${((readyAt ?? NaN) - activation.began).toFixed(0)} ms after activate began; ` +
        `entry module ran ${((entry?.ended ?? NaN) - (entry?.began ?? NaN)).toFixed(1)} ms, ` +
        `${(activation.began - (entry?.ended ?? NaN)).toFixed(0)} ms before activate; ` +
        `features started ${(featuresStartedAt - activation.began).toFixed(0)} ms after activate began`,
    );
    assert.ok(entry && entry.began <= entry.ended && entry.ended <= activation.began, 'the bundle ran first');
    assert.ok(featuresStartedAt >= activation.returned, 'the features started during activate');
    assert.ok(activation.returned >= activation.began);
    assert.ok(
      startedAt !== undefined && startedAt >= activation.returned,
      'the server started during activate',
    );
    assert.ok(readyAt !== undefined && readyAt >= startedAt);
    assert.ok(languageClient.client.isRunning());
  });
});
