import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { END_TOKEN, START_TOKEN, contextRule, prefixedRule, tokenRule } from './ruleKit';

// Monitoring, logging and incident tools. Facts on the formats come from the providers' documentation
// and the public rule sets (gitleaks, trufflehog); the patterns follow this engine's contract.

const ddRisk = 'anyone with this file can read your Datadog metrics and logs and send data into your account';
/** A New Relic mobile app token: `AA` and 40 hex digits, or `eu01xx` and 36, then its `-NRMA` tag. */
const NR_MOBILE_TOKEN = /^(?:AA[0-9a-f]{40}|eu01xx[0-9a-f]{36})-NRMA$/;
/** A New Relic license key as issued: region tag or hex, 26 hex, 4 hex or the `FFFF` filler, `NRAL`. */
const NR_LICENSE_KEY = /^[a-z0-9]{6}[a-f0-9]{26}(?:[a-f0-9]{4}|FFFF)NRAL$/;
const nrRisk = 'anyone with this file can query or write the telemetry of your New Relic account';
const sentryRisk =
  'anyone with this file can read your Sentry issues, events and source maps and change projects';
const grafanaRisk =
  'anyone with this file can read and change your Grafana dashboards, data sources and alerts';
const pdRisk = 'anyone with this file can open, acknowledge or resolve incidents in your PagerDuty account';

function b64json(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64').replace(/=+$/, '');
}

