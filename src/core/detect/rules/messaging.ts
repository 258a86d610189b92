import { shannonEntropy } from '../entropy';
import { BASE64URL, HEX, LOWER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import {
  END_ALNUM,
  END_TOKEN,
  START_TOKEN,
  anyCase,
  assignedTo,
  contextRule,
  near,
  tokenRule,
  NAME_REACH,
} from './ruleKit';
import { lettersAndDigits, numericId, randomDigits, randomTail, uuid, webhookToken } from './ruleParts';
import { decodeBase64 } from './valueChecks';

// Chat and team-messaging providers other than Slack. Facts on the formats come from the providers'
// documentation and the public rule sets (gitleaks, trufflehog); the patterns follow this engine's contract.

// A bot token starts with the base64 of the bot's id; ids since 2022 have 19 digits starting with 1, so a
// bare token starts with one of these 100 four-character literals (`MT` + two digits' encodings).
const BARE_DISCORD_STARTS = [...'aeimquyc'.split(''), 'g', 'k'].flatMap((third) =>
  ['w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5'].map((fourth) => `mt${third}${fourth}`),
);

/** `n` random digits that `randomDigits` and the 2.6 floor below read as random (most draws). */
function randomNumber(n: number): string {
  for (;;) {
    const v = numericId(n);
    if (randomDigits(v) && shannonEntropy(v) >= 2.6) {
      return v;
    }
  }
}

const teamsRisk = 'anyone with this file can post messages into your Microsoft Teams channel';

export const messagingRules: readonly Rule[] = [
  tokenRule({
    id: 'discord-bot-token',
    provider: 'Discord',
    description: 'Discord bot token',
    risk: 'anyone with this file can run your Discord bot, read its servers and post as it',
    // Older tokens (ids not starting with 1) have no literal to prefilter on, so they need the name they
    // are assigned to, the call they are passed to, or a `Bot ` header; current ones are found bare too.
    keywords: ['discord', 'bot', 'token', '.run(', '.login(', ...BARE_DISCORD_STARTS],
    pattern: new RegExp(
      `(?:(?:(?:${anyCase('discord')}|${anyCase('bot')}|${anyCase('token')})[\\w.-]{0,24}["'\`]?[ \\t]{0,3}(?:=>|:=|=|:|\\(|,)|\\.(?:run|login)\\()` +
        `[ \\t]{0,3}["'\`]?|${anyCase('bot')}[ \\t]{1,3}|${START_TOKEN}(?=MT[AEIMQUYcgk][w-z0-5]))(?<secret>[MNO][A-Za-z0-9_-]{22,26}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,38})${END_TOKEN}`,
    ),
    maxLength: 140,
    minEntropy: 3.5,
    // The first segment is the base64 of the bot's numeric id, the last an HMAC: words or a filler in
    // either place are not a token.
    validate: (token) => {
      const [id = '', , mac = ''] = token.split('.');
      return (
        (/[0-9]/.test(id) || /^[0-9]{17,20}$/.test(decodeBase64(id) ?? '')) &&
        /[0-9A-Z_-]/.test(mac) &&
        shannonEntropy(mac) >= 3.5
      );
    },
    revokeUrl: 'https://discord.com/developers/applications',
    sample: () => {
      const first = Buffer.from(randomFraction() < 0.5 ? `1${numericId(18)}` : numericId(18))
        .toString('base64')
        .replace(/=+$/, '');
      return `${first}.${randomToken(BASE64URL, 6)}.${randomToken(BASE64URL, 38)}`;
    },
    lines: (t) => [
      `DISCORD_TOKEN=${t}`,
      `client.run('${t}')`,
      `await client.login("${t}");`,
      `  "botToken": "${t}"`,
      `headers = {"Authorization": "Bot ${t}"}`,
      ...(t.startsWith('MT') ? [t] : []),
    ],
    negatives: [
      'DISCORD_TOKEN=your-bot-token-here',
      'client.run(os.getenv("DISCORD_TOKEN"))',
      'bot_token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.XXXXXX.XXXXXXXXXXXXXXXXXXXXXXXXXXX"',
      'token: "Mylittlebotnameisnotakey.abcdef.thisisnotasecretvalueatall"',
    ],
  }),
  contextRule({
    id: 'discord-client-secret',
    credentialName: true,
    provider: 'Discord',
    description: 'Discord OAuth2 client secret',
    risk: 'anyone with this file can sign users in as your Discord application and act with their grants',
    words: ['discord'],
    value: '[A-Za-z0-9_-]{32}',
    valueMax: 32,
    // 32 random digits hold 2.6 to 3.3 bits a character (2.8 one draw in a hundred), under the 3.3 asked
    // of a mixed value: a number under a Discord credential name is read as one when it is random
    // (`randomDigits`; gitleaks reads 32 digits there too).
    minEntropy: 2.6,
    validate: (v) => (/^[0-9]+$/.test(v) ? randomDigits(v) : lettersAndDigits(v) && shannonEntropy(v) >= 3.3),
    make: () => (randomFraction() < 0.25 ? randomNumber(32) : randomToken(BASE64URL, 32)),
    revokeUrl: 'https://discord.com/developers/applications',
    negatives: [
      'DISCORD_CLIENT_ID=123456789012345678',
      'DISCORD_REDIRECT_URI=http://localhost:3000/callback',
      // Numbers that are no secret: a run, a repeated digit, one of another length or name.
      'discord_token: 01234567890123456789012345678901',
      'discordSecret = "00000000000000000000000000000000"',
      'discord_token = "4864739827916839044234121463480"',
      'build_token: 64847398279168390442341214634801',
    ],
  }),
  tokenRule({
    id: 'discord-webhook-url',
    provider: 'Discord',
    description: 'Discord webhook URL',
    risk: 'anyone with this file can post messages into your Discord channel',
    keywords: ['discord'],
    pattern: new RegExp(
      `https://(?:(?:ptb|canary)\\.)?discord(?:app)?\\.com/api/(?:v[0-9]{1,2}/)?webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68}${END_TOKEN}`,
    ),
    maxLength: 150,
    validate: randomTail,
    placeholderPart: webhookToken,
    revokeUrl: 'https://support.discord.com/hc/en-us/articles/228383668',
    sample: () => `https://discord.com/api/webhooks/${numericId(19)}/${randomToken(BASE64URL, 68)}`,
    lines: (u) => [`DISCORD_WEBHOOK=${u}`, `webhook_url: "${u}"`, `fetch('${u}', { method: 'POST' })`],
    negatives: [
      'https://discord.com/api/webhooks/000000000000000000/XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      'DISCORD_WEBHOOK=https://discord.com/api/webhooks/<id>/<token>',
      'https://discord.com/developers/docs/resources/webhook',
    ],
  }),
  tokenRule({
    id: 'telegram-bot-token',
    provider: 'Telegram',
    description: 'Telegram bot token',
    risk: 'anyone with this file can control your Telegram bot and read the messages sent to it',
    keywords: [':a'],
    // `A` and 34 characters; Nosey Parker's rule and its examples also take `AA` and 32, as some tokens
    // are. Telegram's own example (`ABC-DEF…`, 34 characters) does not start `AA`.
    // A bot id stands alone or after the API path's `bot`; digits glued to other letters are part of a name
    // (2ms's negative `type="clm99224:AgencyIdentificationCodeContentType"`).
    pattern:
      /(?:(?<=bot)|(?<![A-Za-z0-9:]))[0-9]{5,16}:(?:A[A-Za-z0-9_-]{34}|AA[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
    maxLength: 52,
    minEntropy: 3.5,
    revokeUrl: 'https://t.me/BotFather',
    sample: () => `${numericId(10)}:AA${randomToken(BASE64URL, 33)}`,
    lines: (t) => [
      `TELEGRAM_BOT_TOKEN=${t}`,
      `https://api.telegram.org/bot${t}/sendMessage`,
      `bot = telebot.TeleBot("${t}")`,
    ],
    negatives: [
      '123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'TELEGRAM_BOT_TOKEN=123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11',
      'time 12:30:00',
      'type="clm99224:AgencyIdentificationCodeContentType"',
    ],
  }),
  tokenRule({
    id: 'telegram-bot-token-named',
    provider: 'Telegram',
    description: 'Telegram bot token (after the word Telegram)',
    risk: 'anyone with this file can control your Telegram bot and read the messages sent to it',
    keywords: ['telegram', 'tgram://'],
    // Any 35-character secret, not only `A…`, where the word or Apprise's `tgram://` scheme names it, as
    // Kingfisher's rule reads it (`telegram: <id>:<secret>`): the word carries the proof the `A` gives.
    pattern: new RegExp(
      near(`(?:${anyCase('telegram')}|tgram://)`, '[0-9]{8,10}:[A-Za-z0-9_-]{35}', '(?![A-Za-z0-9_-])', 16),
    ),
    maxLength: 72,
    minEntropy: 3.5,
    // A secret that opens with `A` is `telegram-bot-token`'s, found with or without the word.
    validate: (t) => {
      const secret = t.slice(t.indexOf(':') + 1);
      return !secret.startsWith('A') && /[A-Z]/.test(secret) && /[a-z]/.test(secret) && /[0-9]/.test(secret);
    },
    revokeUrl: 'https://t.me/BotFather',
    sample: () =>
      `${numericId(10)}:${randomToken('BCDEFGHJKLMNPQRSTUVWXYZ', 1)}${randomToken(BASE64URL, 34)}`,
    lines: (t) => [`telegram: ${t}`, `tgram://${t}/-1001234567`, `TELEGRAM_TOKEN = "${t}"`],
    negatives: [
      'telegram: 123456789:xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'telegram_chat_id = 1234567890:abcdefghijklmnopqrstuvwxyzabcdefghi',
      `# telegram notes\n${'x'.repeat(30)} 1234567890:${'Ab1'.repeat(11)}xy`,
    ],
  }),
  tokenRule({
    id: 'teams-incoming-webhook-url',
    provider: 'Microsoft Teams',
    description: 'Microsoft Teams incoming webhook URL',
    risk: teamsRisk,
    keywords: ['webhook.office.com', 'outlook.office.com/webhook', 'outlook.office365.com/webhook'],
    pattern: new RegExp(
      // `<group id>@<tenant id>`, a 32-character id and the owner's id: trufflehog takes each id as letters,
      // digits and dashes, not only UUIDs, so the path's fixed words and lengths carry the proof.
      `https://(?:[A-Za-z0-9-]{1,40}\\.webhook\\.office\\.com/webhookb2|outlook\\.office(?:365)?\\.com/webhook)/[A-Za-z0-9@-]{36,100}/IncomingWebhook/[A-Za-z0-9-]{32}/[A-Za-z0-9-]{36}(?:/[A-Za-z0-9_-]{20,80})?${END_TOKEN}`,
    ),
    maxLength: 345,
    minEntropy: 3.5,
    revokeUrl:
      'https://learn.microsoft.com/microsoftteams/platform/webhooks-and-connectors/how-to/add-incoming-webhook',
    // A UUID path as Teams issues it, or trufflehog's draw: ids of letters, digits, dashes and the `@`.
    sample: () => {
      const alnum = BASE64URL.replace(/[-_]/g, '');
      const ids = (n: number): string => randomToken(`${alnum}-`, n);
      return randomToken('01', 1) === '0'
        ? `https://contoso.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${randomToken(HEX, 32)}/${uuid()}/V2${randomToken(BASE64URL, 40)}`
        : `https://${randomToken(alnum, 10)}.webhook.office.com/webhookb2/${ids(40)}@${ids(32)}/IncomingWebhook/${randomToken(alnum, 32)}/${ids(36)}`;
    },
    lines: (u) => [
      `TEAMS_WEBHOOK_URL=${u}`,
      `  teams_webhook: "${u}"`,
      u,
      `microsoftteamswebhook token = '${u}'`,
    ],
    negatives: [
      'https://contoso.webhook.office.com/webhookb2/<group-id>@<tenant-id>/IncomingWebhook/<id>/<owner>',
      'https://outlook.office.com/webhook/xxxxxxxx',
      // The owner's id one character short, and a placeholder path.
      `https://uQu9muaokn.webhook.office.com/webhookb2/8IoQDUDl-eqlp-q0zl-tlhi-HTxVfS864oTv@Fk3pDq0x-Lm2e-Qa7c-Rt5w-Yb8nHs1Jc4Ue/IncomingWebhook/${'Kd8sPq2LmZx4Vn7R'.repeat(2)}/uiqxkMLH-gw-a-Pq3c-Ld8e-Hs2Jc4Ue7Nb`,
      'https://contoso.webhook.office.com/webhookb2/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx@xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx/IncomingWebhook/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx',
    ],
  }),
  tokenRule({
    id: 'teams-workflow-webhook-url',
    provider: 'Microsoft Teams',
    description: 'Microsoft Teams workflow (Power Automate) webhook URL',
    risk: teamsRisk,
    keywords: ['logic.azure.com', 'environment.api.powerplatform.com'],
    pattern: new RegExp(
      '(?<![A-Za-z0-9])https://[a-z0-9.-]{1,48}\\.(?:logic\\.azure\\.com(?::443)?/workflows/[a-f0-9]{32}|environment\\.api\\.powerplatform\\.com(?::443)?/powerautomate/automations/direct/workflows/[a-f0-9]{32})' +
        `/triggers/[A-Za-z0-9_.-]{1,64}/paths/invoke\\?[A-Za-z0-9%=&._-]{0,200}?sig=(?<secret>[A-Za-z0-9_%-]{40,100})${END_TOKEN}`,
    ),
    maxLength: 570,
    minEntropy: 4,
    revokeUrl: 'https://make.powerautomate.com/',
    sample: () => randomToken(BASE64URL, 43),
    lines: (sig) => {
      const u = `https://prod-27.westus.logic.azure.com:443/workflows/${randomToken(HEX, 32)}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=${sig}`;
      return [`TEAMS_WORKFLOW_URL=${u}`, `  url: "${u}"`];
    },
    negatives: [
      'https://prod-00.westus.logic.azure.com:443/workflows/<id>/triggers/manual/paths/invoke?api-version=2016-06-01&sig=<signature>',
    ],
  }),
  tokenRule({
    id: 'mattermost-access-token',
    provider: 'Mattermost',
    description: 'Mattermost personal access or bot token',
    risk: 'anyone with this file can read and post in your Mattermost team as this user or bot',
    severity: 'warning',
    keywords: ['mattermost'],
    pattern: new RegExp(assignedTo(anyCase('mattermost'), '[a-z0-9]{26}', END_ALNUM)),
    maxLength: 110 + NAME_REACH,
    minEntropy: 3.2,
    validate: (v) => /[0-9]/.test(v) && /[a-z]/.test(v),
    sample: () => randomToken(LOWER_ALNUM, 26),
    negatives: [
      'MATTERMOST_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxx',
      'mattermost_url: https://chat.example.com',
      'MATTERMOST_BOT_NAME=deploymentnotifierbotname',
    ],
  }),
  tokenRule({
    id: 'pusher-app-secret',
    provider: 'Pusher',
    description: 'Pusher Channels app secret',
    risk: 'anyone with this file can publish events to your Pusher channels and authorise private ones',
    severity: 'warning',
    keywords: ['pusher'],
    pattern: new RegExp(
      assignedTo(`${anyCase('pusher')}[\\w.-]{0,16}${anyCase('secret')}`, '[a-f0-9]{20}', END_ALNUM),
    ),
    maxLength: 132 + NAME_REACH,
    minEntropy: 2.4,
    revokeUrl: 'https://dashboard.pusher.com/',
    sample: () => randomToken(HEX, 20),
    negatives: [
      'PUSHER_APP_SECRET=your-app-secret',
      `PUSHER_APP_KEY=${'a1b2c3d4e5'.repeat(2)}`,
      'PUSHER_APP_SECRET="${PUSHER_APP_SECRET}"',
    ],
  }),
  tokenRule({
    id: 'telnyx-api-key',
    provider: 'Telnyx',
    description: 'Telnyx API v2 key',
    risk: 'anyone with this file can send messages and place calls on your Telnyx account, on your bill',
    severity: 'warning',
    keywords: ['telnyx'],
    // `KEY`, 32 hex digits in capitals, `_` and 22 more (trufflehog and Kingfisher read `KEY` and 55 of
    // `[0-9A-Za-z_-]`), after the word on its line, assigned or not: the shape is the proof.
    pattern: new RegExp(near(anyCase('telnyx'), 'KEY[0-9A-Za-z_-]{55}', END_TOKEN)),
    maxLength: 110,
    minEntropy: 3.5,
    revokeUrl: 'https://portal.telnyx.com/#/app/api-keys',
    sample: () => `KEY${randomToken(HEX, 32).toUpperCase()}_${randomToken(BASE64URL, 22)}`,
    lines: (t) => [`TELNYX_API_KEY=${t}`, `telnyx = ${t}`, `  "telnyx": { "apiKey": "${t}" }`],
    negatives: ['TELNYX_API_KEY=KEY_your_telnyx_api_key_here', `telnyx: KEY${'X'.repeat(55)}`],
  }),
];
