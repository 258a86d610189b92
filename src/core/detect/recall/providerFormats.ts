import type { RecallDetector } from './recallSpan';
import { looksRandom } from './tokenShape';

/**
 * Providers' documented token formats that no report rule holds and no other detector of the tier finds in a
 * neutral place (a log line, a query's `?q=`, prose), each from a peer's rule list (hunter D, 2026-12-06):
 * Intercom's (`dG9rOj…` or `dG9rOm…`, base64 of `tok:`), PagerDuty's (`u+<18>`), Razorpay's key ids (`rzp_live_…`),
 * Stripe's PaymentIntent client secrets (`pi_…_secret_…`), Telnyx's (`KEY<55>`), Yandex Cloud's static keys
 * (`YC<38>`), Dropbox's long-lived tokens and Twitter's app bearer tokens (a run of `A`s), Close's
 * (`api_<22>.<22>`), Mailgun's keys and signing keys (`<32 hex>-<8 hex>-<8 hex>`), TrueNAS's (`<n>-<64>`),
 * ngrok's (`2<26>_<digit><20>`), Asana's personal tokens (`1/<16>:<32 hex>`, `2/<16>/<16>:<32 hex>`) and
 * Salesforce's session ids of any length past the `!` (the report tier takes 96, and an org id that mixes
 * letters and digits), Facebook's app access tokens with blanks round the bar (`<app id> | <app secret>`,
 * ggshield's fixtures); and Unix crypt hashes (`$apr1$…`, `$6$…`, `$2y$10$…`) and LDAP's (`{SSHA}…`), which
 * crack offline (hunter C).
 *
 * Each is searched from its rarest part (a prefix, `_secret_`, a `-` before hex, a `/` before sixteen
 * digits, a bar before hex) in one pattern, about 0.07 ms per 100 KB; the whole token is then read back from
 * where the search ended. Okta's `00<40>` and Bitcoin's WIF keys have no such part and cost more than their
 * share; they are left to the other detectors. Each entry: its kind, the lead searched for, and the
 * whole token when it is more than the lead.
 */
const FORMATS: readonly (readonly [kind: string, lead: string, whole?: string])[] = [
  ['intercom-token', 'dG9rO[jm][A-Za-z0-9+/]{50,60}={0,2}'],
  ['pagerduty-token', 'u\\+[A-Za-z0-9_+-]{18}'],
  ['razorpay-key', 'rzp_(?:live|test)_[A-Za-z0-9]{14}'],
  ['stripe-client-secret', '_secret_[A-Za-z0-9]{25}', 'pi_[A-Za-z0-9]{24}_secret_[A-Za-z0-9]{25}'],
  ['telnyx-key', 'KEY[0-9A-Za-z_-]{55}'],
  ['yandex-key', 'YC[A-Za-z0-9_-]{38}'],
  ['bearer-token', 'AAAAAAAAAA[A-Za-z0-9%_=-]{43,120}', '[a-z0-9]{0,12}A{10,22}[A-Za-z0-9%_=-]{43,120}'],
  ['close-key', 'api_[A-Za-z0-9]{20,26}\\.[A-Za-z0-9]{20,26}'],
  ['mailgun-key', '-[0-9a-f]{8}-[0-9a-f]{8}', '[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}'],
  ['truenas-key', '-[A-Za-z0-9]{64}', '\\d{1,6}-[A-Za-z0-9]{64}'],
  ['ngrok-token', '_\\d[A-Za-z0-9]{20}', '2[A-Za-z0-9]{26}_\\d[A-Za-z0-9]{20}'],
  [
    'salesforce-session',
    '![A-Za-z0-9._]{79,119}[A-Za-z0-9_]',
    '00[A-Za-z0-9]{13}![A-Za-z0-9._]{79,119}[A-Za-z0-9_]',
  ],
  // Ethereum node providers' keys in their endpoint's path (`…alchemy.com/v2/<key>`, `…infura.io/v3/<key>`).
  ['alchemy-key', 'alchemy(?:api)?\\.(?:com|io)/v2/[A-Za-z0-9_-]{20,40}', '[A-Za-z0-9_-]{20,40}'],
  ['infura-key', 'infura\\.io/v3/[0-9a-f]{32}', '[0-9a-f]{32}'],
  // Unix crypt hashes (htpasswd, shadow, a seeder's users): MD5, SHA-256/512, bcrypt, yescrypt.
  ['password-hash', '\\$(?:1|5|6|apr1)\\$(?:rounds=\\d{1,7}\\$)?[./A-Za-z0-9]{1,16}\\$[./A-Za-z0-9]{22,86}'],
  // MySQL's native password hash (`mysql.user`'s `authentication_string`, `IDENTIFIED BY PASSWORD '*…'`).
  ['password-hash', '\\*[0-9A-F]{40}'],
  ['password-hash', '\\$2[abxy]?\\$\\d{2}\\$[./A-Za-z0-9]{53}'],
  ['password-hash', '\\$y\\$[./A-Za-z0-9]{1,8}\\$[./A-Za-z0-9]{1,64}\\$[./A-Za-z0-9]{43}'],
  // LDAP's and htpasswd's scheme-tagged hashes (`{SHA}<base64>`, `{SSHA512}…`, `{SMD5}…`; hunt H).
  ['password-hash', '\\{(?:S?SHA(?:256|384|512)?|S?MD5)\\}[A-Za-z0-9+/]{20,160}={0,2}'],
  ['asana-token', '/\\d{16}(?:/\\d{16})?:[0-9a-f]{32}', '[12]/\\d{16}(?:/\\d{16})?:[0-9a-f]{32}'],
  // Facebook's app access token with blanks around its bar (ggshield's `Facebook = <15 digits> | <32 hex>;`);
  // providerShapes.ts reads `<app id>|<app secret>` written as one run.
  // Searched from its bar: a lead that opens on a blank was tried at every blank of the text (+0.23 ms per 100 KB).
  ['facebook-app-token', '\\|[ \\t]?[0-9a-f]{32}', '\\d{15,16}(?:[ \\t]\\|[ \\t]?|\\|[ \\t])[0-9a-f]{32}'],
];

