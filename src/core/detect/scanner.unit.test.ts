import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { githubToken } from './checksum';
import type { Finding } from './finding';
import { fingerprintOf } from './finding';
import { shannonEntropy } from './entropy';
import { ALNUM, HEX, randomToken } from './random';
import type { Rule, Severity } from './rule';
import { findSecrets, lineStarts, positionAt, scan, scanRange } from './scanner';

function rule(id: string, severity: Severity, keywords: string[], pattern: RegExp, maxLength: number): Rule {
  return {
    id,
    provider: 'Test',
    description: `Test ${id}`,
    risk: 'nothing, it is a test',
    severity,
    keywords,
    pattern,
    maxLength,
    tests: { positives: () => [], negatives: [] },
  };
}

const PREFIXED = rule(
  'test-prefixed',
  'error',
  ['tsk_'],
  /(?<![A-Za-z0-9_])tsk_[A-Za-z0-9]{24}(?![A-Za-z0-9])/,
  28,
);
const GENERIC = rule(
  'test-generic',
  'warning',
  ['token'],
  /token[\w.-]{0,20}\s{0,3}[:=]\s{0,3}["']?(?<secret>[A-Za-z0-9_]{12,64})/i,
  100,
);
const BLOCK = rule(
  'test-block',
  'error',
  ['-----begin test key-----'],
  /-----BEGIN TEST KEY-----\n(?:[A-Za-z0-9+/]{8,64}\n){1,40}-----END TEST KEY-----/,
  3000,
);
const RULES = [PREFIXED, GENERIC, BLOCK];

const tsk = (): string => `tsk_${randomToken(ALNUM, 24)}`;
const block = (lines: number): string =>
  `-----BEGIN TEST KEY-----\n${Array.from({ length: lines }, () => randomToken(ALNUM, 40)).join('\n')}\n-----END TEST KEY-----`;

describe('scanner', () => {
  it('reports a candidate that beat an overlapping one the context then refused', () => {
    // The 32 characters after `%` fit AccuWeather's v2 shape and beat the generic rule's longer value, but a
    // run cut by `%` is no key of its own: the whole value was then reported by nothing (1 in 20 of
    // trufflehog's AccuWeather v1 draws).
    for (let i = 0; i < 20; i++) {
      const value = `${randomToken(ALNUM, 2)}%${randomToken(ALNUM, 30)}7x`;
      const text = `  [INFO] Sending request to accuweather API\n  [DEBUG] Using API_KEY=${value}\n`;
      assert.deepEqual(
        findSecrets(text).map((m) => [m.finding.ruleId, m.secret]),
        [['generic-secret', value]],
      );
    }
  });

  it('reports exact ranges and 0-based positions, sorted by offset, without the secret', () => {
    const a = tsk();
    const b = tsk();
    const text = `// config\nconst first = "${a}";\n\n  second: ${b}\n`;
    const matches = findSecrets(text, { rules: RULES });
    assert.deepEqual(
      matches.map((m) => m.secret),
      [a, b],
    );
    const [f1, f2] = matches.map((m) => m.finding) as [Finding, Finding];
    assert.equal(text.slice(f1.start, f1.end), a);
    assert.deepEqual(f1.startPos, { line: 1, column: 15 });
    assert.deepEqual(f1.endPos, { line: 1, column: 15 + a.length });
    assert.deepEqual(f2.startPos, { line: 3, column: 10 });
    assert.equal(f1.fingerprint, fingerprintOf(a));
    // What allowlists and baselines store: the sha256 hex of the secret's UTF-8 bytes, however it is computed.
    for (const value of [a, `${a}é€😀`]) {
      assert.equal(
        fingerprintOf(value),
        createHash('sha256').update(Buffer.from(value, 'utf8')).digest('hex'),
      );
    }
    assert.equal(f1.preview, `${a.slice(0, 4)}…${a.slice(-4)}`);
    for (const f of scan(text, { rules: RULES })) {
      assert.ok(!JSON.stringify(f).includes(text.slice(f.start, f.end)), 'a finding never holds its secret');
    }
  });

  it('keeps the more specific rule when two match the same span', () => {
    const key = tsk();
    const found = scan(`token = "${key}"`, { rules: RULES });
    assert.deepEqual(
      found.map((f) => f.ruleId),
      ['test-prefixed'],
    );
    const plain = randomToken(ALNUM, 30);
    assert.deepEqual(
      scan(`token = "${plain}"`, { rules: RULES }).map((f) => f.ruleId),
      ['test-generic'],
    );
  });

  it('prefers the longer keyword between two provider rules on one span', () => {
    const broad = rule('test-broad', 'error', ['ts'], /ts[a-z]_[A-Za-z0-9]{24}/, 28);
    const found = scan(`k=${tsk()}`, { rules: [broad, PREFIXED] });
    assert.deepEqual(
      found.map((f) => f.ruleId),
      ['test-prefixed'],
    );
  });

  it('finds a multi-line key block as one finding', () => {
    const key = block(12);
    const text = `before\n${key}\nafter ${tsk()}\n`;
    const found = scan(text, { rules: RULES });
    assert.deepEqual(
      found.map((f) => [f.ruleId, f.startPos.line, f.endPos.line]),
      [
        ['test-block', 1, 14],
        ['test-prefixed', 15, 15],
      ],
    );
  });

  it('honours disabled rules, severity overrides and the allowlist', () => {
    const key = tsk();
    const text = `a = ${key}`;
    assert.deepEqual(scan(text, { rules: RULES, disabled: new Set(['test-prefixed']) }), []);
    assert.equal(
      scan(text, { rules: RULES, severity: new Map([['test-prefixed', 'warning']]) })[0]!.severity,
      'warning',
    );
    assert.deepEqual(scan(text, { rules: RULES, allowlist: new Set([fingerprintOf(key)]) }), []);
  });

  it('suppresses placeholders, references and ignore comments', () => {
    const texts = [
      'token = "YOUR_TOKEN_HERE_123"',
      'token = process.env.GH_TOKEN',
      'token: ${SECRET_TOKEN_VALUE}',
      `a = ${tsk()} // secure-gpt-ignore`,
      `# secure-gpt-ignore: test-prefixed\na = ${tsk()}`,
      `a = ${tsk()} # gitleaks:allow`,
      'tsk_XXXXXXXXXXXXXXXXXXXXXXXX',
    ];
    for (const text of texts) {
      assert.deepEqual(scan(text, { rules: RULES }), [], text);
    }
    assert.equal(scan(`# secure-gpt-ignore: test-generic\na = ${tsk()}`, { rules: RULES }).length, 1);
  });

  it('never dismisses a checksum-proven token for a word its random body happens to hold', () => {
    for (const word of ['Mock', 'TODO', 'Your', 'here']) {
      const token = githubToken('ghp', `${randomToken(ALNUM, 12)}9${word}8${randomToken(ALNUM, 12)}`);
      assert.deepEqual(
        findSecrets(`see ${token}`).map((m) => m.finding.ruleId),
        ['github-pat'],
        word,
      );
    }
  });

  it('keeps a hex key whose entropy falls under its rule floor by chance, and still drops a patterned one', () => {
    // Random 32-hex draws fall under 3 bits about once in 10,000: make one (hex has 4 bits at most).
    let value = '';
    while (!(shannonEntropy(value) >= 2.85 && shannonEntropy(value) < 3)) {
      value = randomToken(HEX.slice(5, 14), 32);
    }
    assert.deepEqual(
      findSecrets(`FLICKR_API_KEY=${value}`).map((m) => m.finding.ruleId),
      ['flickr-api-key'],
      value,
    );
    assert.deepEqual(findSecrets(`FLICKR_API_KEY=${'deadbeef'.repeat(4)}`), []);
  });

  it('rescans a line range to the same findings a full scan gives there', () => {
    const lines: string[] = [];
    for (let i = 0; i < 120; i++) {
      const kind = i % 9;
      lines.push(
        kind === 0
          ? `const k${i} = "${tsk()}";`
          : kind === 4
            ? `token: ${randomToken(ALNUM, 20)}`
            : `line ${i} of code`,
      );
      if (i === 50) {
        lines.push(block(20));
      }
    }
    const text = lines.join('\n');
    const starts = lineStarts(text);
    const all = scan(text, { rules: RULES });
    const last = starts.length - 1;
    for (const [from, to] of [
      [0, 0],
      [3, 10],
      [55, 55],
      [60, 64],
      [70, 90],
      [last, last],
    ] as const) {
      const got = scanRange(text, from, to, { rules: RULES }, starts);
      assert.ok(got.startLine <= Math.max(0, from - 1) && got.endLine >= Math.min(last, to + 1));
      const expected = all.filter((f) => f.endPos.line >= got.startLine && f.startPos.line <= got.endLine);
      assert.deepEqual(got.findings, expected, `lines ${from}-${to}`);
    }
    const inBlock = scanRange(text, 60, 60, { rules: RULES }, starts);
    assert.ok(
      inBlock.findings.some((f) => f.ruleId === 'test-block'),
      'an edit inside a key block rescans the block',
    );
    assert.ok(inBlock.startLine <= 51);
  });

  it('maps offsets to positions by binary search', () => {
    const starts = lineStarts('ab\ncd\n\nef');
    assert.deepEqual(starts, [0, 3, 6, 7]);
    assert.deepEqual(positionAt(starts, 4), { line: 1, column: 1 });
    assert.deepEqual(positionAt(starts, 6), { line: 2, column: 0 });
    assert.deepEqual(positionAt(starts, 9), { line: 3, column: 2 });
  });
});
