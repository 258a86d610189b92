import { ALNUM, BASE64URL, DIGITS, HEX, LOWER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { END_ALNUM, END_TOKEN, START_TOKEN, anyCase, assignedTo, tokenRule, NAME_REACH } from './ruleKit';
import { UUID, lettersAndDigits, uuid } from './ruleParts';

// E-mail and SMS providers. Facts on the formats come from the providers' documentation and the public
// rule sets (gitleaks, trufflehog); the patterns follow this engine's contract.

export const emailRules: readonly Rule[] = [
  tokenRule({
    id: 'twilio-api-key',
    provider: 'Twilio',
    description: 'Twilio API key SID',
    risk: 'anyone with this file and its paired secret can send SMS and place calls billed to your Twilio account',
    keywords: ['sk'],
    pattern: /(?<![A-Za-z0-9])SK[0-9a-fA-F]{32}(?![A-Za-z0-9])/,
    maxLength: 34,
    minEntropy: 2.8,
    revokeUrl: 'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    sample: () => `SK${randomToken(HEX, 32)}`,
    negatives: [
      'SKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'SK00000000000000000000000000000000',
      'TASK0123456789abcdef0123456789abcdef',
    ],
  }),
  tokenRule({
    id: 'twilio-auth-token',
    provider: 'Twilio',
    description: 'Twilio auth token or API key secret',
    risk: 'anyone with this file can send SMS and place calls billed to your Twilio account',
    severity: 'warning',
    keywords: ['twilio'],
    pattern: new RegExp(
      assignedTo(
        `${anyCase('twilio')}[\\w.-]{0,16}(?:${anyCase('auth')}|${anyCase('token')}|${anyCase('secret')})`,
        '[A-Za-z0-9]{32}',
        END_ALNUM,
      ),
    ),
    maxLength: 140 + NAME_REACH,
    minEntropy: 2.8,
    validate: lettersAndDigits,
    revokeUrl: 'https://console.twilio.com/',
    sample: () => randomToken(HEX, 32),
    negatives: [
      'TWILIO_AUTH_TOKEN=your_auth_token',
      'TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN}',
      `TWILIO_ACCOUNT_SID=AC${'0'.repeat(32)}`,
      'twilio_auth_token = os.environ["TWILIO_AUTH_TOKEN"]',
    ],
  }),
  tokenRule({
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    description: 'SendGrid API key',
    risk: 'anyone with this file can send e-mail as your domains and read your SendGrid contacts',
    keywords: ['sg.'],
    // Real keys are `SG.<22>.<43>`; the 66 characters after `SG.` are not held to that split.
    pattern: new RegExp(`${START_TOKEN}SG\\.[A-Za-z0-9_=.-]{60,72}${END_TOKEN}`),
    maxLength: 75,
    minEntropy: 3.5,
    revokeUrl: 'https://app.sendgrid.com/settings/api_keys',
    sample: () => `SG.${randomToken(BASE64URL, 22)}.${randomToken(BASE64URL, 43)}`,
    negatives: [
      'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SENDGRID_API_KEY=SG.your-key',
      'import SG.Mail',
    ],
  }),
  tokenRule({
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    description: 'Mailgun private API key',
    risk: 'anyone with this file can send e-mail from your Mailgun domains and read their logs',
    keywords: ['mailgun', 'mg_', 'mg-'],
    // Assigned to a Mailgun name, or the `<32>-<8>-<8>` hex shape anywhere on a line that names Mailgun.
    pattern: new RegExp(
      assignedTo(
        `(?:${anyCase('mailgun')}|(?<![A-Za-z0-9])${anyCase('mg')}[_-])`,
        'key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}',
        END_TOKEN,
      ) +
        `|${START_TOKEN}(?=[0-9a-f]{32}-)(?<=${anyCase('mailgun')}[^\\n]{1,120})[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}${END_TOKEN}` +
        // The fallback of a Mailgun name that is read first (`process.env.MAILGUN_API || 'key-…'`).
        `|(?<=${anyCase('mailgun')}[\\w.]{0,24}[ \\t]{0,3}(?:\\|\\||\\?\\?)[ \\t]{0,3}["'\`])key-[0-9a-z]{32}${END_TOKEN}`,
    ),
    maxLength: 132 + NAME_REACH,
    minEntropy: 2.8,
    revokeUrl: 'https://app.mailgun.com/settings/api_security',
    sample: () =>
      randomFraction() < 0.5
        ? `key-${randomToken(HEX, 32)}`
        : `${randomToken(HEX, 32)}-${randomToken(HEX, 8)}-${randomToken(HEX, 8)}`,
    lines: (k) => [
      `MAILGUN_API_KEY=${k}`,
      `  "mailgun_key": "${k}"`,
      `mailgun_private_key: '${k}'`,
      `MG_API_KEY=${k}`,
      `var apiKey = process.env.MAILGUN_API || '${k}'`,
      ...(k.startsWith('key-') ? [] : [`mailgun domain 'mg.acme.dev' pass '${k}'`]),
    ],
    negatives: [
      'MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'const { MAILGUN_API_KEY, MAILGUN_DOMAIN } = require("../keys");',
      'MAILGUN_PUBLIC_KEY=pubkey-0123',
    ],
  }),
  tokenRule({
    id: 'mailgun-legacy-key',
    provider: 'Mailgun',
    description: 'Mailgun API key (legacy `key-` format), with no Mailgun name beside it',
    risk: 'anyone with this file can send e-mail from your Mailgun domains and read their logs',
    severity: 'warning',
    keywords: ['key-'],
    // `key-` and 32 lower-case letters and digits, standing alone (not the tail of `api-key-…`). A hex
    // digest behind `key-` (a cache key) is not one: the value must hold a letter past `f`.
    pattern: new RegExp(`${START_TOKEN}key-[0-9a-z]{32}${END_TOKEN}`),
    maxLength: 36,
    minEntropy: 3.8,
    validate: (t) => /[0-9]/.test(t.slice(4)) && /[g-z]/.test(t.slice(4)),
    revokeUrl: 'https://app.mailgun.com/settings/api_security',
    sample: () => `key-${randomToken(LOWER_ALNUM, 31)}${randomToken('ghijklmnopqrstuvwxyz', 1)}`,
    // Lines that do not name Mailgun: where they do, `mailgun-api-key` reports the key.
    lines: (k) => [`const apiKey = "${k}";`, `{ "private_api_key": "${k}" }`, `API_KEY=${k}`, k],
    negatives: [
      'key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'cache-key-9e107d9d372bb6826bd81d3542a419d6',
      'key-9e107d9d372bb6826bd81d3542a419d6',
      'api-key-k3v9q2m7x4p8r1t6w5z0y3b2n8c4d7f1',
      'data-key-0123456789abcdefghijklmnopqrstuv',
    ],
  }),
  tokenRule({
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    description: 'Mailchimp API key',
    risk: 'anyone with this file can read and e-mail your Mailchimp audiences',
    keywords: ['-us'],
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
    maxLength: 37,
    // The 32 hex digits in a row: `-us` is common (`en-us`, and hostile text repeating it), a window
    // search for this pattern, which starts with no literal, tries every offset (3 ms a MB of `sk-u…`).
    needsRun: { chars: /[0-9a-f]/, length: 32 },
    minEntropy: 2.8,
    revokeUrl: 'https://admin.mailchimp.com/account/api/',
    sample: () => `${randomToken(HEX, 32)}-us${randomToken('123456789', 1)}${randomToken(DIGITS, 1)}`,
    negatives: ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-us12', 'MAILCHIMP_API_KEY=your-key-us6', 'lang: en-us'],
  }),
  tokenRule({
    id: 'postmark-server-token',
    provider: 'Postmark',
    description: 'Postmark server or account token',
    risk: 'anyone with this file can send e-mail through your Postmark servers',
    severity: 'warning',
    keywords: ['postmark'],
    pattern: new RegExp(assignedTo(anyCase('postmark'), UUID, END_TOKEN)),
    maxLength: 120 + NAME_REACH,
    revokeUrl: 'https://account.postmarkapp.com/servers',
    sample: uuid,
    negatives: [
      'POSTMARK_SERVER_TOKEN=your-server-token',
      "'key' => env('POSTMARK_API_KEY'),",
      'X-Postmark-Server-Token: POSTMARK_API_TEST',
    ],
  }),
  tokenRule({
    id: 'brevo-api-key',
    provider: 'Brevo (Sendinblue)',
    description: 'Brevo API or SMTP key',
    risk: 'anyone with this file can send e-mail and SMS from your Brevo account and read its contacts',
    keywords: ['xkeysib-', 'xsmtpsib-'],
    pattern: /(?<![A-Za-z0-9])x(?:keysib|smtpsib)-[a-f0-9]{64}-[A-Za-z0-9]{16}(?![A-Za-z0-9])/,
    maxLength: 90,
    minEntropy: 3.2,
    revokeUrl: 'https://app.brevo.com/settings/keys/api',
    sample: () => `xkeysib-${randomToken(HEX, 64)}-${randomToken(ALNUM, 16)}`,
    negatives: [
      'xkeysib-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxx',
      'BREVO_API_KEY=xkeysib-your-key',
    ],
  }),
  tokenRule({
    id: 'resend-api-key',
    provider: 'Resend',
    description: 'Resend API key',
    risk: 'anyone with this file can send e-mail from your Resend domains',
    keywords: ['re_'],
    pattern: new RegExp(`${START_TOKEN}re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24}${END_TOKEN}`),
    maxLength: 36,
    minEntropy: 3.5,
    revokeUrl: 'https://resend.com/api-keys',
    sample: () => `re_${randomToken(ALNUM, 8)}_${randomToken(ALNUM, 24)}`,
    negatives: [
      'RESEND_API_KEY=re_123456789',
      'def re_compile_pattern_for_module_name(x):',
      'RESEND_API_KEY=re_xxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  }),
];
