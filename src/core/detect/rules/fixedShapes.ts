import { ALNUM, BASE64, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken, randomIndex } from '../random';
import type { Rule } from '../rule';
import { fixedRule } from './fixedPrefix';
import { END_TOKEN, START_TOKEN, anyCase, tokenRule } from './ruleKit';
import { lettersAndDigits } from './ruleParts';

// Tokens whose shape holds a fixed part that is not a prefix (`.v1.`, `==:`, `+ACR`, a `!` after an org
// id), or a prefix too common to stand alone (`ptr_`, `API_KEY`), read with the provider's word near it
// where the shape alone says too little. Formats are facts from trufflehog's detectors and the vendors'
// documentation; the patterns are our own.

export const fixedShapeRules: readonly Rule[] = [
  fixedRule({
    id: 'airtable-oauth-token',
    provider: 'Airtable',
    description: 'Airtable OAuth access token',
    risk: 'anyone with this file can read and change the bases the OAuth grant reaches, as the user',
    // `<id>.v1.<payload>.<hex signature>`.
    keywords: ['.v1.'],
    shape: '[A-Za-z0-9]{10,40}\\.v1\\.[A-Za-z0-9_-]{20,400}\\.[a-f0-9]{32,128}',
    maxLength: 573,
    make: () => `${randomToken(ALNUM, 17)}.v1.${randomToken(BASE64URL, 120)}.${randomToken(HEX, 64)}`,
    revokeUrl: 'https://airtable.com/create/tokens',
    negatives: ['api.v1.example.com', 'release.v1.2.3'],
  }),
  fixedRule({
    id: 'tableau-personal-access-token',
    provider: 'Tableau',
    description: 'Tableau personal access token secret',
    risk: 'anyone with this file and the token name can sign in to your Tableau site as you',
    // 16 bytes in base64, `:`, 32 letters and digits.
    keywords: ['==:'],
    shape: '[A-Za-z0-9+/]{22}==:[A-Za-z0-9]{32}',
    maxLength: 57,
    minEntropy: 3.5,
    make: () => `${randomToken(BASE64, 22)}==:${randomToken(ALNUM, 32)}`,
    revokeUrl: 'https://help.tableau.com/current/pro/desktop/en-us/useracct.htm',
    negatives: ['a==:b', 'hash==:value'],
  }),
  tokenRule({
    id: 'salesforce-access-token',
    provider: 'Salesforce',
    description: 'Salesforce access token (session id)',
    risk: 'anyone with this file can call the Salesforce API as the user until the session ends',
    // An org id (`00D…`, 15 characters), `!`, and the session part; a Salesforce word within the window
    // names it. An error, as `salesforce-session-id` reads the same shape alone: where both match, this
    // rule's keyword makes its finding the one kept.
    keywords: ['salesforce', 'force.com', 'sfdc'],
    pattern: new RegExp(`${START_TOKEN}00[A-Za-z0-9]{13}![A-Za-z0-9_.]{96}${END_TOKEN}`),
    // The token and up to 100 characters between the word and it.
    maxLength: 212,
    minEntropy: 3.5,
    validate: (t) => lettersAndDigits(t.slice(16)),
    revokeUrl: 'https://help.salesforce.com/s/articleView?id=sf.security_overview_sessions.htm',
    sample: () => `00D${randomToken(ALNUM, 12)}!${randomToken(ALNUM, 96)}`,
    lines: (t) => [
      `SALESFORCE_ACCESS_TOKEN=${t}`,
      `sfdc_session: "${t}"`,
      `curl https://acme.my.salesforce.com/services/data -H "Authorization: Bearer ${t}"`,
    ],
    negatives: ['SALESFORCE_ACCESS_TOKEN=00Dxxxxxxxxxxxx!xxxx', 'salesforce: 00D000000000000!'],
  }),
  fixedRule({
    id: 'finage-api-key',
    provider: 'Finage',
    description: 'Finage API key',
    severity: 'warning',
    // `API_KEY` and 32 capitals and digits, with no separator: a value, not the variable's name.
    keywords: ['api_key'],
    shape: 'API_KEY[0-9A-Z]{32}',
    maxLength: 39,
    minEntropy: 3.5,
    validate: (t) => lettersAndDigits(t.slice(7)),
    make: () => `API_KEY${randomToken(UPPER_ALNUM, 32)}`,
    revokeUrl: 'https://moon.finage.co.uk',
    negatives: ['API_KEY_FINAGE_PRODUCTION_ACCOUNT', 'API_KEYXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX'],
  }),
  fixedRule({
    id: 'launchdarkly-prefixed-key',
    provider: 'LaunchDarkly',
    description: 'LaunchDarkly API access token or server SDK key',
    risk: 'anyone with this file can read and flip your LaunchDarkly feature flags',
    // `api-` or `sdk-` and a UUID's five dashed groups (trufflehog draws them from [a-z0-9]): the prefix
    // and the exact 8-4-4-4-12 structure together name the key with no LaunchDarkly word around it.
    keywords: ['api-', 'sdk-'],
    shape: '(?:api|sdk)-[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}',
    maxLength: 40,
    validate: (t) => lettersAndDigits(t.slice(4)),
    make: () => `${pickOf(['api', 'sdk'])}-${dashedGroups(LOWER_ALNUM)}`,
    revokeUrl: 'https://app.launchdarkly.com/settings/authorization',
    negatives: [
      'sdk-5gykyl1b-wgrq-41lc-z6q1-h7zn5fdlcyb',
      'api-5Gykyl1b-Wgrq-41lC-z6q1-h7zn5fdlcybw',
      'mob-5gykyl1b-wgrq-41lc-z6q1-h7zn5fdlcybw',
      'my-api-5gykyl1b-wgrq-41lc-z6q1-h7zn5fdlcybw',
      'api-00000000-0000-0000-0000-000000000000',
    ],
  }),
  // Both ship in client apps (a subscribe key in those that listen, a publish key in those that publish), so
  // the finding is a warning; the prefix and the dashed groups.
  pubnubKey('subscribe', 'sub', 'subscribe to the messages of your PubNub keyset'),
  pubnubKey('publish', 'pub', 'publish messages into the channels of your PubNub keyset'),
  tokenRule({
    id: 'photoroom-api-key',
    provider: 'Photoroom',
    description: 'Photoroom API key',
    risk: 'anyone with this file can call the Photoroom API as your account, on your bill',
    // `sk_pr_`, the owner's label (any letters and digits, `mykey` as often as not) and 40 hex digits. The
    // label is a word by design, so the hex digits are the secret the placeholder check reads.
    keywords: ['sk_pr_'],
    pattern: new RegExp(
      `${START_TOKEN}(?:sandbox_)?sk_pr_[A-Za-z0-9]{1,64}_(?<secret>[0-9a-f]{40})${END_TOKEN}`,
    ),
    maxLength: 119,
    validate: lettersAndDigits,
    revokeUrl: 'https://app.photoroom.com/api-dashboard',
    sample: () => randomToken(HEX, 40),
    lines: (h) => [
      `PHOTOROOM_API_KEY=sk_pr_mykey_${h}`,
      `Sending request to the photoroom API\n  Using Key=sk_pr_${randomToken(ALNUM, 8)}_${h}`,
      `"x-api-key": "sandbox_sk_pr_default_${h}"`,
    ],
    negatives: [
      `Using Key=sk_pr_my_key_${'5434ed1e230419e4df9a'.repeat(2)}`,
      `sk_pr_mykey_${'5434ed1e230419e4df9a'.repeat(2)}f`,
      'sk_pr_mykey_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  }),
  tokenRule({
    id: 'box-api-token',
    provider: 'Box',
    description: 'Box API token',
    risk: 'anyone with this file can read and change the files of your Box account',
    severity: 'warning',
    // 32 letters and digits under a key or token name, up to two lines below the word `box` (a log names
    // the API, then the key). The word alone is everyday: a credential name must stand right before the value.
    keywords: ['box'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9.-])(?:[Bb]ox|BOX)(?![A-Za-z0-9])[^\\n]{0,80}?(?:\\n[^\\n]{0,80}?){0,2}?(?:[Kk]ey|KEY|[Tt]oken|TOKEN)["']?[ \\t]{0,3}[=:][ \\t]{0,3}["']?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])`,
    ),
    maxLength: 320,
    minEntropy: 3.5,
    validate: lettersAndDigits,
    revokeUrl: 'https://app.box.com/developers/console',
    sample: () => randomToken(ALNUM, 32),
    // Where the generic rules read a credential name (`BOX_TOKEN=…`), they report the value too.
    lines: (t) => [
      `[INFO] sending API request to box API\n  [DEBUG] using Key=${t}`,
      `Uploading to Box\n[DEBUG] retrying\n[DEBUG] using KEY=${t}`,
    ],
    negatives: [
      `[INFO] sending API request to box API\n  [DEBUG] using Key=${'Kd8sPq2L-mZx4Vn7R'.repeat(2)}x4Vn7`,
      `[INFO] fetch box data\n  [DEBUG] fetch data from the database for ID ${'Kd8sPq2LmZx4Vn7R'.repeat(2)}`,
      `checkbox.key = "${'Kd8sPq2LmZx4Vn7R'.repeat(2)}"`,
      `sandbox_api_key = "${'Kd8sPq2LmZx4Vn7R'.repeat(2)}"`,
      `box\n\n\n\napi_key = "${'Kd8sPq2LmZx4Vn7R'.repeat(2)}"`,
    ],
  }),
  tokenRule({
    id: 'portainer-access-token',
    provider: 'Portainer',
    description: 'Portainer API access token',
    risk: 'anyone with this file can manage the containers and stacks of your Portainer environments',
    severity: 'warning',
    // `ptr_` is also a C identifier's prefix: a Portainer word on the line names the token.
    keywords: ['portainer'],
    pattern: new RegExp(
      // `ptr_` first: the look back runs only where a token starts.
      `${START_TOKEN}(?=ptr_)(?<=${anyCase('portainer')}[^\\n]{1,60})ptr_[A-Za-z0-9/+=_-]{20,60}(?![A-Za-z0-9/+=_-])`,
    ),
    maxLength: 64,
    minEntropy: 3.5,
    validate: lettersAndDigits,
    revokeUrl: 'https://docs.portainer.io/api/access',
    sample: () => `ptr_${randomToken(BASE64, 43)}=`,
    lines: (t) => [`PORTAINER_API_TOKEN=${t}`, `portainer token - '${t}'`, `{ "portainer_key": "${t}" }`],
    negatives: ['char *ptr_to_the_next_element_in_the_list;', 'portainer ptr_xxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  tokenRule({
    id: 'aiven-api-token',
    provider: 'Aiven',
    description: 'Aiven API token',
    risk: 'anyone with this file can create, change and delete the services of your Aiven projects',
    severity: 'warning',
    // 372 base64 characters, up to two lines below an Aiven word (a log names the API, then the key).
    keywords: ['aiven'],
    pattern: new RegExp(
      `${anyCase('aiven')}[^\\n]{0,80}(?:\\n[^\\n]{0,80}){0,2}?(?<![A-Za-z0-9+/])(?<secret>[A-Za-z0-9+/=]{372})(?![A-Za-z0-9+/=])`,
    ),
    maxLength: 640,
    minEntropy: 4,
    validate: lettersAndDigits,
    revokeUrl: 'https://console.aiven.io/profile/tokens',
    sample: () => randomToken(BASE64, 372),
    lines: (t) => [`AIVEN_API_TOKEN=${t}`, `Sending request to the aiven API\n  Using Key = ${t}`],
    negatives: [`aiven: ${'A'.repeat(372)}`, 'AIVEN_TOKEN=${AIVEN_TOKEN}'],
  }),
];

/** Five dashed groups of `alphabet` in a UUID's lengths (8-4-4-4-12), with a letter and a digit among them. */
/** A PubNub key: `<tag>-c-` and a UUID's dashed groups of `[a-z0-9]`. */
function pubnubKey(kind: string, tag: 'sub' | 'pub', can: string): Rule {
  const prefix = `${tag}-c-`;
  return fixedRule({
    id: `pubnub-${kind}-key`,
    provider: 'PubNub',
    description: `PubNub ${kind} key`,
    risk: `anyone with this file can ${can}`,
    severity: 'warning',
    keywords: [prefix],
    shape: `${prefix}[a-z0-9]{8}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{12}`,
    maxLength: 42,
    validate: (t) => lettersAndDigits(t.slice(6)),
    make: () => `${prefix}${dashedGroups(LOWER_ALNUM)}`,
    revokeUrl: 'https://admin.pubnub.com/',
    negatives: [
      `${prefix}5gykyl1b-wgrq-q`,
      `${prefix}5gykyl1b-wgrq-41lc-z6q1-h7zn5fdlcyb`,
      `${tag}x-c-5gykyl1b-wgrq-41lc-z6q1-h7zn5fdlcybw`,
      `${prefix}00000000-0000-0000-0000-000000000000`,
    ],
  });
}

function dashedGroups(alphabet: string): string {
  for (;;) {
    const out = [8, 4, 4, 4, 12].map((n) => randomToken(alphabet, n)).join('-');
    if (lettersAndDigits(out)) {
      return out;
    }
  }
}

function pickOf<T>(list: readonly T[]): T {
  return list[randomIndex(list.length)]!;
}
