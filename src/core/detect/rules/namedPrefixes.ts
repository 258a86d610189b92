import { BASE64, HEX, randomFraction, randomToken } from '../random';
import type { Rule } from '../rule';
import { fixedRule } from './fixedPrefix';
import { END_TOKEN, anyCase, near, tokenRule } from './ruleKit';

// Prefixed keys whose prefix is short or shared (`pri_`), read after the provider's word on the line, and
// self-identifying pairs (`thog-key-`, `thog-secret-`). Formats are facts from the vendors' documentation
// and trufflehog's detectors; patterns and cases are our own.

/** A credential word after a FullStory one, naming a region-less key (`fullstory_key`, `FULLSTORY_SECRET`). */
const OLD_KEY_NAME = '(?:[Kk]ey|KEY|[Tt]oken|TOKEN|[Ss]ecret|SECRET)';

export const namedPrefixRules: readonly Rule[] = [
  tokenRule({
    id: 'besttime-private-key',
    provider: 'BestTime',
    description: 'BestTime private API key',
    risk: 'anyone with this file can run foot-traffic forecasts on your BestTime account, on your bill',
    severity: 'warning',
    keywords: ['besttime'],
    // `pri_` and 32 hex (a public key is `pub_`); `pri_` alone is too common, so a BestTime word on the
    // line names it, in a URL path too (`…/besttime/keys/pri_…`).
    pattern: new RegExp(near(anyCase('besttime'), 'pri_[a-f0-9]{32}', END_TOKEN)),
    maxLength: 88,
    minEntropy: 2.9,
    revokeUrl: 'https://besttime.app/',
    sample: () => `pri_${randomToken(HEX, 32)}`,
    lines: (t) => [
      `BESTTIME_API_KEY_PRIVATE=${t}`,
      `url := "https://besttime.app/api/v1/keys/${t}"`,
      `  besttime: { private: '${t}' }`,
    ],
    negatives: [
      'BESTTIME_API_KEY_PRIVATE=pri_<your-private-key>',
      `BESTTIME_API_KEY_PUBLIC=pub_${'0a1b2c3d'.repeat(4)}`,
      `key = "pri_${'9f8e7d6c'.repeat(4)}"`,
    ],
  }),
  fixedRule({
    id: 'fullstory-api-key-bare',
    provider: 'FullStory',
    description: 'FullStory API key',
    risk: "anyone with this file can read your FullStory sessions and users' data through its API",
    severity: 'warning',
    // A region-marked key alone on its line (Kingfisher's `fullstory_v2`): `na1.` and exactly 100 base64
    // characters, a run base64 text itself never breaks with a dot; the base64 end is the token's end.
    keywords: ['na1.'],
    shape: 'na1\\.[A-Za-z0-9+/]{100}',
    end: '(?![A-Za-z0-9+/=_-])',
    maxLength: 104,
    minEntropy: 4,
    make: () => `na1.${randomToken(BASE64, 100)}`,
    revokeUrl: 'https://app.fullstory.com/',
    // With no FullStory word on the line: with one, `fullstory-api-key` reports it.
    lines: (t) => [t, `  api_key: "${t}"`, `headers['Authorization'] = 'Basic ${t}'`],
    negatives: [`na1.${'A'.repeat(100)}`, `na1.${'aB3/'.repeat(25)}`],
  }),
  fixedRule({
    id: 'trufflehog-enterprise-secret',
    provider: 'TruffleHog Enterprise',
    description: 'TruffleHog Enterprise API secret',
    risk: 'anyone with this file and its key id can read and change your TruffleHog Enterprise findings',
    keywords: ['thog-secret-'],
    shape: 'thog-secret-[0-9a-f]{32}',
    maxLength: 44,
    make: () => `thog-secret-${randomToken(HEX, 32)}`,
    revokeUrl: 'https://trufflesecurity.com/',
  }),
  fixedRule({
    id: 'trufflehog-enterprise-key',
    provider: 'TruffleHog Enterprise',
    description: 'TruffleHog Enterprise API key id',
    risk: 'the id half of a TruffleHog Enterprise API credential: with its secret it calls the API as you',
    // The id half: self-identifying by its prefix, and kept beside its secret.
    severity: 'warning',
    keywords: ['thog-key-'],
    shape: 'thog-key-[0-9a-f]{16}',
    maxLength: 25,
    minEntropy: 2.5,
    make: () => `thog-key-${randomToken(HEX, 16)}`,
    revokeUrl: 'https://trufflesecurity.com/',
  }),
  tokenRule({
    id: 'fullstory-api-key',
    provider: 'FullStory',
    description: 'FullStory API key',
    risk: "anyone with this file can read your FullStory sessions and users' data through its API",
    severity: 'warning',
    keywords: ['fullstory'],
    // A region (`na1.`) and 100 base64 characters, after a FullStory word on the line. The older keys are
    // base64 with no region, 88 characters or more (trufflehog reads 88, Kingfisher 88 with no end): those
    // need a credential word after the FullStory one too (`fullstory_key = "…"`, `FULLSTORY_SECRET=…`).
    pattern: new RegExp(
      near(
        anyCase('fullstory'),
        `(?:na1\\.[A-Za-z0-9+/]{100}|(?<=${OLD_KEY_NAME}[^\\n]{0,16})[A-Za-z0-9+/]{88,128}={0,2})`,
        '(?![A-Za-z0-9+/=])',
      ),
    ),
    maxLength: 9 + 40 + 130,
    minEntropy: 4,
    revokeUrl: 'https://app.fullstory.com/',
    sample: () => (randomFraction() < 0.5 ? `na1.${randomToken(BASE64, 100)}` : `${randomToken(BASE64, 88)}`),
    lines: (t) => [`FULLSTORY_API_KEY=${t}`, `  "fullstory_secret": "${t}",`],
    negatives: [`FULLSTORY_API_KEY=na1.${'A'.repeat(100)}`, 'FULLSTORY_API_KEY=na1.<your-api-key>'],
  }),
];
