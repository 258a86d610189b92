import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../detect/random';
import { guardPayload } from '../pipeline/guard';
import type { KnownValue } from '../pipeline/knownValues';
import { normalizeKnownValues } from '../pipeline/knownValues';
import { redactText } from '../pipeline/redact';
import { RedactionMap } from '../pipeline/redactionMap';
import { encodedForms } from './encodedForms';
import { findKnownSpans, joinedView, textOffset } from './knownSpans';

/** A value with characters every encoding treats differently: `@`, `/`, `+`, space. */
const tricky = (): string => `p@ss/${randomToken(ALNUM, 6)}+x y`;
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');
const b64url = (s: string): string => Buffer.from(s, 'utf8').toString('base64url');

function known(value: string): KnownValue[] {
  return normalizeKnownValues([{ kind: 'env-value', value }]);
}

/** Redacts `text` with `value` known, with the recall tier off so that only the known-value guard acts. */
function redacted(text: string, value: string): string {
  return redactText(text, new RedactionMap(), { known: known(value), recall: false }).text;
}

/** The guard over a payload holding `text` as a message, as `prepareRequest` builds it. */
function guarded(text: string, value: string): boolean {
  const payload = JSON.stringify({ messages: [{ role: 'user', content: text }] });
  return !guardPayload(payload, known(value), []).ok;
}

describe('encoded copies of a known value', () => {
  const cases: Array<[string, (v: string) => string]> = [
    ['URL-encoded', (v) => `https://db/?password=${encodeURIComponent(v)}&x=1`],
    ['form-encoded', (v) => `body=${encodeURIComponent(v).replace(/%20/g, '+')}`],
    ['base64', (v) => `secret: ${b64(v)}`],
    ['url-safe base64', (v) => `t=${b64url(v)}`],
    ['base64 inside a longer base64 string', (v) => `data: ${b64(`{"user":"a","password":"${v}"}`)}`],
    ['hex', (v) => `const k = "${Buffer.from(v).toString('hex')}";`],
    ['upper-case hex', (v) => `K=${Buffer.from(v).toString('hex').toUpperCase()}`],
    ['JSON-escaped', (v) => `log: ${JSON.stringify({ pw: v })}`],
  ];
  for (const [name, wrap] of cases) {
    it(`redacts and guards a ${name} copy`, () => {
      const value = `${tricky()}"q`;
      const text = wrap(value);
      assert.ok(findKnownSpans(text, known(value)).length > 0, name);
      assert.equal(guarded(text, value), true, name);
      // The redacted text holds neither the value nor its encoded copy (a detector may claim it first).
      const out = redacted(text, value);
      assert.match(out, /‹secret:[a-z-]+#1›/, name);
      for (const form of [value, ...encodedForms(value)]) {
        assert.ok(!out.includes(form), `${name}: ${form}`);
      }
    });
  }

  it('catches Basic base64(user:value) for any user, at every alignment and for a short value', () => {
    for (const user of ['a', 'ab', 'abc', 'deploy-bot']) {
      for (const value of [tricky(), `s${randomToken(ALNUM, 6)}`]) {
        const text = `Authorization: Basic ${b64(`${user}:${value}`)}\n`;
        assert.equal(redacted(text, value), 'Authorization: Basic ‹secret:env-value#1›\n', user);
        assert.equal(guarded(text, value), true, user);
      }
    }
  });

  it('hides the whole base64 token that holds a value, not only the groups the value fills', () => {
    for (const user of ['a', 'api', 'deploy-bot']) {
      const value = `${randomToken(ALNUM, 4)}${randomToken(ALNUM, 20)}`;
      const token = b64(`${user}:${value}`);
      const out = redacted(`const value = lookup("${token}");\n`, value);
      assert.equal(out, 'const value = lookup("‹secret:env-value#1›");\n', user);
    }
  });

  it('keeps a plain copy inside a longer word to the value itself', () => {
    const value = randomToken(ALNUM, 12);
    const text = `const x${value}Suffix = 1;`;
    assert.equal(redacted(text, value), 'const x‹secret:env-value#1›Suffix = 1;');
  });

  it('adds no form shorter than 8 characters and never the value itself', () => {
    const value = randomToken(ALNUM, 6);
    const forms = encodedForms(value);
    assert.ok(forms.length > 0 && forms.every((f) => f.length >= 8 && f !== value));
    // Normalizing twice does not encode the encoded copies again.
    const once = known(value);
    assert.deepEqual(normalizeKnownValues(once), once);
  });

  it('leaves a text holding no copy unchanged', () => {
    const value = tricky();
    const text = `const a = "${b64('unrelated words')}"; // ${encodeURIComponent('other/thing')}`;
    assert.equal(redacted(text, value), text);
    assert.equal(guarded(text, value), false);
  });
});

describe('a known value split by concatenation or a line wrap', () => {
  const value = `sk-${randomToken(ALNUM, 24)}`;
  const [a, b, c] = [value.slice(0, 9), value.slice(9, 18), value.slice(18)];
  const cases: Array<[string, string]> = [
    ['JS concatenation', `const k = "${a}" + "${b}" + '${c}';`],
    ['concatenation over lines', `const k = "${a}" +\n    "${b}"\n    + "${c}";`],
    ['Python adjacent literals', `k = ("${a}"\n     "${b}"\n     "${c}")`],
    ['PHP concatenation', `$k = '${a}' . '${b}' . '${c}';`],
    ['backslash continuation', `export K=${a}\\\n  ${b}\\\n  ${c}`],
    ['line wrap with indentation', `key:\n  ${a}\n  ${b}\n  ${c}\n`],
    ['wrapped in comments', `# ${a}\n# ${b}\n# ${c}\n`],
  ];
  for (const [name, text] of cases) {
    it(`hides every piece: ${name}`, () => {
      const out = redacted(text, value);
      for (const piece of [a, b, c]) {
        assert.ok(!out.includes(piece), `${name}: ${out}`);
      }
      assert.equal(guarded(text, value), true, name);
    });
  }

  it('maps view offsets back to the text', () => {
    const text = `x = "ab" +\n  "cd";`;
    const joined = joinedView(text)!;
    assert.equal(joined.view, 'x = "abcd";');
    assert.equal(text[textOffset(joined, joined.view.indexOf('c'))], 'c');
    assert.equal(text[textOffset(joined, joined.view.indexOf('x'))], 'x');
    assert.equal(text[textOffset(joined, joined.view.indexOf(';'))], ';');
    const spans = findKnownSpans(text, [{ kind: 'listed-value', value: 'abcd' }]);
    assert.deepEqual(
      spans.map((s) => s.secret),
      ['ab', 'cd'],
    );
  });

  it('does not report an unbroken copy twice, nor pieces of text that only touch a join', () => {
    const text = `a = "${value}" + "${value}"`;
    const spans = findKnownSpans(text, [{ kind: 'api-key', value }]);
    assert.deepEqual(
      spans.map((s) => s.secret),
      [value, value],
    );
  });
});
