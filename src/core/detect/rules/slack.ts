import { ALNUM, DIGITS, HEX, UPPER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_TOKEN, START_TOKEN, tokenRule } from './ruleKit';
import { lettersAndDigits, numericId, randomTail, webhookToken } from './ruleParts';

// Slack token and webhook formats, from Slack's token-type documentation and the public rule sets
// (gitleaks, trufflehog); the segment structure is in the patterns, so look-alikes fail to match.

const slackRisk = 'anyone with this file can read and post in your Slack workspace as this app or user';
const slackRevoke = 'https://api.slack.com/apps';

function webhookLines(url: string): string[] {
  return [
    `SLACK_WEBHOOK_URL=${url}`,
    `  webhook_url: "${url}"`,
    `requests.post("${url}", json=payload)`,
    url,
  ];
}

function slackToken(
  id: string,
  description: string,
  keyword: string,
  body: string,
  sample: () => string,
): Rule {
  return tokenRule({
    id,
    provider: 'Slack',
    description,
    risk: slackRisk,
    keywords: [keyword],
    pattern: new RegExp(`${START_TOKEN}${body}${END_TOKEN}`),
    maxLength: 260,
    minEntropy: 3,
    revokeUrl: slackRevoke,
    sample,
    negatives: [
      `${keyword}XXXXXXXXXXXX-XXXXXXXXXXXXX`,
      `${keyword}your-token-here`,
      `const prefix = "${keyword}";`,
      `// tokens look like ${keyword}<team>-<id>-<secret>`,
    ],
  });
}

/** `xox?-<id>-<id>`: two or more numeric parts of Slack's id lengths, the last one 10 digits or more. */
function numericParts(token: string): boolean {
  const parts = token.split('-').slice(1);
  return (
    parts.length >= 2 && parts.every((p) => /^[0-9]{8,14}$/.test(p)) && parts[parts.length - 1]!.length >= 10
  );
}

