import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, DIGITS, HEX, randomToken } from '../random';
import { scan } from '../scanner';
import { freshSample } from './ruleKit';

// Formats the peers' cases hold beyond what the providers issue today (bodies outside the documented
// alphabet or length); each case is built here from the shape, never stored.
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Letters of both cases and digits, with no placeholder's word, run or sequence (see `freshSample`). */
const mixed = (n: number): string => {
  for (;;) {
    const v = freshSample(() => randomToken(ALNUM, n));
    if (/[A-Z]/.test(v) && /[a-z]/.test(v) && /[0-9]/.test(v)) {
      return v;
    }
  }
};

describe('widened provider formats', () => {
  it('age: any upper-case body of 58 after the prefix, not 57 or lower case', () => {
    for (let i = 0; i < 10; i++) {
      const body = randomToken(UPPER, 58);
      assert.deepEqual(ids(`ageToken = "AGE-SECRET-KEY-1${body}"`), ['age-secret-key']);
      assert.ok(!ids(`AGE-SECRET-KEY-1${body.slice(1)}`).includes('age-secret-key'));
      assert.ok(!ids(`AGE-SECRET-KEY-1${body.toLowerCase()}`).includes('age-secret-key'));
    }
  });

  it('1Password: ops_ then a long random base64 body, with or without the JSON head', () => {
    for (let i = 0; i < 5; i++) {
      assert.deepEqual(ids(`OP_SERVICE_ACCOUNT_TOKEN=ops_${mixed(600)}`), [
        '1password-service-account-token',
      ]);
      assert.ok(!ids(`ops_${mixed(120)}`).includes('1password-service-account-token'));
      assert.ok(!ids(`ops_${'abcd'.repeat(100)}`).includes('1password-service-account-token'));
    }
  });

  it('Slack legacy tokens with letters in their leading parts', () => {
    for (let i = 0; i < 10; i++) {
      const t = `xoxa-${randomToken(ALNUM, 2)}-${mixed(40)}`;
      assert.deepEqual(ids(`slack_token: '${t}'`), ['slack-legacy-token']);
      assert.ok(!ids(`xoxa-${randomToken(ALNUM, 2)}-your-token`).includes('slack-legacy-token'));
    }
  });

  it('Bedrock short-term keys: the issued form, or a random mixed-case body; not a name', () => {
    for (let i = 0; i < 10; i++) {
      assert.deepEqual(ids(`key := "bedrock-api-key-${mixed(28)}"`), ['aws-bedrock-short-term-key']);
      assert.deepEqual(ids(`bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${randomToken(BASE64, 400)}`), [
        'aws-bedrock-short-term-key',
      ]);
      assert.ok(!ids(`bedrock-api-key-${randomToken(ALNUM, 20)}`).includes('aws-bedrock-short-term-key'));
      assert.ok(
        !ids(`bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${randomToken(BASE64, 40)}.`).includes(
          'aws-bedrock-short-term-key',
        ),
      );
    }
  });

  it('Facebook EAA tokens, bare or named; not lower case, not short, not letters alone', () => {
    for (let i = 0; i < 10; i++) {
      const t = `EAA${randomToken('BCDEFGHIJKLMNOPQRSTUVWXYZbcdefghijklmnopqrstuvwxyz', 1)}${mixed(150)}`;
      assert.deepEqual(ids(t), ['facebook-access-token']);
      assert.deepEqual(ids(`  value: "${t}"`), ['facebook-access-token']);
      assert.ok(!ids(`eaa${mixed(150)}`).includes('facebook-access-token'));
      assert.ok(!ids(`EAAo${mixed(60)}`).includes('facebook-access-token'));
      assert.ok(!ids(`EAAA${mixed(150)}`).includes('facebook-access-token'));
      assert.ok(!ids(`EAA${randomToken(UPPER, 150)}`).includes('facebook-access-token'));
    }
  });

  it('Mapbox: a dotted pk. body of letters and digits after a Mapbox word, not bare', () => {
    for (let i = 0; i < 10; i++) {
      // Lower-cased after the draw, so drawn again when that makes a placeholder's run (`xXxX` -> `xxxx`).
      const t = freshSample(() => `pk.${mixed(60).toLowerCase()}.${mixed(22).toLowerCase()}`);
      assert.deepEqual(ids(`mapbox_token: ${t}`), ['mapbox-public-token']);
      assert.deepEqual(ids(`mapboxToken = "${t}"`), ['mapbox-public-token']);
      assert.ok(!ids(`token = "${t}"`).includes('mapbox-public-token'));
      assert.ok(!ids(`mapbox_token: pk.${mixed(60)}`).includes('mapbox-public-token'));
    }
  });

  it('Vault pre-1.10 tokens (s., b., r., and long s.) under a Vault name; not under other names', () => {
    for (let i = 0; i < 10; i++) {
      for (const t of [`b.${mixed(26)}`, `r.${mixed(26)}`, `s.${mixed(26)}-${mixed(4)}_${mixed(70)}`]) {
        assert.deepEqual(ids(`VAULT_CLIENT_TOKEN="${t}"`), ['vault-named-token']);
        assert.deepEqual(ids(`\`-vaultToken ${t}"\``), ['vault-named-token']);
        assert.ok(!ids(`cache_entry = ${t}`).includes('vault-named-token'));
      }
      assert.deepEqual(ids(`apikey: hvb.${mixed(37)}`), ['vault-batch-token']);
      assert.ok(!ids(`apikey: hvb.${mixed(20)}`).includes('vault-batch-token'));
    }
  });

  it('Telegram bot tokens with an AA secret of 34 characters, bare', () => {
    for (let i = 0; i < 10; i++) {
      const id = `7${randomToken(DIGITS, 9)}`;
      assert.deepEqual(ids(`${id}:AA${mixed(32)}`), ['telegram-bot-token']);
      assert.ok(!ids(`${id}:AB${mixed(32)}`).includes('telegram-bot-token'));
    }
  });

  it('Azure DevOps 52-character PATs of any lower-case letters and digits, under an ADO name', () => {
    for (let i = 0; i < 10; i++) {
      const t = mixed(52).toLowerCase();
      assert.deepEqual(ids(`    ado_pat =  "${t}"`), ['azure-devops-legacy-pat']);
      assert.deepEqual(ids(`    build_label =  "${t}"`), []);
    }
  });

  it('Facebook app secrets under fbApiKey-style names', () => {
    for (let i = 0; i < 10; i++) {
      const t = freshSample(() => randomToken(HEX, 32));
      assert.deepEqual(ids(`     fbApiKey: "${t}",`), ['facebook-app-secret']);
      assert.deepEqual(ids(`var fb_api_key = '${t}';`), ['facebook-app-secret']);
      // An aligned column of values, as Nosey Parker's own example lays it out.
      assert.deepEqual(ids(`     fbApiKey:            "${t}",`), ['facebook-app-secret']);
      assert.deepEqual(ids(`  fb_api_key:\t\t\t${t}`), ['facebook-app-secret']);
    }
  });

  it('kubeadm tokens behind the default id abcdef: the secret part, unless it is the documented one', () => {
    for (let i = 0; i < 10; i++) {
      const secret = `${freshSample(() => randomToken(HEX, 15))}7`;
      const found = scan(`--tls-bootstrap-token abcdef.${secret}`);
      assert.deepEqual(
        found.map((f) => [f.ruleId, f.end - f.start]),
        [['kubernetes-bootstrap-token', 16]],
      );
      assert.deepEqual(ids('--tls-bootstrap-token abcdef.0123456789abcdef'), []);
    }
  });

  it('Mailgun key- values as the fallback of a Mailgun name', () => {
    for (let i = 0; i < 10; i++) {
      const k = `key-${freshSample(() => randomToken(HEX, 32))}`;
      assert.deepEqual(ids(`var apiKey = process.env.MAILGUN_API || '${k}'`), ['mailgun-api-key']);
      assert.deepEqual(ids(`const key = process.env.CACHE_PREFIX || '${k}'`), []);
    }
  });
});