export const observabilityRules: readonly Rule[] = [
  contextRule({
    id: 'datadog-api-key',
    credentialName: true,
    provider: 'Datadog',
    description: 'Datadog API key',
    risk: ddRisk,
    words: ['datadog', 'dd_api', 'dd-api'],
    value: '[a-f0-9]{32}',
    valueMax: 32,
    minEntropy: 2.8,
    make: () => randomToken(HEX, 32),
    revokeUrl: 'https://app.datadoghq.com/organization-settings/api-keys',
    negatives: ['DD_API_KEY=<DATADOG_API_KEY>', 'datadog_site: datadoghq.eu'],
  }),
  contextRule({
    id: 'datadog-app-key',
    credentialName: true,
    provider: 'Datadog',
    description: 'Datadog application key',
    risk: ddRisk,
    words: ['datadog', 'dd_app', 'dd-app'],
    value: '[a-z0-9]{40}',
    valueMax: 40,
    minEntropy: 3,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://app.datadoghq.com/organization-settings/application-keys',
    negatives: ['DD_APP_KEY=${DD_APP_KEY}'],
  }),
  {
    ...prefixedRule({
      id: 'new-relic-user-api-key',
      provider: 'New Relic',
      description: 'New Relic user API key',
      risk: nrRisk,
      prefix: 'NRAK-',
      body: '[A-Za-z0-9]{27}',
      bodyMax: 27,
      make: () => randomToken(UPPER_ALNUM, 27),
      revokeUrl: 'https://one.newrelic.com/api-keys',
    }),
    // New Relic tags its mobile app tokens `-NRMA`: one of another shape is not one (the generic rules
    // report the real ones, which this rule set does not name).
    refutesNamed: (_text, _start, value) => value.endsWith('-NRMA') && !NR_MOBILE_TOKEN.test(value),
  },
  prefixedRule({
    id: 'new-relic-insert-key',
    provider: 'New Relic',
    description: 'New Relic Insights insert key',
    risk: nrRisk,
    prefix: 'NRII-',
    // 32 characters as New Relic issues them; trufflehog's detector reads 25 and up.
    body: '[A-Za-z0-9_-]{25,32}',
    bodyMax: 32,
    make: () => randomToken(BASE64URL, 32),
    revokeUrl: 'https://one.newrelic.com/api-keys',
  }),
  tokenRule({
    id: 'new-relic-browser-key',
    provider: 'New Relic',
    description: 'New Relic browser ingest key',
    // Made to sit in web pages, so a warning: it only lets others send data into the account.
    risk: 'anyone with this file can send browser telemetry into your New Relic account',
    severity: 'warning',
    // `NRJS-` as New Relic writes it, `NRBR-` as trufflehog's detector reads it.
    keywords: ['nrjs-', 'nrbr-'],
    pattern: new RegExp(`${START_TOKEN}NR(?:JS|BR)-[a-f0-9]{19}${END_TOKEN}`),
    maxLength: 24,
    minEntropy: 2.8,
    revokeUrl: 'https://one.newrelic.com/api-keys',
    sample: () => `NR${randomFraction() < 0.5 ? 'JS' : 'BR'}-${randomToken(HEX, 19)}`,
    lines: (k) => [`NEW_RELIC_BROWSER_KEY=${k}`, `  licenseKey: "${k}",`],
    negatives: ['NRJS-xxxxxxxxxxxxxxxxxxx', 'licenseKey: "NRJS-<browser key>"'],
  }),
  tokenRule({
    id: 'new-relic-license-key',
    provider: 'New Relic',
    description: 'New Relic ingest license key',
    risk: nrRisk,
    keywords: ['nral'],
    // 36 characters then `NRAL`; a hex key's filler is `FFFF` in capitals (`<32 hex>FFFFNRAL`).
    pattern: new RegExp(`${START_TOKEN}(?:[a-z0-9]{36}|[a-f0-9]{32}FFFF)NRAL${END_TOKEN}`),
    maxLength: 40,
    minEntropy: 3,
    // Issued keys are a six-character region tag (`eu01xx`, or hex where there is none) and 30 hex
    // digits: a body with letters past `f` (`a1b2…q7r8NRAL`) was typed to look like one. The redact tier
    // still hides it (recall/lookAlikes.ts).
    validate: (key) => NR_LICENSE_KEY.test(key),
    revokeUrl: 'https://one.newrelic.com/api-keys',
    sample: () =>
      randomFraction() < 0.5 ? `eu01xx${randomToken(HEX, 30)}NRAL` : `${randomToken(HEX, 32)}FFFFNRAL`,
    negatives: [
      'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxNRAL',
      'NEW_RELIC_LICENSE_KEY=<license>NRAL',
      // Letters past `f` in the 30 that must be hex: a made-up key (a chart's `--set` example).
      ' --set global.licenseKey=eu01xxq7w2k9m4t8z3r6v1y5p0n7s2h4j9g3NRAL `',
    ],
  }),
  contextRule({
    id: 'new-relic-legacy-license-key',
    credentialName: true,
    provider: 'New Relic',
    description: 'New Relic license key (40-hex format)',
    risk: nrRisk,
    words: ['newrelic', 'new_relic', 'new-relic', 'nr_license'],
    value: '[a-f0-9]{40}',
    valueMax: 40,
    minEntropy: 3,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://one.newrelic.com/api-keys',
    negatives: ['license_key: \'<%= ENV["NEW_RELIC_LICENSE_KEY"] %>\''],
  }),
  prefixedRule({
    id: 'sentry-user-token',
    provider: 'Sentry',
    description: 'Sentry user auth token',
    risk: sentryRisk,
    prefix: 'sntryu_',
    body: '[a-f0-9]{64}',
    bodyMax: 64,
    minEntropy: 3.2,
    make: () => randomToken(HEX, 64),
    revokeUrl: 'https://sentry.io/settings/account/api/auth-tokens/',
  }),
  tokenRule({
    id: 'sentry-org-token',
    provider: 'Sentry',
    description: 'Sentry organization auth token',
    risk: sentryRisk,
    keywords: ['sntrys_'],
    // The middle segment is base64 JSON naming the org and region; the last one is the secret.
    pattern: new RegExp(
      `${START_TOKEN}sntrys_eyJ[A-Za-z0-9+/]{30,400}={0,2}_[A-Za-z0-9+/]{43}(?![A-Za-z0-9+/=_-])`,
    ),
    maxLength: 460,
    minEntropy: 4,
    revokeUrl: 'https://sentry.io/settings/auth-tokens/',
    sample: () => {
      const claims = {
        iat: 1700000000 + Math.floor(randomFraction() * 9e7),
        url: 'https://sentry.io',
        region_url: 'https://us.sentry.io',
        org: randomToken(LOWER_ALNUM, 8),
      };
      return `sntrys_${b64json(claims)}_${randomToken(ALNUM, 43)}`;
    },
    negatives: [
      'sntrys_eyJpYXQiOjB9_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SENTRY_AUTH_TOKEN=sntrys_your_token',
    ],
  }),
  contextRule({
    id: 'sentry-legacy-token',
    credentialName: true,
    provider: 'Sentry',
    description: 'Sentry auth token (unprefixed format)',
    risk: sentryRisk,
    words: ['sentry'],
    value: '[a-f0-9]{64}',
    valueMax: 64,
    minEntropy: 3.2,
    make: () => randomToken(HEX, 64),
    revokeUrl: 'https://sentry.io/settings/account/api/auth-tokens/',
    negatives: ['SENTRY_RELEASE=4f0c2a9e1b7d3c5a8e6f0b2d4c6a8e0f1b3d5c7a9e1f3b5d7c9a1e3f5b7d9c1a'],
  }),
  tokenRule({
    id: 'sentry-dsn',
    provider: 'Sentry',
    description: 'Sentry DSN with its project key',
    risk: 'anyone with this file can send events into your Sentry project and exhaust its quota',
    severity: 'warning',
    keywords: ['sentry.io'],
    pattern:
      /(?<![A-Za-z0-9])(?<secret>[a-f0-9]{32})@o[0-9]{1,12}\.ingest\.(?:[a-z]{2}\.)?sentry\.io\/[0-9]{1,12}(?![0-9])/,
    maxLength: 80,
    minEntropy: 2.8,
    revokeUrl: 'https://docs.sentry.io/product/sentry-basics/concepts/dsn-explainer/',
    sample: () => randomToken(HEX, 32),
    lines: (k) => [
      `SENTRY_DSN=https://${k}@o4505123.ingest.us.sentry.io/4505123456`,
      `  dsn: "https://${k}@o12345.ingest.sentry.io/67890",`,
    ],
    negatives: [
      'SENTRY_DSN=https://examplePublicKey@o0.ingest.sentry.io/0',
      'dsn: https://<key>@o<org>.ingest.sentry.io/<project>',
    ],
  }),
  prefixedRule({
    id: 'grafana-cloud-token',
    provider: 'Grafana',
    description: 'Grafana Cloud access policy token',
    risk: grafanaRisk,
    prefix: 'glc_',
    body: '[A-Za-z0-9+/]{32,400}={0,2}',
    bodyMax: 402,
    minEntropy: 4,
    make: () =>
      b64json({
        o: randomToken('123456789', 6),
        n: `stack-${randomToken(LOWER_ALNUM, 6)}-token`,
        k: randomToken(ALNUM, 32),
        m: { r: 'us' },
      }),
    revokeUrl: 'https://grafana.com/orgs/',
  }),
  prefixedRule({
    id: 'grafana-service-account-token',
    provider: 'Grafana',
    description: 'Grafana service account token',
    risk: grafanaRisk,
    prefix: 'glsa_',
    body: '[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}',
    bodyMax: 41,
    make: () => `${randomToken(ALNUM, 32)}_${randomToken(HEX, 8)}`,
    revokeUrl: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/',
  }),
  tokenRule({
    id: 'grafana-api-key',
    provider: 'Grafana',
    description: 'Grafana API key (legacy)',
    risk: grafanaRisk,
    keywords: ['eyjrijoi'],
    pattern: /(?<![A-Za-z0-9+/])eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2}(?![A-Za-z0-9+/=])/,
    maxLength: 410,
    minEntropy: 4,
    revokeUrl: 'https://grafana.com/docs/grafana/latest/administration/service-accounts/migrate-api-keys/',
    sample: () => b64json({ k: randomToken(ALNUM, 32), n: `ci-${randomToken(LOWER_ALNUM, 5)}`, id: 1 }),
    negatives: ['GRAFANA_API_KEY=eyJrIjoi<your key>', 'eyJrIjoiWFhYWCIsIm4iOiJYWFhYIn0'],
  }),
  contextRule({
    id: 'pagerduty-api-key',
    credentialName: true,
    provider: 'PagerDuty',
    description: 'PagerDuty REST API key',
    risk: pdRisk,
    words: ['pagerduty', 'pager_duty'],
    // 20 characters; a user token opens `u+` within them (`u+` and 18, as Kingfisher reads it).
    value: '(?:u\\+[A-Za-z0-9_+-]{18,20}|[A-Za-z0-9_-]{20})',
    valueMax: 22,
    minEntropy: 3,
    make: () => randomToken(ALNUM, 20),
    revokeUrl: 'https://support.pagerduty.com/main/docs/api-access-keys',
  }),
  contextRule({
    id: 'pagerduty-integration-key',
    credentialName: true,
    provider: 'PagerDuty',
    description: 'PagerDuty Events integration (routing) key',
    risk: 'anyone with this file can trigger and resolve alerts on your PagerDuty service',
    words: ['pagerduty', 'pager_duty'],
    value: '[a-f0-9]{32}',
    valueMax: 32,
    minEntropy: 2.8,
    make: () => randomToken(HEX, 32),
    revokeUrl: 'https://support.pagerduty.com/main/docs/services-and-integrations',
  }),
  contextRule({
    id: 'honeycomb-api-key',
    credentialName: true,
    provider: 'Honeycomb',
    description: 'Honeycomb API or ingest key',
    risk: 'anyone with this file can send events into your Honeycomb environment and query its data',
    words: ['honeycomb'],
    value: '[a-f0-9]{32}|[A-Za-z0-9]{22}',
    valueMax: 32,
    minEntropy: 2.8,
    make: () => randomToken(ALNUM, 22),
    revokeUrl: 'https://ui.honeycomb.io/account',
    negatives: ['HONEYCOMB_DATASET=my-honeycomb-dataset'],
  }),
  prefixedRule({
    id: 'dynatrace-api-token',
    provider: 'Dynatrace',
    description: 'Dynatrace API token',
    risk: 'anyone with this file can read and configure your Dynatrace environment',
    prefix: 'dt0c01.',
    body: '[A-Za-z0-9]{24}\\.[A-Za-z0-9]{64}',
    bodyMax: 89,
    make: () => `${randomToken(UPPER_ALNUM, 24)}.${randomToken(UPPER_ALNUM, 64)}`,
    revokeUrl: 'https://docs.dynatrace.com/docs/manage/access-control/access-tokens',
  }),
];
