import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scanEntry } from '../../src/cli/scanWork';
import { isNotebook } from '../../src/core/detect/notebookView';
import { ALNUM, randomToken } from '../../src/core/detect/random';
import { lineStarts } from '../../src/core/detect/scanner';
import { readEntry } from '../../src/core/fs/readEntry';
import { silentLogger } from '../../src/core/log';
import { WorkspaceState } from '../../src/server/workspace';
import { notebook } from '../support/notebooks';

/** A password with the mixture generic-password asks for, drawn fresh. */
const password = (): string => `${randomToken(ALNUM, 9)}#${randomToken(ALNUM, 3)}`;

describe('notebooks in `scan` and the language server', () => {
  it('reads decoded cells in notebooks only, by path; other files as written', () => {
    assert.ok(isNotebook('/w/analysis.ipynb') && isNotebook('file:///w/A.IPYNB'));
    assert.ok(!isNotebook('/w/data.json') && !isNotebook('/w/app.py'));
    const pw = password();
    // A tab before the operator: as written the notebook holds a backslash and a `t` there, which only the
    // decoded cell reads as a blank (an escaped quote alone the assignment rules read as written).
    const text = notebook([`password\t= "${pw}"`]);
    const dir = mkdtempSync(join(tmpdir(), 'secure-gpt-nb-'));
    try {
      for (const name of ['analysis.ipynb', 'data.json']) {
        writeFileSync(join(dir, name), text);
      }
      const result = (name: string): number => {
        const r = scanEntry(readEntry(join(dir, name), 1 << 20));
        return r.kind === 'file' ? r.findings.length : -1;
      };
      assert.equal(result('analysis.ipynb'), 1);
      assert.equal(result('data.json'), 0);
      const state = new WorkspaceState(() => undefined, silentLogger);
      const uri = `file://${join(dir, 'analysis.ipynb')}`;
      assert.equal(state.scan(uri, text).length, 1);
      // An edit rescans the whole notebook, so its cells read the same as at open.
      const range = state.scannerFor(uri).scanRange(text, 3, 3, lineStarts(text));
      assert.equal(range.startLine, 0);
      assert.equal(range.findings.length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
