import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { keyed } from './fixedPrefix';
import { END_TOKEN, anyCase, near, tokenRule } from './ruleKit';
import { lettersAndDigits } from './ruleParts';
import { UUID, uuid } from './ruleParts';

// Services whose keys have no prefix of their own: only the provider's name next to a credential word
// (`FASTLY_API_TOKEN=…`) identifies them, so these are warnings. Formats are facts from the vendors'
// documentation and the peers' rule sets (gitleaks, trufflehog, llm-guard); the patterns are our own.

const UUID_ANY_CASE = UUID.replace(/a-f/g, 'a-fA-F');

export const keyedServiceRules: readonly Rule[] = [
  keyed({
    id: 'fastly-api-token',
    provider: 'Fastly',
    description: 'Fastly API token',
    risk: 'anyone with this file can change your Fastly services, purge caches and read their logs',
    words: ['fastly'],
    value: '[A-Za-z0-9_-]{32}',
    valueMax: 32,
    make: () => randomToken(BASE64URL, 32),
    revokeUrl: 'https://manage.fastly.com/account/personal/tokens',
  }),
  tokenRule({
    id: 'asana-access-token',
    provider: 'Asana',
    description: 'Asana personal access token',
    risk: 'anyone with this file can read and change the tasks and projects of your Asana workspaces',
    severity: 'warning',
    keywords: ['asana'],
    // `1/<user>:<32>` (v1) and `2/<user>/<app>:<32>` (v2): the shape names the kind of value, so it counts
    // after an Asana word on its line, assigned or not (`asana Key=…`, `asana token: …`). Older tokens and
    // trufflehog's cases carry longer ids and secrets (`<n>/<28 digits>:<68>`), so the parts are ranges.
    pattern: new RegExp(
      near(anyCase('asana'), '[0-9]{1,6}/[0-9]{16,32}(?:/[0-9]{16,32})?:[A-Za-z0-9]{32,72}', END_TOKEN),
    ),
    maxLength: 190,
    minEntropy: 3,
    validate: (t) => lettersAndDigits(t.slice(t.indexOf(':') + 1)),
    revokeUrl: 'https://app.asana.com/0/my-apps',
    sample: () => `2/${randomToken(DIGITS, 16)}/${randomToken(DIGITS, 16)}:${randomToken(HEX, 32)}`,
    lines: (t) => [`ASANA_ACCESS_TOKEN=${t}`, `asana Key=${t}`, `{ "asana_pat": "${t}" }`],
    negatives: [
      'ASANA_ACCESS_TOKEN=1/1234567890123456:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'asana path = 2/1234567890123456/12',
      'const token = "2/1204567890123456/1204567890123456:9f8e7d6c5b4a39281706f5e4d3c2b1a0";',
    ],
  }),
  keyed({
    id: 'asana-client-secret',
    provider: 'Asana',
    description: 'Asana OAuth client secret',
    words: ['asana'],
    value: '[a-z0-9]{32}',
    valueMax: 32,
    make: () => randomToken(LOWER_ALNUM, 32),
    revokeUrl: 'https://app.asana.com/0/my-apps',
  }),
  keyed({
    id: 'rapidapi-key',
    provider: 'RapidAPI',
    description: 'RapidAPI application key',
    risk: 'anyone with this file can call every API your RapidAPI application subscribes to, on your bill',
    words: ['rapidapi', 'rapid_api'],
    value: '[A-Za-z0-9_-]{50}',
    valueMax: 50,
    make: () => randomToken(ALNUM, 50),
    revokeUrl: 'https://rapidapi.com/developer/apps',
  }),
  keyed({
    id: 'sendbird-api-token',
    provider: 'Sendbird',
    description: 'Sendbird API token',
    risk: 'anyone with this file can read and send the chat messages of your Sendbird application',
    words: ['sendbird'],
    value: '[a-f0-9]{40}',
    valueMax: 40,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://dashboard.sendbird.com/',
  }),
  keyed({
    id: 'intercom-access-token',
    provider: 'Intercom',
    description: 'Intercom access token',
    risk: 'anyone with this file can read your Intercom conversations and contacts and message them',
    words: ['intercom'],
    value: '[A-Za-z0-9_=-]{59,60}',
    valueMax: 60,
    make: () => `${randomToken(ALNUM, 59)}=`,
    revokeUrl: 'https://app.intercom.com/a/apps/_/developer-hub',
  }),
  keyed({
    id: 'squarespace-api-key',
    provider: 'Squarespace',
    description: 'Squarespace API key',
    risk: 'anyone with this file can read and change the orders, products and inventory of your Squarespace site',
    words: ['squarespace'],
    value: UUID_ANY_CASE,
    valueMax: 36,
    make: uuid,
    revokeUrl: 'https://account.squarespace.com/',
  }),
  keyed({
    id: 'hubspot-api-key',
    provider: 'HubSpot',
    description: 'HubSpot legacy API key (hapikey)',
    risk: 'anyone with this file can read and change the contacts and deals of your HubSpot portal',
    words: ['hubspot', 'hapikey', 'hapi_key'],
    value: UUID_ANY_CASE,
    valueMax: 36,
    make: uuid,
    revokeUrl: 'https://app.hubspot.com/',
  }),
  keyed({
    id: 'contentful-delivery-token',
    provider: 'Contentful',
    description: 'Contentful Delivery or Preview API token',
    risk: 'anyone with this file can read all the content of your Contentful space, drafts included for a preview token',
    words: ['contentful'],
    value: '[A-Za-z0-9_-]{43}',
    valueMax: 43,
    make: () => randomToken(BASE64URL, 43),
    revokeUrl: 'https://app.contentful.com/account/profile/cma_tokens',
  }),
  {
    // An access id names the account half of a pair, like an AWS access key id (also an error): the
    // engine drops warnings named `…_id`, so this one is raised to error. Its `su` shape and the
    // `sumo` word keep it precise.
    ...keyed({
      id: 'sumologic-access-id',
      provider: 'Sumo Logic',
      description: 'Sumo Logic access id',
      risk: 'with its access key, anyone with this file can search your Sumo Logic logs and change collectors',
      words: ['sumo'],
      credentialName: false,
      value: 'su[A-Za-z0-9]{12}',
      valueMax: 14,
      make: () => `su${randomToken(ALNUM, 12)}`,
      revokeUrl: 'https://service.sumologic.com/ui/#/preferences',
      // `sumObj` made here: the repository's own scan reads the line's `SUMO` beside it.
      negatives: ['SUMO_ACCESS_ID=subscriptions', `sumObj = su${'GyI5imvADdvU'}`],
    }),
    severity: 'error',
    // `sumObj` is `sum` and `Obj` (2ms's negative): a `sumo` whose `O` opens a camel hump names no Sumo Logic.
    inContext: (text: string, start: number) => {
      const before = text.slice(Math.max(0, start - 120), start);
      for (const m of before.matchAll(/sumo/gi)) {
        const hump =
          before[m.index] === 's' && before[m.index + 3] === 'O' && /[a-z]/.test(before[m.index + 4] ?? '');
        if (!hump) {
          return true;
        }
      }
      return false;
    },
  },
  keyed({
    id: 'sumologic-access-key',
    provider: 'Sumo Logic',
    description: 'Sumo Logic access key',
    risk: 'anyone with this file can search your Sumo Logic logs and change collectors',
    words: ['sumo'],
    value: '[A-Za-z0-9]{64}',
    valueMax: 64,
    make: () => randomToken(ALNUM, 64),
    revokeUrl: 'https://service.sumologic.com/ui/#/preferences',
  }),
  keyed({
    id: 'algolia-admin-key',
    provider: 'Algolia',
    description: 'Algolia admin or write API key',
    risk: 'anyone with this file can change or delete your Algolia indices',
    words: ['algolia'],
    value: '[a-f0-9]{32}',
    valueMax: 32,
    make: () => randomToken(HEX, 32),
    revokeUrl: 'https://dashboard.algolia.com/account/api-keys',
  }),
  keyed({
    id: 'codecov-token',
    provider: 'Codecov',
    description: 'Codecov upload or API token',
    words: ['codecov'],
    value: `${UUID}|[a-f0-9]{32}`,
    valueMax: 36,
    make: uuid,
    revokeUrl: 'https://app.codecov.io/account',
  }),
  keyed({
    id: 'confluent-api-secret',
    provider: 'Confluent',
    description: 'Confluent Cloud API secret',
    risk: 'anyone with this file can read and write the Kafka topics of your Confluent cluster',
    words: ['confluent'],
    value: '[A-Za-z0-9+/]{64}',
    valueMax: 64,
    make: () => randomToken(BASE64, 64),
    revokeUrl: 'https://confluent.cloud/settings/api-keys',
  }),
  keyed({
    id: 'droneci-token',
    provider: 'Drone CI',
    description: 'Drone CI access token',
    words: ['drone'],
    value: '[A-Za-z0-9]{32}',
    valueMax: 32,
    make: () => randomToken(ALNUM, 32),
    revokeUrl: 'https://docs.drone.io/cli/setup/',
  }),
  keyed({
    id: 'gitter-token',
    provider: 'Gitter',
    description: 'Gitter access token',
    words: ['gitter'],
    value: '[A-Za-z0-9_-]{40}',
    valueMax: 40,
    make: () => randomToken(ALNUM, 40),
    revokeUrl: 'https://developer.gitter.im/apps',
  }),
  keyed({
    id: 'launchdarkly-access-token',
    provider: 'LaunchDarkly',
    description: 'LaunchDarkly API access token or server SDK key',
    risk: 'anyone with this file can read and flip your LaunchDarkly feature flags',
    words: ['launchdarkly', 'launch_darkly'],
    value: `(?:api|sdk)-${UUID}|[A-Za-z0-9_-]{40}`,
    valueMax: 40,
    // `api-`/`sdk-` and a UUID alone is `launchdarkly-prefixed-key`'s; this rule adds the 40-character form.
    make: () => randomToken(ALNUM, 40),
    revokeUrl: 'https://app.launchdarkly.com/settings/authorization',
  }),
  keyed({
    id: 'looker-client-secret',
    provider: 'Looker',
    description: 'Looker API client secret',
    words: ['looker'],
    value: '[A-Za-z0-9]{24}',
    valueMax: 24,
    make: () => randomToken(ALNUM, 24),
    revokeUrl: 'https://cloud.google.com/looker/docs/api-auth',
  }),
  keyed({
    id: 'meraki-api-key',
    provider: 'Cisco Meraki',
    description: 'Cisco Meraki Dashboard API key',
    risk: 'anyone with this file can reconfigure the networks and devices of your Meraki organisation',
    words: ['meraki'],
    value: '[a-f0-9]{40}',
    valueMax: 40,
    // Dashboard API keys are 40 lower-case hex digits, no other shape (an EIP-55 address is mixed case).
    exactShape: true,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://dashboard.meraki.com/',
  }),
  keyed({
    id: 'privateai-api-key',
    provider: 'Private AI',
    description: 'Private AI API key',
    words: ['privateai', 'private_ai'],
    value: '[a-z0-9]{32}',
    valueMax: 32,
    make: () => randomToken(LOWER_ALNUM, 32),
    revokeUrl: 'https://portal.private-ai.com/',
  }),
  keyed({
    id: 'travisci-token',
    provider: 'Travis CI',
    description: 'Travis CI API token',
    words: ['travis'],
    value: '[A-Za-z0-9]{22}',
    valueMax: 22,
    make: () => randomToken(ALNUM, 22),
    revokeUrl: 'https://app.travis-ci.com/account/preferences',
  }),
  keyed({
    id: 'zendesk-api-token',
    provider: 'Zendesk',
    description: 'Zendesk API token',
    risk: 'anyone with this file can read and answer the support tickets of your Zendesk account',
    words: ['zendesk'],
    value: '[A-Za-z0-9]{40}',
    valueMax: 40,
    make: () => randomToken(ALNUM, 40),
    revokeUrl: 'https://support.zendesk.com/hc/en-us/articles/4408889192858',
  }),
  keyed({
    id: 'bitbucket-client-secret',
    provider: 'Bitbucket',
    description: 'Bitbucket OAuth consumer secret',
    words: ['bitbucket'],
    value: '[A-Za-z0-9_=-]{32,64}',
    valueMax: 64,
    make: () => randomToken(ALNUM, 32),
    revokeUrl: 'https://bitbucket.org/account/settings/',
  }),
  keyed({
    id: 'linear-client-secret',
    provider: 'Linear',
    description: 'Linear OAuth client secret',
    words: ['linear'],
    value: '[a-f0-9]{32}',
    valueMax: 32,
    make: () => randomToken(HEX, 32),
    revokeUrl: 'https://linear.app/settings/api/applications',
  }),
  keyed({
    id: 'sidekiq-enterprise-credentials',
    provider: 'Sidekiq',
    description: 'Sidekiq Pro / Enterprise gem server credentials',
    risk: 'anyone with this file can download your licensed Sidekiq Pro or Enterprise gems',
    words: ['contribsys__com'],
    credentialName: false,
    value: '[a-f0-9]{8}:[a-f0-9]{8}',
    valueMax: 17,
    // Random 8:8 hex pairs: 1-in-100,000 quantile 2.29 bits.
    minEntropy: 2.1,
    validate: (v) => /[a-f]/.test(v),
    make: () => `${randomToken(HEX, 8)}:${randomToken(HEX, 8)}`,
    revokeUrl: 'https://sidekiq.org/',
    lines: (v) => [`BUNDLE_ENTERPRISE__CONTRIBSYS__COM=${v}`, `export BUNDLE_GEMS__CONTRIBSYS__COM="${v}"`],
  }),
];
