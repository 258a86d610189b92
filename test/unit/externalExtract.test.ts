import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// The extractors are plain node scripts run offline against a peer's snapshot; their shared reading
// (`extract/template.js`, which re-exports `shape.js` and `words.js`) is loaded from the source tree, as the
// extractors load it.
interface Template {
  keepNames(list: string[]): void;
  keepLiterals(list: string[]): void;
  regexLiterals(source: string): string[];
  shapeOf(value: string): string;
  templatize(text: string, secrets?: [number, number][]): string | null;
}
const repo = resolve(__dirname, '../../..');
const template = createRequire(__filename)(
  resolve(repo, 'test/corpus/external/extract/template.js'),
) as Template;

// Values built at test time from the format (no secret-looking literal in the repository).
const hex = (n: number): string => 'a1b2c3d4e5f6'.repeat(Math.ceil(n / 12)).slice(0, n);
const alnum = (n: number): string => 'Q7wErT9yUi0pAsD3fG'.repeat(Math.ceil(n / 18)).slice(0, n);

describe('external corpus extractor', () => {
  afterEach(() => {
    template.keepLiterals([]);
    template.keepNames([]);
  });

  it('reads the literal runs a detector regex requires', () => {
    assert.deepEqual(template.regexLiterals('\\b(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})\\b'), [
      'lsv2_',
      'pt',
      'sk',
    ]);
    assert.deepEqual(template.regexLiterals('\\b(([0-9a-f]{32}|eu01xx[0-9a-f]{26})FFFFNRAL)\\b'), [
      'eu01xx',
      'FFFFNRAL',
    ]);
    // A quantified character is not required; a host's words are runs of their own.
    assert.deepEqual(template.regexLiterals('(?:sandbox-)?sq0i[a-z]{2}-x?'), ['sandbox-', 'sq0i']);
    assert.deepEqual(template.regexLiterals('https://[\\w-]+\\.tines\\.com/webhook/'), [
      'https:',
      '.tines.com',
      'webhook',
    ]);
    assert.deepEqual(template.regexLiterals('(?P<host>[a-z]{3})\\.my\\.example\\.com'), ['.my.example.com']);
  });

  it("keeps a detector's literal prefix and suffix, re-drawing the rest", () => {
    template.keepLiterals(['lsv2_', 'pt', '00', 'FFFFNRAL', '.tines.com']);
    assert.equal(template.shapeOf(`lsv2_pt_${hex(32)}_${hex(10)}`), 'lsv2_pt_[0-9a-f]{32}_[0-9a-f]{10}');
    assert.equal(template.shapeOf(`00${alnum(40)}`), '00[A-Za-z0-9]{40}');
    assert.equal(template.shapeOf(`${hex(32)}FFFFNRAL`), '[0-9a-f]{32}FFFFNRAL');
    assert.equal(template.shapeOf('abc.tines.com'), '[a-z]{3}\\.tines\\.com');
    // Without the detector's literals the same values lose those parts.
    template.keepLiterals([]);
    assert.equal(template.shapeOf(`00${alnum(40)}`), '[A-Za-z0-9]{42}');
  });

  it('keeps the separator after a literal prefix, so the structured reading still applies', () => {
    template.keepLiterals(['sk']);
    assert.equal(template.shapeOf(`sk_${alnum(24)}`), 'sk_[A-Za-z0-9]{24}');
  });

  it("keeps a UUID's group layout over a wider alphabet, and a fixed '!'", () => {
    assert.equal(
      template.shapeOf('abcdwxyz-ghij-klmn-opqr-stuvwxyzabcd'),
      '[a-z]{8}-[a-z]{4}-[a-z]{4}-[a-z]{4}-[a-z]{12}',
    );
    template.keepLiterals(['00']);
    assert.equal(template.shapeOf(`00${alnum(13)}!${alnum(40)}`), '00[A-Za-z0-9]{13}![A-Za-z0-9]{40}');
  });

  it('keeps identifiers with an index or a two-letter word, and an authorization scheme', () => {
    const value = alnum(40);
    const text = `sumoKey1 = '${value}'\nbraintreeId = '${value}'\nauth_token: "Bearer ${value}"`;
    const out = template.templatize(text, []);
    assert.ok(out !== null);
    assert.match(out, /^sumoKey1 = '⟦re:/);
    assert.match(out, /\nbraintreeId = '⟦re:/);
    assert.match(out, /auth_token: "Bearer ⟦re:/);
    // A long random run with a digit at its end is still re-drawn.
    assert.doesNotMatch(template.templatize('id oykedznskiheijttwm3 end', []) ?? '', /oykedz/);
  });

  it('keeps identifiers with an acronym and code words with no vowel', () => {
    const value = alnum(40);
    const out = template.templatize(
      `brandfetchAPIKey := "${value}"
req, err := http.NewRequest("GET", url, http.NoBody)`,
      [],
    );
    assert.ok(out !== null);
    assert.match(out, /^brandfetchAPIKey := "⟦re:/);
    assert.match(out, /http\.NewRequest\("GET", url, http\.NoBody\)/);
  });

  it("keeps a connection string's or a query's parameter names, re-drawing a credential's value", () => {
    assert.equal(
      template.shapeOf(`Endpoint=https://acme.azconfig.io;Id=u+De;Secret=${alnum(84)}`),
      `Endpoint=https:\\/\\/acme\\.azconfig\\.io;Id=u\\+De;Secret=[A-Za-z0-9]{84}`,
    );
    const placeholder = ['MY', 'PASSWORD'].join('-'); // the peer's; built here so no literal reads as one
    assert.equal(
      template.shapeOf(
        `jdbc:sqlserver://x.x.x.x:1433;databaseName=MY-DB;password=${placeholder};encrypt=false`,
      ),
      `jdbc:sqlserver:\\/\\/x\\.x\\.x\\.x:1433;databaseName=MY-DB;password=${'MY-'}[A-Z]{8};encrypt=false`,
    );
    // One parameter is no list: the value is read as before.
    assert.equal(template.shapeOf(`key=${alnum(20)}`).includes('key='), false);
  });

  it('keeps fixed parts inside a value', () => {
    // A hex token's short groups follow its long hex group; a digits-only group stays digits.
    assert.equal(
      template.shapeOf(`a${hex(3)}-1dad-dbeeeb-2c0b1f-${hex(8)}`),
      '[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{6}-[0-9a-f]{6}-[0-9a-f]{8}',
    );
    assert.equal(template.shapeOf(`xoxb-1234-5678-${hex(10)}`), 'xoxb-[0-9]{4}-[0-9]{4}-[0-9a-f]{10}');
    // Percent escapes, an id joined by a bar, a checksum after `=`, a region after a prefix word.
    assert.equal(template.shapeOf(`${alnum(13)}%2B${alnum(14)}%3D`), '[A-Za-z0-9]{13}%2B[A-Za-z0-9]{14}%3D');
    assert.equal(template.shapeOf(`12|${alnum(40)}`), '[0-9]{2}\\|[A-Za-z0-9]{40}');
    assert.equal(template.shapeOf(`${alnum(44)}=${alnum(8)}`), '[A-Za-z0-9]{44}=[A-Za-z0-9]{8}');
    assert.equal(template.shapeOf(`pat-eu1-${hex(8)}-${hex(4)}`), 'pat-eu1-[0-9a-f]{8}-[0-9a-f]{4}');
    // Digit groups joined by slashes, and base64 padding at a group's end.
    assert.equal(
      template.shapeOf(`2/1234567890123456/1234567890123456:${hex(32)}`),
      '[0-9]{1}\\/[0-9]{16}\\/[0-9]{16}:[0-9a-f]{32}',
    );
    assert.equal(template.shapeOf(`${alnum(22)}==:${alnum(32)}`), '[A-Za-z0-9]{22}==:[A-Za-z0-9]{32}');
    // A literal the detector requires inside the value, set apart by a separator, past the prefix.
    template.keepLiterals(['ACR']);
    assert.equal(template.shapeOf(`${alnum(42)}+ACR${alnum(6)}`), '[A-Za-z0-9]{42}\\+ACR[A-Za-z0-9]{6}');
  });
});
