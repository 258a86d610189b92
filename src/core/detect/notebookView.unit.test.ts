import * as assert from 'node:assert/strict';
import { githubToken } from './checksum';
import { fingerprintOf } from './finding';
import { withNotebookCells } from './notebookView';
import { ALNUM, randomToken } from './random';
import { notebook } from '../../../test/support/notebooks';
import { scan } from './scanner';
import { newStats } from './scanStats';

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
    const expected = [
      ['generic-password', pw],
      ['generic-secret', tok],
    ];
    // As written, the assignment rules read `\\"` as the quote it stands for: the file alone shows both.
    const direct = scan(text);
    assert.deepEqual(
      direct.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      expected,
    );
    // The decoded cells find them too, at the same places: each is kept once.
    const found = withNotebookCells(text, {}, direct);
    assert.deepEqual(
      found.map((f) => [f.ruleId, text.slice(f.start, f.end)]),
      expected,
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
    const allowlist = new Set([fingerprintOf(pw)]);
    const allowed = withNotebookCells(text, { allowlist }, scan(text, { allowlist }));
    assert.deepEqual(
      allowed.map((f) => text.slice(f.start, f.end)),
      [key],
    );
  });
  it('names what it abandons in a flood of cells in the file’s offsets, never the decoded view’s', () => {
    const pairs = Array.from({ length: 5000 }, () => `pwd="${password()}"`).join(' ');
    const text = notebook([pairs]);
    const stats = newStats();
    withNotebookCells(text, { stats }, scan(text));
    assert.ok(stats.capped > 0 && stats.unexamined.length > 0);
    const line = text.indexOf('pwd=');
    const lineEnd = text.indexOf('\n', line);
    for (let i = 0; i < stats.unexamined.length; i += 2) {
      // Each starts at a pair of the file and runs past its last pair: in the view's offsets, shorter by
      // the escapes, it would end about 20,000 characters before that.
      const [start, end] = [stats.unexamined[i]!, stats.unexamined[i + 1]!];
      assert.ok(start >= line && start < lineEnd && text.startsWith('pwd=', start), 'starts at a pair');
      assert.ok(end > text.lastIndexOf('pwd=') && end <= text.length, 'runs past the last pair');
    }
  });
});
