import { ALNUM, BASE64, BASE64URL, HEX, randomToken } from '../random';
import { fingerprintOf } from '../finding';
import type { Rule } from '../rule';
import {
  END_ALNUM,
  END_TOKEN,
  START_TOKEN,
  anyCase,
  assignedTo,
  contextRule,
  tokenRule,
  NAME_REACH,
} from './ruleKit';

// Microsoft Azure and Google Cloud / Firebase. (Google API keys, `AIza…`, are in ai.ts: Gemini uses them.)

const azurePortal = 'https://portal.azure.com';
const END_B64 = '(?![A-Za-z0-9+/=])';

/**
 * Microsoft's identifiable keys (2024 on): 52 random characters, the `JQQJ9` signature and a version,
 * 18 more, a 4-letter service tag at offset 76 (`ACOG` Cognitive Services / Azure OpenAI), then 4.
 */
function identifiable(tag: string): string {
  return `(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[0-9A-Za-z][A-Za-z0-9]{18}${tag}[A-Za-z0-9]{4}${END_ALNUM}`;
}

/** Base64 of 32 bytes, which is what a SAS `sig=` carries once URL-decoded. */
function sasSignatureOk(sig: string): boolean {
  try {
    return /^[A-Za-z0-9+/]{43}=$/.test(decodeURIComponent(sig));
  } catch {
    return false;
  }
}

/** sha256 of the storage emulator's (Azurite's) account key, which Microsoft publishes for every install. */
const AZURITE_KEY_SHA256 = '0011cc25eb4320717494d2703e8cba85743e71b500283c21c8b88147992f9059';

/** False for the storage emulator's published key (hashed only for values that open as it does). */
export function notEmulatorKey(key: string): boolean {
  return !key.startsWith('Eby8') || fingerprintOf(key) !== AZURITE_KEY_SHA256;
}

