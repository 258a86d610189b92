import * as assert from 'node:assert/strict';
import type { Source } from '../corpus/external/externalCorpus';
import { classifyNegative, type NegativeClass } from '../corpus/external/negativeClass';
import { formatOverRedactionSplit, measure } from '../corpus/external/measure';
import { ALNUM, randomToken } from '../../src/core/detect/random';

// The peers' own names for hard negatives, as their test files write them.
const CASES: readonly [Source, string | undefined, NegativeClass][] = [
  // trufflehog `name:` fields
  ['trufflehog', 'valid pattern - key out of prefix range', 'context'],
  ['trufflehog', 'valid pattern - out of prefix range', 'context'],
  ['trufflehog', 'valid pattern - only id', 'context'],
  ['trufflehog', 'valid pattern - only role_id (incomplete set)', 'context'],
  ['trufflehog', 'invalid pattern - missing key_id', 'context'],
  ['trufflehog', 'no match for legacy format', 'context'],
  ['trufflehog', 'regular OpenAI key should not match', 'context'],
  ['trufflehog', 'HS256/valid', 'context'],
  ['trufflehog', 'invalid pattern', 'nearMiss'],
  ['trufflehog', 'invald pattern', 'nearMiss'],
  ['trufflehog', 'invalid pattern - too short', 'nearMiss'],
  ['trufflehog', 'invalid pattern - uppercase characters', 'nearMiss'],
  ['trufflehog', 'invalid pattern - keyword only', 'nearMiss'],
  ['trufflehog', 'invalid_secret_format', 'nearMiss'],
  ['trufflehog', 'negative case: invalid key format', 'nearMiss'],
  ['trufflehog', 'typical pattern - invalid client ID', 'nearMiss'],
  ['trufflehog', 'valid pattern - not found', 'other'],
  ['trufflehog', 'valid pattern - without token', 'other'],
  ['trufflehog', 'missing client secret - no results', 'other'],
  ['trufflehog', 'no result - url without key', 'other'],
  ['trufflehog', 'false positive - java class name (CSM-2238)', 'other'],
  ['trufflehog', 'non-sas query string is ignored', 'other'],
  // detect-secrets comments
  ['detect-secrets', 'Double quotes required', 'context'],
  ['detect-secrets', 'Secret without quotes', 'context'],
  ['detect-secrets', 'Non-quoted string', 'context'],
  ['detect-secrets', 'GitLab is not GitHub', 'context'],
  ['detect-secrets', 'token < 20 chars should be too short', 'nearMiss'],
  ['detect-secrets', 'invalid separator (underscore VS dash)', 'nearMiss'],
  ['detect-secrets', 'At least 1 alphanumeric character is required', 'nearMiss'],
  ['detect-secrets', 'Valid IPv4 addresses, Non-public', 'other'],
  ['detect-secrets', 'Nothing in the quotes', 'other'],
  ['detect-secrets', "'fake' in the secret", 'other'],
  ['detect-secrets', undefined, 'other'],
  // secretlint snapshot directories
  ['secretlint', 'ng.secretlint-disable-line', 'context'],
  ['secretlint', 'ok.allows', 'context'],
  ['secretlint', 'ok.too_short', 'nearMiss'],
  ['secretlint', 'ok.valid', 'other'],
  ['secretlint', 'placeholder-short-base64', 'other'],
  // gitleaks' false-positive lists name no case
  ['gitleaks', undefined, 'other'],
  ['gitleaks', '', 'other'],
];

describe('external corpus: hard negatives classed by the peer’s own reason', () => {
  for (const [source, name, want] of CASES) {
    it(`${source} ${JSON.stringify(name)} is ${want}`, () => {
      assert.equal(classifyNegative(source, name), want);
    });
  }

  it('counts every negative in exactly one class, and over-redactions in the class of their case', () => {
    const negative = (name: string | undefined, text: string) => ({
      source: 'trufflehog' as const,
      kind: 'example',
      from: 'example_test.go',
      ...(name === undefined ? {} : { case: name }),
      label: 'negative' as const,
      text,
      template: text,
      secrets: [],
    });
    const rows = measure(
      [
        // A random value given to a credential name: the redact tier hides it, whatever the peer says.
        negative('valid pattern - key out of prefix range', `password = "${randomToken(ALNUM, 32)}"`),
        negative('invalid pattern', 'plain words only'),
        negative(undefined, 'no name at all'),
      ],
      new Map(),
    );
    const all = rows[rows.length - 1]!;
    const sum = Object.values(all.byClass).reduce((a, c) => a + c.negatives, 0);
    assert.equal(sum, all.negatives);
    assert.deepEqual(all.byClass, {
      context: { negatives: 1, overRedacted: 1 },
      nearMiss: { negatives: 1, overRedacted: 0 },
      other: { negatives: 1, overRedacted: 0 },
    });
    assert.deepEqual(all.unnamed, { negatives: 1, overRedacted: 0 });
    assert.match(formatOverRedactionSplit(all), /over-redacted negatives: 1 of 3 \(33\.3%\)/);
    assert.match(formatOverRedactionSplit(all), /of \(c\), the peer names no case +0 of 1 /);
    // The one changed negative hid a generated value: counted apart, and the rest over all negatives is 0.
    assert.equal(all.generatedOnly, 1);
    assert.match(formatOverRedactionSplit(all), /hiding only values that look generated 1 of 1 /);
    assert.match(formatOverRedactionSplit(all), /the rest, over all negatives: 0 of 3 /);
  });

  it('does not count a changed negative as generated when a hidden value is words', () => {
    const rows = measure(
      [
        {
          source: 'noseyparker' as const,
          kind: 'example',
          from: 'generic.yml',
          label: 'negative' as const,
          text: 'DB_PASSWORD=correct horse battery staple\n',
          template: 'DB_PASSWORD=correct horse battery staple\n',
          secrets: [],
        },
      ],
      new Map(),
    );
    const all = rows[rows.length - 1]!;
    assert.equal(all.overRedacted, 1);
    assert.equal(all.generatedOnly, 0);
  });
});
