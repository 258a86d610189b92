import { ALNUM, BASE64, DIGITS, HEX, randomFraction, randomToken, UPPER_ALNUM } from '../random';
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
    id: 'segment-public-api-token',
    provider: 'Segment',
    description: 'Segment Public API token',
    risk: 'anyone with this file can read and change the sources, destinations and settings of your Segment workspace',
    // `sgp_` and 64 letters and digits (Nosey Parker's and Kingfisher's rules; Segment's own leak scanning
    // keys on the prefix). Sourcegraph's tokens share the prefix with 40 hex digits, or a 16-digit id and 40.
    keywords: ['sgp_'],
    shape: 'sgp_[A-Za-z0-9]{64}',
    maxLength: 68,
    minEntropy: 3.5,
    validate: (t) => lettersWithDigits(t.slice(4)),
    make: () => `sgp_${randomToken(ALNUM, 64)}`,
    revokeUrl: 'https://segment.com/docs/api/public-api/',
  }),
  fixedRule({
    id: 'clickup-personal-token',
    provider: 'ClickUp',
    description: 'ClickUp personal API token',
    risk: 'anyone with this file can read and change the tasks and spaces of your ClickUp workspaces as you',
    // `pk_`, the user's numeric id (7 or 8 digits, any first digit, as Kingfisher's rule reads it) and 32
    // capitals and digits (trufflehog's and Kingfisher's rules). The keywords hold the id's first digit:
    // `pk_` alone opens Stripe's `pk_live_` and Django's `pk_url_kwarg`, and a prefix keyword names a
    // provider in the redact tier (recall/providerShapes.ts).
    keywords: ['pk_0', 'pk_1', 'pk_2', 'pk_3', 'pk_4', 'pk_5', 'pk_6', 'pk_7', 'pk_8', 'pk_9'],
    shape: 'pk_[0-9]{7,8}_[A-Z0-9]{32}',
    maxLength: 44,
    minEntropy: 3.3,
    validate: (t) => /[A-Z][^]*[0-9]|[0-9][^]*[A-Z]/.test(t.slice(t.lastIndexOf('_') + 1)),
    make: () =>
      `pk_${1 + Math.floor(randomFraction() * 9)}${randomToken(DIGITS, 6)}_${randomToken(UPPER_ALNUM, 32)}`,
    revokeUrl: 'https://app.clickup.com/settings/apps',
    negatives: ['pk_1234567_ABCDEFGHJKLMN1234567890OPQRS1234', 'CLICKUP_TOKEN=pk_<user-id>_<token>'],
  }),
  fixedRule({
    id: 'mongodb-atlas-service-account-secret',
    provider: 'MongoDB Atlas',
    description: 'MongoDB Atlas service account client secret',
    risk: 'anyone with this file can call the Atlas Administration API with the roles of your service account',
    // `mdb_sa_sk_` and 40 letters and digits, `_` or `-` only in the first six (MongoDB's own rule, in
    // Kingfisher). The id beside it opens with `mdb_sa_id_` and is no secret.
    keywords: ['mdb_sa_sk_'],
    shape: 'mdb_sa_sk_[A-Za-z0-9_-]{6}[A-Za-z0-9]{34}',
    maxLength: 50,
    minEntropy: 3.5,
    validate: (t) => lettersWithDigits(t.slice(10)),
    make: () => `mdb_sa_sk_${randomToken(ALNUM, 40)}`,
    revokeUrl: 'https://www.mongodb.com/docs/atlas/configure-api-access/',
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
