import * as assert from 'node:assert/strict';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { applyEdits } from './textView';
import { markupEdits } from './markupViews';
import { fake } from './spanCases';

const plain = (text: string): string => applyEdits(text, markupEdits(text)).text;
const sent = (text: string): string => redactText(text, new RedactionMap()).text;

describe('redact tier: labels and values in markup (markupViews.ts)', () => {
  it('reads emphasis, AsciiDoc labels and inline HTML as plain text', () => {
    assert.equal(plain('*Password:* x'), 'Password: x');
    assert.equal(plain('- **Password**: x'), '- Password: x');
    assert.equal(plain('Password: **x**'), 'Password: x');
    assert.equal(plain('Password:: x'), 'Password: x');
    assert.equal(plain('<b>Password:</b> <code>x</code>'), 'Password: x');
    assert.equal(plain('<dt>Password</dt><dd>x</dd>'), 'Password: x');
    // A Markdown definition list (pandoc, PHP Markdown Extra): the term, then `:` and blanks on the next line.
    assert.equal(
      plain('**Backup encryption key**\n:   x\n:   Stored on paper'),
      'Backup encryption key: x\n:   Stored on paper',
    );
    assert.equal(plain('Password\r\n: x'), 'Password: x');
  });

  it("reads Org mode's description items and Jira's monospace around a generated value, not a template's slot", () => {
    assert.equal(plain('  - psk :: x'), '  - psk: x');
    const key = `${fake(20)}7q`;
    assert.equal(plain(`Test key: {{${key}}}`), `Test key: ${key}`);
    assert.deepEqual(markupEdits('Hello {{ user.name }} and {{apiKeyValue}}'), []);
    assert.deepEqual(markupEdits('a :: b'), []);
    assert.ok(!sent(`* VPN\n  - psk :: ${key}\n  - gateway :: 203.0.113.7`).includes(key));
    assert.ok(!sent(`* Test key for partner sandbox: {{${key}}}\n* Rate limit 100 rpm`).includes(key));
  });

  it('hides a value a definition list gives a credential term, and leaves a ternary split before its colon', () => {
    const key = `${fake(20)}7q`;
    assert.ok(
      !sent(`**Backup encryption key**\n:   ${key}\n:   Stored also on paper in the safe.`).includes(key),
    );
    const pw = `maple${fake(6).toLowerCase()}`;
    assert.ok(!sent(`Admin password\n: ${pw}\n`).includes(pw));
    assert.deepEqual(markupEdits('const x = ready ? first\n: second;'), []);
  });

  it('leaves code and emphasis that labels nothing', () => {
    for (const text of [
      'int x = a * b; int y = *p;',
      'std::string name = ns::value;',
      'This is **important** and *very* so.',
      '/** Returns the key. */',
      'name :: String -> Int',
      'List<Map<String, Integer>> rows;',
    ]) {
      assert.deepEqual(markupEdits(text), [], text);
    }
  });

  it('hides a chosen password that a wiki, a ticket or a page marks up', () => {
    const pw = `maple${fake(6).toLowerCase()}`;
    for (const text of [
      `h3. Staging\n*User:* deploy\n*Password:* ${pw}\n`,
      `## Staging\n- **Host**: db.internal\n- **Password**: ${pw}\n`,
      `Database password:: ${pw}\n`,
      `<p><b>Password:</b> ${pw}</p>`,
      `<dl><dt>Password</dt><dd>${pw}</dd></dl>`,
      `Password: <code>${pw}</code>`,
    ]) {
      const out = sent(text);
      assert.ok(!out.includes(pw), out);
      assert.match(out, /‹secret:/);
    }
  });
});
