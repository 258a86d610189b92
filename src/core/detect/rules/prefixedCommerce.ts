import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { fixedRule, mixedCase } from './fixedPrefix';
import { anyCase } from './ruleKit';
import { UUID, uuid } from './ruleParts';

// Commerce, logistics, fintech, maps and social platforms whose tokens carry a fixed prefix. Formats
// are facts from the vendors' documentation and the peers' public rule sets; patterns are our own.

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(randomFraction() * xs.length)]!;

/** A Mapbox token: `pk.`/`sk.`/`tk.`, the base64url JSON `{"u":user,"a":id}`, a dot, a 22-character MAC. */
function mapboxToken(kind: string): string {
  const claims = Buffer.from(
    JSON.stringify({ u: randomToken(LOWER_ALNUM, 10), a: randomToken(LOWER_ALNUM, 25) }),
  );
  return `${kind}.${claims.toString('base64url')}.${randomToken(BASE64URL, 22)}`;
}

const MAPBOX_BODY = 'eyJ1Ijoi[A-Za-z0-9_-]{16,200}\\.[A-Za-z0-9_-]{20,30}';

export const prefixedCommerceRules: readonly Rule[] = [
  fixedRule({
    id: 'easypost-api-key',
    provider: 'EasyPost',
    description: 'EasyPost production API key',
    risk: 'anyone with this file can buy shipping labels on your EasyPost account and read its shipments',
    keywords: ['ezak'],
    shape: 'EZAK[A-Za-z0-9]{54}',
    maxLength: 58,
    make: () => `EZAK${randomToken(ALNUM, 54)}`,
    revokeUrl: 'https://www.easypost.com/account/api-keys',
  }),
  fixedRule({
    id: 'easypost-test-api-key',
    provider: 'EasyPost',
    description: 'EasyPost test API key',
    risk: "anyone with this file can use your EasyPost account's test mode",
    severity: 'warning',
    keywords: ['eztk'],
    shape: 'EZTK[A-Za-z0-9]{54}',
    maxLength: 58,
    make: () => `EZTK${randomToken(ALNUM, 54)}`,
    revokeUrl: 'https://www.easypost.com/account/api-keys',
  }),
  fixedRule({
    id: 'mapbox-secret-token',
    provider: 'Mapbox',
    description: 'Mapbox secret or temporary access token',
    risk: 'anyone with this file can use your Mapbox account, change its styles and tilesets, and run up its bill',
    // After a Mapbox word on the line, any dotted `sk.` body of 80 to 240 characters (trufflehog's reading).
    keywords: ['sk.eyj1ijoi', 'tk.eyj1ijoi', 'mapbox'],
    shape: `(?:[st]k\\.${MAPBOX_BODY}|(?=sk\\.)(?<=${anyCase('mapbox')}[^\\n]{1,40})sk\\.[A-Za-z0-9.-]{80,240})`,
    maxLength: 244,
    // A body's dots may not end the token, nor may base64 padding follow it.
    end: '(?![A-Za-z0-9_=-])(?!\\.[A-Za-z0-9])',
    make: () =>
      randomFraction() < 0.5
        ? mapboxToken(pick(['sk', 'tk']))
        : `sk.${randomToken(ALNUM, 40)}.${randomToken(ALNUM, 45)}`,
    lines: (t) => [`MAPBOX_SECRET_TOKEN=${t}`, `{ "mapbox_token": "${t}" }`, `mapbox ${t}`],
    revokeUrl: 'https://account.mapbox.com/access-tokens/',
  }),
  fixedRule({
    id: 'mapbox-public-token',
    provider: 'Mapbox',
    description: 'Mapbox public access token',
    risk: 'public tokens ship in web pages, but one left unrestricted lets anyone bill map loads to your account',
    severity: 'warning',
    // After a Mapbox word on the line, also a dotted `pk.` body of letters and digits, 40 to 120 and a
    // 20-to-30-character MAC (gitleaks' reading: `pk.` then 60 and 22).
    keywords: ['pk.eyj1ijoi', 'mapbox'],
    shape: `(?:pk\\.${MAPBOX_BODY}|(?=pk\\.)(?<=${anyCase('mapbox')}[^\\n]{1,40})pk\\.[A-Za-z0-9]{40,120}\\.[A-Za-z0-9_-]{20,30})`,
    maxLength: 242,
    end: '(?![A-Za-z0-9_=-])(?!\\.[A-Za-z0-9])',
    make: () =>
      randomFraction() < 0.5
        ? mapboxToken('pk')
        : `pk.${randomToken(LOWER_ALNUM, 60)}.${randomToken(LOWER_ALNUM, 22)}`,
    // A name saying `public` marks a value as public to the engine; these lines name it as users do.
    lines: (t) => [
      `MAPBOX_ACCESS_TOKEN=${t}`,
      `mapboxgl.accessToken = '${t}';`,
      ...(t.startsWith('pk.eyJ') ? [t] : [`mapbox_token: ${t}`]),
    ],
    negatives: [
      `pk.${'a1b2c3d4e5'.repeat(6)}.${'a1b2c3d4e5f6g7h8i9j0k1'}`,
      'const token = "pk.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz01234567.abcdefghijklmnopqrstuv";',
      `mapbox_token: pk.${'x'.repeat(60)}.${'x'.repeat(22)}`,
      'MAPBOX_TOKEN=pk.<your-mapbox-public-token>',
    ],
    revokeUrl: 'https://account.mapbox.com/access-tokens/',
  }),
  fixedRule({
    id: 'flutterwave-encryption-key',
    provider: 'Flutterwave',
    description: 'Flutterwave encryption key',
    risk: 'anyone with this file and your secret key can build payment requests as your Flutterwave account',
    keywords: ['flwseck'],
    shape: 'FLWSECK(?:_TEST)?[a-f0-9]{12}',
    maxLength: 24,
    minEntropy: 2.8,
    make: () => `FLWSECK${pick(['', '_TEST'])}${randomToken(HEX, 12)}`,
    revokeUrl: 'https://app.flutterwave.com/dashboard/settings/apis',
  }),
  fixedRule({
    id: 'flutterwave-public-key',
    provider: 'Flutterwave',
    description: 'Flutterwave public key',
    risk: 'a public key identifies your Flutterwave account in checkouts; paired with its secret key it charges cards',
    severity: 'warning',
    keywords: ['flwpubk'],
    shape: 'FLWPUBK(?:_TEST)?-[a-f0-9]{32}-X',
    maxLength: 47,
    make: () => `FLWPUBK${pick(['', '_TEST'])}-${randomToken(HEX, 32)}-X`,
    lines: (t) => [`FLW_KEY=${t}`, `  flutterwave: { key: "${t}" }`, t],
    revokeUrl: 'https://app.flutterwave.com/dashboard/settings/apis',
  }),
  fixedRule({
    id: 'duffel-api-token',
    provider: 'Duffel',
    description: 'Duffel API access token',
    risk: 'anyone with this file can search and book flights and stays on your Duffel account',
    keywords: ['duffel_test_', 'duffel_live_'],
    shape: 'duffel_(?:test|live)_[A-Za-z0-9_=-]{43}',
    maxLength: 55,
    make: () => `duffel_${pick(['test', 'live'])}_${randomToken(ALNUM, 43)}`,
    revokeUrl: 'https://app.duffel.com/',
    end: '(?![A-Za-z0-9_=-])',
  }),
  fixedRule({
    id: 'shippo-api-token',
    provider: 'Shippo',
    description: 'Shippo API token',
    risk: 'anyone with this file can buy shipping labels on your Shippo account and read its shipments',
    keywords: ['shippo_live_', 'shippo_test_'],
    shape: 'shippo_(?:live|test)_[a-fA-F0-9]{40}',
    maxLength: 52,
    make: () => `shippo_${pick(['live', 'test'])}_${randomToken(HEX, 40)}`,
    revokeUrl: 'https://apps.goshippo.com/settings/api',
  }),
  fixedRule({
    id: 'facebook-access-token',
    provider: 'Facebook',
    description: 'Facebook (Meta) user, page or app access token',
    risk: 'anyone with this file can act on Facebook and Instagram as the user, page or app the token belongs to',
    // `EAAA` is Square's prefix (square-access-token); Meta's tokens go on with another capital, any of
    // B to Z as the shape says (the fourth letter comes from the app, so `EAAL…` is as real as `EAAB…`).
    // The peers' cases also put a small letter or a digit there (`EAAo…`), which no Square token has.
    keywords: [...'abcdefghijklmnopqrstuvwxyz0123456789'].map((c) => `eaa${c}`),
    shape: 'EAA[B-Za-z0-9][A-Za-z0-9]{90,400}',
    maxLength: 404,
    minEntropy: 4,
    validate: mixedCase,
    make: () => `EAA${pick(['B', 'C', 'G', 'M', 'o', 'k'])}${randomToken(ALNUM, 180)}`,
    revokeUrl: 'https://developers.facebook.com/tools/debug/accesstoken/',
    end: '(?![A-Za-z0-9])',
  }),
  fixedRule({
    id: 'pagarme-api-key',
    provider: 'Pagar.me',
    description: 'Pagar.me live API key',
    risk: 'anyone with this file can charge cards and refund payments on your Pagar.me account',
    keywords: ['ak_live_'],
    shape: 'ak_live_[A-Za-z0-9]{30}',
    maxLength: 38,
    make: () => `ak_live_${randomToken(ALNUM, 30)}`,
    revokeUrl: 'https://dashboard.pagar.me/',
  }),
  fixedRule({
    id: 'ramp-api-secret',
    provider: 'Ramp',
    description: 'Ramp API client secret',
    risk: 'anyone with this file can read your Ramp cards, transactions and bills and issue new cards',
    keywords: ['ramp_sec_'],
    shape: 'ramp_sec_[A-Za-z0-9]{48}',
    maxLength: 57,
    make: () => `ramp_sec_${randomToken(ALNUM, 48)}`,
    revokeUrl: 'https://app.ramp.com/developer',
  }),
  fixedRule({
    id: 'robinhood-crypto-api-key',
    provider: 'Robinhood',
    description: 'Robinhood Crypto API key',
    risk: 'with the matching private key, anyone with this file can trade crypto on your Robinhood account',
    keywords: ['rh-api-'],
    shape: `rh-api-${UUID.replace(/a-f/g, 'a-fA-F')}`,
    maxLength: 43,
    make: () => `rh-api-${uuid()}`,
    revokeUrl: 'https://robinhood.com/account/crypto',
  }),
  fixedRule({
    id: 'recharge-api-token',
    provider: 'Recharge',
    description: 'Recharge Payments API token',
    risk: 'anyone with this file can read and change the subscriptions and customers of your Recharge store',
    keywords: ['sk_1x1_', 'sk_1x3_', 'sk_2x1_', 'sk_2x2_', 'sk_3x3_', 'sk_5x3_', 'sk_10x3_', 'sk_test_'],
    shape: 'sk_(?:test_)?(?:1x1|1x3|2x1|2x2|3x3|5x3|10x3)_[a-f0-9]{64}',
    maxLength: 77,
    make: () => `sk_${pick(['1x1', '2x2', '3x3'])}_${randomToken(HEX, 64)}`,
    revokeUrl: 'https://support.rechargepayments.com/hc/en-us/articles/360008829993',
  }),
  fixedRule({
    id: 'fleetbase-api-key',
    provider: 'Fleetbase',
    description: 'Fleetbase live API key',
    keywords: ['flb_live_'],
    shape: 'flb_live_[A-Za-z0-9]{20}',
    maxLength: 29,
    validate: mixedCase,
    make: () => `flb_live_${randomToken(ALNUM, 20)}`,
    revokeUrl: 'https://console.fleetbase.io/developers/api-keys',
  }),
  fixedRule({
    id: 'flexport-api-key',
    provider: 'Flexport',
    description: 'Flexport API key',
    keywords: ['shltm_'],
    shape: 'shltm_[A-Za-z0-9_-]{40}',
    maxLength: 46,
    make: () => `shltm_${randomToken(ALNUM, 40)}`,
    revokeUrl: 'https://app.flexport.com/',
  }),
  fixedRule({
    id: 'bannerbear-api-key',
    provider: 'Bannerbear',
    description: 'Bannerbear project or master API key',
    keywords: ['bb_pr_', 'bb_ma_'],
    shape: 'bb_(?:pr|ma)_[a-f0-9]{30}',
    maxLength: 36,
    // Project and master keys are 30 hex digits after the prefix; other letters make a look-alike.
    exactShape: true,
    make: () => `bb_${pick(['pr', 'ma'])}_${randomToken(HEX, 30)}`,
    revokeUrl: 'https://app.bannerbear.com/',
  }),
  fixedRule({
    id: 'klaviyo-private-key',
    provider: 'Klaviyo',
    description: 'Klaviyo private API key',
    risk: 'anyone with this file can read your Klaviyo customer profiles and send campaigns from your account',
    keywords: ['pk_'],
    shape: 'pk_[a-f0-9]{34}',
    maxLength: 37,
    make: () => `pk_${randomToken(HEX, 34)}`,
    revokeUrl: 'https://www.klaviyo.com/settings/account/api-keys',
  }),
  fixedRule({
    id: 'zoho-oauth-token',
    provider: 'Zoho',
    description: 'Zoho OAuth access or refresh token',
    risk: 'anyone with this file can use the Zoho CRM and apps the token was granted for',
    keywords: ['1000.'],
    shape: '1000\\.[a-f0-9]{32}\\.[a-f0-9]{32}',
    maxLength: 70,
    make: () => `1000.${randomToken(HEX, 32)}.${randomToken(HEX, 32)}`,
    revokeUrl: 'https://accounts.zoho.com/home#sessions/userconnectedapps',
  }),
];
