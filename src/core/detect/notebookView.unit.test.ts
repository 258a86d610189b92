import * as assert from 'node:assert/strict';
import { githubToken } from './checksum';
import { fingerprintOf } from './finding';
import { withNotebookCells } from './notebookView';
import { ALNUM, randomToken } from './random';
import { notebook } from '../../../test/support/notebooks';
import { scan } from './scanner';

/** A password with the mixture generic-password asks for, drawn fresh. */
const password = (): string => `${randomToken(ALNUM, 9)}#${randomToken(ALNUM, 3)}`;

describe('notebooks: the report tier reads cells with their JSON escapes decoded', () => {
  it('finds a credential a cell assigns, at its place in the file, and holds no secret', () => {
    const pw = password();
    const tok = randomToken(ALNUM, 24);
    const text = notebook([
      'import psycopg2',
      `conn = psycopg2.connect(host="db", user="etl", password="${pw}")`,
      `api_token = "${tok}"`,
    ]);
    assert.deepEqual(scan(text), [], 'as written, `\\"` ends the literal rules at its backslash');
    const found = withNotebookCells(text, {}, scan(text));
    assert.deepEqual(
      found.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      [
        ['generic-password', pw],
        ['generic-secret', tok],
      ],
    );
    const line = text.split('\n').findIndex((l) => l.includes(pw));
    assert.equal(found[0]!.startPos.line, line);
    assert.equal(found[0]!.startPos.column, text.split('\n')[line]!.indexOf(pw));
    assert.ok(!JSON.stringify(found).includes(pw) && !JSON.stringify(found).includes(tok));
  });

  it('keeps a finding the file shows as written once, and honours the allowlist', () => {
    const key = githubToken('ghp', randomToken(ALNUM, 30));
    const pw = password();
    const text = notebook([`GITHUB_TOKEN = "${key}"`, `password = "${pw}"`]);
    const found = withNotebookCells(text, {}, scan(text));
    assert.deepEqual(
      found.map((f) => text.slice(f.start, f.end)),
      [key, pw],
    );
    const allowed = withNotebookCells(text, { allowlist: new Set([fingerprintOf(pw)]) }, scan(text));
    assert.deepEqual(
      allowed.map((f) => text.slice(f.start, f.end)),
      [key],
    );
  });
});
