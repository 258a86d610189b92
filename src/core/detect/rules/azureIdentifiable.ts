import { ALNUM, BASE64, BASE64URL, randomFraction, randomToken } from '../random';
import type { Rule } from '../rule';
import { tokenRule } from './ruleKit';

/**
 * Microsoft's identifiable keys: a random part, then the issuing service's signature at a fixed offset, then a
 * few characters that end in a checksum (the formats Microsoft's security-utilities documents; its test keys
 * reached the model whole when pasted alone, 2026-12-08). A signature at its exact place in a value of the
 * exact length is what makes each a key; any random value holds one there about once in 16 million draws.
 * The placeholder checks read the random part only: the rest holds runs by design (`JQQJ99BGAAAAAAAAAAAA…`).
 * Azure OpenAI's (`ACOG`, cloudAzureGcp.ts) and Azure DevOps' (`AZDO`, codeHosts.ts) keys have rules of their own.
 */

const azurePortal = 'https://portal.azure.com';
/** The signatures of 32-byte keys, at offset 33 of 44: Service Bus, Event Hubs, Relay, IoT, Redis, Event Grid. */
const SIGNATURES_32 = ['+ASb', '+AEh', '+ARm', 'AIoT', 'AzCa', 'AZEG'];
const CHECKSUM_LEAD = 'ABCDEFGHIJKLMNOP';

export const azureIdentifiableRules: readonly Rule[] = [
  tokenRule({
    id: 'azure-identifiable-key',
    provider: 'Azure',
    description: 'Azure Service Bus, Event Hubs, Relay, IoT, Redis or Event Grid access key',
    risk: 'anyone with this key can send, read or manage what its Azure resource holds, as the key allows',
    keywords: SIGNATURES_32.map((s) => s.toLowerCase()),
    pattern: new RegExp(
      `(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{33}(?:${SIGNATURES_32.map((s) => s.replace('+', '\\+')).join('|')})[A-P][A-Za-z0-9+/]{5}=(?![A-Za-z0-9+/=])`,
    ),
    maxLength: 44,
    minEntropy: 3.5,
    placeholderPart: (s) => s.slice(0, 33),
    revokeUrl: azurePortal,
    sample: () =>
      `${randomToken(BASE64, 33)}${SIGNATURES_32[Math.floor(randomFraction() * SIGNATURES_32.length)]}${randomToken(CHECKSUM_LEAD, 1)}${randomToken(BASE64, 5)}=`,
    negatives: [
      // The signature at another offset; Microsoft's test key of one repeated character.
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKey=${randomToken(BASE64, 34)}+ASbA${randomToken(BASE64, 5)}=`,
      `${'d'.repeat(33)}+ASbBxYz12=`,
    ],
  }),
  tokenRule({
    id: 'azure-functions-identifiable-key',
    provider: 'Azure',
    description: 'Azure Functions host or function key (identifiable format)',
    risk: 'anyone with this key can invoke your Azure Functions',
    keywords: ['azfu'],
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==(?![A-Za-z0-9_=-])/,
    maxLength: 56,
    minEntropy: 3.5,
    placeholderPart: (s) => s.slice(0, 44),
    revokeUrl: azurePortal,
    sample: () => `${randomToken(BASE64URL, 44)}AzFu${randomToken(BASE64URL, 5)}${randomToken('AQgw', 1)}==`,
    negatives: [`${'e'.repeat(44)}AzFuQWTxTw==`, `AzFu${randomToken(BASE64URL, 44)}Ab12Q==`],
  }),
  tokenRule({
    id: 'azure-search-identifiable-key',
    provider: 'Azure',
    description: 'Azure AI Search query or admin key (identifiable format)',
    risk: 'anyone with this key can query (an admin key: change) your search indexes',
    keywords: ['azse'],
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}(?![A-Za-z0-9])/,
    maxLength: 52,
    minEntropy: 3.5,
    placeholderPart: (s) => s.slice(0, 42),
    revokeUrl: azurePortal,
    sample: () => `${randomToken(ALNUM, 42)}AzSe${randomToken('ABCD', 1)}${randomToken(ALNUM, 5)}`,
    negatives: [`${'c'.repeat(42)}AzSeA12345`, `${randomToken(ALNUM, 42)}AzSeZ12345`],
  }),
  tokenRule({
    id: 'azure-annotated-key',
    provider: 'Azure',
    description:
      'Azure access key in the common annotated format (SQL, App Configuration, Maps, Event Grid and more)',
    risk: 'anyone with this key can use the Azure resource that issued it, as the key allows',
    keywords: ['jqqj9'],
    // 52 random, `JQQJ9` and a version, 18 more, the service's tag at offset 76 (not ACOG's or AZDO's, which
    // their own rules report), then 4.
    pattern:
      /(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[0-9A-Za-z][A-Za-z0-9]{18}(?!ACOG|AZDO)[A-Za-z0-9]{8}(?![A-Za-z0-9])/,
    maxLength: 84,
    minEntropy: 3.5,
    placeholderPart: (s) => s.slice(0, 52),
    revokeUrl: azurePortal,
    sample: () =>
      `${randomToken(ALNUM, 52)}JQQJ99BG${'A'.repeat(16)}${['AZEG', 'AZAC', 'AZMP', 'msql'][Math.floor(randomFraction() * 4)]}${randomToken(ALNUM, 4)}`,
    negatives: [`${'A'.repeat(52)}JQQJ99BGAAAAAAAAAAAAAAAAAZEGabcd`, `JQQJ99${randomToken(ALNUM, 78)}`],
  }),
];
