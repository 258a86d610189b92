import { ALNUM, BASE64, DIGITS, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { shannonEntropy } from '../entropy';
import { keyed } from './fixedPrefix';
import { uuid } from './ruleParts';

// Services named by a word near the key, whose keys the service key table (`serviceKeys.ts`) cannot
// read: punctuation in the alphabet (`+`, `=`, `|`, `?`, `^`), a fixed part (`ey…`, `sk…`), a length
// under 16 or digits only. Each needs the provider's word and a credential word in the name
// (`wepay token - '…'`, `aeroworkflow KEY=…`), so these are warnings. Words and formats are facts from
// trufflehog's detectors (`pkg/detectors/<name>/<name>.go`); the patterns are our own.

// Printable ASCII but quotes, backslash and blanks: the `\S` of a detector whose key takes any of them.
const PRINTABLE = '[A-Za-z0-9!#$%&()*+,./:;<=>?@[\\]^_`{|}~-]';
// Samples leave out what reads as a reference, a template or a mask (`$`, `%`, `*`, brackets of any kind).
const PRINTABLE_CHARS = `${ALNUM}!#&+,.:;=?@^_|~-`;

const revoke = (host: string): string => `https://${host}`;

/**
 * A short sample of `n` different letters and digits: a random key that short sometimes repeats enough
 * characters to fall under the entropy floor, which would make the rule's own test flaky.
 */
function distinct(charset: string, n: number): string {
  for (;;) {
    let out = '';
    while (out.length < n) {
      const c = randomToken(charset, 1);
      out += out.includes(c) ? '' : c;
    }
    if (/[0-9]/.test(out) && /[a-z]/.test(out)) {
      return out;
    }
  }
}

/** A number of `n` digits that is not one digit repeated, as a generated key is not. */
function digitKey(value: string): boolean {
  return !/^(\d)\1+$/.test(value) && shannonEntropy(value) >= 2.5;
}

export const keyedValueRules: readonly Rule[] = [
  keyed({
    id: 'aeroworkflow-api-key',
    provider: 'Aero Workflow',
    description: 'Aero Workflow API key',
    words: ['aeroworkflow'],
    value: '[A-Za-z0-9^!?#:*;]{20}',
    valueMax: 20,
    make: () => randomToken(`${ALNUM}^!?#:*;`, 20),
    revokeUrl: revoke('app.aeroworkflow.com'),
  }),
  keyed({
    id: 'appointedd-api-key',
    provider: 'Appointedd',
    description: 'Appointedd API key',
    words: ['appointedd'],
    value: '[A-Za-z0-9+=]{88}',
    valueMax: 88,
    make: () => randomToken(`${ALNUM}+=`, 88),
    revokeUrl: revoke('www.appointedd.com'),
  }),
  keyed({
    id: 'gocanvas-api-key',
    provider: 'GoCanvas',
    description: 'GoCanvas API key',
    words: ['gocanvas'],
    // Base64 with its padding: the shape says enough that the provider's word alone names it.
    value: '[A-Za-z0-9+/]{43}=',
    valueMax: 44,
    credentialName: false,
    make: () => `${randomToken(BASE64, 43)}=`,
    revokeUrl: revoke('www.gocanvas.com'),
  }),
  keyed({
    id: 'onepagecrm-api-key',
    provider: 'OnePageCRM',
    description: 'OnePageCRM API key',
    words: ['onepagecrm', 'onepage_crm'],
    value: '[A-Za-z0-9=]{44}',
    valueMax: 44,
    make: () => `${randomToken(ALNUM, 43)}=`,
    revokeUrl: revoke('app.onepagecrm.com'),
  }),
  keyed({
    id: 'wepay-access-token',
    provider: 'WePay',
    description: 'WePay access token',
    words: ['wepay'],
    value: '[A-Za-z0-9_?]{62}',
    valueMax: 62,
    make: () => randomToken(`${ALNUM}_?`, 62),
    revokeUrl: revoke('www.wepay.com'),
  }),
  keyed({
    id: 'capsulecrm-api-token',
    provider: 'Capsule CRM',
    description: 'Capsule CRM API token',
    words: ['capsulecrm', 'capsule_crm'],
    value: '[A-Za-z0-9._+=-]{64}',
    valueMax: 64,
    make: () => randomToken(`${ALNUM}._+=-`, 64),
    revokeUrl: revoke('capsulecrm.com'),
  }),
  keyed({
    id: 'convier-api-key',
    provider: 'Convier',
    description: 'Convier API key',
    words: ['convier'],
    // An id, a bar and 40 characters, as Laravel Sanctum writes its tokens.
    value: '[0-9]{1,4}\\|[A-Za-z0-9]{40}',
    valueMax: 45,
    make: () => `${randomToken(DIGITS, 2)}|${randomToken(ALNUM, 40)}`,
    revokeUrl: revoke('convier.me'),
  }),
  keyed({
    id: 'nethunt-api-key',
    provider: 'NetHunt CRM',
    description: 'NetHunt CRM API key',
    words: ['nethunt'],
    // The detector's `\\b` asks for a letter or digit first.
    value: `[A-Za-z0-9]${PRINTABLE}{35}`,
    valueMax: 36,
    make: () => randomToken(ALNUM, 1) + randomToken(PRINTABLE_CHARS, 35),
    revokeUrl: revoke('nethunt.com'),
  }),
  keyed({
    id: 'sirv-client-secret',
    provider: 'Sirv',
    description: 'Sirv API client secret',
    words: ['sirv'],
    value: `[A-Za-z0-9]${PRINTABLE}{87}`,
    valueMax: 88,
    make: () => randomToken(ALNUM, 1) + randomToken(PRINTABLE_CHARS, 87),
    revokeUrl: revoke('my.sirv.com'),
  }),
  keyed({
    id: 'scalr-api-token',
    provider: 'Scalr',
    description: 'Scalr API token',
    words: ['scalr'],
    value: '[A-Za-z0-9._]{136}',
    valueMax: 136,
    make: () => `${randomToken(ALNUM, 17)}_${randomToken(ALNUM, 7)}.${randomToken(ALNUM, 110)}`,
    revokeUrl: revoke('scalr.io'),
  }),
  keyed({
    id: 'conversiontools-api-key',
    provider: 'Conversion Tools',
    description: 'Conversion Tools API token',
    words: ['conversiontools', 'conversion_tools'],
    value: 'ey[A-Za-z0-9_.]{157,165}',
    valueMax: 167,
    make: () => `ey${randomToken(ALNUM, 86)}_${randomToken(ALNUM, 31)}.${randomToken(ALNUM, 40)}`,
    revokeUrl: revoke('conversiontools.io'),
  }),
  keyed({
    id: 'sanity-api-token',
    provider: 'Sanity',
    description: 'Sanity API token',
    words: ['sanity'],
    value: 'sk[A-Za-z0-9]{79}',
    valueMax: 81,
    make: () => `sk${randomToken(ALNUM, 79)}`,
    revokeUrl: revoke('www.sanity.io/manage'),
  }),
  keyed({
    id: 'transferwise-api-token',
    provider: 'Wise (TransferWise)',
    description: 'Wise (TransferWise) API token',
    words: ['transferwise'],
    // A UUID whose groups may hold a dash of their own, as the detector reads it.
    value: '[0-9a-f-]{8}-[0-9a-f-]{4}-[0-9a-f-]{4}-[0-9a-f-]{4}-[0-9a-f-]{12}',
    valueMax: 36,
    make: uuid,
    revokeUrl: revoke('wise.com/settings'),
  }),
  keyed({
    id: 'ipinfo-api-token',
    provider: 'IPinfo',
    description: 'IPinfo API token',
    words: ['ipinfo'],
    value: '[a-f0-9]{14}',
    valueMax: 14,
    make: () => distinct(HEX, 14),
    revokeUrl: revoke('ipinfo.io/account/token'),
  }),
  keyed({
    id: 'mockaroo-api-key',
    provider: 'Mockaroo',
    description: 'Mockaroo API key',
    words: ['mockaroo'],
    value: '[a-z0-9]{8}',
    valueMax: 8,
    // Eight characters: two repeated pairs already bring a random key to 2.5 bits.
    minEntropy: 2.4,
    make: () => distinct(LOWER_ALNUM, 8),
    revokeUrl: revoke('www.mockaroo.com/settings'),
  }),
  keyed({
    id: 'myintervals-api-token',
    provider: 'Intervals',
    description: 'Intervals (myintervals.com) API token',
    words: ['myintervals'],
    value: '[a-z0-9]{11}',
    valueMax: 11,
    make: () => distinct(LOWER_ALNUM, 11),
    revokeUrl: revoke('www.myintervals.com'),
  }),
  keyed({
    id: 'vbout-api-key',
    provider: 'VBOUT',
    description: 'VBOUT API key',
    words: ['vbout'],
    value: '[0-9]{25}',
    valueMax: 25,
    minEntropy: 2.5,
    validate: digitKey,
    make: () => {
      // Most random 25-digit numbers reach 3 bits; the rare one under the floor would flake the test.
      for (;;) {
        const n = randomToken(DIGITS, 25);
        if (shannonEntropy(n) >= 2.9) {
          return n;
        }
      }
    },
    revokeUrl: revoke('app.vbout.com'),
  }),
  keyed({
    id: 'azure-cosmos-db-key',
    provider: 'Azure',
    description: 'Azure Cosmos DB account key',
    risk: 'anyone with this file can read, change and delete the data of your Cosmos DB account',
    words: ['cosmos', 'documentdb'],
    value: '[A-Za-z0-9+/]{86}==',
    valueMax: 88,
    make: () => `${randomToken(BASE64, 86)}==`,
    revokeUrl: revoke('portal.azure.com'),
  }),
  {
    // An Azure DevOps PAT is 52 characters under an Azure name too: the search service's host in the
    // window names this one, as trufflehog's detector asks.
    ...keyed({
      id: 'azure-search-api-key',
      provider: 'Azure',
      description: 'Azure AI Search API key',
      risk: 'anyone with this file can query (or, with an admin key, change) your Azure search indexes',
      words: ['azure', 'search'],
      value: '[A-Za-z0-9]{52}',
      valueMax: 52,
      make: () => randomToken(ALNUM, 52),
      revokeUrl: revoke('portal.azure.com'),
      lines: (k) => [
        `AZURE_SEARCH_ENDPOINT=https://acme.search.windows.net\nAZURE_SEARCH_KEY=${k}`,
        `azure:\n  url: https://acme.search.windows.net/indexes/docs\n  azure_key: ${k}`,
      ],
    }),
    keywords: ['search.windows.net'],
  },
  keyed({
    id: 'azure-apim-subscription-key',
    provider: 'Azure',
    description: 'Azure API Management subscription key',
    risk: 'anyone with this file can call the APIs of your API Management subscription on your quota',
    // `apim` alone is a piece of other names (`apimatic`, `apimetrics`).
    words: ['api_management'],
    value: '[A-Za-z0-9]{32}',
    valueMax: 32,
    make: () => randomToken(LOWER_ALNUM, 32),
    lines: (k) => [
      `AZURE_API_MANAGEMENT_SUBSCRIPTION_KEY=${k}`,
      `{ "apiManagementKey": "${k}" }`,
      `  api_management_subscription_key: '${k}'`,
    ],
    revokeUrl: revoke('portal.azure.com'),
  }),
];
