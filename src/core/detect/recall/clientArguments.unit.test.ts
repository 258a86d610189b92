import { ALNUM, HEX, randomToken } from '../random';
import { findClientArguments } from './clientArguments';
import { assertHidden, assertUntouched } from './spanCases';

/** A base64 draw with its `+` and `/`, as a key's bytes encode. */
const base64 = (): string => `${randomToken(ALNUM, 18)}+/${randomToken(ALNUM, 18)}`;

describe("redact tier: a hex or base64 key in an API client's call (clientArguments.ts)", () => {
  it('hides the key a client, a login, an init or a signer is given, in any position', () => {
    for (const line of [
      (k: string) => `const stripe = require('stripe')('${k}');`,
      (k: string) => `$stripe = new \\Stripe\\StripeClient('${k}');`,
      (k: string) => `g = Github("${k}")`,
      (k: string) => `bot = telebot.TeleBot("${k}")`,
      (k: string) => `client.login('${k}');`,
      (k: string) => `const client = require('twilio')(accountSid, '${k}');`,
      (k: string) => `Twilio.init(ACCOUNT_SID, "${k}");`,
      (k: string) => `const supabase = createClient('https://xyzcompany.supabase.co', '${k}')`,
      (k: string) => `client = SearchClient.create('APPID1234', '${k}')`,
      (k: string) => `signer = Joken.Signer.create("HS256", "${k}")`,
      (k: string) => `SELECT pgp_sym_decrypt(data, '${k}') FROM secrets;`,
      (k: string) => `@client = Twilio::REST::Client.new("AC0123", "${k}")`,
      (k: string) => `AwsBasicCredentials creds = AwsBasicCredentials.create("AKIA0123", "${k}");`,
      // Go's clients: slack-go, go-openai, go-github's token option.
      (k: string) => `api := slack.New("${k}")`,
      (k: string) => `client := openai.NewClient("${k}")`,
      (k: string) => `gh := github.NewClient(nil).WithAuthToken("${k}")`,
      // Bots, search clients and SDKs initialised with their key.
      (k: string) => `const bot = new TelegramBot('${k}', { polling: true });`,
      (k: string) => `updater = Updater("${k}", use_context=True)`,
      // Twilio's Node library called with `new`, pysnmp's SNMPv3 user with its auth and privacy keys (hunt M).
      (k: string) => `const client = new twilio('AC0123', '${k}');`,
      (k: string) => `auth = UsmUserData("monitor", "${k}", authProtocol=usmHMACSHAAuthProtocol)`,
      // go-openai's Azure configuration, and a call a formatter broke over lines (hunt O).
      (k: string) => `config := openai.DefaultAzureConfig("${k}", "https://example-eu.openai.azure.com/")`,
      (k: string) =>
        `const supabase = createClient(\n  'https://demo.supabase.co',\n  '${k}' // service_role\n)`,
      (k: string) => `const algolia = algoliasearch('ABCD1234', '${k}');`,
      (k: string) => `Geocoder.init("${k}", { language: "en" });`,
    ]) {
      const [hex, b64] = [randomToken(HEX, 32), base64()];
      assertHidden(findClientArguments, line(hex), [hex]);
      assertHidden(findClientArguments, line(b64), [b64]);
    }
  });

  it('hides a draw of both cases and digits there too, where generatedLiterals asks it to look drawn', () => {
    const mixed = `${randomToken(ALNUM, 20)}aZ9x`;
    assertHidden(findClientArguments, `bot.run("${mixed}")`, [mixed]);
  });

  it('leaves digests, data and ids given to other calls, and words given to clients', () => {
    const hex = randomToken(HEX, 40);
    for (const text of [
      `assert.equal(sha1(body), '${hex}');`,
      `checkout('${hex}')`,
      `const blob = Buffer.from('${base64()}', 'base64');`,
      `new Client('https://api.example.org', { timeout: 30 })`,
      `client.login('deploy-user')`,
      'g = Github(token)',
    ]) {
      assertUntouched(findClientArguments, text);
    }
  });
});
