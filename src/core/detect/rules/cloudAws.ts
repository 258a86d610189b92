import { BASE64, randomToken } from '../random';
import type { Rule } from '../rule';
import { START_TOKEN, anyCase, assignedTo, tokenRule, NAME_REACH } from './ruleKit';
import { lettersAndDigits, uuid } from './ruleParts';

const risk =
  'anyone with this file can use your AWS account with this key’s permissions, and run up your bill';
const revokeUrl = 'https://console.aws.amazon.com/iam/home#/security_credentials';

// Access key ids: AKIA (long-term user key), ASIA (STS temporary), ABIA (STS service bearer), ACCA
// (context-specific) and the older A3T… The documented example id ends in EXAMPLE.
const KEY_ID_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'];

/** `aws_secret_access_key`, `AWS_SECRET_KEY`, `SecretAccessKey` (CLI JSON), `secretAccessKey` (SDK)… */
const SEP = '[_.\\-]?';
const SECRET_NAME =
  `(?:(?:${anyCase('aws')}${SEP})?${anyCase('secret')}${SEP}${anyCase('access')}${SEP}${anyCase('key')}` +
  `|${anyCase('aws')}${SEP}${anyCase('secret')}(?:${SEP}${anyCase('key')})?)`;

/** The documented example credentials all carry the word EXAMPLE. */
function notExample(secret: string): boolean {
  return !/EXAMPLE/i.test(secret);
}

const BEDROCK_HOST = 'bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t';

/** An issued key (the host, then at least 100 characters of the signed URL), or a random mixed-case body. */
function bedrockShortTerm(t: string): boolean {
  if (t.startsWith(BEDROCK_HOST)) {
    return t.length >= BEDROCK_HOST.length + 100;
  }
  const body = t.slice('bedrock-api-key-'.length);
  return /[A-Z]/.test(body) && /[a-z]/.test(body) && /[0-9]/.test(body);
}

