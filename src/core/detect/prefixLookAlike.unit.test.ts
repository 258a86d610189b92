import * as assert from 'node:assert/strict';
import { RedactionMap } from '../pipeline/redactionMap';
import { redactText } from '../pipeline/redact';
import { builtinRules } from './catalog';
import { githubToken } from './checksum';
import { defersToNamedProvider, defersToProvider, providerPrefixes } from './prefixLookAlike';
import { ALNUM, HEX, LOWER_ALNUM, randomToken } from './random';
import { scan } from './scanner';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const rule = (id: string) => builtinRules.find((r) => r.id === id)!;

/** A GitHub token whose last checksum character is wrong: GitHub's prefix and shape, a failed CRC. */
function badChecksumPat(): string {
  const good = githubToken('ghp', randomToken(ALNUM, 30));
  return good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
}

/** How a value claimed by a provider's prefix is put to a context rule. */
const contexts = (v: string): string[] => [
  `token = "${v}"`,
  `client_secret: ${v}`,
  `Authorization: Bearer ${v}`,
  `password = "${v}"`,
];

describe('context rules defer to the provider whose prefix a value carries', () => {
  it('a GitHub token whose checksum fails is no finding, under any credential name or header', () => {
    for (const text of contexts(badChecksumPat())) {
      assert.deepEqual(ids(text), [], text.slice(0, 24));
    }
  });

  it('glpat- before 64 hex digits (a GitLab OAuth secret under the wrong prefix) is no finding', () => {
    for (const text of contexts(`glpat-${randomToken(HEX, 64)}`)) {
      assert.deepEqual(ids(text), [], text.slice(0, 24));
    }
  });

  it('the true shapes beside them are still reported, by their provider', () => {
    const pat = githubToken('ghp', randomToken(ALNUM, 30));
    assert.deepEqual(ids(`token = "${pat}"`), ['github-pat']);
    assert.deepEqual(ids(`client_secret: glpat-${randomToken(ALNUM, 20)}`), ['gitlab-pat']);
  });

  it('a value the provider has no pattern for (another length, another member) is still the generic rule’s', () => {
    // The peers test many formats under one prefix (an older length, a sibling key): only a value the
    // provider's own rule takes whole and then refutes is a look-alike, unless the provider issues one
    // shape only. Figma's rule is not exact: tokens of other lengths under `figd_` are live.
    assert.deepEqual(ids(`api_key = "figd_${randomToken(ALNUM, 58)}"`), ['generic-secret']);
    assert.deepEqual(ids(`API_KEY=${randomToken(ALNUM, 40)}`), ['generic-secret']);
  });

  it('a provider that issues one shape only: another length or alphabet under its prefix is no finding', () => {
    const lookAlikes = [
      `xai-${randomToken(ALNUM, 41)}`,
      `aio_${randomToken(ALNUM, 29)}`,
      `sqco_${randomToken(ALNUM, 57)}==`,
      `bb_ma_${randomToken('ghijklmnopqrstuvwxyz', 30)}`,
      `spu-${randomToken('0123456789ABCDEF', 32)}`,
      // trufflehog's Buildkite near miss: the prefix, 32 of the body, then two short pieces.
      `bkua_${randomToken(HEX, 32)}-${randomToken(LOWER_ALNUM, 4)}-${randomToken(LOWER_ALNUM, 4)}`,
    ];
    for (const value of lookAlikes) {
      for (const text of contexts(value)) {
        assert.deepEqual(ids(text), [], text.slice(0, 24));
      }
    }
  });

  it('the one shape those providers issue is still reported, by the provider', () => {
    const trueShapes: readonly (readonly [string, string])[] = [
      [`xai-${randomToken(ALNUM, 80)}`, 'xai-api-key'],
      [`sqco_${randomToken(ALNUM, 59)}`, 'sonarcloud-token'],
      [`bb_ma_${randomToken(HEX, 30)}`, 'bannerbear-api-key'],
      [`spu-${randomToken(HEX, 32)}`, 'spectralops-token'],
      [`bkua_${randomToken(HEX, 40)}`, 'buildkite-api-token'],
    ];
    for (const [value, id] of trueShapes) {
      assert.deepEqual(ids(`token = "${value}"`), [id], value.slice(0, 8));
    }
    // Adafruit's rule wants both letter cases and a digit; draw until the key has them.
    let aio = randomToken(ALNUM, 28);
    while (!/[a-z]/.test(aio) || !/[A-Z]/.test(aio) || !/\d/.test(aio)) {
      aio = randomToken(ALNUM, 28);
    }
    assert.deepEqual(ids(`token = "aio_${aio}"`), ['adafruit-io-key']);
  });

  it('the redact tier still hides every look-alike the report tier leaves', () => {
    for (const value of [
      badChecksumPat(),
      `glpat-${randomToken(HEX, 64)}`,
      `xai-${randomToken(ALNUM, 41)}`,
      `bkua_${randomToken(HEX, 32)}-${randomToken(LOWER_ALNUM, 4)}-${randomToken(LOWER_ALNUM, 4)}`,
    ]) {
      for (const text of contexts(value)) {
        const { text: sent } = redactText(text, new RedactionMap());
        assert.ok(!sent.includes(value.slice(8, 24)), text.slice(0, 24));
      }
    }
  });
});

