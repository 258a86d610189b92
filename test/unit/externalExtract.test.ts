import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// The extractors are plain node scripts run offline against a peer's snapshot; their shared reading
// (`extract/template.js`) is loaded from the source tree, as the extractors load it.
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

  it('re-draws a JWT as one only where the peer wrote one: segments that are not JSON stay so', () => {
    const b64 = (v: string): string => Buffer.from(v).toString('base64url');
    const head = b64('{"alg":"HS256","typ":"JWT"}');
    const claims = b64(`{"sub":"${alnum(12)}","iat":1700000000}`);
    const marker = (value: string): string => {
      const out = template.templatize(`token = '${value}'`, [[9, 9 + value.length]]);
      assert.ok(out !== null);
      return out.slice(9, -1);
    };
    assert.equal(marker(`${head}.${claims}.${alnum(43)}`), '⟦!@jwt⟧');
    // Claims the peer made up (no JSON): the header stays as written, the rest is drawn at its lengths.
    assert.equal(
      marker(`${head}.${alnum(60)}.${alnum(41)}`),
      `⟦!re:${head}\\.[A-Za-z0-9_\\-]{60}\\.[A-Za-z0-9_\\-]{41}⟧`,
    );
    // A header typed with a mistake in it is kept too; one of random bytes is drawn, keeping its `eyJ`.
    const typo = b64('{"alg":"HS256","typ%:"JWT"}');
    assert.match(marker(`${typo}.${claims}.${alnum(43)}`), new RegExp(`^⟦!re:${typo}\\\\\\.eyJ\\[`));
    assert.match(marker(`eyJ${alnum(40)}.${claims}.${alnum(43)}`), /^⟦!re:eyJ\[A-Za-z0-9_\\-\]\{40\}\\\./);
    // Two parts only (no signature) stay two parts.
    assert.equal(marker(`${head}.${alnum(30)}`), `⟦!re:${head}\\.[A-Za-z0-9_\\-]{30}⟧`);
  });
});
