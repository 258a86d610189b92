import * as assert from 'node:assert/strict';
import { freshPemLines } from '../../../../test/support/fakePem';
import { BASE64, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import type { RecallSpan } from './recallSpan';
import { wrappedPemDetector } from './wrappedPem';

const spans = (text: string): RecallSpan[] => {
  const out: RecallSpan[] = [];
  wrappedPemDetector(text, out);
  return out;
};
const hide = (text: string): string =>
  redactText(text, new RedactionMap(), { recallDetectors: [wrappedPemDetector] }).text;

/** Asserts no body line of `key` (nor a 20-character piece of one) is left in `out`. */
function noBodyLeft(key: readonly string[], out: string, label: string): void {
  for (const line of key.slice(1, -1)) {
    assert.ok(!out.includes(line.slice(0, 20)), `${label}: a body line survived`);
  }
}

describe('redact tier: wrapped and cut private keys', () => {
  const wrappers: Array<[string, (lines: string[]) => string]> = [
    ['Java', (l) => `String pem =\n${l.map((x) => `    "${x}\\n" +`).join('\n')}\n    "";`],
    ['C# verbatim', (l) => `var pem = @"${l.join('\n')}";`],
    ['JS array', (l) => `const lines = [\n${l.map((x) => `  '${x}',`).join('\n')}\n].join('\\n');`],
    ['Python list', (l) => `LINES = [\n${l.map((x) => `    b"${x}",`).join('\n')}\n]`],
    ['mail quote', (l) => `> Here is the key:\n${l.map((x) => `> ${x}`).join('\n')}\n> thanks`],
    ['hash comment', (l) => `# deploy key\n${l.map((x) => `# ${x}`).join('\n')}\nrun()`],
    ['slash comment', (l) => `${l.map((x) => `// ${x}`).join('\n')}\nint main() {}`],
    ['YAML block', (l) => `tls:\n  key: |\n${l.map((x) => `    ${x}`).join('\n')}\n  port: 443`],
    ['escaped one line', (l) => `{"pk": "${l.join('\\n').slice(0, 900)}`],
  ];

  for (const [name, wrap] of wrappers) {
    it(`hides a key wrapped as ${name}`, () => {
      const key = freshPemLines(name === 'YAML block' ? 'EC PRIVATE KEY' : 'RSA PRIVATE KEY');
      const text = wrap(key);
      const out = hide(text);
      noBodyLeft(name === 'escaped one line' ? key.slice(0, 10) : key, out, name);
      assert.match(out, /‹secret:private-key(?:-[a-z]+)?#1›/);
    });
  }

  it('hides a block cut after BEGIN and half the body, and a tail cut before it', () => {
    const key = freshPemLines('OPENSSH PRIVATE KEY');
    const head = `const k = \`${key.slice(0, 8).join('\n')}`;
    assert.equal(hide(head), 'const k = `‹secret:private-key#1›');
    const tail = `${key.slice(9).join('\n')}\n\`;\nexport default k;`;
    const out = hide(tail);
    noBodyLeft(key.slice(8), out, 'tail');
    assert.ok(out.startsWith('‹secret:private-key#1›\n`;'));
  });

  it('hides the whole body even past its walking cap', () => {
    const text = `-----BEGIN PRIVATE KEY-----\n${randomToken(BASE64, 30_000)}`;
    assert.deepEqual(
      spans(text).map((s) => [s.start, s.end]),
      [[0, text.length]],
    );
  });

  it('leaves public material, examples and mentions alone', () => {
    const cert = freshPemLines('CERTIFICATE');
    const negatives = [
      cert.join('\n'),
      `-----BEGIN PUBLIC KEY-----\n${cert.slice(1, -1).join('\n')}\n-----END PUBLIC KEY-----`,
      '-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\n<your key here>\n-----END PRIVATE KEY-----',
      `-----BEGIN RSA PRIVATE KEY-----\n${'QUJD'.repeat(16)}\n${'QUJD'.repeat(16)}\n-----END RSA PRIVATE KEY-----`,
      'if (pem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {\n  return parsePkcs1(pem);\n}',
      'const END = "-----END PRIVATE KEY-----";\nreturn body + END;',
    ];
    for (const text of negatives) {
      assert.deepEqual(spans(text), [], text);
    }
  });

  it('stays correct on hostile input', function () {
    this.timeout(120_000); // a shared machine can be slow; correctness, not speed, is what this checks
    const markers = '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(20_000);
    assert.deepEqual(spans(markers), []);
    const ends = 'x\n-----END PRIVATE KEY-----\n'.repeat(20_000);
    assert.deepEqual(spans(ends), []);
    const noEnd = `-----BEGIN PRIVATE KEY-----\n${'a b\n'.repeat(100_000)}`;
    assert.deepEqual(spans(noEnd), []);
  });
});
