import * as assert from 'node:assert/strict';
import { freshPemLines } from '../../../../test/support/fakePem';
import { freshOpenAiKey } from '../../../../test/support/fakeKeys';
import { githubToken } from '../checksum';
import { ALNUM, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import type { RecallDetector } from './recallSpan';
import { decodedView, decodedViewDetector, editWindows, spansInView, WINDOW_LINES } from './decodedViews';
import { RECALL_DETECTORS } from './recallTier';
import { findNamedLiterals } from './namedLiterals';

const views = decodedViewDetector();
const hide = (text: string, detectors: readonly RecallDetector[] = [views]): string =>
  redactText(text, new RedactionMap(), { recallDetectors: detectors }).text;
const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));
const password = (): string => `${randomToken(ALNUM, 9)}!${randomToken(ALNUM, 5)}`;

describe('redact tier: decoded views (JSON escapes, zero-width, smart quotes, concatenation)', () => {
  it('hides a private key spread over the lines of a notebook cell', () => {
    const key = freshPemLines();
    const items = key.map((line) => `    "${line}\\n"`).join(',\n');
    const notebook = `{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "KEY = \\"\\"\\"\\n",\n${items},\n    "\\"\\"\\"\\n"\n   ]\n  }\n ]\n}\n`;
    assert.equal(redactText(notebook, new RedactionMap(), { recall: false }).text, notebook);
    const out = hide(notebook);
    for (const line of key.slice(1, -1)) {
      assert.ok(!out.includes(line), 'a body line survived');
    }
    assert.match(out, /‹secret:private-key-rsa#1›/);
    assert.match(out, /"cell_type": "code"/);
  });

  it('hides what UTF-16 text read as bytes holds, a NUL beside each character, with or without its BOM', () => {
    const token = pat();
    const secret = password();
    const plain = `config:\n  token: ${token}\n  db_password: ${secret}\n`;
    const le = Buffer.from(plain, 'utf16le').toString('latin1');
    const be = [...plain].map((c) => `\u0000${c}`).join('');
    for (const text of [le, `\ufeff${le}`, `\ufeff${be}`]) {
      const out = hide(text, RECALL_DETECTORS).split('\u0000').join('');
      for (const value of [token, secret]) {
        for (let i = 0; i + 8 <= value.length; i++) {
          assert.ok(!out.includes(value.slice(i, i + 8)), out);
        }
      }
      assert.match(out, /config:/);
    }
  });

  it('hides a provider token a mail or a chat wrapped onto a second short line', () => {
    for (const cut of [12, 20, 28]) {
      const token = pat();
      const text = `here's the key from the email, it got wrapped:\nkey: ${token.slice(0, cut)}\n${token.slice(cut)}\nthanks`;
      const out = hide(text);
      for (let i = 0; i + 8 <= token.length; i++) {
        assert.ok(!out.includes(token.slice(i, i + 8)), `${cut}: ${out}`);
      }
      assert.match(out, /thanks$/);
    }
    // A prefix alone, or a line of code after it, joins nothing.
    const code = 'const prefix = "ghp_abcdefghijkl";\nconsole.log(prefix);';
    assert.equal(hide(code), code);
    // Nor does a list of short prefixed strings, a peer's near misses.
    const list = 'dckr_pat_tooshort\ndckr_pat_\nsk_live_short\nsk_test_abc\n';
    assert.equal(hide(list), list);
  });

  it('hides a key in JSON stringified into a log line, once or twice escaped', () => {
    const key = randomToken(ALNUM, 32);
    const once = `INFO request body="{\\"service\\": \\"billing\\", \\"api_key\\": \\"${key}\\"}"`;
    const twice = `{"log": "payload={\\\\\\"api_key\\\\\\": \\\\\\"${key}\\\\\\"}"}`;
    for (const text of [once, twice]) {
      const out = hide(text);
      assert.ok(!out.includes(key), text);
      assert.match(out, /service|payload/);
    }
  });

  it('hides a token with a zero-width character inside, and a value in smart quotes', () => {
    const token = pat();
    const broken = `${token.slice(0, 12)}\u200B${token.slice(12, 20)}\uFEFF${token.slice(20)}`;
    assert.equal(hide(`GITHUB_TOKEN = "${broken}"`), 'GITHUB_TOKEN = "‹secret:github-pat#1›"');
    const pw = password();
    const out = hide(`db_password = “${pw}”`);
    assert.ok(!out.includes(pw));
    assert.match(out, /^db_password = “‹secret:generic-password#1›”$/);
  });

  it('hides every piece of a token split by concatenation, in several languages', () => {
    const token = pat();
    const openai = freshOpenAiKey();
    const cases = [
      `const t = "${token.slice(0, 10)}" + "${token.slice(10, 25)}" + "${token.slice(25)}";`,
      `$key = '${openai.slice(0, 3)}' . '${openai.slice(3, 60)}' . '${openai.slice(60)}';`,
      `TOKEN = (\n    "${token.slice(0, 20)}"\n    "${token.slice(20)}"\n)`,
      `const t = \`${token.slice(0, 8)}\${'${token.slice(8, 30)}'}${token.slice(30)}\`;`,
      `local t = "${token.slice(0, 16)}" .. "${token.slice(16)}"`,
    ];
    for (const text of cases) {
      const out = hide(text);
      for (const piece of [token.slice(4, 10), token.slice(16, 24), token.slice(-6), openai.slice(80, 90)]) {
        assert.ok(!out.includes(piece), `${piece} survived in ${out}`);
      }
      assert.match(out, /‹secret:(?:github-pat|openai-project-key|openai-[a-z-]+)#1›/, out);
    }
  });

  it('leaves ordinary escaped JSON, joined strings, smart quotes and zero-width text alone', () => {
    const negatives = [
      '{"message": "He said \\"hello\\"\\nand left", "path": "C:\\\\Users\\\\me\\\\file.txt", "emoji": "\\ud83d\\ude00"}',
      '{\n "cells": [{"source": [\n  "import pandas as pd\\n",\n  "df = pd.read_csv(\\"data.csv\\")\\n",\n  "df.head()"\n ]}]\n}',
      `const greeting = "Hello, " + "world" + '!';\nconst path = base + "/" + name;`,
      'query = ("SELECT id, name "\n         "FROM users "\n         "WHERE active = 1")',
      'She said “use the staging server” and it‘s fine.',
      'zero\u200Bwidth\u200Cjoiner\u2060text and a BOM\uFEFF',
      `log("commit \\"${randomToken('0123456789abcdef', 40)}\\" pushed")`,
    ];
    for (const text of negatives) {
      assert.equal(hide(text), text);
    }
  });

  it('hides a credential in a query string carried percent-encoded inside another', () => {
    const inner = (detect: readonly RecallDetector[]): readonly RecallDetector[] => [
      decodedViewDetector(() => detect),
    ];
    const named = inner([findNamedLiterals]);
    const key = freshOpenAiKey();
    const encoded = encodeURIComponent(`api_key=${key}`);
    const out = hide(`https://app.example.com/cb?state=${encoded}&x=1`, named);
    assert.ok(!out.includes(encodeURIComponent(key).slice(8, 24)), out);
    assert.match(out, /state=api_key%3D‹secret:/);
    // Encoded twice: a redirect URL's state, encoded again into another.
    const twice = encodeURIComponent(encoded);
    const out2 = hide(`https://login.example.com/authorize?redirect=${twice}`, named);
    assert.ok(!out2.includes(encodeURIComponent(encodeURIComponent(key)).slice(10, 30)), out2);
    assert.match(out2, /api_key%253D‹secret:/);
    // Encoded text with nothing to hide reads as it was written.
    const plain = 'https://example.com/search?q=hello%20world%2C%20again%3F&lang=en';
    assert.equal(hide(plain, named), plain);
    assert.equal(hide('printf("%2d %s", a, b)', named), 'printf("%2d %s", a, b)');
  });

  it('hides a token a terminal or a mail wrapped over lines, and JSON rendered into HTML', () => {
    const all = [decodedViewDetector(() => [findNamedLiterals])];
    const jwt = `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: randomToken(ALNUM, 40), iat: 1 })).toString('base64url')}.${randomToken(ALNUM, 43)}`;
    const wrapped = (t: string, width: number): string =>
      (t.match(new RegExp(`.{1,${width}}`, 'g')) ?? []).join('\n');
    for (const text of [
      `Authorization: Bearer ${wrapped(jwt, 80)}`,
      wrapped(jwt, 76),
      `curl -H "Authorization: Bearer ${jwt.slice(0, 40)}\\\n${jwt.slice(40)}" https://api.example.com`,
    ]) {
      const out = hide(text, all);
      assert.ok(!out.includes(jwt.slice(-20)) && !out.includes(jwt.slice(60, 80)), out);
    }
    const key = freshOpenAiKey();
    const html = `<div data-config="{&quot;apiKey&quot;:&quot;${key}&quot;}"></div>`;
    assert.ok(!hide(html, all).includes(key.slice(10, 30)));
    // A certificate's body wraps too: no line of it names a credential or starts a token.
    const cert = `-----BEGIN CERTIFICATE-----\n${wrapped(randomToken(ALNUM, 320), 64)}\n-----END CERTIFICATE-----\n`;
    assert.equal(hide(cert, all), cert);
  });

  it("reads the next entry after a long value as an entry, not as the value's wrapped rest", () => {
    const value = randomToken(ALNUM, 52);
    for (const text of [
      `  azure:\n  azure_key: ${value}\n  azure_org_id: contoso\n`,
      `AZURE_MANAGEMENT_API_KEY=${value}\nAZURE_MANAGEMENT_API_URL=https://example.management.azure-api.net\n`,
    ]) {
      const out = redactText(text, new RedactionMap()).text;
      assert.ok(!out.includes(value.slice(8, 40)), out);
      assert.match(
        out,
        /\n {0,2}AZURE_MANAGEMENT_API_URL=https:|azure_org_id: contoso/,
        'the next entry is sent as it is',
      );
    }
    // A wrapped token's rest may end in base64's padding: it is still joined.
    const all = [decodedViewDetector(() => [findNamedLiterals])];
    const body = randomToken(ALNUM, 90);
    const padded = `api_key: ${body.slice(0, 60)}\n${body.slice(60)}==\n`;
    assert.ok(!hide(padded, all).includes(body.slice(62, 88)), hide(padded, all));
  });

  it('hides a token with a soft hyphen or a direction mark inside', () => {
    const token = pat();
    for (const mark of ['\u00ad', '\u200e', '\u200f', '\u2066']) {
      const out = hide(`${token.slice(0, 16)}${mark}${token.slice(16)}`);
      assert.ok(!out.includes(token.slice(0, 12)) && !out.includes(token.slice(20, 32)), out);
    }
  });

  it('stays correct on hostile input: half a megabyte of joins, escapes, quotes and percent-encoding', function () {
    this.timeout(120_000); // a shared machine can be slow; correctness, not speed, is what this checks
    // Compared with `===`: a failing deepEqual would print half a megabyte.
    const same = (text: string, expected = text): void => assert.ok(hide(text) === expected);
    const token = pat();
    const joins = '"a" + '.repeat(90_000) + '"a";\n';
    same(`${joins}t = "${token.slice(0, 20)}" + "${token.slice(20)}"`, `${joins}t = "‹secret:github-pat#1›"`);
    same('\\"'.repeat(250_000));
    same("'".repeat(200_001) + '\n' + '"x'.repeat(100_000));
    same(('"x\\n"' + ' '.repeat(150) + ',' + ' '.repeat(300)).repeat(1000));
    same('a%3Db%2F'.repeat(60_000));
  });

  it("reads only the lines near a large file's edits, and finds there what reading the whole view finds", () => {
    const filler = Array.from(
      { length: 400 },
      (_, i) => `  const value${i} = compute(items[${i}], { retries: 3, label: "step ${i}" });`,
    );
    const token = pat();
    const key = freshOpenAiKey();
    const lines = [...filler];
    lines.splice(60, 0, `const t = "${token.slice(0, 18)}" + "${token.slice(18)}";`);
    lines.splice(250, 0, `log("{\\"api_key\\": \\"${key}\\"}");`);
    lines.splice(330, 0, 'console.log("done\\n");');
    const text = lines.join('\n');
    const view = decodedView(text)!;
    const windows = editWindows(view);
    assert.equal(windows.length, 3, 'one window per edit, apart from each other');
    const read = windows.reduce((sum, [a, b]) => sum + b - a, 0);
    assert.ok(read < view.text.length / 4, `windows read ${read} of ${view.text.length}`);
    for (const [a, b] of windows) {
      assert.ok(a === 0 || view.text[a - 1] === '\n', 'a window starts at a line start');
      assert.ok(b === view.text.length || view.text[b] === '\n', 'a window ends at a line end');
      assert.ok(view.text.slice(a, b).split('\n').length >= 2 * WINDOW_LINES);
    }
    const whole: { start: number; end: number; kind: string }[] = [];
    const windowed: { start: number; end: number; kind: string }[] = [];
    spansInView(view, RECALL_DETECTORS, whole);
    spansInView(view, RECALL_DETECTORS, windowed, windows);
    const key2 = (s: { start: number; end: number; kind: string }): string => `${s.start}-${s.end}-${s.kind}`;
    assert.deepEqual(windowed.map(key2).sort(), whole.map(key2).sort());
    assert.ok(whole.length >= 2, 'the joined token and the escaped key are found');
    const out = hide(text, RECALL_DETECTORS);
    assert.ok(
      !out.includes(token.slice(4, 16)) && !out.includes(token.slice(24)) && !out.includes(key.slice(10, 40)),
    );
    assert.match(out, /label: "step 399"/);
  });

  it('reads its windows as one text, each span kept only inside the window it lies in', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `  step(${i}, { retries: 3 });`);
    filler.splice(40, 0, 'log("first\\n"); // MARK');
    filler.splice(220, 0, 'log("second\\n"); // MARK');
    const text = filler.join('\n');
    const view = decodedView(text)!;
    const windows = editWindows(view);
    assert.equal(windows.length, 2);
    const reads: string[] = [];
    // Marks each `MARK`, and one span over the whole text read: that one crosses from window to window.
    const marks: RecallDetector = (t, out) => {
      reads.push(t);
      out.push({ start: 0, end: t.length, kind: 'across' });
      for (let at = t.indexOf('MARK'); at !== -1; at = t.indexOf('MARK', at + 1)) {
        out.push({ start: at, end: at + 4, kind: 'mark' });
      }
    };
    const found: { start: number; end: number; kind: string }[] = [];
    spansInView(view, [marks], found, windows);
    assert.equal(reads.length, 1, 'the detector runs once over both windows');
    assert.deepEqual(
      found.map((f) => [f.start, f.end, f.kind]),
      [text.indexOf('MARK'), text.lastIndexOf('MARK')].map((at) => [at, at + 4, 'mark']),
    );
  });

  it('reads a view whole when its edits are everywhere', () => {
    const text = Array.from({ length: 100 }, (_, i) => `msg${i} = "line ${i}\\n" + "more";`).join('\n');
    const view = decodedView(text)!;
    assert.deepEqual(editWindows(view), [[0, view.text.length]]);
    // One long line with sparse edits: every window is that line.
    const line = Array.from({ length: 300 }, (_, i) => `f(${i}, "a\\n");${' '.repeat(2000)}`).join('');
    const wide = decodedView(line)!;
    assert.deepEqual(editWindows(wide), [[0, wide.text.length]]);
  });

  it("reads a full stop after a token as the end of a sentence, not as the token's last character", () => {
    const secret = `${randomToken(ALNUM, 3)}8Q~${randomToken(ALNUM, 20)}.${randomToken(ALNUM, 13)}`;
    for (const text of [`it worked with ${secret}.`, `I pasted ${secret}. Then the build went green.`]) {
      const out = hide(text, RECALL_DETECTORS);
      assert.ok(!out.includes(secret.slice(4, 20)), out);
      assert.match(out, /‹secret:azure-ad-client-secret#1›\./);
    }
    const prose = 'See https://github.com/example/project/blob/main/src/types.ts. It explains the rest.';
    assert.equal(hide(prose, RECALL_DETECTORS), prose);
  });

  it('reads a terminal\u2019s paste as its screen showed it: colours dropped, environ\u2019s NULs as line ends', () => {
    const [a, b] = [password(), password()];
    const esc = '\u001b';
    for (const [text, values] of [
      [`${esc}[31m-DB_PASSWORD=${a}${esc}[m\n${esc}[32m+DB_PASSWORD=${b}${esc}[m`, [a, b]],
      [`${esc}[1;32mpassword${esc}[0m: ${a}`, [a]],
      [`PATH=/usr/bin\u0000DB_PASSWORD=${a}\u0000HOME=/root`, [a]],
      [`$ cat -v /proc/1/environ\nPATH=/usr/bin^@DB_PASSWORD=${a}^@HOME=/root^@`, [a]],
      [`b'PATH=/usr/bin\\x00DB_PASSWORD=${a}\\x00HOME=/root'`, [a]],
    ] as const) {
      const out = hide(text, RECALL_DETECTORS);
      for (const v of values) {
        assert.ok(!out.includes(v), out);
      }
    }
    const plain = `${esc}[32mok${esc}[0m 12 tests passed`;
    assert.equal(hide(plain, RECALL_DETECTORS), plain);
  });
});