export const awsRules: readonly Rule[] = [
  tokenRule({
    id: 'aws-access-key-id',
    provider: 'AWS',
    description: 'AWS access key id',
    risk,
    keywords: KEY_ID_PREFIXES.map((p) => p.toLowerCase()),
    // Real ids are base32 (A-Z, 2-7) but generators and docs use A-Z0-9: accept both.
    pattern: /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/,
    maxLength: 20,
    // A random id falls below 3 bits one time in 3,000; 2.6 is under the 1-in-100,000 quantile (2.80).
    minEntropy: 2.6,
    validate: notExample,
    revokeUrl,
    sample: () => `AKIA${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`,
    lines: (s) => [
      `AWS_ACCESS_KEY_ID=${s}`,
      `aws_access_key_id = ${s}`,
      `{"AccessKeyId": "${s}"}`,
      `  accessKeyId: '${s}'`,
      s,
    ],
    negatives: [
      'aws_access_key_id = AKIAXXXXXXXXXXXXXXXX',
      'AKIAIOSFODNN7EXAMPLE',
      'AKIA1234',
      'TODAYINASIAASACKOFRICEFELLOVER',
      'export AWS_ACCESS_KEY_ID=AKIA...',
    ],
  }),
  {
    ...tokenRule({
      id: 'aws-secret-access-key',
      provider: 'AWS',
      description: 'AWS secret access key',
      risk,
      // The variable name is AWS's own and the value has a fixed shape: not a generic heuristic.
      keywords: [
        'secretaccesskey',
        'secret_access_key',
        'secret-access-key',
        'secret.access.key',
        'aws_secret',
        'aws-secret',
        'awssecret',
        'aws.secret',
      ],
      pattern: new RegExp(assignedTo(SECRET_NAME, '[A-Za-z0-9/+]{40}', '(?![A-Za-z0-9/+=])', 12)),
      maxLength: 132 + NAME_REACH,
      minEntropy: 3.5,
      validate: (s) => notExample(s) && lettersAndDigits(s),
      revokeUrl,
      sample: () => randomToken(BASE64, 40),
      lines: (s) => [
        `aws_secret_access_key = ${s}`,
        `AWS_SECRET_ACCESS_KEY="${s}"`,
        `{"SecretAccessKey": "${s}"}`,
        `  secretAccessKey: '${s}',`,
        `aws_secret_key: ${s}`,
        // JSON held in a string: a fixture's body, a log line (Kingfisher's `\"awsSecretKey\":\"…\"`).
        `"{\\"awsSecretKey\\":\\"${s}\\"}"`,
      ],
      negatives: [
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}',
        'aws_secret_access_key = <your secret key here>',
        'AWS_SECRET_ACCESS_KEY=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
        'aws_secret_access_key = os.environ["AWS_SECRET_ACCESS_KEY"]',
      ],
    }),
    // AWS issues secret access keys of 40 characters only: another value under AWS's own name for one
    // (an encrypted blob, a truncated paste) is not one, and the generic rule defers to this one.
    namedShape: {
      words: [
        'aws_secret_access',
        'awssecretaccess',
        'aws_secret',
        'awssecret',
        'secret_access',
        'secretaccess',
      ],
      // Only a value in the keys' own alphabet of another length: a password under AWS's name (`{`, `#`,
      // spaces) is someone's secret whatever its length, and stays the generic rules' finding.
      value: (v: string) => v.length === 40 || /[^A-Za-z0-9/+=]/.test(v),
    },
  },
  tokenRule({
    id: 'aws-secret-beside-key-id',
    provider: 'AWS',
    description: 'AWS secret access key right after its access key id',
    risk,
    // The key id and its secret side by side, as IAM's credentials CSV writes them (`AKIA…,<secret>`) and as
    // they are pasted into one string or two (`'AKIA…''<secret>'`, `AKIA… <secret>`): the id names the value
    // where no variable does. Only separators, quotes and blanks (six at most) lie between.
    keywords: KEY_ID_PREFIXES.map((p) => p.toLowerCase()),
    pattern:
      /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}["'`]?[ \t,;:|=]{0,6}["'`]?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/,
    maxLength: 20 + 8 + 40,
    minEntropy: 3.5,
    validate: (s) => notExample(s) && lettersAndDigits(s),
    revokeUrl,
    sample: () => randomToken(BASE64, 40),
    lines: (s) => {
      const id = `AKIA${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`;
      return [
        `deploy,,${id},${s},https://signin.aws.amazon.com/console`,
        `export AWS_API_KEY='${id}''${s}'`,
        `${id} ${s}`,
      ];
    },
    negatives: [
      'AKIAIOSFODNN7EXAMPLE,wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      'AKIAIOSFODNN7EXAMPLE and then some words that run on and on',
    ],
  }),
  tokenRule({
    id: 'aws-session-token',
    provider: 'AWS',
    description: 'AWS STS session token',
    risk: 'anyone with this file can act as the AWS role or user it was issued to until it expires',
    // Session tokens are base64 of a structure that starts with the same bytes (`origin_ec`… or `er/aws`).
    keywords: ['iqojb3jpz2lux2vj', 'fwogzxivyxdz', 'fqogzxivyxdz'],
    pattern: new RegExp(
      `${START_TOKEN}(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+]{100,2000}={0,2}(?![A-Za-z0-9/+=])`,
    ),
    maxLength: 2020,
    minEntropy: 4,
    revokeUrl: 'https://console.aws.amazon.com/iam/home#/roles',
    sample: () => `IQoJb3JpZ2luX2Vj${randomToken(BASE64, 600)}`,
    negatives: ['AWS_SESSION_TOKEN=IQoJb3JpZ2luX2Vj...', 'aws_session_token = FwoGZXIvYXdzEXAMPLE'],
  }),
  tokenRule({
    id: 'aws-session-token-named',
    provider: 'AWS',
    description: 'AWS STS session token beside its temporary key id',
    risk: 'anyone with this file can act as the AWS role or user it was issued to until it expires',
    severity: 'warning',
    // Temporary credentials are three values: an `ASIA` key id, a secret and a session token of 100 or more
    // base64 characters. A long base64 value under a `session` name with an `ASIA` id up to 400 characters
    // before it is that token, whatever its first bytes (trufflehog reads the same pairing).
    keywords: ['session'],
    pattern: new RegExp(
      assignedTo(
        anyCase('session'),
        // Those with the issued prefixes are `aws-session-token`'s.
        '(?!IQoJb3JpZ2luX2Vj|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+]{100,2000}={0,3}',
        '(?![A-Za-z0-9/+=])',
        16,
      ),
    ),
    maxLength: 2100 + NAME_REACH,
    minEntropy: 4,
    validate: lettersAndDigits,
    // The value's 100 characters in a row: most files name a session, few hold such a run.
    needsRun: { chars: /[A-Za-z0-9/+]/, length: 100 },
    inContext: (text, start) =>
      /(?<![A-Z0-9])ASIA[A-Z0-9]{16}(?![A-Z0-9])/.test(text.slice(Math.max(0, start - 400), start)),
    revokeUrl: 'https://console.aws.amazon.com/iam/home#/roles',
    sample: () => randomToken(BASE64, 580),
    lines: (t) => [
      `aws credentials{\n  id: ASIA${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\n  secret: ${randomToken(BASE64, 40)}\n  session: ${t}\n}`,
      `AWS_ACCESS_KEY_ID=ASIA${randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}\nAWS_SESSION_TOKEN=${t}`,
    ],
    negatives: [`session: ${'QUJD'.repeat(40)}`, `aws_session_token = ${randomToken(BASE64, 300)}`],
  }),
  tokenRule({
    id: 'aws-bedrock-api-key',
    provider: 'AWS',
    description: 'Amazon Bedrock long-term API key',
    risk: 'anyone with this file can call Amazon Bedrock models on your AWS bill',
    // `ABSK` then base64 of "BedrockAPIKey-<id>:<secret>".
    keywords: ['absk'],
    pattern: new RegExp(`${START_TOKEN}ABSK[A-Za-z0-9+/]{100,280}={0,2}(?![A-Za-z0-9/+=])`),
    maxLength: 286,
    minEntropy: 4,
    revokeUrl: 'https://console.aws.amazon.com/bedrock/home#/api-keys',
    sample: () => `ABSKQmVkcm9ja0FQSUtleS${randomToken(BASE64, 110)}`,
    negatives: ['AWS_BEARER_TOKEN_BEDROCK=ABSKQmVkcm9ja0FQSUtleS0...', 'ABSK-123'],
  }),
  tokenRule({
    id: 'aws-bedrock-short-term-key',
    provider: 'AWS',
    description: 'Amazon Bedrock short-term API key',
    risk: 'anyone with this file can call Amazon Bedrock models on your AWS bill until it expires',
    // `bedrock-api-key-` then base64 of a presigned `bedrock.amazonaws.com/?Action=CallWithBearerToken…` URL.
    keywords: ['bedrock-api-key-'],
    // Issued keys continue with base64 of `bedrock.amazonaws.com`; a shorter random body (the peers' cases)
    // is taken when it mixes cases and digits, which a name like `bedrock-api-key-prod` does not.
    pattern: /bedrock-api-key-[A-Za-z0-9+/]{24,3028}={0,2}(?![A-Za-z0-9/+=-])/,
    validate: bedrockShortTerm,
    maxLength: 3050,
    minEntropy: 4,
    revokeUrl: 'https://console.aws.amazon.com/bedrock/home#/api-keys',
    sample: () => `bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${randomToken(BASE64, 800)}`,
    negatives: [
      'AWS_BEARER_TOKEN_BEDROCK=bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29tLz9BY3Rpb249...',
      'secret_id = "bedrock-api-key-productionuseastprimary"',
      'name: bedrock-api-key-ProductionUsEastPrimary',
    ],
  }),
  tokenRule({
    id: 'aws-mws-auth-token',
    provider: 'Amazon MWS',
    description: 'Amazon Marketplace Web Service auth token',
    risk: 'anyone with this file can read and change your Amazon seller account’s orders and listings',
    keywords: ['amzn.mws.'],
    pattern: /amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])/,
    maxLength: 45,
    minEntropy: 3,
    revokeUrl: 'https://sellercentral.amazon.com/apps/manage',
    sample: () => `amzn.mws.${uuid()}`,
    negatives: ['amzn.mws.00000000-0000-0000-0000-000000000000', 'MWS_AUTH_TOKEN=amzn.mws.<token>'],
  }),
];
