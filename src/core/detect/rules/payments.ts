import { ALNUM, BASE64, BASE64URL, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_ALNUM, END_TOKEN, START_TOKEN, anyCase, assignedTo, tokenRule, NAME_REACH } from './ruleKit';
import { lettersAndDigits } from './ruleParts';
import { insideBase64Block } from './base64Block';

// Payment providers. Facts on the formats come from the providers' documentation and the
// public rule sets (gitleaks, trufflehog); the patterns follow this engine's contract. Test-mode keys are
// warnings: they cannot move money, but they still open the account's sandbox data.

const stripeRisk =
  'anyone with this file can charge cards, issue refunds and read customer data in your Stripe account';
const stripeRevoke = 'https://dashboard.stripe.com/apikeys';

function stripeKey(id: string, prefix: string, description: string): Rule {
  return tokenRule({
    id,
    provider: 'Stripe',
    description,
    risk: stripeRisk,
    keywords: [prefix],
    // Ended like a token, not just an alphanumeric run: a Stripe key holds no `-` or `_` past its prefix,
    // so `sk_live_<26>-<66>` is some other string that starts like one. Ten or more after the prefix, as
    // gitleaks and Kingfisher read them (`sk_live_<15>` is a cut key, and still one).
    pattern: new RegExp(`${START_TOKEN}${prefix}[A-Za-z0-9]{10,247}${END_TOKEN}`),
    maxLength: 255,
    minEntropy: 3.5,
    revokeUrl: stripeRevoke,
    sample: () => `${prefix}51${randomToken(ALNUM, 97)}`,
    negatives: [
      `${prefix}xxxxxxxxxxxxxxxxxxxxxxxx`,
      `${prefix}your_stripe_key_here`,
      `key.startsWith("${prefix}")`,
    ],
  });
}

