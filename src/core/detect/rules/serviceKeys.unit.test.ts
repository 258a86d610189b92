import * as assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { ALNUM, HEX, randomToken } from '../random';
import { scan, scanRange } from '../scanner';
import { builtinRules } from '../catalog';
import { CLAIMED_WORDS, sampleOf, sampleText, serviceKeyIndex, serviceTableText } from './serviceKeys';
import type { ServiceEntry } from './serviceKeyLines';
import { parseTable } from './serviceKeyLines';
import { RUN_ON } from './serviceKeyTable';
import { matches } from './serviceKeyText';

const index = serviceKeyIndex;

/** The finding of the table's rule on the span of `value` in `text`, if any. */
function foundAt(text: string, value: string): string | undefined {
  const at = text.indexOf(value);
  return index.find(text, 0, text.length).find((f) => f.start === at && f.end === at + value.length)
    ?.provider;
}

/** Providers a text's main line can be credited to: every service its word names (words are shared). */
function providersOf(entry: ServiceEntry): string[] {
  return index.servicesNamed(entry.words[0]!).map((e) => e.provider);
}

/**
 * Whether some service named by `entry`'s word takes `value` as a secret part (a wrong length can be another's
 * right one), its own length or, for a part that runs on, up to `RUN_ON` past it (the samples name a key).
 */
function anyShapeTakes(entry: ServiceEntry, value: string): boolean {
  return index
    .servicesNamed(entry.words[0]!)
    .some((e) =>
      e.parts.some(
        (p) =>
          p.secret &&
          (matches(value, p.shape) ||
            (p.runsOn === true &&
              matches(value, [{ ...p.shape[0]!, max: p.shape[0]!.max + RUN_ON }]) &&
              value.length > p.shape[0]!.max)),
      ),
    );
}

describe('service key table', () => {
  it('parses every line into words and at least one secret part', () => {
    assert.ok(index.entries.length > 400, `only ${index.entries.length} services`);
    for (const e of index.entries) {
      assert.ok(e.words.length > 0 && e.words.every((w) => /^[a-z0-9]{3,}$/.test(w)), e.provider);
      assert.ok(
        e.parts.some((p) => p.secret),
        e.provider,
      );
    }
  });

  it('lists as claimed exactly the words that hold a keyword of a provider rule', () => {
    const keywords = [
      ...new Set(
        builtinRules
          .filter((r) => r.id !== 'service-api-key' && r.provider !== 'Generic')
          .flatMap((r) => r.keywords.map((k) => k.toLowerCase())),
      ),
    ].filter((k) => /^[a-z0-9]{4,}$/.test(k));
    const words = new Set(index.entries.flatMap((e) => e.words));
    const claimed = [...words].filter((w) => keywords.some((k) => w.includes(k))).sort();
    assert.deepEqual(claimed, [...CLAIMED_WORDS].sort());
  });

  it('rejects a malformed line or shape', () => {
    assert.throws(() => parseTable('Acme acme'), /malformed/);
    assert.throws(() => parseTable('Acme acme &l8'), /malformed/);
    assert.throws(() => parseTable('Acme acme q32'), /bad shape/);
    assert.throws(() => parseTable('Acme acme l3x'), /bad shape/);
    assert.throws(() => parseTable('Acme acme l3_'), /bad shape/);
    assert.throws(() => parseTable('Acme acme l3._a4'), /bad shape/);
  });

  it('reads a `+` only after the one segment of a secret', () => {
    const [entry] = parseTable('Acme acme a32+');
    assert.deepEqual(entry?.parts, [{ shape: [{ cls: 'a', min: 32, max: 32 }], secret: true, runsOn: true }]);
    assert.equal(parseTable('Acme acme a32')[0]?.parts[0]?.runsOn, undefined);
    assert.throws(() => parseTable('Acme acme h8-h4+'), /run on/);
    assert.throws(() => parseTable('Acme acme a32 &h8+'), /run on/);
    assert.throws(() => parseTable('Acme acme a32++'), /bad shape/);
  });

  it('reads `_` and `.` joins and `@` words', () => {
    const [entry] = parseTable('Acme @acme l4_a27.h8..9');
    assert.equal(entry?.named, true);
    assert.deepEqual(entry?.words, ['acme']);
    assert.deepEqual(
      entry?.parts[0]?.shape.map((s) => [s.join, s.cls, s.min, s.max]),
      [
        [undefined, 'l', 4, 4],
        ['_', 'a', 27, 27],
        ['.', 'h', 8, 9],
      ],
    );
  });

  describe('each service, from its own shapes', () => {
    for (const entry of index.entries) {
      entry.parts.forEach((part, k) => {
        if (!part.secret) {
          return;
        }
        it(`${entry.provider} ${k}: found next to its word, not at a wrong length, far away or unnamed`, () => {
          const { text, value } = sampleText(entry, k);
          const provider = foundAt(text, value);
          assert.ok(
            provider !== undefined && providersOf(entry).includes(provider),
            `${entry.provider}: missed`,
          );

          for (const delta of [1, -1]) {
            const wrong = sampleText(entry, k, delta);
            if (!anyShapeTakes(entry, wrong.value)) {
              assert.equal(foundAt(wrong.text, wrong.value), undefined, `length off by ${delta}`);
            }
          }
          const unnamed = text.replace(text.split('\n')[0]!, `const settingValue = "${value}";`);
          assert.equal(foundAt(unnamed, value), undefined, 'no service word');
          const word = entry.words[0]!;
          const far = text.replace(text.split('\n')[0]!, `${word}${' '.repeat(45)}api_key = "${value}"`);
          assert.equal(foundAt(far, value), undefined, 'word too far');
          if (entry.named) {
            const above = text.replace(text.split('\n')[0]!, `# ${word} settings\nvalue: '${value}'`);
            assert.equal(foundAt(above, value), undefined, 'an everyday word outside the name');
          }
          const alone = index
            .servicesNamed(word)
            .some((e) => e.parts.length === 1 && matches(value, e.parts[0]!.shape));
          if (entry.parts.length > 1 && !alone) {
            assert.equal(
              foundAt(text.split('\n')[0]!, value),
              undefined,
              'a part of the credential is missing',
            );
          }
        });
      });
    }
  });
});

