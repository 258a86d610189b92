import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { redactText } from '../pipeline/redact';
import { RedactionMap } from '../pipeline/redactionMap';
import type { patternFactCounts } from './patternFacts';
import { patternFact, patternFactsJson } from './patternFacts';
import { ALNUM, randomToken } from './random';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');

/** Code that reaches the redact tier's detectors: calls, tools, headers, URLs, names (no real value). */
function variedText(): string {
  // Drawn at each run: no value in the repository (test/support/seededDraws.js seeds the draws).
  const word = (n: number): string => randomToken(ALNUM, 4 * n);
  return [
    `const db = mysql.createConnection({ user: 'app', password: '${word(3)}' });`,
    `client.login("deploy", "${word(3)}")`,
    `mysql -u root -p'${word(3)}' shop`,
    `curl -H "Authorization: Bearer ${word(6)}" https://api.internal/v1`,
    `DATABASE_URL=postgres://app:${word(3)}@db.internal:5432/shop`,
    `new NetworkCredential("svc", "${word(3)}")`,
    `requests.get(url, auth=("svc", "${word(3)}"))`,
    `password = os.environ.get("DB_PASSWORD", "${word(3)}")`,
    `role_id = "${word(4)}"`,
  ].join('\n');
}

describe('patternFacts: what the redact tier reads from its patterns, once per build', function () {
  this.timeout(120_000);

  it('reads a fact once per process, "none" included', () => {
    let calls = 0;
    const pattern = /a fact-test pattern/g;
    const none = (): null => {
      calls++;
      return null;
    };
    assert.equal(patternFact('test-none', pattern, none), null);
    assert.equal(patternFact('test-none', pattern, none), null);
    assert.equal(calls, 1);
    const list = (): string[] => {
      calls++;
      return ['fact'];
    };
    assert.deepEqual(patternFact('test-list', pattern, list), ['fact']);
    assert.deepEqual(patternFact('test-list', /a fact-test pattern/gi, list), ['fact']);
    assert.equal(calls, 3, 'another flag is another pattern');
  });

  it('builds the table the sources give, and a bundle with it reads no pattern on any text', async () => {
    // The table as esbuild.js defines it into the bundles (the build computes it when loaded).
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is plain CommonJS
    const { common } = require(join(repoRoot, 'esbuild.js')) as {
      common: { define: Record<string, string> };
    };
    const defined = common.define['SECURE_GPT_PATTERN_FACTS']!;
    const table = JSON.parse(JSON.parse(defined) as string) as Record<string, unknown>;
    assert.ok(Object.keys(table).length > 100, `${Object.keys(table).length} facts`);
    // This process, with no table, reads each fact from its pattern: the same answers.
    redactText(variedText(), new RedactionMap());
    const own = JSON.parse(patternFactsJson()) as Record<string, unknown>;
    for (const key of Object.keys(table)) {
      assert.deepEqual(own[key], table[key], key);
    }
    // A bundle made with the table answers every question from it, on a text that reaches the detectors.
    const dir = mkdtempSync(join(tmpdir(), 'sgpt-facts-'));
    try {
      const outfile = join(dir, 'facts.js');
      await build({
        stdin: {
          contents:
            "export { redactText } from './src/core/pipeline/redact';\n" +
            "export { RedactionMap } from './src/core/pipeline/redactionMap';\n" +
            "export { patternFactCounts } from './src/core/detect/patternFacts';\n",
          resolveDir: repoRoot,
          sourcefile: 'facts.ts',
          loader: 'ts',
        },
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        define: { SECURE_GPT_PATTERN_FACTS: defined },
        outfile,
        logLevel: 'silent',
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle just built
      const bundled = require(outfile) as {
        redactText: typeof redactText;
        RedactionMap: typeof RedactionMap;
        patternFactCounts: typeof patternFactCounts;
      };
      const text = variedText();
      const viaTable = bundled.redactText(text, new bundled.RedactionMap());
      assert.deepEqual(bundled.patternFactCounts(), { built: Object.keys(table).length, read: 0 });
      // And redacts as the sources do.
      assert.equal(viaTable.text, redactText(text, new RedactionMap()).text);
      assert.ok(viaTable.redactions.length >= 5, `${viaTable.redactions.length} hidden`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
