// Mocha setup for the unit tests (.mocharc.unit.json `require`, first): the run's temp files go in one folder
// of its own, removed when the run ends. Tests, and the processes they start, make folders through
// os.tmpdir() (.env trees with made-up keys, CLI homes, bundles); about forty a run were left behind in the
// system's temp folder, fake secrets among them.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runDir = mkdtempSync(join(tmpdir(), 'sgpt-test-run-'));
// Others may pass through, not list: a test runs the CLI as an unprivileged user on a folder it opens to
// them (cliProcess.test.ts); every other folder inside stays its owner's alone, as mkdtemp makes it.
chmodSync(runDir, 0o711);
// os.tmpdir() reads these on every call; child processes inherit them.
for (const name of ['TMPDIR', 'TEMP', 'TMP']) {
  process.env[name] = runDir;
}
process.once('exit', () => rmSync(runDir, { recursive: true, force: true }));
