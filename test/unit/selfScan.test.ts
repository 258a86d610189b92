import * as assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { scanCommand } from '../../src/cli/scan';

// The brief's rule, kept by a test: the repository passes its own `secure-gpt scan`, with only the
// fixtures `.secure-gpt/allowlist.json` names. A rule that starts to read one of the repo's own
// fixtures or comments as a credential fails here, not later in someone's pre-commit hook.
const repo = resolve(__dirname, '../../..');

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return () => Buffer.concat(chunks).toString('utf8');
}

describe('the repository under its own scan', () => {
  it('reports nothing outside the allowlist (exit 0, no findings)', async function () {
    this.timeout(120_000);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out = collect(stdout);
    const err = collect(stderr);
    const code = await scanCommand.run([repo, '--format', 'json', '--jobs', '1'], {
      stdout,
      stderr,
      stdin: new PassThrough(),
      env: {},
      isTty: false,
    });
    const report = JSON.parse(out()) as { findings?: { file?: string; ruleId?: string; line?: number }[] };
    const where = (report.findings ?? []).map((f) => `${f.file ?? '?'}:${f.line ?? '?'} ${f.ruleId ?? '?'}`);
    assert.deepEqual(where, [], err());
    assert.equal(code, 0, err());
  });
});
