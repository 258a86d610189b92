import * as assert from 'node:assert/strict';
import { githubToken } from '../detect/checksum';
import { ALNUM, randomToken } from '../detect/random';
import { DEFAULT_EXCLUDE_GLOBS, exclusionMatcher, partitionAttachments } from './exclude';
import { envKnownValues, isGuardableEnvValue, normalizeKnownValues, parseDotenv } from './knownValues';
import { guardPayload } from './guard';
import { countByRule, redactText } from './redact';
import { RedactionMap } from './redactionMap';

const pat = (): string => githubToken('ghp', randomToken(ALNUM, 30));

describe('exclusion', () => {
  it('leaves out credential files at any depth by default, and says which glob matched', () => {
    const match = exclusionMatcher(DEFAULT_EXCLUDE_GLOBS);
    const cases: Array<[string, string]> = [
      ['.env', '.env*'],
      ['app/.env.production', '.env*'],
      ['certs/server.pem', '*.pem'],
      ['tls/private.key', '*.key'],
      ['home/.ssh/id_rsa', 'id_rsa*'],
      ['id_rsa.pub', 'id_rsa*'],
      ['store.p12', '*.p12'],
      ['cert.PFX', '*.pfx'],
      ['.npmrc', '.npmrc'],
      ['pkg/.pypirc', '.pypirc'],
      ['aws/credentials', 'credentials*'],
      ['config/credentials.json', 'credentials*'],
      ['android/release.keystore', '*.keystore'],
      ['server.jks', '*.jks'],
      ['.git-credentials', '.git-credentials'],
      ['.netrc', '.netrc'],
      ['home/.docker/config.json', '.docker/config.json'],
      ['home/.config/solana/id.json', '.config/solana/*.json'],
      ['C:\\proj\\.env.local', '.env*'],
    ];
    for (const [path, glob] of cases) {
      assert.equal(match(path), glob, path);
    }
    for (const path of [
      'src/env.ts',
      'src/keyboard.ts',
      'README.md',
      'docs/environment.md',
      'src/api.key.ts',
    ]) {
      assert.equal(match(path), undefined, path);
    }
  });

  it('partitions attachments and reports each one left out with a reason', () => {
    const { kept, excluded } = partitionAttachments([
      { path: 'src/app.ts', text: 'code' },
      { path: '.env', text: 'X=1' },
    ]);
    assert.deepEqual(
      kept.map((a) => a.path),
      ['src/app.ts'],
    );
    assert.equal(excluded.length, 1);
    assert.equal(excluded[0]?.path, '.env');
    assert.match(excluded[0]?.reason ?? '', /'\.env\*'.*never sent/);
  });

  it('takes the glob list as a setting', () => {
    const { kept, excluded } = partitionAttachments(
      [
        { path: '.env', text: '' },
        { path: 'secret/notes.md', text: '' },
      ],
      ['secret/**'],
    );
    assert.deepEqual([kept.map((a) => a.path), excluded.map((e) => e.path)], [['.env'], ['secret/notes.md']]);
    // Each call reads its own list: the matcher kept from the last one is not reused for another.
    assert.equal(partitionAttachments([{ path: '.env', text: '' }]).excluded.length, 1);
    assert.equal(
      partitionAttachments([{ path: '.env', text: '' }], ['secret/**', '.env']).excluded.length,
      1,
    );
  });
});