export const azureGcpRules: readonly Rule[] = [
  tokenRule({
    id: 'azure-ad-client-secret',
    provider: 'Azure',
    description: 'Microsoft Entra ID (Azure AD) application client secret',
    risk: 'anyone with this file can sign in as your Entra ID application and use its API permissions',
    keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/,
    maxLength: 40,
    minEntropy: 3.5,
    revokeUrl: 'https://portal.azure.com/#view/Microsoft_AAD_RegisteredApps',
    sample: () => `${randomToken(ALNUM, 3)}8Q~${randomToken(`${ALNUM}_~.-`, 34)}`,
    negatives: [
      'client_secret=bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      '~~~~Q~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~',
      'a8Q~short',
    ],
  }),
  tokenRule({
    id: 'azure-ai-services-key',
    provider: 'Azure',
    description: 'Azure AI services / Azure OpenAI key',
    risk: 'anyone with this file can call your Azure OpenAI and AI services deployments on your bill',
    keywords: ['jqqj9'],
    pattern: new RegExp(identifiable('ACOG')),
    maxLength: 84,
    minEntropy: 3.5,
    revokeUrl: azurePortal,
    sample: () => `${randomToken(ALNUM, 52)}JQQJ99${randomToken(ALNUM, 18)}ACOG${randomToken(ALNUM, 4)}`,
    negatives: ['AZURE_OPENAI_API_KEY=<84 characters ending in ACOG…>', 'JQQJ99ACOG'],
  }),
  contextRule({
    id: 'azure-openai-api-key',
    credentialName: true,
    provider: 'Azure',
    description: 'Azure OpenAI / Cognitive Services key (32-hex format)',
    risk: 'anyone with this file can call your Azure OpenAI and AI services deployments on your bill',
    words: ['azure_openai', 'azureopenai', 'azure-openai', 'ocp-apim-subscription-key', 'cognitive'],
    value: '[a-f0-9]{32}',
    valueMax: 32,
    make: () => randomToken(HEX, 32),
    revokeUrl: azurePortal,
  }),
  tokenRule({
    id: 'azure-storage-account-key',
    provider: 'Azure',
    description: 'Azure Storage account key',
    risk: 'anyone with this file can read, overwrite and delete everything in your storage account',
    keywords: ['accountkey', 'azure_storage_key', 'storage_account_key', 'azure_storage_access_key'],
    pattern: new RegExp(
      assignedTo(
        `(?:${anyCase('accountkey')}|${anyCase('azure_storage_key')}|${anyCase('storage_account_key')}|${anyCase('azure_storage_access_key')})`,
        '[A-Za-z0-9+/]{86}==',
        END_B64,
        4,
      ),
    ),
    maxLength: 170 + NAME_REACH,
    minEntropy: 4,
    validate: notEmulatorKey,
    revokeUrl: azurePortal,
    sample: () => `${randomToken(BASE64, 86)}==`,
    lines: (s) => [
      `DefaultEndpointsProtocol=https;AccountName=acmedata;AccountKey=${s};EndpointSuffix=core.windows.net`,
      `AZURE_STORAGE_KEY=${s}`,
      `{"accountKey": "${s}"}`,
    ],
    negatives: [
      'AccountKey=<your-account-key>;',
      'DefaultEndpointsProtocol=https;AccountName=devstoreaccount1;AccountKey=${STORAGE_KEY}',
      'AccountKey=abc==',
    ],
  }),
  tokenRule({
    id: 'azure-container-registry-password',
    provider: 'Azure',
    description: 'Azure Container Registry password',
    risk: 'anyone with this file can push and pull the images of your container registry',
    // 42 base64 characters, `+ACR`, 6 more: the registry's own marker sits inside the value.
    keywords: ['+acr'],
    pattern: new RegExp(`${START_TOKEN}[A-Za-z0-9+/]{42}\\+ACR[A-Za-z0-9]{6}(?![A-Za-z0-9+/=])`),
    maxLength: 52,
    minEntropy: 3.8,
    revokeUrl: azurePortal,
    sample: () => `${randomToken(BASE64, 42)}+ACR${randomToken(ALNUM, 6)}`,
    negatives: ['REGISTRY_PASSWORD=<password>+ACR', 'C++ACRONYM'],
  }),
  tokenRule({
    id: 'azure-sas-token',
    provider: 'Azure',
    description: 'Azure shared access signature (SAS)',
    risk: 'anyone with this URL or token can access the storage resources it grants until it expires',
    keywords: ['sv='],
    pattern:
      /sv=\d{4}-\d{2}-\d{2}&[A-Za-z0-9=&%:._-]{0,250}?sig=(?<secret>[A-Za-z0-9%+/]{43,60}(?:%3[dD]|=))/,
    maxLength: 331,
    minEntropy: 4,
    validate: sasSignatureOk,
    revokeUrl: azurePortal,
    sample: () => encodeURIComponent(`${randomToken(BASE64, 43)}=`),
    lines: (s) => [
      `https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&spr=https&sig=${s}`,
      `AZURE_SAS="sv=2021-06-08&sr=c&sp=racwdl&sig=${s}"`,
    ],
    negatives: ['?sv=2022-11-02&ss=b&sp=r&sig=<signature>', 'sv=2022-11-02&sig=abc%3D'],
  }),
  tokenRule({
    id: 'azure-shared-access-key',
    provider: 'Azure',
    description: 'Azure Service Bus / Event Hubs / IoT Hub shared access key',
    risk: 'anyone with this file can send, read or manage messages on your Azure messaging namespace',
    keywords: ['sharedaccesskey='],
    pattern: new RegExp(`${anyCase('sharedaccesskey')}=(?<secret>[A-Za-z0-9+/]{42,44}={0,2})${END_B64}`),
    maxLength: 62,
    minEntropy: 3.8,
    revokeUrl: azurePortal,
    sample: () => `${randomToken(BASE64, 43)}=`,
    lines: (s) => [
      `Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${s}`,
      `HostName=acme.azure-devices.net;DeviceId=pump1;SharedAccessKey=${s}`,
    ],
    negatives: ['SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=<key>', 'SharedAccessKey=;'],
  }),
  tokenRule({
    id: 'azure-function-key',
    provider: 'Azure',
    description: 'Azure Functions key in a function URL',
    risk: 'anyone with this URL can invoke your Azure Function',
    keywords: ['.azurewebsites.net/api/'],
    pattern:
      /\.azurewebsites\.net\/api\/[\w/-]{1,60}\?(?:[\w=&%.-]{0,60}&)?code=(?<secret>[A-Za-z0-9_-]{40,60}={0,2})(?![A-Za-z0-9_=-])/,
    maxLength: 212,
    minEntropy: 3.8,
    revokeUrl: azurePortal,
    sample: () => `${randomToken(BASE64URL, 54)}==`,
    lines: (s) => [`fetch("https://acme-fn.azurewebsites.net/api/HttpTrigger1?code=${s}")`],
    negatives: ['https://acme.azurewebsites.net/api/Fn?code=<function-key>'],
  }),
  tokenRule({
    id: 'azure-app-configuration-secret',
    provider: 'Azure',
    description: 'Azure App Configuration connection string secret',
    risk: 'anyone with this file can read (and with a write key, change) your application configuration',
    keywords: ['.azconfig.io;id='],
    pattern: new RegExp(
      `\\.azconfig\\.io;${anyCase('id')}=[A-Za-z0-9+/:=-]{4,40};${anyCase('secret')}=(?<secret>[A-Za-z0-9+/]{40,60}={0,2})${END_B64}`,
    ),
    maxLength: 126,
    minEntropy: 4,
    revokeUrl: azurePortal,
    sample: () => `${randomToken(BASE64, 43)}=`,
    lines: (s) => [`Endpoint=https://acme.azconfig.io;Id=Ab1c-l0-s0:Zx9Yw8Vu7Ts6Rq5Po4Nm;Secret=${s}`],
    negatives: ['Endpoint=https://acme.azconfig.io;Id=xxxx;Secret=<secret>'],
  }),
  tokenRule({
    id: 'gcp-oauth-client-secret',
    provider: 'Google Cloud',
    description: 'Google OAuth client secret',
    risk: 'anyone with this file can impersonate your OAuth app and phish tokens from your users',
    keywords: ['gocspx-'],
    pattern: new RegExp(`${START_TOKEN}GOCSPX-[A-Za-z0-9_-]{28}${END_TOKEN}`),
    maxLength: 35,
    minEntropy: 3.5,
    revokeUrl: 'https://console.cloud.google.com/apis/credentials',
    sample: () => `GOCSPX-${randomToken(BASE64URL, 28)}`,
    negatives: ['GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'client_secret: GOCSPX-...'],
  }),
  tokenRule({
    id: 'google-oauth-access-token',
    provider: 'Google Cloud',
    description: 'Google OAuth 2.0 access token',
    risk: 'anyone with this file can call Google APIs as the signed-in user or service account until it expires',
    keywords: ['ya29.'],
    pattern: new RegExp(`${START_TOKEN}ya29\\.[A-Za-z0-9_-]{40,1024}${END_TOKEN}`),
    maxLength: 1029,
    minEntropy: 4,
    revokeUrl: 'https://myaccount.google.com/permissions',
    sample: () => `ya29.a0${randomToken(BASE64URL, 180)}`,
    negatives: ['Authorization: Bearer ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ya29.abc'],
  }),
  tokenRule({
    id: 'google-oauth-refresh-token',
    provider: 'Google Cloud',
    description: 'Google OAuth 2.0 refresh token',
    risk: 'anyone with this file can mint new Google access tokens for the account, indefinitely',
    keywords: ['1//0'],
    pattern: /(?<![\w/:.-])1\/\/0[A-Za-z0-9_-]{40,300}(?![A-Za-z0-9_-])/,
    maxLength: 304,
    minEntropy: 4,
    revokeUrl: 'https://myaccount.google.com/permissions',
    sample: () => `1//0${randomToken(BASE64URL, 100)}`,
    negatives: ['"refresh_token": "1//0..."', 'http://1//0/path'],
  }),
  tokenRule({
    id: 'firebase-cloud-messaging-server-key',
    provider: 'Firebase',
    description: 'Firebase Cloud Messaging legacy server key',
    risk: 'anyone with this file can send push notifications to all your app’s users',
    keywords: [':apa91b'],
    pattern: new RegExp(`${START_TOKEN}AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134}${END_TOKEN}`),
    maxLength: 152,
    minEntropy: 4,
    revokeUrl: 'https://console.firebase.google.com',
    sample: () => `AAAA${randomToken(BASE64URL, 7)}:APA91b${randomToken(BASE64URL, 134)}`,
    negatives: ['key=AAAA...:APA91b...', 'AAAAxxxxxxx:APA91bshort'],
  }),
];