/** 40 hex digits with both letter cases (drawn until they have both): an EIP-55-like mixed-case value. */
function mixedCaseHex(): string {
  for (;;) {
    const value = randomToken('0123456789abcdefABCDEF', 40);
    if (/[a-f]/.test(value) && /[A-F]/.test(value)) {
      return value;
    }
  }
}

describe('context rules defer to the provider whose key name a value is assigned to', () => {
  it('a value of another shape under a one-shape provider’s key name is no finding', () => {
    for (const value of [mixedCaseHex(), randomToken(ALNUM, 67), randomToken(HEX, 39)]) {
      for (const name of ['meraki-api-key: ', 'MERAKI_API_KEY=', 'merakiToken := "', "meraki_key = '"]) {
        assert.deepEqual(ids(`${name}${value}`), [], `${name}${value.length}`);
      }
    }
  });

  it('the provider’s own shape is still reported, by the provider', () => {
    const key = randomToken(HEX, 40);
    for (const name of ['meraki-api-key: ', 'MERAKI_API_KEY=', 'merakiToken := "']) {
      assert.deepEqual(ids(`${name}${key}`), ['meraki-api-key'], name);
    }
  });

  it('another credential of that provider, or a name that is not its key, stays the generic rule’s', () => {
    const value = randomToken(ALNUM, 67);
    assert.deepEqual(ids(`meraki_webhook_secret = "${value}"`), ['generic-secret']);
    assert.deepEqual(ids(`api_key = "${value}"`), ['generic-secret']);
    assert.equal(defersToNamedProvider(builtinRules, rule('generic-secret'), 'x = ', 4, value), false);
  });

  it('the redact tier still hides the value the report tier leaves', () => {
    const value = randomToken(ALNUM, 67);
    const { text: sent } = redactText(`MERAKI_API_KEY=${value}`, new RedactionMap());
    assert.ok(!sent.includes(value.slice(8, 24)));
  });
});

