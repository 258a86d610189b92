import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

// The extractors are plain node scripts run offline against a peer's snapshot; their shared reading
// (`extract/template.js`, which re-exports `extract/shape.js`) is loaded from the source tree, as the
// extractors load it.
interface Template {
  keepNames(list: string[]): void;
  keepLiterals(list: string[]): void;
  regexLiterals(source: string): string[];
  shapeOf(value: string): string;
  templatize(text: string, secrets?: [number, number][], written?: [number, number][]): string | null;
}
const repo = resolve(__dirname, '../../..');
const load = createRequire(__filename);
const template = load(resolve(repo, 'test/corpus/external/extract/template.js')) as Template;

interface GoToken {
  readonly t: string;
  readonly v: string;
}
const { tokenize } = load(resolve(repo, 'test/corpus/external/extract/goRead.js')) as {
  readonly tokenize: (src: string) => GoToken[];
};
const { caseName, commentOf } = load(resolve(repo, 'test/corpus/external/extract/caseNames.js')) as {
  readonly caseName: (toks: GoToken[], i: number) => string | undefined;
  readonly commentOf: (src: string, start: number, end: number) => string | undefined;
};

// Values built at test time from the format (no secret-looking literal in the repository).
const hex = (n: number): string => 'a1b2c3d4e5f6'.repeat(Math.ceil(n / 12)).slice(0, n);
const alnum = (n: number): string => 'Q7wErT9yUi0pAsD3fG'.repeat(Math.ceil(n / 18)).slice(0, n);

const { translate } = load(resolve(repo, 'test/corpus/external/extract/rustRegex.js')) as {
  readonly translate: (pattern: string) => RegExp;
};

