import { ALNUM, HEX, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_ALNUM, END_TOKEN, START_TOKEN, anyCase, assignedTo, tokenRule, NAME_REACH } from './ruleKit';
import { UUID, lettersAndDigits, uuid } from './ruleParts';

// Commerce and fintech platforms: Shopify stores, Coinbase, Plaid. Facts on the formats come from the
// providers' documentation and the public rule sets (gitleaks, trufflehog); the patterns follow this
// engine's contract.

const shopifyRisk =
  'anyone with this file can read and change your Shopify store, its orders and its customers';
const shopifyRevoke = 'https://help.shopify.com/en/manual/apps/app-types/custom-apps';

function shopifyToken(id: string, prefix: string, description: string): Rule {
  return tokenRule({
    id,
    provider: 'Shopify',
    description,
    risk: shopifyRisk,
    keywords: [prefix],
    // 32 hex digits, or (since Shopify lengthened its tokens and app secrets) 32 to 64 letters and digits.
    pattern: new RegExp(`${START_TOKEN}${prefix}[A-Za-z0-9]{32,64}${END_ALNUM}`),
    maxLength: prefix.length + 64,
    minEntropy: 2.8,
    revokeUrl: shopifyRevoke,
    sample: () => `${prefix}${randomToken('01', 1) === '0' ? randomToken(HEX, 32) : randomToken(ALNUM, 38)}`,
    negatives: [
      `${prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
      `${prefix}00000000000000000000000000000000`,
      `"${prefix}"`,
    ],
  });
}

export const commerceRules: readonly Rule[] = [
  shopifyToken('shopify-access-token', 'shpat_', 'Shopify Admin API access token'),
  shopifyToken('shopify-custom-app-token', 'shpca_', 'Shopify custom app access token'),
  shopifyToken('shopify-private-app-token', 'shppa_', 'Shopify private app access token'),
  shopifyToken('shopify-shared-secret', 'shpss_', 'Shopify app shared secret'),
  tokenRule({
    id: 'coinbase-api-secret',
    provider: 'Coinbase',
    description: 'Coinbase API secret',
    risk: 'anyone with this file can trade and move funds in your Coinbase account',
    severity: 'warning',
    keywords: ['coinbase'],
    pattern: new RegExp(
      assignedTo(
        `${anyCase('coinbase')}[\\w.-]{0,16}(?:${anyCase('secret')}|${anyCase('token')}|${anyCase('key')})`,
        '[A-Za-z0-9+/_-]{32,100}={0,2}',
        '(?![A-Za-z0-9+/=_-])',
      ),
    ),
    maxLength: 210 + NAME_REACH,
    minEntropy: 3.5,
    validate: lettersAndDigits,
    revokeUrl: 'https://portal.cdp.coinbase.com/access/api',
    sample: () => randomToken(ALNUM, 32),
    negatives: [
      'COINBASE_API_SECRET=your_coinbase_api_secret_here',
      'coinbase_api_secret = os.getenv("COINBASE_API_SECRET")',
      'COINBASE_SECRET_NAME=organizations/org/apiKeys/key',
    ],
  }),
  tokenRule({
    id: 'plaid-access-token',
    provider: 'Plaid',
    description: 'Plaid item access token',
    risk: "anyone with this file can read the linked bank account's balances, transactions and identity through Plaid",
    keywords: ['access-production-', 'access-development-', 'access-sandbox-'],
    pattern: new RegExp(`${START_TOKEN}access-(?:production|development|sandbox)-${UUID}${END_TOKEN}`),
    maxLength: 60,
    revokeUrl: 'https://dashboard.plaid.com/',
    sample: () => `access-production-${uuid()}`,
    negatives: [
      'access-production-xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
      'access-token-00000000-0000-0000-0000-000000000000',
      'access-production-<item>',
    ],
  }),
  tokenRule({
    id: 'plaid-secret',
    provider: 'Plaid',
    description: 'Plaid API secret',
    risk: 'anyone with this file and the client id can call Plaid as your application',
    severity: 'warning',
    keywords: ['plaid'],
    pattern: new RegExp(
      assignedTo(`${anyCase('plaid')}[\\w.-]{0,16}${anyCase('secret')}`, '[a-z0-9]{30}', END_ALNUM),
    ),
    maxLength: 132 + NAME_REACH,
    minEntropy: 2.8,
    revokeUrl: 'https://dashboard.plaid.com/developers/keys',
    sample: () => randomToken(HEX, 30),
    negatives: [
      'PLAID_SECRET=your_plaid_secret',
      'PLAID_SECRET=${PLAID_SECRET}',
      'plaid_secret = config["plaid"]["secret"]',
    ],
  }),
];
