import * as assert from 'node:assert/strict';
import { freshPemLines } from '../../../test/support/fakePem';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { redactText } from './redact';
import { RedactionMap } from './redactionMap';

describe('redaction end to end: secrets the redact tier reads decoded', () => {
  it('hides a key spread over a notebook cell’s lines and a split token, and restores both locally', () => {
    const key = freshPemLines('PRIVATE KEY');
    const token = githubToken('ghp', randomToken(ALNUM, 30));
    const source = [
      'import os\\n',
      `PRIVATE_KEY = \\"\\"\\"${key[0]}\\n`,
      ...key.slice(1).map((line) => `${line}\\n`),
      '\\"\\"\\"\\n',
      `TOKEN = \\"${token.slice(0, 15)}\\" + \\"${token.slice(15)}\\"\\n`,
    ];
    const notebook = JSON.stringify(
      { cells: [{ cell_type: 'code', metadata: {}, source: ['SOURCE'] }], nbformat: 4 },
      null,
      1,
    ).replace('"SOURCE"', source.map((s) => `"${s}"`).join(',\n    '));
    assert.doesNotThrow(() => JSON.parse(notebook));

    const map = new RedactionMap();
    const out = redactText(notebook, map);
    for (const line of key.slice(1, -1)) {
      assert.ok(!out.text.includes(line.slice(0, 16)), 'a key line was sent');
    }
    assert.ok(!out.text.includes(token.slice(4, 15)) && !out.text.includes(token.slice(15)));
    assert.match(out.text, /"import os\\n"/);
    assert.equal(map.restore(out.text), notebook);
  });
});
