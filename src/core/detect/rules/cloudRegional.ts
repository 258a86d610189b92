import { ALNUM, BASE64URL, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_ALNUM, START_TOKEN, contextRule, tokenRule } from './ruleKit';

// Clouds with their own key formats: Alibaba Cloud, Tencent Cloud, IBM Cloud, Oracle Cloud, Yandex Cloud.

function account(provider: string): string {
  return `anyone with this file can use your ${provider} account with this key’s permissions, and run up your bill`;
}

export const regionalCloudRules: readonly Rule[] = [
  tokenRule({
    id: 'alibaba-access-key-id',
    provider: 'Alibaba Cloud',
    description: 'Alibaba Cloud AccessKey ID',
    risk: account('Alibaba Cloud'),
    keywords: ['ltai'],
    pattern: new RegExp(`(?<![A-Za-z0-9])LTAI[A-Za-z0-9]{12,20}${END_ALNUM}`),
    maxLength: 24,
    minEntropy: 3,
    revokeUrl: 'https://ram.console.aliyun.com/manage/ak',
    sample: () => `LTAI5t${randomToken(ALNUM, 18)}`,
    negatives: ['ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI...', 'LTAIxxxxxxxxxxxxxxxxxxxx', 'LTAI123'],
  }),
  contextRule({
    id: 'alibaba-access-key-secret',
    provider: 'Alibaba Cloud',
    description: 'Alibaba Cloud AccessKey secret',
    risk: account('Alibaba Cloud'),
    words: ['alibaba', 'aliyun', 'access_key_secret', 'accesskeysecret'],
    value: '[A-Za-z0-9]{30}',
    valueMax: 30,
    make: () => randomToken(ALNUM, 30),
    revokeUrl: 'https://ram.console.aliyun.com/manage/ak',
  }),
  tokenRule({
    id: 'tencent-cloud-secret-id',
    provider: 'Tencent Cloud',
    description: 'Tencent Cloud SecretId',
    risk: account('Tencent Cloud'),
    keywords: ['akid'],
    pattern: new RegExp(`(?<![A-Za-z0-9])AKID[A-Za-z0-9]{32}${END_ALNUM}`),
    maxLength: 36,
    minEntropy: 3.5,
    revokeUrl: 'https://console.cloud.tencent.com/cam/capi',
    sample: () => `AKID${randomToken(ALNUM, 32)}`,
    negatives: ['TENCENTCLOUD_SECRET_ID=AKID...', 'AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  contextRule({
    id: 'tencent-cloud-secret-key',
    provider: 'Tencent Cloud',
    description: 'Tencent Cloud SecretKey',
    risk: account('Tencent Cloud'),
    words: ['tencent'],
    value: '[A-Za-z0-9]{32}',
    valueMax: 32,
    make: () => randomToken(ALNUM, 32),
    revokeUrl: 'https://console.cloud.tencent.com/cam/capi',
  }),
  contextRule({
    id: 'ibm-cloud-api-key',
    provider: 'IBM Cloud',
    description: 'IBM Cloud API key',
    risk: account('IBM Cloud'),
    words: ['ibmcloud', 'ibm_cloud', 'ibm-cloud', 'ic_api_key', 'bluemix', 'ibm_api_key'],
    value: '[A-Za-z0-9_-]{44}',
    valueMax: 44,
    make: () => randomToken(BASE64URL, 44),
    revokeUrl: 'https://cloud.ibm.com/iam/apikeys',
  }),
  contextRule({
    id: 'oracle-cloud-auth-token',
    provider: 'Oracle Cloud',
    description: 'Oracle Cloud (OCI) auth token or customer secret key',
    risk: account('Oracle Cloud'),
    // Auth tokens are 20 characters that include punctuation; only the variable name identifies them.
    words: [
      'oci_auth_token',
      'oci_customer_secret_key',
      'oci_secret_key',
      'oracle_cloud_auth_token',
      'oracle_auth_token',
    ],
    value: '[A-Za-z0-9+/=_.:;<>()\\[\\]!#-]{20,44}',
    valueMax: 44,
    make: () => randomToken(`${ALNUM}:;.()#`, 20),
    revokeUrl: 'https://cloud.oracle.com/identity/domains/my-profile/auth-tokens',
  }),
  tokenRule({
    id: 'yandex-cloud-api-key',
    provider: 'Yandex Cloud',
    description: 'Yandex Cloud API key',
    risk: account('Yandex Cloud'),
    keywords: ['aqvn'],
    pattern: new RegExp(`${START_TOKEN}AQVN[A-Za-z0-9_-]{35,38}(?![A-Za-z0-9_-])`),
    maxLength: 42,
    minEntropy: 3.5,
    revokeUrl: 'https://console.yandex.cloud/iam',
    sample: () => `AQVN${randomToken(BASE64URL, 36)}`,
    negatives: ['YC_API_KEY=AQVN...', 'AQVNxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  tokenRule({
    id: 'yandex-cloud-iam-token',
    provider: 'Yandex Cloud',
    description: 'Yandex Cloud IAM token',
    risk: 'anyone with this file can act as the Yandex Cloud account it was issued to until it expires',
    keywords: ['t1.'],
    pattern: new RegExp(
      `${START_TOKEN}t1\\.[A-Za-z0-9_-]{8,200}={0,2}\\.[A-Za-z0-9_-]{86}={0,2}(?![A-Za-z0-9_=-])`,
    ),
    maxLength: 300,
    minEntropy: 4,
    revokeUrl: 'https://console.yandex.cloud/iam',
    sample: () => `t1.${randomToken(BASE64URL, 80)}.${randomToken(BASE64URL, 86)}`,
    negatives: ['t1.small', 'instance type t1.micro.xlarge'],
  }),
];
