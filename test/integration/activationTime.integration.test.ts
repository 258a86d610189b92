import * as assert from 'assert';
import { readyApi } from './vscodeTestKit';

// How long activation keeps the editor waiting, in the real VS Code: `npm run bench` runs this suite and reads
// the line it prints. No figure is asserted (a benchmark never fails a test); the order is: the language
// server is started only after `activate` has returned, so its fork and handshake are off the activation path.
describe('Activation time', () => {
  it('returns from activate before the language server starts, which then becomes ready', async () => {
    const { activation, languageClient } = await readyApi();
    const { startedAt, readyAt } = languageClient;
    // The runner shows only lines tagged `[tests]` (see index.ts).
    console.log(
      `[tests] [activation] activate ${(activation.returned - activation.began).toFixed(1)} ms; ` +
        `language client ready ${((readyAt ?? NaN) - activation.began).toFixed(0)} ms after activate began`,
    );
    assert.ok(activation.returned >= activation.began);
    assert.ok(
      startedAt !== undefined && startedAt >= activation.returned,
      'the server started during activate',
    );
    assert.ok(readyAt !== undefined && readyAt >= startedAt);
    assert.ok(languageClient.client.isRunning());
  });
});
