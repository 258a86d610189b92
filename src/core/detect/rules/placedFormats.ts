import { ALNUM, BASE64, BASE64URL, LOWER_ALNUM, randomToken } from '../random';
import type { FoundValue, Rule } from '../rule';
import { notEmulatorKey } from './cloudAzureGcp';
import { END_TOKEN, NAME_REACH, anyCase, assignedTo, tokenRule } from './ruleKit';
import { lettersAndDigits } from './ruleParts';

// Values whose structure, or the one place they are written, is the proof: a Salesforce session id on
// its own, an Okta token as a Terraform variable's default, ThingsBoard's provisioning pair, and an
// Azure Storage key inside a connection string that names its account. Format facts from the vendors'
// documentation and Nosey Parker's rules (salesforce.yml, okta.yml, thingsboard.yml, azure.yml).

/** Salesforce org id (`00` and 13), `!`, 96 session characters. */
const SF_ORG = 15;
const SF_SESSION = 96;

/** Whether char code `c` is an ASCII letter or digit. */
export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSessionChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95;
}

/**
 * Every `00<13>!<96>` in [from, to), bounded on both sides, found from its `!`: one `indexOf` pass, and
 * a bounded check at each `!`, so the rule needs no keyword (the token is often pasted alone, as
 * `sf org display` prints it, with no Salesforce word within a window).
 */