describe('service-api-key in the scanner', () => {
  const abuse = (): string => randomToken('abcdefghijklmnopqrstuvwxyz0123456789', 80);

  it('names the provider in the finding and never holds the value', () => {
    const value = abuse();
    const [f] = scan(`ABUSEIPDB_API_KEY=${value}`);
    assert.equal(f?.ruleId, 'service-api-key');
    assert.equal(f?.provider, 'AbuseIPDB');
    assert.match(f.message, /^AbuseIPDB API key: /);
    assert.equal(f?.severity, 'warning');
    assert.ok(!JSON.stringify(f).includes(value));
  });

  it('finds the word on the line before, in camelCase and glued to more words', () => {
    const value = randomToken(ALNUM, 32);
    assert.equal(scan(`# abuse reports via ApiMetrics\napi_key = "${value}"`)[0]?.provider, 'ApiMetrics');
    assert.equal(scan(`const apiMetricsKey = '${value}';`)[0]?.provider, 'ApiMetrics');
    assert.equal(scan(`ABUSEIPDBKEY=${abuse()}`)[0]?.provider, 'AbuseIPDB');
    // A service word of two humps inside a longer name: from an inner hump on, read as a prefix.
    const better = randomToken(ALNUM, 24);
    assert.equal(
      scan(`func getBetterStackToken() string { return "${better}" }`)[0]?.provider,
      'BetterStack',
    );
    // …but only from a hump: letters inside a hump are not a word (`getbetterstack` stays one word).
    assert.deepEqual(
      scan(`func getbetterStackToken() string { return "${better}" }`).map((f) => f.ruleId),
      [],
    );
  });

  it('reads a value out of a longer run only at a separator', () => {
    const value = abuse();
    assert.equal(scan(`abuseipdb_key_${value}`)[0]?.provider, 'AbuseIPDB');
    assert.deepEqual(
      scan(`abuseipdb key=${value}x`).filter((f) => f.ruleId === 'service-api-key'),
      [],
    );
  });

  it('reads a value in groups glued to its name by a credential word (`codakey-<uuid>`)', () => {
    const groups = (cls: string, ...lengths: number[]): string =>
      sampleOf(lengths.map((n) => ({ cls, min: n, max: n })));
    const coda = groups('l', 8, 4, 4, 4, 12);
    const cliengo = groups('h', 8, 4, 4, 4, 12);
    const mailmodo = groups('u', 7, 7, 7, 7);
    for (const [text, value, provider] of [
      [`codakey-${coda}`, coda, 'Coda'],
      [`codatoken-${coda}`, coda, 'Coda'],
      [`cliengo-SECRET-${cliengo}`, cliengo, 'Cliengo'],
      [`nftport-private-key-${cliengo}`, cliengo, 'Nftport'],
      [`mailmodo ACCESS-${mailmodo}`, mailmodo, 'Mailmodo'],
      [`mailmodoPRIVATE-${mailmodo}`, mailmodo, 'Mailmodo'],
    ] as const) {
      assert.equal(foundAt(text, value), provider, text);
      assert.equal(scan(text)[0]?.ruleId, 'service-api-key', text);
    }
    // Glued by a dot after the credential word: the name ends there, the value is whole.
    const hex = randomToken(HEX, 32);
    assert.equal(foundAt(`signupgeniusPRIVATE.${hex}`, hex), 'Signupgenius');
    assert.equal(foundAt(`scrapingant123TOKEN.${hex}`, hex), 'ScrapingAnt');
    // …but a dotted run's piece after another word stays a piece (the rest would be left behind).
    assert.equal(foundAt(`signupgenius.build.${hex}`, hex), undefined);
    assert.equal(foundAt(`signupgenius key: ${randomToken(HEX, 8)}.${hex}`, hex), undefined);
    // No service's word, no credential word, or an everyday word that is no credential name: an id.
    for (const text of [
      `monkey-${cliengo}`,
      `cache-key-${cliengo}`,
      `session_token_${cliengo}`,
      `cliengo-build-${cliengo}`,
      `coda-${coda}`,
      `codadoc-${coda}`,
      `mailmodo-campaign-${mailmodo}`,
    ]) {
      assert.deepEqual(
        scan(text).filter((f) => f.ruleId === 'service-api-key'),
        [],
        text,
      );
    }
  });

  it('leaves a piece of a longer token joined by = + / . alone (the rest would be left behind)', () => {
    const piece = randomToken(ALNUM, 80).toLowerCase();
    for (const join of ['=', '+', '/', '.']) {
      const text = `abuseipdb key: ${piece}${join}${randomToken(ALNUM, 33)}`;
      assert.deepEqual(
        index.find(text, 0, text.length).map((f) => f.provider),
        [],
        join,
      );
    }
  });

  it('needs a credential word, or the word right before it, for a hex value (a digest is not a key)', () => {
    const hex = randomToken(HEX, 40);
    assert.equal(scan(`cloudsmith: "${hex}"`)[0]?.provider, 'Cloudsmith');
    assert.equal(scan(`CLOUDSMITH_API_KEY=${hex}`)[0]?.provider, 'Cloudsmith');
    assert.deepEqual(scan(`cloudsmith release from commit ${hex}`), []);
  });

  it('reads `access` and `private` as credential words for a hex value, and a spaced assignment as adjacent', () => {
    const hex = randomToken(HEX, 32);
    assert.equal(scan(`goodday ACCESS ${hex}`)[0]?.provider, 'GoodDay');
    assert.equal(scan(`yousign =PRIVATE:${hex}`)[0]?.provider, 'YouSign');
    assert.equal(scan(`GOODDAY = "${hex}"`)[0]?.provider, 'GoodDay');
    // Still no credential word, and the word not right before it: a digest.
    assert.deepEqual(scan(`goodday build ${hex}`), []);
    assert.deepEqual(scan(`goodday , "${hex}"`), []);
    const owm = `${randomToken('abcdefghijklmnopqrstuvwxyz', 30)}7q`;
    assert.equal(scan(`owm = '${owm}'`)[0]?.provider, 'OpenWeather');
    assert.equal(scan(`pyowm: ${owm}`)[0]?.provider, 'OpenWeather');
    assert.deepEqual(
      scan(`# see the owm docs\nvalue: '${owm}'`).filter((f) => f.ruleId === 'service-api-key'),
      [],
    );
  });

  it('yields to a rule written for the provider and beats the generic ones', () => {
    const snyk = sampleOf([
      { cls: 'h', min: 8, max: 8 },
      { cls: 'h', min: 4, max: 4 },
      { cls: 'h', min: 4, max: 4 },
      { cls: 'h', min: 4, max: 4 },
      { cls: 'h', min: 12, max: 12 },
    ]);
    assert.equal(scan(`SNYK_TOKEN=${snyk}`)[0]?.ruleId, 'snyk-api-token');
    assert.equal(scan(`abuseipdb_secret = "${abuse()}"`)[0]?.ruleId, 'service-api-key');
  });

  it("names an everyday word's value only from a credential name", () => {
    const uuidLike = (): string => sampleOf([8, 4, 4, 4, 12].map((n) => ({ cls: 'l', min: n, max: n })));
    const value = uuidLike();
    for (const text of [`CODA_TOKEN=${value}`, `"coda_secret": "${value}",`, `coda token = '${value}'`]) {
      assert.equal(foundAt(text, value), 'Coda', text);
    }
    for (const text of [
      `# coda\ntoken = '${value}'`,
      `see the coda docs, key ${value}`,
      `coda_id = "${value}"`,
    ]) {
      assert.equal(foundAt(text, value), undefined, text);
    }
  });

  it('reads `access` and `private` in the credential name of an everyday word too', () => {
    const daily = randomToken(HEX, 64);
    const nimble = randomToken(ALNUM, 28) + randomToken('0123456789', 2);
    for (const [text, value, provider] of [
      [`daily ACCESS ${daily}`, daily, 'DailyCo'],
      [`DAILY_ACCESS_KEY=${daily}`, daily, 'DailyCo'],
      [`nimble PRIVATE ${nimble}`, nimble, 'Nimble'],
      [`"nimble_access": "${nimble}"`, nimble, 'Nimble'],
    ] as const) {
      assert.equal(foundAt(text, value), provider, text);
    }
    // The word away from its value, or a name that says no credential: a digest, an id.
    for (const [text, value] of [
      [`# daily access report\nchecksum = '${daily}'`, daily],
      [`daily_build = ${daily}`, daily],
      [`nimble_session_id = "${nimble}"`, nimble],
    ] as const) {
      assert.equal(foundAt(text, value), undefined, text);
    }
  });

  it('reads a dotted value whole, never a piece of it or of a longer dotted run', () => {
    const value = `${randomToken(HEX, 8)}.${randomToken(HEX, 35)}`;
    assert.equal(scan(`FIBERY_TOKEN=${value}`)[0]?.provider, 'Fibery');
    assert.equal(foundAt(`FIBERY_TOKEN=${value}.`, value), 'Fibery', 'a full stop ends the value');
    assert.equal(foundAt(`FIBERY_TOKEN=${value}.${randomToken(HEX, 8)}`, value), undefined);
    assert.equal(foundAt(`FIBERY_TOKEN=${randomToken(HEX, 8)}.${value}`, value), undefined);
  });

  it('finds the same value in a range scan of its line', () => {
    const text = `first line\nname: x\nabuseipdb:\n  api_key: ${abuse()}\nlast`;
    const whole = scan(text);
    const range = scanRange(text, 3, 3).findings;
    assert.deepEqual(range, whole);
    assert.equal(whole.length, 1);
  });
});

