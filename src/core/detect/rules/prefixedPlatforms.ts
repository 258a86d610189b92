import { ALNUM, BASE64, DIGITS, HEX, randomFraction, randomToken } from '../random';
import type { Rule } from '../rule';
import { fixedRule, lettersWithDigits } from './fixedPrefix';
import { UUID, uuid } from './ruleParts';

// Platforms whose tokens name themselves: a fixed prefix and a fixed body. The formats are facts from the
// vendors' documentation and Nosey Parker's public rules (praetorian-inc/noseyparker); the patterns and
// cases are this project's own.

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(randomFraction() * xs.length)]!;

/**
 * The base64 of a PEM private key's first line, cut at a whole 3-byte group so the text after it cannot
 * change it (`-----BEGIN RSA PRIVATE KEY----` encodes to the same 40 characters in every key). Public
 * keys and certificates encode to other heads.
 */
const PEM_HEADS = [
  'LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0t', // RSA PRIVATE KEY
  'LS0tLS1CRUdJTiBEU0EgUFJJVkFURSBLRVktLS0t', // DSA PRIVATE KEY
  'LS0tLS1CRUdJTiBFQyBQUklWQVRFIEtFWS0tLS0t', // EC PRIVATE KEY
  'LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0t', // PRIVATE KEY (PKCS #8)
  'LS0tLS1CRUdJTiBPUEVOU1NIIFBSSVZBVEUgS0VZLS0t', // OPENSSH PRIVATE KEY
  'LS0tLS1CRUdJTiBFTkNSWVBURUQgUFJJVkFURSBLRVktLS0t', // ENCRYPTED PRIVATE KEY
];

export const prefixedPlatformRules: readonly Rule[] = [
  fixedRule({
    id: 'stackhawk-api-key',
    provider: 'StackHawk',
    description: 'StackHawk API key',
    risk: 'anyone with this file can run scans and read the findings of your StackHawk organization',
    keywords: ['hawk.'],
    shape: 'hawk\\.[A-Za-z0-9_-]{20}\\.[A-Za-z0-9_-]{20}',
    maxLength: 46,
    minEntropy: 3.5,
    validate: (t) => lettersWithDigits(t.slice(5)),
    make: () => `hawk.${randomToken(ALNUM, 20)}.${randomToken(ALNUM, 20)}`,
    revokeUrl: 'https://app.stackhawk.com/settings/apikeys',
    negatives: ['hawk.config.file.for.the.build.pipeline', 'hawk.scan.results.json'],
  }),
  fixedRule({
    id: 'twitch-stream-key',
    provider: 'Twitch',
    description: 'Twitch stream key',
    risk: 'anyone with this file can broadcast to your Twitch channel as you',
    // `live_`, the channel's numeric id and 30 to 36 letters and digits. The keyword is the prefix less its
    // first letter (a match may start before its keyword): Lob and Stripe keys open with `live_` too, and
    // the redact tier files a token under the rule whose prefix keyword opens it (recall/providerShapes.ts),
    // which would call them Twitch's; nor may the word `live` claim the service table's `liveagent`.
    keywords: ['ive_'],
    shape: 'live_[0-9]{6,12}_[A-Za-z0-9]{30,36}',
    maxLength: 54,
    minEntropy: 3.5,
    validate: (t) => lettersWithDigits(t.slice(t.lastIndexOf('_') + 1)),
    make: () => `live_${randomToken(DIGITS, 9)}_${randomToken(ALNUM, 30)}`,
    revokeUrl: 'https://dashboard.twitch.tv/settings/stream',
    negatives: [
      'sk_live_123456789_abcdefghijABCDEFGHIJ0123456789',
      'live_123456789_stream_settings_page_title',
    ],
  }),
  fixedRule({
    id: 'jina-api-key',
    provider: 'Jina AI',
    description: 'Jina AI API key',
    risk: 'anyone with this file can call the Jina AI APIs on your account and spend its tokens',
    keywords: ['jina_'],
    shape: 'jina_[A-Za-z0-9]{60}',
    maxLength: 65,
    minEntropy: 3.5,
    validate: (t) => lettersWithDigits(t.slice(5)),
    make: () => `jina_${randomToken(ALNUM, 60)}`,
    revokeUrl: 'https://jina.ai/api-dashboard',
  }),
  fixedRule({
    id: 'dependency-track-api-key',
    provider: 'Dependency-Track',
    description: 'OWASP Dependency-Track API key',
    risk: 'anyone with this file can read and change the projects and findings of your Dependency-Track server',
    // `odt_` and 32 letters and digits; newer servers put a public part and `_` before them.
    keywords: ['odt_'],
    shape: 'odt_(?:[A-Za-z0-9]{8}_)?[A-Za-z0-9]{32,64}',
    maxLength: 77,
    minEntropy: 3.5,
    validate: (t) => lettersWithDigits(t.slice(4)),
    make: () => `odt_${randomToken(ALNUM, pick([32, 36]))}`,
    revokeUrl: 'https://docs.dependencytrack.org/integrations/rest-api/',
  }),
  fixedRule({
    id: 'newrelic-admin-key',
    provider: 'New Relic',
    description: 'New Relic admin API key',
    risk: 'anyone with this file can change the settings and users of your New Relic account',
    keywords: ['nraa-'],
    shape: 'NRAA-[a-f0-9]{27}',
    maxLength: 32,
    make: () => `NRAA-${randomToken(HEX, 27)}`,
    revokeUrl: 'https://one.newrelic.com/api-keys',
  }),
  fixedRule({
    id: 'pixie-api-key',
    provider: 'Pixie',
    description: 'Pixie (New Relic) API or deployment key',
    risk: 'anyone with this file can deploy to or query the clusters of your Pixie organization',
    // `px-api-` or `px-dep-` and a UUID.
    keywords: ['px-api-', 'px-dep-'],
    shape: `px-(?:api|dep)-${UUID}`,
    maxLength: 43,
    minEntropy: 3,
    make: () => `px-${pick(['api', 'dep'])}-${uuid()}`,
    revokeUrl: 'https://docs.px.dev/reference/admin/api-keys/',
  }),
  fixedRule({
    id: 'base64-private-key',
    provider: 'PEM',
    description: 'Base64-encoded PEM private key',
    risk: 'anyone with this file can decode the key, then decrypt, sign and log in as its holder',
    // A whole PEM key encoded once more, as Kubernetes values, CI variables and JSON configs carry it.
    keywords: PEM_HEADS.map((h) => h.toLowerCase()),
    shape: `(?:${PEM_HEADS.join('|')})[A-Za-z0-9+/]{100,8000}={0,2}`,
    end: '(?![A-Za-z0-9+/=])',
    maxLength: 8060,
    minEntropy: 4.5,
    make: () => `${pick(PEM_HEADS)}${randomToken(BASE64, 1600)}`,
    revokeUrl:
      'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository',
    negatives: [
      // A certificate and a public key, encoded the same way, are not secrets.
      `LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t${'TUlJQ0lqQU5CZ2txaGtpRzl3MEJBUUVGQUFPQ0FnOEFNSUlDQ2dLQ0FnRUF'.repeat(4)}`,
      `LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0t${'TUlJQ0lqQU5CZ2txaGtpRzl3MEJBUUVGQUFPQ0FnOEFNSUlDQ2dLQ0FnRUF'.repeat(4)}`,
    ],
  }),
];