function salesforceSessions(text: string, from: number, to: number): FoundValue[] {
  const out: FoundValue[] = [];
  for (let i = text.indexOf('!', from + SF_ORG); i !== -1 && i < to; i = text.indexOf('!', i + 1)) {
    const start = i - SF_ORG;
    if (text.charCodeAt(start) !== 48 || text.charCodeAt(start + 1) !== 48) {
      continue;
    }
    if (start > 0 && (isAlnum(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 95)) {
      continue;
    }
    let ok = true;
    for (let k = start + 2; k < i && ok; k++) {
      ok = isAlnum(text.charCodeAt(k));
    }
    const end = i + 1 + SF_SESSION;
    for (let k = i + 1; k < end && ok; k++) {
      ok = k < text.length && isSessionChar(text.charCodeAt(k));
    }
    if (ok && (end === text.length || !isSessionChar(text.charCodeAt(end)))) {
      out.push({ start, end, provider: 'Salesforce' });
    }
  }
  return out;
}

/** What a context rule's match adds around its value: name, operator, quotes and the wide forms of `assignedTo`. */
const AROUND = 64 + 40 + NAME_REACH;

function salesforceSample(): string {
  return `00D${randomToken(ALNUM, 12)}!${randomToken(ALNUM, 40)}.${randomToken(ALNUM, 55)}`;
}

export const placedFormatRules: readonly Rule[] = [
  {
    id: 'salesforce-session-id',
    provider: 'Salesforce',
    description: 'Salesforce access token (session id), with no Salesforce word beside it',
    risk: 'anyone with this file can call the Salesforce API as the user until the session ends',
    // The org id, `!` and 96 session characters are the format, as a prefix is: named `SESSION_ID` or
    // not (a name the generic checks read as an identifier's), it is one.
    severity: 'error',
    keywords: [],
    // Documents what the finder accepts; the engine runs `finder`, never this pattern.
    pattern: /(?<![A-Za-z0-9_])00[A-Za-z0-9]{13}![A-Za-z0-9._]{96}(?![A-Za-z0-9._])/,
    maxLength: SF_ORG + 1 + SF_SESSION,
    minEntropy: 4,
    // The org id and the session part both mix letters and digits; a run of one letter is no session.
    validate: (t) => lettersAndDigits(t.slice(2, SF_ORG)) && lettersAndDigits(t.slice(SF_ORG + 1)),
    finder: salesforceSessions,
    revokeUrl: 'https://help.salesforce.com/s/articleView?id=sf.security_overview_sessions.htm',
    tests: {
      positives: () => {
        const t = salesforceSample();
        return [t, `Access Token      ${t}\nClient Id         PlatformCLI`, `SESSION_ID="${t}"`];
      },
      negatives: [
        `00D000000000000!${'A'.repeat(96)}`,
        `00Dxxxxxxxxxxxx!${'x'.repeat(96)}`,
        'if (!ok) return 00; // not a token!',
        `x00DabcDEF123456!${'aB3'.repeat(32)}`,
      ],
    },
  },
  tokenRule({
    id: 'okta-api-token-variable',
    provider: 'Okta',
    description: 'Okta API token as the default of a Terraform variable',
    risk: 'anyone with this file can manage the users, groups and applications of your Okta organisation',
    severity: 'warning',
    // `variable "<…okta…token>" {` and, up to three lines on, `default = "00…"`: the name and the value
    // are on different lines, out of reach of the one-line assignment that `okta-api-token` reads.
    keywords: ['okta'],
    pattern: new RegExp(
      `variable[ \\t]{1,3}"(?=[\\w-]{0,40}${anyCase('okta')})(?=[\\w-]{0,48}(?:${anyCase('token')}|${anyCase('key')}|${anyCase('secret')}))[\\w-]{1,48}"[ \\t]{0,3}\\{[ \\t]{0,8}\\r?\\n` +
        `(?:[ \\t]{0,8}[a-z_]{1,16}[ \\t]{0,16}=[^\\r\\n]{0,80}\\r?\\n){0,3}?[ \\t]{0,8}default[ \\t]{0,16}=[ \\t]{0,3}"(?<secret>00[A-Za-z0-9_-]{40})"`,
    ),
    // The variable's line (up to 69), three lines between (up to 118 each) and the default's (up to 100).
    maxLength: 69 + 3 * 118 + 100,
    minEntropy: 3.5,
    validate: (t) => lettersAndDigits(t.slice(2)),
    revokeUrl: 'https://help.okta.com/en-us/content/topics/security/api.htm',
    sample: () => `00${randomToken(BASE64URL, 40)}`,
    lines: (t) => [
      `variable "corp_okta_api_token" {\n  default = "${t}"\n}`,
      `variable "okta_token" {\n  type        = string\n  sensitive   = true\n  default     = "${t}"\n}`,
    ],
    negatives: [
      'variable "okta_api_token" {\n  default = ""\n}',
      'variable "okta_org_name" {\n  default = "00acme-corporation-identity-tenant-00001"\n}',
      `variable "okta_api_token" {\n  default = "00${'x'.repeat(40)}"\n}`,
    ],
  }),
  tokenRule({
    id: 'thingsboard-provision-key',
    provider: 'ThingsBoard',
    description: 'ThingsBoard device provisioning key or secret',
    risk: 'anyone with this file can register devices in your ThingsBoard tenant under this provisioning profile',
    severity: 'warning',
    // The two names of ThingsBoard's provisioning request, and the 20 lower-case letters and digits
    // that ThingsBoard generates for each.
    keywords: ['provisiondevicekey', 'provisiondevicesecret'],
    pattern: new RegExp(
      `${anyCase('provisionDevice')}(?:${anyCase('key')}|${anyCase('secret')})["']?[ \\t]{0,3}[:=][ \\t]{0,3}["']?(?<secret>[a-z0-9]{20})${END_TOKEN}`,
    ),
    maxLength: 21 + 10 + 20,
    minEntropy: 3,
    validate: lettersAndDigits,
    revokeUrl: 'https://thingsboard.io/docs/user-guide/device-provisioning/',
    sample: () => randomToken(LOWER_ALNUM, 20),
    lines: (t) => [
      `{"deviceName": "DEVICE_NAME", "provisionDeviceKey": "${t}", "provisionDeviceSecret": "PROVISION_SECRET"}`,
      `PROVISION_DEVICE_KEY = "${t}"\nprovisionDeviceSecret: ${t}`,
    ],
    negatives: [
      '{"provisionDeviceKey": "PUT_PROVISION_KEY_HERE", "provisionDeviceSecret": "PUT_PROVISION_SECRET_HERE"}',
      '"provisionDeviceKey": "${PROVISION_KEY}"',
      'provisionDeviceSecret: "abcdefghijklmnopqrst"',
    ],
  }),
  tokenRule({
    id: 'azure-storage-connection-key',
    provider: 'Azure',
    description: 'Azure Storage account key in a connection string',
    risk: 'anyone with this file can read, overwrite and delete everything in the storage account',
    severity: 'warning',
    // `AccountName=<name>;` then `AccountKey=<base64>`: the connection string names the value whatever
    // its length (test accounts and emulators take keys other than the 88-character one that
    // `azure-storage-account-key` reads anywhere).
    keywords: ['accountkey='],
    pattern: new RegExp(
      `${anyCase('accountname')}=[^;\\s"'<>{}$\\[\\]]{3,40};[ \\t]{0,2}(?:\\r?\\n[ \\t]{0,6})?${anyCase('accountkey')}=(?<secret>[A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=])`,
    ),
    maxLength: 12 + 40 + 11 + 11 + 102,
    minEntropy: 4,
    validate: (k) => lettersAndDigits(k) && notEmulatorKey(k),
    revokeUrl: 'https://learn.microsoft.com/azure/storage/common/storage-account-keys-manage',
    sample: () => `${randomToken(BASE64, 54)}/${randomToken(BASE64, 18)}==`,
    lines: (k) => [
      `DefaultEndpointsProtocol=http;AccountName=testacc1;\nAccountKey=${k};\nBlobEndpoint=http://127.0.0.1:8440/testacc1;`,
      `"StorageConnection": "DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=${k};EndpointSuffix=core.windows.net"`,
    ],
    negatives: [
      'AccountName=<YOUR_ACCOUNT_NAME>;\nAccountKey=<YOUR_ACCOUNT_KEY>;',
      'AccountName={2};AccountKey={3};',
      'AccountName=X;AccountKey=X;',
      `AccountName=acme;AccountKey=${'A'.repeat(64)}==;`,
    ],
  }),
  tokenRule({
    id: 'aws-session-token-jwt',
    provider: 'AWS',
    description: 'STS session token in JWT form (S3-compatible stores such as MinIO), under the AWS name',
    risk: 'anyone with this file can act as the role the token was issued to until it expires',
    severity: 'warning',
    // MinIO's STS returns a JWT where AWS returns base64: given to `AWS_SESSION_TOKEN`, three dotted
    // base64url parts opening `eyJ` are that token, even where the header does not decode as a JWT's.
    keywords: ['aws_session_token', 'aws-session-token', 'awssessiontoken'],
    pattern: new RegExp(
      assignedTo(
        `${anyCase('aws')}[_-]?${anyCase('session')}[_-]?${anyCase('token')}`,
        'eyJ[A-Za-z0-9_-]{10,300}\\.eyJ[A-Za-z0-9_-]{20,3000}\\.[A-Za-z0-9_-]{20,700}',
        END_TOKEN,
        0,
      ),
    ),
    maxLength: AROUND + 4010,
    minEntropy: 4,
    validate: lettersAndDigits,
    revokeUrl: 'https://min.io/docs/minio/linux/developers/security-token-service.html',
    sample: () =>
      `eyJ${randomToken(BASE64URL, 33)}.eyJ${randomToken(BASE64URL, 600)}.${randomToken(BASE64URL, 86)}`,
    lines: (t) => [
      `export AWS_ACCESS_KEY_ID="${randomToken(ALNUM, 20).toUpperCase()}"\nexport AWS_SESSION_TOKEN="${t}"`,
      `aws_session_token = ${t}`,
    ],
    negatives: [
      'export AWS_SESSION_TOKEN="$(jq -r .Credentials.SessionToken creds.json)"',
      'AWS_SESSION_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.signature',
    ],
  }),
  tokenRule({
    id: 'blynk-oauth-client-secret',
    provider: 'Blynk',
    description: 'Blynk OAuth client secret, after its client id',
    risk: 'anyone with this file can get API tokens for your Blynk organization as this OAuth client',
    // Blynk's client ids open `oa2-client-id_` and run 32; the secret (40) follows as curl's `-u id:secret`
    // or as the `client_secret` beside `client_id` in a query.
    keywords: ['oa2-client-id_'],
    pattern: new RegExp(
      `oa2-client-id_[A-Za-z0-9_-]{32}(?::|&client_secret=)(?<secret>[A-Za-z0-9_-]{40})${END_TOKEN}`,
    ),
    maxLength: 14 + 32 + 15 + 40,
    minEntropy: 3.5,
    validate: lettersAndDigits,
    revokeUrl: 'https://docs.blynk.io/en/blynk.cloud/organization-https-api/authentication',
    sample: () => randomToken(ALNUM, 40),
    lines: (t) => {
      const id = `oa2-client-id_${randomToken(BASE64URL, 32)}`;
      return [
        `curl -X POST https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials \\\n-u ${id}:${t}`,
        `https://fra1.blynk.cloud/oauth2/token?grant_type=client_credentials&client_id=${id}&client_secret=${t}`,
      ];
    },
    negatives: [
      'curl -u oa2-client-id_<client id>:<client secret> https://blynk.cloud/oauth2/token',
      `-u oa2-client-id_${'x'.repeat(32)}:${'x'.repeat(40)}`,
    ],
  }),
];
