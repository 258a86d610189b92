import type { Rule } from './rule';
import { aiRules } from './rules/ai';
import { aiPlatformRules } from './rules/aiPlatforms';
import { awsRules } from './rules/cloudAws';
import { azureGcpRules } from './rules/cloudAzureGcp';
import { azureIdentifiableRules } from './rules/azureIdentifiable';
import { infraRules } from './rules/cloudInfra';
import { paasRules } from './rules/cloudPaas';
import { regionalCloudRules } from './rules/cloudRegional';
import { codeHostRules } from './rules/codeHosts';
import { githubRules } from './rules/github';
import { gitlabRules } from './rules/gitlab';
import { registryRules } from './rules/registries';
import { devToolRules } from './rules/devTools';
import { emailRules } from './rules/email';
import { messagingRules } from './rules/messaging';
import { bareBotTokenRules } from './rules/bareBotTokens';
import { discordInlineRules } from './rules/discordInline';
import { observabilityRules } from './rules/observability';
import { paymentRules } from './rules/payments';
import { commerceRules } from './rules/commerce';
import { privateKeyRules } from './rules/privateKeys';
import { tokenRules } from './rules/tokens';
import { curlCredentialRules } from './rules/curlCredentials';
import { kubernetesRules } from './rules/kubernetes';
import { connectionStringRules } from './rules/connectionStrings';
import { genericRules } from './rules/generic';
import { credentialLiteralRules } from './rules/credentialLiterals';
import { secretStoreRules } from './rules/secretStores';
import { slackRules } from './rules/slack';
import { prefixedSaasRules } from './rules/prefixedSaas';
import { prefixedPlatformRules } from './rules/prefixedPlatforms';
import { placedCredentialRules } from './rules/placedCredentials';
import { prosePasswordRules } from './rules/prosePasswords';
import { frameworkKeyRules } from './rules/frameworkKeys';
import { namedPairRules } from './rules/namedPairs';
import { serverPasswordRules } from './rules/serverPasswords';
import { constructorCredentialRules } from './rules/constructorCredentials';
import { prefixedCommerceRules } from './rules/prefixedCommerce';
import { prefixedAutomationRules } from './rules/prefixedAutomation';
import { keyedServiceRules } from './rules/keyedServices';
import { keyedCommerceRules } from './rules/keyedCommerce';
import { clientIdRules } from './rules/clientIds';
import { namedPrefixRules } from './rules/namedPrefixes';
import { keyedValueRules } from './rules/keyedValues';
import { fixedShapeRules } from './rules/fixedShapes';
import { serviceKeyRules } from './rules/serviceKeys';
import { serviceNamedValueRules } from './rules/serviceNamedValues';
import { printableKeyRules } from './rules/printableKeys';
import { buildServiceRules } from './rules/buildServices';
import { placedFormatRules } from './rules/placedFormats';

/** Cloud and AI platform rules, one group for the cross-rule checks of `rules/ruleKit.unit.test.ts`. */
export const cloudAndAiRules: readonly Rule[] = [
  ...aiRules,
  ...aiPlatformRules,
  ...awsRules,
  ...azureGcpRules,
  ...azureIdentifiableRules,
  ...infraRules,
  ...paasRules,
  ...regionalCloudRules,
];

/** Messaging, payment, ops, key and token rules, one group for the hard cases of `rules/hardCases.unit.test.ts`. */
export const serviceRules: readonly Rule[] = [
  ...slackRules,
  ...messagingRules,
  ...bareBotTokenRules,
  ...discordInlineRules,
  ...emailRules,
  ...paymentRules,
  ...commerceRules,
  ...observabilityRules,
  ...secretStoreRules,
  ...devToolRules,
  ...privateKeyRules,
  ...tokenRules,
  ...curlCredentialRules,
];

/** Every built-in rule, in a stable order. Ids are unique (a unit test holds this). */
export const builtinRules: readonly Rule[] = [
  ...githubRules,
  ...gitlabRules,
  ...codeHostRules,
  ...registryRules,
  ...cloudAndAiRules,
  ...serviceRules,
  ...prefixedSaasRules,
  ...prefixedPlatformRules,
  ...placedCredentialRules,
  ...constructorCredentialRules,
  ...prefixedCommerceRules,
  ...prefixedAutomationRules,
  ...keyedServiceRules,
  ...keyedCommerceRules,
  ...clientIdRules,
  ...namedPrefixRules,
  ...keyedValueRules,
  ...fixedShapeRules,
  ...serviceKeyRules,
  ...serviceNamedValueRules,
  ...printableKeyRules,
  ...buildServiceRules,
  ...placedFormatRules,
  ...kubernetesRules,
  ...connectionStringRules,
  ...genericRules,
  ...credentialLiteralRules,
  ...prosePasswordRules,
  ...frameworkKeyRules,
  ...namedPairRules,
  ...serverPasswordRules,
];