describe('external corpus extractor', () => {
  afterEach(() => {
    template.keepLiterals([]);
    template.keepNames([]);
  });

  it("reads a Nosey Parker rule's Rust pattern: verbose mode, comments, leading and inline flags, POSIX classes", () => {
    const re = translate(
      '(?x)(?i)\n  \\b (ghp_ [[:alnum:]]{6})  (?# a comment )\n  # a line comment\n  (?: \\b | $ )',
    );
    assert.equal(re.flags.includes('i'), true);
    const m = re.exec(`token: GHP_${alnum(6)} end`);
    assert.ok(m);
    assert.equal(m[1], `GHP_${alnum(6)}`);
    assert.equal(translate('(?P<key>x(?i:ab))\\z').source, '(?<key>x(?:ab))(?![\\s\\S])');
  });

  it('keeps the version after a literal that ends on the word before it (`sk-ant-api` then `03-`)', () => {
    template.keepLiterals(['sk-ant-api']);
    const shape = template.shapeOf(`sk-ant-api03-${alnum(90)}`);
    assert.ok(shape.startsWith('sk-ant-api03-'), shape);
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

  it("re-draws a URL's password exactly, and keeps a password that only names itself", () => {
    const pw = alnum(10);
    assert.equal(
      template.templatize(`url = "https://admin:${pw}@host.example.com/x"`, []),
      'url = "https://admin:⟦re:[A-Za-z0-9]{10}⟧@host.example.com/x"',
    );
    // secretlint's and gitleaks' placeholders: negatives only because the value is the word.
    for (const word of [
      'password',
      'mypassword',
      'YOUR_PASSWORD',
      'REPLACE_WITH_PASSWORD',
      'pass',
      'abc',
      '1111',
    ]) {
      const text = `const U = "ftps://admin:${word}@secure.example.com/files";`;
      assert.equal(template.templatize(text, []), text);
    }
    assert.equal(
      template.templatize('curl --user "username:password" x', []),
      'curl --user "username:password" x',
    );
  });

  it('re-draws a passphrase word by word, one space between', () => {
    assert.equal(
      template.shapeOf('value with quotes and spaces'),
      '[a-z]{5} [a-z]{4} [a-z]{6} [a-z]{3} [a-z]{6}',
    );
  });

  it("keeps a header name's lone letter (X-Octopus-ApiKey) as a word", () => {
    const value = `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
    const text = `curl -H "X-Octopus-ApiKey: ${value}"`;
    const at = text.indexOf(value);
    assert.match(
      template.templatize(text, [[at, at + value.length]]) ?? '',
      /^curl -H "X-Octopus-ApiKey: ⟦!re:/,
    );
  });

  it('keeps the context a peer helper wrote (gitleaks `{i}Token`) and nothing else', () => {
    const value = `ey${alnum(20)}.ey${alnum(20)}.${alnum(12)}`;
    const text = `jwtToken = "${value}"`;
    const at = text.indexOf(value);
    const secret: [number, number][] = [[at, at + value.length]];
    assert.match(template.templatize(text, secret, [[0, 8]]) ?? '', /^jwtToken = "⟦!re:/);
    // Not written by the helper, the same name reads as a random run (no vowel in `jwt`) and is re-drawn.
    assert.match(template.templatize(text, secret) ?? '', /^⟦re:\[A-Za-z\]\{8\}⟧ = "/);
  });

  it("goes on past a detector's literal to the provider's prefix words", () => {
    template.keepLiterals(['sk-']);
    assert.equal(
      template.shapeOf(`sk-svcacct-${alnum(20)}_${alnum(20)}`),
      'sk-svcacct-[A-Za-z0-9]{20}_[A-Za-z0-9]{20}',
    );
  });

  it('reads a private-key block inside a JSON string, its end line short of a dash or not', () => {
    const body = [alnum(64), alnum(64), alnum(20)].join('\\n');
    for (const end of ['-----END PRIVATE KEY-----', '-----END PRIVATE KEY----']) {
      const block = `-----BEGIN PRIVATE KEY-----\\n${body}\\n${end}`;
      const text = `{\n  "type": "service_account",\n  "private_key": "${block}\\n"\n}`;
      const at = text.indexOf(block);
      assert.equal(
        template.templatize(text, [[at, at + block.length]]),
        '{\n  "type": "service_account",\n  "private_key": "⟦!@pem:PRIVATE KEY:3:json⟧\\n"\n}',
      );
    }
  });

  it("keeps a rule's literal prefix with a dot (Vault's hvb.), and a version digit a literal stops inside", () => {
    template.keepLiterals(['hvb.', 'sk-ant-api0']);
    assert.equal(
      template.shapeOf(`hvb.9-${alnum(20)}-${alnum(39)}`),
      'hvb\\.[0-9]{1}-[A-Za-z0-9]{20}-[A-Za-z0-9]{39}',
    );
    assert.equal(template.shapeOf(`sk-ant-api03-${alnum(40)}`), 'sk-ant-api03-[A-Za-z0-9]{40}');
  });

  it('re-generates a JWT after a token prefix and an id as a JWT', () => {
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iss: alnum(6) })}.${alnum(43)}`;
    const token = `ghs_12345_${jwt}`;
    assert.equal(template.templatize(`${token}\n`, [[0, token.length]]), '⟦!@jwt:ghs_[0-9]{5}_⟧\n');
  });

  it("keeps a connection string's names and separators, each value read on its own", () => {
    assert.equal(
      template.shapeOf(`Endpoint=https://acme.azconfig.io;Id=u+De;Secret=${alnum(40)}`),
      'Endpoint=https:\\/\\/acme\\.azconfig\\.io;Id=u\\+De;Secret=[A-Za-z0-9]{40}',
    );
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

  it("keeps the peer's own name for a case: trufflehog's name field, before or after the input", () => {
    const src = [
      'tests := []struct{ name string; input string; want []string }{',
      '  { name: "valid pattern", input: fmt.Sprintf("k %s", x), want: []string{"a"} },',
      '  { input: "key out", want: nil, name: `valid pattern - key out of prefix range` },',
      '  { input: "no name", want: nil },',
      '}',
    ].join('\n');
    const toks = tokenize(src);
    const inputs = toks.flatMap((t, i) => (t.v === 'input' && toks[i + 1]?.v === ':' ? [i] : []));
    assert.deepEqual(
      inputs.map((i) => caseName(toks, i)),
      ['valid pattern', 'valid pattern - key out of prefix range', undefined],
    );
  });

  it("keeps a detect-secrets or llm-guard tuple's comment as its name, never a lint pragma", () => {
    const name = (src: string, tuple: string): string | undefined => {
      const at = src.indexOf(tuple);
      return commentOf(src, at, at + tuple.length);
    };
    const inside =
      "[\n  (\n    # token < 20 chars should be too short\n    'gldt-seems',\n    False,\n  ),\n]";
    assert.equal(
      name(inside, "(\n    # token < 20 chars should be too short\n    'gldt-seems',\n    False,\n  )"),
      'token < 20 chars should be too short',
    );
    assert.equal(name("  ('GR134', False),  # too short\n", "('GR134', False)"), 'too short');
    assert.equal(name("  # valid jwt\n  ('eyJ', True),  # noqa: E501\n", "('eyJ', True)"), 'valid jwt');
    assert.equal(name("  ('x', True),\n  # next case's words\n  ('y', False),\n", "('x', True)"), undefined);
    assert.equal(name("  ('a#b', False),\n", "('a#b', False)"), undefined);
    // llm-guard's tuple ends in a score the match stops before.
    assert.equal(
      name(
        '  (\n    "p",\n    "p",\n    True,\n    -1.0,\n  ),  # Prompt without sensitive data\n',
        '(\n    "p",\n    "p",\n    True,',
      ),
      'Prompt without sensitive data',
    );
  });

  it('keeps a credential position that only names the credential, and x509 in a name', () => {
    assert.equal(template.templatize('curl -u username:token', []), 'curl -u username:token');
    assert.equal(template.templatize('curl -u username:apikey', []), 'curl -u username:apikey');
    assert.match(template.templatize(`curl -u username:tk${alnum(6)}`, []) ?? '', /username:⟦re:/);
    const gcp = '"auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs"';
    assert.equal(template.templatize(gcp, []), gcp);
  });
});
