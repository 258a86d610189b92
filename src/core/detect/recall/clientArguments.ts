import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';

// A key handed to an API client's constructor or login call with no name beside it: `require('stripe')('…')`,
// `Github("…")`, `new TelegramBot('…')`, `Updater("…")`, `algoliasearch(appId, '…')`, an SDK's `Geocoder.init('…')`,
// Go's `slack.New("…")`, `openai.NewClient("…")` and `….WithAuthToken("…")`, `telebot.TeleBot("…")`, `Twilio.init(ACCOUNT_SID, "…")`, `createClient(url, '…')`,
// `SearchClient.create('APPID', '…')`, `Joken.Signer.create("HS256", "…")`, SQL's `pgp_sym_decrypt(data, '…')`
// and ClickHouse's `s3(url, key_id, '…')`. Hunt H (2026-12-07) sent these whenever the key was hex or base64
// with `+` or `/`, which generatedLiterals.ts leaves under any name (digests, object ids and data look so
// too); in such a call's arguments they are the key.

/** Base64's and hex's characters: the runs a value is looked for in. */
const TOKEN = alnumTable('+/=');
/** Fewest characters of a value: a 32-character hex key, a base64 key of 20 and more. */
const MIN_RUN = 20;
/** How far back from the literal its call's `(` is looked for. */
const CALL_REACH = 160;

/**
 * The callee, up to its `(`: a client's or a credential's constructor (`…Client`, `…Credential(s)`, `TeleBot`,
 * `Github`, `StripeClient`, `Session`, pysnmp's `UsmUserData`), a library called on its key (`require('stripe')`,
 * `twilio`, `new twilio(sid, '…')`), or a
 * login, init or signer call (`client.login`, `bot.run`, `Twilio.init`, `Signer.create`, `SearchClient.create`).
 */
const CALLEE =
  /(?:\b(?:new[ \t]{1,4})?[\w\\.$]{0,60}(?:Client|Credentials?|TeleBot|TelegramBot|Telegraf|Updater|Bot|Github|Stripe|Twilio|twilio|UsmUserData|Mailjet|Session|Connection|createClient|algoliasearch|hmacShaKeyFor|SymmetricSecurityKey|mysql_real_connect|AuthenticationHeaderValue|CredentialsProvider|createUser)(?:\.new|::new)?|\brequire\([ \t]{0,4}["'](?:stripe|twilio)["'][ \t]{0,4}\)|\b(?:client|bot|discord|Client|Bot)\.(?:login|run)|\b(?:slack|openai|discordgo|tgbotapi|linebot)\.New(?:Client|BotAPI)?|\bopenai\.Default(?:Azure)?Config|\.(?:WithAuthToken|SetAuthToken|WithToken|WithAPIKey|WithApiKey)|\b(?:Twilio|TwilioClient)\.(?:init|Init)|\b[A-Za-z]\w{0,40}\.init|\b\w{0,40}(?:Signer|SearchClient|Client|Credentials)\.create|\b(?:pgp_sym_(?:en|de)crypt|AES_(?:EN|DE)CRYPT|aes_(?:en|de)crypt|s3|MySQL|PostgreSQL|mysql|postgresql)|\b(?:basic_auth|WithCredentials|basicAuth|auth\.basic))[ \t]{0,4}$/;

export const findClientArguments: RecallDetector = (text, out) => {
  const runs = longRuns(text, TOKEN, MIN_RUN);
  for (let r = 0; r < runs.length; r += 2) {
    readArgument(text, runs[r]!, runs[r + 1]!, out);
  }
};

/** Hides the run [start, end) if it is a quoted hex or base64 key in a client call's arguments. */
function readArgument(text: string, start: number, end: number, out: RecallSpan[]): void {
  const quote = text[start - 1];
  if ((quote !== '"' && quote !== "'" && quote !== '`') || text[end] !== quote) {
    return;
  }
  const value = text.slice(start, end);
  const hex = /^[0-9a-fA-F]{32,128}$/.test(value);
  const base64 = /^[A-Za-z0-9+/]{20,512}={0,2}$/.test(value) && /[+/]/.test(value);
  // Letters of both cases and digits, 20 or more: generatedLiterals.ts takes these only when they look drawn
  // (a 24-character draw sits near its bound); in these calls a mix of the three is enough.
  const mixed = /^(?=[^a-z]*[a-z])(?=[^A-Z]*[A-Z])(?=\D*\d)[A-Za-z0-9]{20,512}$/.test(value);
  if (
    !(hex
      ? looksRandom(value) || /\d/.test(value)
      : mixed || (base64 && looksRandom(value.replace(/[+/=]/g, ''))))
  ) {
    return;
  }
  const open = callOpen(text, start - 1);
  if (open !== undefined && CALLEE.test(text.slice(Math.max(0, open - 80), open))) {
    out.push({ start, end, kind: 'key' });
  }
}

/**
 * The `(` of the call whose arguments hold the literal that opens at `quote`: read back over the arguments
 * before it (literals, names, `,`, and the lines a formatter broke them onto: `createClient(⏎  url,⏎  '…'`), no
 * further than `CALL_REACH`; undefined when another bracket or a statement's end comes first.
 */
function callOpen(text: string, quote: number): number | undefined {
  const floor = Math.max(0, quote - CALL_REACH);
  let inString: string | undefined;
  for (let i = quote - 1; i >= floor; i--) {
    const c = text[i]!;
    if (inString !== undefined) {
      if (c === inString) {
        inString = undefined;
      }
    } else if (c === '"' || c === "'") {
      inString = c;
    } else if (c === '(') {
      return i;
    } else if (c === ')' || c === ';' || c === '{' || c === '}') {
      return undefined;
    }
  }
  return undefined;
}