describe('service key finder on hostile input (work counted, never timed)', () => {
  const KB = 1024;
  const fill = (unit: () => string, length: number): string => {
    let out = '';
    while (out.length < length) {
      out += unit();
    }
    return out.slice(0, length);
  };
  const floods: Record<string, (n: number) => string> = {
    'one digit-led run': (n) => fill(() => '1a', n),
    'pieces of the right length glued by _': (n) => fill(() => `${randomToken(ALNUM, 31)}1_`, n),
    'a word and a value, repeated': (n) =>
      fill(() => `abuseipdb key=${randomToken('abcdef0123456789xyz', 80)} `, n),
    'a value whose id never comes, repeated': (n) =>
      fill(() => `adzuna key=${randomToken('abcdefxyz0123456789', 32)}\n`, n),
    'one long dotted run': (n) => fill(() => `${randomToken(ALNUM, 20)}1.`, n),
    'dotted values, repeated': (n) =>
      fill(() => `fibery key ${randomToken(HEX, 8)}.${randomToken(HEX, 35)} `, n),
    'one run of named values': (n) => fill(() => `adzuna_key_${randomToken('abcdefxyz0123456789', 32)}_`, n),
  };
  for (const [name, make] of Object.entries(floods)) {
    it(`stays linear: ${name}`, () => {
      const small = { chars: 0 };
      const large = { chars: 0 };
      const a = make(64 * KB);
      const b = make(256 * KB);
      index.find(a, 0, a.length, small);
      index.find(b, 0, b.length, large);
      // Four times the text, about four times the work (a value cut at the end shifts a little).
      assert.ok(large.chars <= 4.25 * small.chars + 4 * KB, `${small.chars} -> ${large.chars}`);
      // A bounded amount of reading per character of input, whatever the shape.
      assert.ok(large.chars <= 64 * b.length, `${large.chars} for ${b.length} characters`);
    });
  }
});

describe('service key table: the lines the build parses for the bundles', function () {
  this.timeout(120_000);

  it('defines into the bundles the very entries the lines give (SECURE_GPT_SERVICE_ENTRIES)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild.js is plain CommonJS
    const { common } = require(join(resolve(__dirname, '..', '..', '..', '..', '..'), 'esbuild.js')) as {
      common: { define: Record<string, string> };
    };
    const built = JSON.parse(
      JSON.parse(common.define['SECURE_GPT_SERVICE_ENTRIES']!) as string,
    ) as ServiceEntry[];
    const parsed = parseTable(serviceTableText());
    assert.ok(parsed.length > 600, `${parsed.length} entries`);
    assert.deepEqual(built, parsed);
    // The index the unit tests use reads the same lines.
    assert.deepEqual(serviceKeyIndex.entries, parsed);
  });
});