/**
 * Formats whose head no base64 line holds by chance, so they may be a path's segment (`/items/rzp_live_…/`);
 * a `/` before any other is base64's own letter (`u+…` inside a certificate's line).
 */
const PATH_SEGMENTS = new Set([
  'intercom-token',
  'razorpay-key',
  'stripe-client-secret',
  'alchemy-key',
  'infura-key',
]);
/** Where a lead may end: no token character after it, or after base64's padding, a path's `/`. */
const END = '(?:(?<==)(?![A-Za-z0-9_+=|%-])|(?![A-Za-z0-9_+/=|%-]))';
const SEGMENT_END = '(?![A-Za-z0-9_+=|%-])';
const LEADS = new RegExp(
  FORMATS.map(([kind, lead]) => `(${lead})${PATH_SEGMENTS.has(kind) ? SEGMENT_END : END}`).join('|'),
  'g',
);
/** Each whole token, ending where its lead's match ended. */
const WHOLES = FORMATS.map(
  ([kind, lead, whole = lead]) =>
    new RegExp(`(?<![A-Za-z0-9_+${PATH_SEGMENTS.has(kind) ? '' : '/'}.|-])(?:${whole})$`),
);
/** How far back a whole token may start from its lead's end. */
const REACH = 160;
/** Formats of no fixed prefix, taken only when their body is a draw (a version string or a word is not). */
const DRAWN = new Set(['telnyx-key', 'yandex-key', 'truenas-key', 'ngrok-token', 'salesforce-session']);
/** What of a token of no fixed prefix must read as a draw: past its tag, or a session's part past the `!`. */
const DRAWN_PART = /^(?:KEY|YC|\d{1,6}-|00[A-Za-z0-9]{13}!)/;

export const findProviderFormats: RecallDetector = (text, out) => {
  const re = new RegExp(LEADS.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const k = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
    const end = m.index + m[0].length;
    const whole = WHOLES[k]!.exec(text.slice(Math.max(0, end - REACH), end));
    const kind = FORMATS[k]![0];
    if (
      whole === null ||
      (DRAWN.has(kind) && !looksRandom(whole[0].replace(DRAWN_PART, '').replace(/\./g, '')))
    ) {
      continue;
    }
    out.push({ start: end - whole[0].length, end, kind });
  }
};
