import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { fixedRule, mixedCase } from './fixedPrefix';
import { UUID, numericId, randomTail, uuid, webhookToken } from './ruleParts';

// Automation webhooks, auth platforms and telemetry keys with a fixed shape. Formats are facts from the
// vendors' documentation and the peers' rule sets (gitleaks, trufflehog); patterns are our own.

/** A Zapier hook key: six lower-case characters, redrawn until they vary as the rule asks. */
function variedTail(): string {
  for (;;) {
    const tail = randomToken(LOWER_ALNUM, 6);
    if (new Set(tail).size >= 5) {
      return tail;
    }
  }
}

export const prefixedAutomationRules: readonly Rule[] = [
  fixedRule({
    id: 'zapier-webhook-url',
    provider: 'Zapier',
    description: 'Zapier catch hook URL',
    risk: 'anyone with this file can start your Zap with their own data',
    keywords: ['hooks.zapier.com/hooks/catch/'],
    // `catch/<account id>/<key>/` in Zapier's URLs; trufflehog's detector also takes one run of 16 letters
    // and digits after `catch/`, and nothing else is served under that path.
    shape:
      '(?:https?://)?hooks\\.zapier\\.com/hooks/catch/(?:[0-9]{4,12}/[A-Za-z0-9]{5,12}|[A-Za-z0-9]{16})/?',
    maxLength: 65,
    minEntropy: 2.5,
    // The key is a short lower-case segment: too short for an entropy bar, so it only has to vary.
    validate: (url) => new Set(url.replace(/\/$/, '').split('/').pop()).size >= 4,
    make: () => `https://hooks.zapier.com/hooks/catch/${numericId(8)}/${variedTail()}`,
    revokeUrl: 'https://zapier.com/app/zaps',
    end: '(?![A-Za-z0-9/])',
    negatives: [
      'https://hooks.zapier.com/hooks/catch/123456/abcdef/',
      'https://hooks.zapier.com/hooks/catch/<id>/<key>/',
      'https://hooks.zapier.com/hooks/catch/abcdefghijklmnop',
    ],
  }),
  fixedRule({
    id: 'tines-webhook-url',
    provider: 'Tines',
    description: 'Tines webhook URL',
    risk: 'anyone with this file can start your Tines story with their own data',
    keywords: ['.tines.com/webhook/'],
    shape: 'https://[A-Za-z0-9-]{1,63}\\.tines\\.com/webhook/[a-z0-9]{32}/[a-z0-9]{32}',
    maxLength: 162,
    validate: randomTail,
    placeholderPart: webhookToken,
    make: () =>
      `https://${randomToken(LOWER_ALNUM, 10)}.tines.com/webhook/${randomToken(LOWER_ALNUM, 32)}/${randomToken(LOWER_ALNUM, 32)}`,
    revokeUrl: 'https://www.tines.com/docs/actions/types/webhook',
  }),
  fixedRule({
    id: 'authress-access-key',
    provider: 'Authress',
    description: 'Authress service client access key',
    risk: 'anyone with this file can call Authress as your service client and change who may access what',
    keywords: ['.acc_', '.acc-'],
    shape:
      '(?:sc|ext|scauth|authress)_[A-Za-z0-9]{5,30}\\.[A-Za-z0-9]{4,6}\\.acc[_-][A-Za-z0-9-]{10,32}\\.[A-Za-z0-9+/_=-]{30,120}',
    maxLength: 204,
    make: () =>
      `sc_${randomToken(LOWER_ALNUM, 20)}.${randomToken(LOWER_ALNUM, 5)}.acc_${randomToken(LOWER_ALNUM, 20)}.${randomToken(BASE64URL, 64)}`,
    revokeUrl: 'https://authress.io/app/#/settings?focus=clients',
    end: '(?![A-Za-z0-9+/_=-])',
  }),
  fixedRule({
    id: 'langfuse-secret-key',
    provider: 'Langfuse',
    description: 'Langfuse secret key',
    risk: 'anyone with this file can read and write the traces, prompts and datasets of your Langfuse project',
    keywords: ['sk-lf-'],
    shape: `sk-lf-${UUID}`,
    maxLength: 42,
    make: () => `sk-lf-${uuid()}`,
    revokeUrl: 'https://cloud.langfuse.com/',
  }),
  fixedRule({
    id: 'new-relic-insights-query-key',
    provider: 'New Relic',
    description: 'New Relic Insights query key',
    risk: 'anyone with this file can query the events and metrics of your New Relic account',
    keywords: ['nriq-'],
    shape: 'NRIQ-[A-Za-z0-9_-]{25,32}',
    maxLength: 37,
    make: () => `NRIQ-${randomToken(ALNUM, 27)}`,
    revokeUrl: 'https://one.newrelic.com/api-keys',
  }),
  fixedRule({
    id: 'figma-access-token',
    provider: 'Figma',
    description: 'Figma personal access token (figp_ format)',
    risk: 'anyone with this file can read your Figma files and comments',
    keywords: ['figp_'],
    shape: 'figp_[A-Za-z0-9_=-]{40,54}',
    maxLength: 59,
    make: () => `figp_${randomToken(BASE64URL, 44)}`,
    revokeUrl: 'https://www.figma.com/developers/api#access-tokens',
    end: '(?![A-Za-z0-9_=-])',
  }),
  fixedRule({
    id: 'endorlabs-api-key',
    provider: 'Endor Labs',
    description: 'Endor Labs API key',
    keywords: ['endr+'],
    shape: 'endr\\+[A-Za-z0-9-]{16}',
    maxLength: 21,
    minEntropy: 3,
    make: () => `endr+${randomToken(ALNUM, 16)}`,
    revokeUrl: 'https://app.endorlabs.com/',
  }),
  fixedRule({
    id: 'nightfall-api-key',
    provider: 'Nightfall',
    description: 'Nightfall AI API key',
    keywords: ['nf-'],
    shape: 'NF-[A-Za-z0-9]{32}',
    maxLength: 35,
    // Mixed case as issued, or one case with digits, as Kingfisher's examples write it (`NF-E3D8…`).
    validate: (v) => mixedCase(v) || (/[A-Za-z]/.test(v.slice(3)) && /[0-9]/.test(v)),
    make: () => `NF-${randomToken(ALNUM, 32)}`,
    revokeUrl: 'https://app.nightfall.ai/developer-platform/api-keys',
  }),
  fixedRule({
    id: 'voiceflow-api-key',
    provider: 'Voiceflow',
    description: 'Voiceflow Dialog Manager or workspace API key',
    keywords: ['vf.'],
    shape: 'VF\\.(?:DM\\.|WS\\.)?[a-fA-F0-9]{24}\\.[A-Za-z0-9]{16}',
    maxLength: 47,
    make: () => `VF.DM.${randomToken(HEX, 24)}.${randomToken(ALNUM, 16)}`,
    revokeUrl: 'https://creator.voiceflow.com/',
  }),
  fixedRule({
    id: 'aws-appsync-api-key',
    provider: 'AWS',
    description: 'AWS AppSync GraphQL API key',
    risk: 'anyone with this file can query and mutate your AppSync GraphQL API',
    keywords: ['da2-'],
    shape: 'da2-[a-z0-9]{26}',
    maxLength: 30,
    make: () => `da2-${randomToken(LOWER_ALNUM, 26)}`,
    revokeUrl: 'https://console.aws.amazon.com/appsync/',
  }),
];