describe('redactText', () => {
  it('replaces a detected secret with a typed placeholder and reports its position', () => {
    const token = pat();
    const map = new RedactionMap();
    const result = redactText(`line one\n  token = "${token}"\n`, map);
    assert.equal(result.text, 'line one\n  token = "‹secret:github-pat#1›"\n');
    assert.equal(result.redactions.length, 1);
    const r = result.redactions[0]!;
    assert.deepEqual(
      [r.ruleId, r.line, r.column, r.placeholder],
      ['github-pat', 1, 11, '‹secret:github-pat#1›'],
    );
    assert.ok(!JSON.stringify(result.redactions).includes(token));
  });

  it('gives the same value the same placeholder, and distinct values their own numbers', () => {
    const [a, b] = [pat(), pat()];
    const map = new RedactionMap();
    const first = redactText(`${a} ${b} ${a}`, map);
    assert.equal(first.text, '‹secret:github-pat#1› ‹secret:github-pat#2› ‹secret:github-pat#1›');
    const later = redactText(`again: ${b}`, map);
    assert.equal(later.text, 'again: ‹secret:github-pat#2›');
    assert.deepEqual(countByRule(first.redactions), { 'github-pat': 3 });
  });

  it('hides the draws one detector leaves by design: a one-digit body whose letters read as short words', () => {
    // The tagged-token detector leaves a body whose runs read as abbreviations (`spellsWords`) to the
    // others; the whole redactor must still hide every one, in the forms a tagged key is written.
    const forms = [
      (b: string) => `hiveageACCESS-${b}`,
      (b: string) => `hiveage_token ${b}`,
      (b: string) => `HIVEAGE_SECRET=${b}`,
      (b: string) => `"apiKey": "${b}"`,
    ];
    for (let i = 0; i < 200; i++) {
      const body = `${randomToken(ALNUM.replace(/[0-9]/g, ''), 11)}${randomToken('0123456789', 1)}${randomToken(ALNUM.replace(/[0-9]/g, ''), 12)}`;
      for (const form of forms) {
        const out = redactText(form(body), new RedactionMap()).text;
        assert.ok(!out.includes(body.slice(6, 18)), `${form('<body>')}: left in ${out}`);
      }
    }
  });

  it("leaves a statement's `;` beside a finding as it is, not a placeholder of its own", () => {
    const token = pat();
    // The redact tier's span runs on to the `;`; the report tier's finding covers the token.
    const result = redactText(`GITHUB_TOKEN = ${token};\n`, new RedactionMap());
    assert.equal(result.text, 'GITHUB_TOKEN = ‹secret:github-pat#1›;\n');
    assert.deepEqual(countByRule(result.redactions), { 'github-pat': 1 });
  });

  it('redacts known values by exact match whatever their shape', () => {
    const key = `custom-${randomToken(ALNUM, 24)}`;
    const map = new RedactionMap();
    const result = redactText(`use ${key} here and ${key} there`, map, {
      known: [{ kind: 'api-key', value: key }],
    });
    assert.equal(result.text, 'use ‹secret:api-key#1› here and ‹secret:api-key#1› there');
  });

  it('lets through only the detected secrets the user allowed', () => {
    const [a, b] = [pat(), pat()];
    const map = new RedactionMap();
    const probe = redactText(a, new RedactionMap()).redactions[0]!;
    const result = redactText(`${a} ${b}`, map, { allow: new Set([probe.fingerprint]) });
    assert.equal(result.text, `${a} ‹secret:github-pat#1›`);
  });

  it('restores placeholders locally; never the key, never one it did not issue', () => {
    const token = pat();
    const key = `sk-${randomToken(ALNUM, 40)}`;
    const map = new RedactionMap();
    const { text } = redactText(`t=${token} k=${key}`, map, { known: [{ kind: 'api-key', value: key }] });
    assert.match(text, /k=‹secret:api-key#1›/);
    assert.equal(
      map.restore(`use ${text.slice(2)} and ‹secret:github-pat#9›`),
      `use ${token} k=‹secret:api-key#1› and ‹secret:github-pat#9›`,
    );
    assert.equal(map.valueOf('‹secret:api-key#1›'), undefined);
    assert.ok(map.issued('‹secret:api-key#1›'));
    assert.ok(!map.issued('‹secret:github-pat#9›'));
  });
});

describe('known values', () => {
  it('parses .env lines: export, quotes, comments, multi-line', () => {
    const parsed = parseDotenv(
      [
        '# comment',
        'export A=plain # trailing',
        'B="two\\nlines"',
        "C='single # not a comment'",
        'D="multi',
        'line"',
        'not a line',
        'E="say \\"hi\\" then \\\\n stays"',
      ].join('\n'),
    );
    assert.deepEqual(parsed, [
      ['A', 'plain'],
      ['B', 'two\nlines'],
      ['C', 'single # not a comment'],
      ['D', 'multi\nline'],
      ['E', 'say "hi" then \\n stays'],
    ]);
  });

  it('guards secret-like .env values but not plain words, numbers, flags, bare URLs or paths', () => {
    for (const v of [
      'production',
      'development',
      '3000',
      'true',
      'https://api.example.com/v1',
      './data/x',
      'info_level',
    ]) {
      assert.equal(isGuardableEnvValue(v), false, v);
    }
    for (const v of ['hunter2hunter2', 'postgres://app:pa55word@db/x', randomToken(ALNUM, 20)]) {
      assert.equal(isGuardableEnvValue(v), true, v);
    }
    const known = envKnownValues('PORT=3000\nDB_PASSWORD=s3cr3t-Value-99\n');
    assert.deepEqual(known, [{ kind: 'env-value', value: 's3cr3t-Value-99' }]);
  });

  it('drops short and duplicate values, keeping the first kind, and adds encoded copies of that kind', () => {
    const v = randomToken(ALNUM, 12);
    const normalized = normalizeKnownValues([
      { kind: 'api-key', value: v },
      { kind: 'listed-value', value: v },
      { kind: 'listed-value', value: 'abc' },
    ]);
    assert.deepEqual(normalized[0], { kind: 'api-key', value: v });
    assert.ok(normalized.slice(1).every((k) => k.kind === 'api-key' && k.encoded && k.value !== v));
    assert.ok(normalized.some((k) => k.value === Buffer.from(v).toString('hex')));
  });

  it('guard: finds a known value in a payload raw or JSON-escaped, and names only its kind', () => {
    const v = `a"b\\c-${randomToken(ALNUM, 10)}`;
    const payload = JSON.stringify({ messages: [{ content: `x ${v} y` }] });
    const verdict = guardPayload(payload, [{ kind: 'listed-value', value: v }], []);
    assert.deepEqual(verdict, { ok: false, leaked: ['listed-value'] });
    assert.deepEqual(guardPayload('{"a":"clean"}', [{ kind: 'api-key', value: v }], [pat()]), {
      ok: true,
      leaked: [],
    });
  });
});