describe('a prefix that is a word claims a value only where its provider is named', () => {
  const harness = (last: number): string =>
    `pat.${randomToken(ALNUM, 22)}.${randomToken(HEX, 24)}.${randomToken(ALNUM, last)}`;

  it('a Harness token of another shape is no finding where Harness is named before it', () => {
    for (const n of [17, 19, 23]) {
      assert.deepEqual(ids(`harness token = '${harness(n)}'`), [], String(n));
      assert.deepEqual(ids(`HARNESS_TOKEN=${harness(n)}`), [], String(n));
    }
  });

  it('Harness’s own shape is still Harness’s, and an unnamed pat. value is left to the generic rule', () => {
    assert.deepEqual(ids(`harness token = '${harness(20)}'`), ['harness-api-key']);
    const known = providerPrefixes(builtinRules);
    const value = harness(17);
    const at = (before: string): boolean =>
      defersToProvider(known, rule('generic-secret'), value, `${before}${value}'`, before.length);
    assert.equal(at("harness token = '"), true);
    assert.equal(at("token = '"), false);
    // The name must stand on the value's line, before it.
    assert.equal(at("# harness\ntoken = '"), false);
    assert.equal(
      defersToProvider(known, rule('harness-api-key'), value, `harness token = '${value}`, 17),
      false,
    );
  });

  it('the redact tier still hides the value the report tier leaves', () => {
    const value = harness(17);
    const { text: sent } = redactText(`harness token = '${value}'`, new RedactionMap());
    assert.ok(!sent.includes(value.slice(4, 26)));
  });
});

describe('a prefix of letters only claims a value for a one-shape owner', () => {
  // `cmVmdGtu` is base64 of `reftkn`: JFrog reference tokens are 64 characters under it, nothing else.
  const reference = (n: number): string => `cmVmdGtu${randomToken(ALNUM, n)}`;

  it('a JFrog reference token of another length is no finding', () => {
    for (const n of [25, 40, 55]) {
      assert.deepEqual(ids(`  [DEBUG] Using token: ${reference(n)}\n`), [], String(n));
    }
  });

  it('one of JFrog’s length is JFrog’s, and a value without the prefix stays the generic rule’s', () => {
    assert.deepEqual(ids(`  [DEBUG] Using token: ${reference(56)}\n`), ['jfrog-reference-token']);
    const known = providerPrefixes(builtinRules);
    assert.equal(defersToProvider(known, rule('generic-secret'), reference(25)), true);
    assert.equal(defersToProvider(known, rule('generic-secret'), `cmVmx${randomToken(ALNUM, 28)}`), false);
    assert.equal(defersToProvider(known, rule('jfrog-reference-token'), reference(25)), false);
  });

  it('the redact tier still hides the value the report tier leaves', () => {
    const value = reference(25);
    const { text: sent } = redactText(`  [DEBUG] Using token: ${value}\n`, new RedactionMap());
    assert.ok(!sent.includes(value.slice(6, 26)));
  });
});

describe('providerPrefixes', () => {
  const known = providerPrefixes(builtinRules);

  it('reads prefixes from the rules’ keywords, longest first, and leaves out words', () => {
    assert.ok(known.owners.get('ghp_')?.has(rule('github-pat')));
    assert.ok(known.owners.get('glpat-')?.has(rule('gitlab-pat')));
    for (const word of ['secret_', 'api-', 'sdk-', 'pat.']) {
      assert.equal(known.owners.has(word), false, word);
    }
    assert.deepEqual(known.words.get('pat.'), [rule('harness-api-key')]);
    assert.deepEqual([...known.bare.keys()], ['cmvmd']);
    const lengths = known.prefixes.map((p) => p.length);
    assert.deepEqual(
      lengths,
      [...lengths].sort((a, b) => b - a),
    );
  });

  it('never makes a provider defer to itself, nor an error-severity rule to another', () => {
    const bad = badChecksumPat();
    assert.equal(defersToProvider(known, rule('github-pat'), bad), false);
    assert.equal(defersToProvider(known, rule('gitlab-pat'), bad), false);
    assert.equal(defersToProvider(known, rule('generic-secret'), bad), true);
    assert.equal(defersToProvider(known, rule('generic-secret'), randomToken(ALNUM, 40)), false);
    const short = `aio_${randomToken(ALNUM, 29)}`;
    assert.equal(defersToProvider(known, rule('generic-secret'), short), true);
    assert.equal(defersToProvider(known, rule('adafruit-io-key'), short), false);
  });
});