export const slackRules: readonly Rule[] = [
  slackToken(
    'slack-bot-token',
    'Slack bot token',
    'xoxb-',
    // Slack's own bot tokens end in 24 characters; the peers' cases (trufflehog's) also end a two-part
    // token in 12 to 17, and `xoxb-` names nothing else, so those are taken too. Kingfisher's rule and its
    // example take ids of letters and digits (`xoxb-<8>-<12>-<32>`): taken with three parts, a digit in
    // each id and a secret of 24 or more, so that `xoxb-abcdef-abcdef` and two-part look-alikes stay out.
    'xoxb-(?:[0-9]{8,14}-(?:[0-9]{8,14}-)?[A-Za-z0-9]{12,34}|(?:(?=[A-Za-z]{0,13}[0-9])[0-9A-Za-z]{8,14}-){2}[A-Za-z0-9]{24,34})',
    () => `xoxb-${numericId(11)}-${numericId(13)}-${randomToken(ALNUM, 24)}`,
  ),
  slackToken(
    'slack-user-token',
    'Slack user token',
    'xoxp-',
    // Three numeric ids and 32 hex in Slack's tokens; one id and a shorter tail in the peers' cases.
    'xoxp-(?:[0-9]{8,14}-){1,3}[A-Za-z0-9]{12,34}',
    () => `xoxp-${numericId(11)}-${numericId(11)}-${numericId(13)}-${randomToken(HEX, 32)}`,
  ),
  slackToken(
    'slack-app-token',
    'Slack app-level token',
    'xapp-',
    'xapp-[0-9]-[A-Z0-9]{6,20}-[0-9]{6,20}-[a-z0-9]{32,128}',
    () =>
      `xapp-${randomToken(DIGITS, 1)}-A${randomToken(UPPER_ALNUM, 10)}-${numericId(13)}-${randomToken(HEX, 64)}`,
  ),
  slackToken(
    'slack-config-token',
    'Slack app configuration access token',
    'xoxe.xox',
    'xoxe\\.xox[bp]-[0-9]-[A-Za-z0-9]{140,180}',
    () => `xoxe.xoxp-1-${randomToken(ALNUM, 163)}`,
  ),
  slackToken(
    'slack-refresh-token',
    'Slack configuration refresh token',
    'xoxe-',
    'xoxe-[0-9]-[A-Za-z0-9]{130,160}',
    () => `xoxe-1-${randomToken(ALNUM, 146)}`,
  ),
  tokenRule({
    id: 'slack-legacy-token',
    provider: 'Slack',
    description: 'Slack legacy workspace, session or refresh token',
    risk: slackRisk,
    keywords: ['xoxa-', 'xoxo-', 'xoxr-', 'xoxs-'],
    // The parts before the last are numeric ids in Slack's own tokens; the peers' cases also put short
    // letter-and-digit parts there (`xoxa-9w-…`), so any alphanumeric part is taken.
    pattern: new RegExp(`${START_TOKEN}xox[aors]-(?:[A-Za-z0-9]{1,14}-){0,4}[A-Za-z0-9]{10,64}${END_TOKEN}`),
    maxLength: 140,
    minEntropy: 3,
    // A tail of letters and digits; or numeric ids only (`xoxa-<11 digits>-<13 digits>`, the form of the
    // examples in Cribl's and secretlint's rule sets, which `slack-bot-token` already takes for `xoxb-`).
    validate: (t) => lettersAndDigits(t.slice(t.lastIndexOf('-') + 1)) || numericParts(t),
    revokeUrl: slackRevoke,
    sample: () => `xoxs-${numericId(10)}-${numericId(11)}-${numericId(12)}-${randomToken(HEX, 64)}`,
    negatives: [
      'xoxs-xxxxxxxxxx-xxxxxxxxxx',
      'xoxa-2-your-token',
      'const legacyPrefix = "xoxr-"',
      // Numeric parts, but a filler, a count-up or a single id.
      'xoxa-00000000000-0000000000000',
      'xoxo-12345678901-1234567890123',
      'xoxr-2398475486312',
    ],
  }),
  tokenRule({
    id: 'slack-webhook-url',
    provider: 'Slack',
    description: 'Slack incoming webhook URL',
    risk: 'anyone with this file can post messages into your Slack channel',
    keywords: ['hooks.slack.com'],
    pattern:
      // Real URLs are `T…/B…/secret`; other tails of the same length are accepted too, as other scanners do.
      /(?:https?:\/\/)?hooks\.slack\.com\/services\/(?:T[A-Z0-9]{8,12}\/B[A-Z0-9]{8,12}\/[A-Za-z0-9]{23,25}|[A-Za-z0-9+/]{43,56})(?![A-Za-z0-9+/])/,
    maxLength: 100,
    validate: randomTail,
    placeholderPart: webhookToken,
    revokeUrl: slackRevoke,
    sample: () =>
      `https://hooks.slack.com/services/T${randomToken(UPPER_ALNUM, 10)}/B${randomToken(UPPER_ALNUM, 10)}/${randomToken(ALNUM, 24)}`,
    lines: webhookLines,
    negatives: [
      'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
      'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/YOUR/WEBHOOK/URL',
      'see https://hooks.slack.com/services/ for details',
    ],
  }),
  tokenRule({
    id: 'slack-workflow-webhook-url',
    provider: 'Slack',
    description: 'Slack workflow or trigger webhook URL',
    risk: 'anyone with this file can start your Slack workflow with their own data',
    keywords: ['hooks.slack.com'],
    // The secret segment is 24 characters in workflow webhooks (as in incoming ones) and 32 in triggers.
    pattern:
      /(?:https?:\/\/)?hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{8,12}\/A[A-Z0-9]{8,12}\/[0-9]{8,20}\/[A-Za-z0-9]{24,32}(?![A-Za-z0-9])/,
    maxLength: 130,
    validate: randomTail,
    placeholderPart: webhookToken,
    revokeUrl: slackRevoke,
    sample: () =>
      randomToken('01', 1) === '0'
        ? `https://hooks.slack.com/triggers/T${randomToken(UPPER_ALNUM, 10)}/A${randomToken(UPPER_ALNUM, 10)}/${numericId(13)}/${randomToken(ALNUM, 32)}`
        : `https://hooks.slack.com/workflows/T${randomToken(UPPER_ALNUM, 10)}/A${randomToken(UPPER_ALNUM, 10)}/${numericId(18)}/${randomToken(ALNUM, 24)}`,
    lines: webhookLines,
    negatives: [
      'https://hooks.slack.com/workflows/T00000000/A00000000/000000000000/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'https://hooks.slack.com/triggers/<team>/<app>/<id>/<secret>',
    ],
  }),
];
