import type { Rule } from './rule';
import { aiRules } from './rules/ai';
import { aiPlatformRules } from './rules/aiPlatforms';
import { githubRules } from './rules/github';
import { emailRules } from './rules/email';
import { messagingRules } from './rules/messaging';
import { slackRules } from './rules/slack';

/** Every built-in rule, in a stable order. Ids are unique (a unit test holds this). */
export const builtinRules: readonly Rule[] = [
  ...githubRules,
  ...aiRules,
  ...aiPlatformRules,
  ...slackRules,
  ...messagingRules,
  ...emailRules,
];