export const paymentRules: readonly Rule[] = [
  stripeKey('stripe-secret-key', 'sk_live_', 'Stripe live secret key'),
  stripeKey('stripe-restricted-key', 'rk_live_', 'Stripe live restricted key'),
  stripeKey('stripe-prod-key', 'sk_prod_', 'Stripe secret key (prod prefix)'),
  tokenRule({
    id: 'stripe-test-key',
    provider: 'Stripe',
    description: 'Stripe test-mode secret or restricted key',
    risk: 'anyone with this file can read and change the test-mode data of your Stripe account',
    severity: 'warning',
    keywords: ['sk_test_', 'rk_test_'],
    pattern: new RegExp(`${START_TOKEN}[sr]k_test_[A-Za-z0-9]{16,247}${END_ALNUM}`),
    maxLength: 255,
    minEntropy: 3.5,
    revokeUrl: stripeRevoke,
    sample: () => `sk_test_51${randomToken(ALNUM, 97)}`,
    lines: (k) => [`STRIPE_SECRET_KEY=${k}`, `stripe.api_key = "${k}"`, `  "stripeKey": "${k}"`],
    negatives: [
      'STRIPE_SECRET_KEY=sk_test_xxxxxxxxxxxxxxxxxxxxxxxx',
      'sk_test_your_test_key',
      'const publishable = "pk_test_" + suffix;',
    ],
  }),
  tokenRule({
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    description: 'Stripe webhook signing secret',
    risk: 'anyone with this file can forge Stripe webhook events that your endpoint will trust',
    keywords: ['whsec_'],
    pattern: new RegExp(`${START_TOKEN}whsec_[A-Za-z0-9+/]{32,88}={0,2}(?![A-Za-z0-9+/=])`),
    maxLength: 96,
    minEntropy: 3.5,
    revokeUrl: 'https://dashboard.stripe.com/webhooks',
    sample: () => `whsec_${randomToken(ALNUM, 32)}`,
    negatives: [
      'STRIPE_WEBHOOK_SECRET=whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'whsec_...',
      'const prefix = "whsec_";',
    ],
  }),
  tokenRule({
    id: 'square-access-token',
    provider: 'Square',
    description: 'Square access token',
    risk: 'anyone with this file can take payments, issue refunds and read customer data in your Square account',
    keywords: ['eaaa', 'sq0atp-'],
    // A run that goes on past a `?` into more token characters (`EAAA…FT?b=ro…`) is taken whole: it is
    // one value with a mark typed into it, the way a near miss is written, and the part before the `?`
    // is no token of its own.
    pattern: new RegExp(
      `${START_TOKEN}(?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,64}` +
        `(?:\\?[A-Za-z0-9_=+-]{1,64}(?![A-Za-z0-9_=+-])|(?!\\?[A-Za-z0-9_-]))${END_TOKEN}`,
    ),
    maxLength: 136,
    minEntropy: 3.2,
    // No issued token holds a `?`: the report tier leaves such a value, the redact tier still hides it
    // (recall/lookAlikes.ts).
    validate: (token) => !token.includes('?'),
    revokeUrl: 'https://developer.squareup.com/apps',
    sample: () => `EAAA${randomToken(BASE64URL, 60)}`,
    negatives: [
      'EAAAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'SQUARE_ACCESS_TOKEN=EAAA-your-token',
      'sq0idp-0123456789abcdefghijkl',
      // A `?` typed into the body: the run before it is cut from a value no issuer makes.
      "square_token = 'EAAAl3Wq9ZrT5yKp0VxN2mB7cJ4hD8fG1sR6?u=n0tA3k9e5yZq'",
    ],
  }),
  tokenRule({
    id: 'square-oauth-secret',
    provider: 'Square',
    description: 'Square OAuth application secret',
    risk: 'anyone with this file can obtain Square tokens for the merchants who authorised your application',
    keywords: ['sq0csp-'],
    pattern: new RegExp(`${START_TOKEN}sq0csp-[A-Za-z0-9_-]{43}${END_TOKEN}`),
    maxLength: 50,
    minEntropy: 3.5,
    revokeUrl: 'https://developer.squareup.com/apps',
    sample: () => `sq0csp-${randomToken(BASE64URL, 43)}`,
    negatives: ['sq0csp-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SQUARE_APP_SECRET=sq0csp-<secret>'],
  }),
  tokenRule({
    id: 'braintree-access-token',
    provider: 'PayPal Braintree',
    description: 'Braintree production access token',
    risk: 'anyone with this file can take payments and read transactions of your Braintree merchant account',
    keywords: ['access_token$production$'],
    pattern: /access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}(?![A-Za-z0-9])/,
    maxLength: 73,
    minEntropy: 3.5,
    revokeUrl: 'https://www.braintreegateway.com/login',
    sample: () => `access_token$production$${randomToken(LOWER_ALNUM, 16)}$${randomToken(HEX, 32)}`,
    negatives: [
      'access_token$production$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'access_token$production$<merchant_id>$<token>',
    ],
  }),
  tokenRule({
    id: 'braintree-sandbox-access-token',
    provider: 'PayPal Braintree',
    description: 'Braintree sandbox access token',
    risk: 'anyone with this file can use your Braintree sandbox account',
    severity: 'warning',
    keywords: ['access_token$sandbox$'],
    pattern: /access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32}(?![A-Za-z0-9])/,
    maxLength: 70,
    minEntropy: 3.5,
    revokeUrl: 'https://sandbox.braintreegateway.com/login',
    sample: () => `access_token$sandbox$${randomToken(LOWER_ALNUM, 16)}$${randomToken(HEX, 32)}`,
    negatives: ['access_token$sandbox$xxxxxxxxxxxxxxxx$xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  tokenRule({
    id: 'paypal-client-secret',
    provider: 'PayPal',
    description: 'PayPal REST client secret',
    risk: 'anyone with this file and the client id can take payments and issue payouts from your PayPal account',
    severity: 'warning',
    keywords: ['paypal'],
    // The secret is 80 characters; trufflehog reads 44 to 80 of `[A-Za-z0-9_.-]` under a secret or token
    // name (`paypaloauth token`). A client id, as long, is named `id` and not read.
    pattern: new RegExp(
      `(?=${anyCase('paypal')}[\\w.( \\t-]{0,24}?(?:${anyCase('secret')}|${anyCase('token')}))` +
        assignedTo(`${anyCase('paypal')}[\\w.-]{0,16}`, '[A-Za-z0-9_.-]{44,80}', END_TOKEN),
    ),
    maxLength: 190 + NAME_REACH,
    minEntropy: 4,
    revokeUrl: 'https://developer.paypal.com/dashboard/applications',
    sample: () => `E${randomToken(BASE64URL, 79)}`,
    negatives: [
      'PAYPAL_CLIENT_SECRET=your-paypal-client-secret',
      'PAYPAL_CLIENT_SECRET=${PAYPAL_CLIENT_SECRET}',
      `PAYPAL_CLIENT_ID=A${'b'.repeat(79)}`,
    ],
  }),
  tokenRule({
    id: 'adyen-api-key',
    provider: 'Adyen',
    description: 'Adyen API key',
    risk: 'anyone with this file can make payments and refunds through your Adyen merchant account',
    keywords: ['aqe'],
    pattern:
      /(?<![A-Za-z0-9+/])AQE[A-Za-z0-9+/]{50,250}={0,2}(?:-[A-Za-z0-9+/=]{8,120}){0,2}(?![A-Za-z0-9+/=-])/,
    maxLength: 500,
    minEntropy: 4.5,
    // Not a line of a wrapped block: DER public keys open with `AQE` in base64 too.
    inContext: (text, start, secret) => !insideBase64Block(text, start, secret),
    revokeUrl: 'https://ca-live.adyen.com/ca/ca/config/api_credentials_new.shtml',
    sample: () => `AQE${randomToken(BASE64, 90)}=-${randomToken(BASE64, 43)}=`,
    lines: (k) => [`ADYEN_API_KEY=${k}`, `  "adyenApiKey": "${k}"`, `adyen_api_key: '${k}'`],
    negatives: [
      'ADYEN_API_KEY=AQE-your-api-key',
      'AQEXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      [randomToken(BASE64, 64), `AQE${randomToken(BASE64, 61)}`, randomToken(BASE64, 64)].join('\n'),
    ],
  }),
  tokenRule({
    id: 'flutterwave-secret-key',
    provider: 'Flutterwave',
    description: 'Flutterwave live secret key',
    risk: 'anyone with this file can take payments and send transfers from your Flutterwave account',
    keywords: ['flwseck-'],
    pattern: /(?<![A-Za-z0-9_])FLWSECK-[a-z0-9]{32}-X(?![A-Za-z0-9])/,
    maxLength: 42,
    minEntropy: 2.8,
    revokeUrl: 'https://app.flutterwave.com/dashboard/settings/apis',
    sample: () => `FLWSECK-${randomToken(HEX, 32)}-X`,
    negatives: ['FLWSECK-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X', 'FLWPUBK-0123456789abcdef0123456789abcdef-X'],
  }),
  tokenRule({
    id: 'flutterwave-test-secret-key',
    provider: 'Flutterwave',
    description: 'Flutterwave test-mode secret key',
    risk: 'anyone with this file can use the test mode of your Flutterwave account',
    severity: 'warning',
    keywords: ['flwseck_test-'],
    pattern: /(?<![A-Za-z0-9_])FLWSECK_TEST-[a-z0-9]{32}-X(?![A-Za-z0-9])/,
    maxLength: 47,
    minEntropy: 2.8,
    revokeUrl: 'https://app.flutterwave.com/dashboard/settings/apis',
    sample: () => `FLWSECK_TEST-${randomToken(HEX, 32)}-X`,
    lines: (k) => [`FLW_SECRET_KEY=${k}`, `  secretKey: "${k}",`],
    negatives: [
      'FLWSECK_TEST-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx-X',
      'FLWPUBK_TEST-0123456789abcdef0123456789abcdef-X',
    ],
  }),
  tokenRule({
    id: 'razorpay-key-secret',
    provider: 'Razorpay',
    description: 'Razorpay key secret',
    risk: 'anyone with this file and the key id can capture payments and issue refunds in your Razorpay account',
    severity: 'warning',
    keywords: ['razorpay'],
    pattern: new RegExp(
      assignedTo(`${anyCase('razorpay')}[\\w.-]{0,16}${anyCase('secret')}`, '[A-Za-z0-9]{24}', END_ALNUM),
    ),
    maxLength: 132 + NAME_REACH,
    minEntropy: 3.2,
    validate: lettersAndDigits,
    revokeUrl: 'https://dashboard.razorpay.com/app/website-app-settings/api-keys',
    sample: () => randomToken(ALNUM, 24),
    negatives: [
      'RAZORPAY_KEY_SECRET=your_razorpay_key_secret',
      'RAZORPAY_KEY_SECRET=process.env.RAZORPAY_SECRET',
      'razorpay_key_secret: ${RAZORPAY_KEY_SECRET}',
    ],
  }),
  tokenRule({
    id: 'gocardless-access-token',
    provider: 'GoCardless',
    description: 'GoCardless live access token',
    risk: "anyone with this file can collect direct-debit payments from your GoCardless customers' bank accounts",
    keywords: ['gocardless'],
    // Kingfisher's examples hold `=` inside and read 40 to 42 (`live_…=…`).
    pattern: new RegExp(assignedTo(anyCase('gocardless'), 'live_[A-Za-z0-9_=-]{40,42}', END_TOKEN)),
    maxLength: 132 + NAME_REACH,
    minEntropy: 3.5,
    revokeUrl: 'https://manage.gocardless.com/developers/access-tokens',
    sample: () => `live_${randomToken(`${BASE64URL}=`, 41)}`,
    lines: (k) => [`GOCARDLESS_ACCESS_TOKEN=${k}`, `  "gocardless_token": "${k}"`, `gocardlessToken: '${k}'`],
    negatives: [
      'GOCARDLESS_ACCESS_TOKEN=live_your_access_token',
      'GOCARDLESS_ENVIRONMENT=live',
      'GOCARDLESS_ACCESS_TOKEN=sandbox_token',
    ],
  }),
];
