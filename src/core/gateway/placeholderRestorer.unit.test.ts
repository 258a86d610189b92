import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../detect/random';
import { RedactionMap } from '../pipeline/redactionMap';
import { AnswerField, PlaceholderRestorer } from './placeholderRestorer';

function feed(restorer: { push(s: string): string; flush(): string }, pieces: readonly string[]): string[] {
  const out = pieces.map((p) => restorer.push(p));
  out.push(restorer.flush());
  return out;
}

describe('PlaceholderRestorer', () => {
  const secret = `v-${randomToken(ALNUM, 24)}`;
  const map = new RedactionMap();
  const placeholder = map.placeholderFor('github-pat', secret);

  it('restores a placeholder split at every position across two chunks', () => {
    const text = `use ${placeholder} here`;
    for (let cut = 0; cut <= text.length; cut++) {
      const out = feed(new PlaceholderRestorer(map), [text.slice(0, cut), text.slice(cut)]);
      assert.equal(out.join(''), `use ${secret} here`, `cut at ${cut}`);
      // No emitted piece carries a fragment of the placeholder that the client could show unrestored.
      assert.ok(
        out.every((piece) => !piece.includes('‹') || piece.includes(secret)),
        `cut at ${cut}`,
      );
    }
  });

  it('restores one character at a time', () => {
    const text = `a ${placeholder}${placeholder} b`;
    assert.equal(feed(new PlaceholderRestorer(map), [...text]).join(''), `a ${secret}${secret} b`);
  });

  it('never restores the key in use nor a placeholder the conversation did not issue', () => {
    const keyPlaceholder = map.placeholderFor('api-key', `sk-${randomToken(ALNUM, 30)}`);
    const text = `${keyPlaceholder} ‹secret:github-pat#9› ‹not one›`;
    assert.equal(feed(new PlaceholderRestorer(map), [text.slice(0, 5), text.slice(5)]).join(''), text);
  });

  it('emits an unfinished placeholder as it came at the end', () => {
    assert.equal(feed(new PlaceholderRestorer(map), ['x ‹secret:github-p']).join(''), 'x ‹secret:github-p');
    // A long run after '‹' is not held.
    assert.equal(new PlaceholderRestorer(map).push(`‹${'a'.repeat(200)}`).length, 201);
  });

  it('JSON-escapes a restored value inside a tool call argument string', () => {
    const multiLine = `line1\n"quoted"\\${randomToken(ALNUM, 12)}`;
    const m = new RedactionMap();
    const p = m.placeholderFor('private-key', multiLine);
    const args = `{"key":"${p}"}`;
    const out = feed(new PlaceholderRestorer(m, 'json-string'), [args.slice(0, 12), args.slice(12)]).join('');
    assert.deepEqual(JSON.parse(out), { key: multiLine });
  });
});

describe('AnswerField', () => {
  it('masks the key the upstream echoes, split across chunks, and restores the placeholders', () => {
    const key = `sk-proj-${randomToken(ALNUM, 40)}`;
    const secret = `v-${randomToken(ALNUM, 24)}`;
    const map = new RedactionMap();
    const placeholder = map.placeholderFor('github-pat', secret);
    const text = `key ${key} and ${placeholder}.`;
    const pieces = text.match(/.{1,5}/gs)!;
    const out = feed(new AnswerField([{ value: key, label: 'api-key' }], map), pieces).join('');
    assert.ok(!out.includes(key.slice(8, 16)));
    assert.match(out, /‹redacted:api-key›/);
    assert.ok(out.endsWith(`and ${secret}.`));
  });
});
