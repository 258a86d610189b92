import * as assert from 'node:assert/strict';
import {
  ALNUM,
  BASE64URL,
  DIGITS,
  HEX,
  LOWER_ALNUM,
  UPPER_HEX,
  randomToken,
  randomFraction,
} from '../random';
import { scan } from '../scanner';
import { numericId, uuid } from './ruleParts';

// The peers' own "must not match" cases, as shapes: a value one character too long, a prefix before
// the wrong alphabet, a base62 body with a few marks typed into it, a name that says the value is not
// real. The report tier is precision-first: none of these is reported, while the true shapes beside
// them still are. Every value is drawn here, on each run.

/** Ids of the rules that report something in `text`. */
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

/** Inserts `marks` at a random place in `body`. */
function typedInto(body: string, marks: string): string {
  const at = 1 + Math.floor(randomFraction() * (body.length - 2));
  return body.slice(0, at) + marks + body.slice(at);
}

/** `n` letters in one case, chosen at random. */
const oneCase = (n: number): string =>
  randomToken(randomFraction() < 0.5 ? 'abcdefghijklmnopqrstuvwxyz' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', n);

// What a drawn Django key must not hold to test what its test says: `&&` reads as code, `***` and
// `xxxx` as a mask, and `your`/`todo` as a placeholder word (each about 1 key in 40,000 by chance).
const MASKED = /&&|\*\*\*|xxxx|your|todo/;

describe('near misses the report tier leaves alone, beside the true shapes', () => {
  it('generic-secret: a base62 body with a few shell or format marks typed into it', () => {
    for (const marks of ['%c^', '$', '|', '?', ';', '+()', '^.$.&', '!', '@', '!@']) {
      const value = typedInto(randomToken(ALNUM, 40), marks);
      assert.deepEqual(ids(`bitlyToken := "${value}"`), [], marks);
    }
  });

  it('wandb-legacy-api-key: 40 hex digits under a W&B key name; another length there is a near miss', () => {
    const key = randomToken(HEX, 40);
    for (const name of ['WANDB_API_KEY = ', 'wandb_key: ', 'wandbApiKey := "']) {
      assert.deepEqual(ids(`${name}${key}`), ['wandb-legacy-api-key'], name);
      assert.deepEqual(ids(`${name}local-${key}`), ['wandb-legacy-api-key'], name);
      // Two digits short (the peers' negative) or mixed case: no W&B key, and no generic finding.
      assert.deepEqual(ids(`${name}${key.slice(0, 34)}`), [], name);
      assert.deepEqual(ids(`${name}${randomToken(ALNUM, 40)}`), [], name);
    }
    // Not W&B's key name: the generic rule judges the value as before.
    assert.deepEqual(ids(`WANDB_WEBHOOK_SECRET = '${randomToken(ALNUM, 34)}7'`), ['generic-secret']);
  });

  it('infracost-api-key: a key is reported, an icon file name holding a hash is not', () => {
    const body = `${randomToken(ALNUM, 30)}a7`;
    assert.deepEqual(ids(`icoToken := "ico-${body}"`), ['infracost-api-key']);
    assert.deepEqual(ids(`INFRACOST_API_KEY=ico-${body}`), ['infracost-api-key']);
    assert.deepEqual(ids(`<img src="/assets/video_box.ico-${randomToken(HEX, 32)}.png">`), []);
  });

  it('generic-secret: a lower-case body with a `?` typed into it, beside the same body without', () => {
    // No lower-case token alphabet holds `?` (Django's has no `?` either), so one or two in a base36 body
    // were typed in: the peers' near misses for npm, NuGet and Supabase tokens are drawn this way.
    for (const marks of ['?', '??', '?-']) {
      const body = `${randomToken(LOWER_ALNUM, 20)}7${randomToken(LOWER_ALNUM, 19)}`;
      assert.deepEqual(ids(`nugetapikey = '${typedInto(body, marks)}'`), [], marks);
      assert.deepEqual(ids(`supabase_token = 'sbp_${typedInto(body, marks)}'`), [], marks);
      assert.deepEqual(ids(`nugetapikey = '${body}'`), ['generic-secret'], body);
    }
  });

  it('generic-secret: still a lower-case secret whose marks, `?` among them, are dense', () => {
    // One character in four a mark, spread through the value: a generator's, which the rule keeps.
    for (let i = 0; i < 10; i++) {
      const parts = [0, 1, 2, 3, 4, 5].map(() => `${randomToken(LOWER_ALNUM, 2)}7`);
      const value = `${parts[0]}?${parts[1]}!${parts[2]}?${parts[3]}@${parts[4]}?${parts[5]}`;
      assert.deepEqual(ids(`app_secret = '${value}'`), ['generic-secret'], value);
    }
  });

  it('generic-secret: a short base62 body with four marks typed into one spot', () => {
    // Four marks in 28 characters are too many for the one-in-ten count, but side by side and nowhere
    // else they were typed in, not generated.
    for (const marks of ['%^&*', '$(|)', '?;,*^']) {
      const value = typedInto(`I_${randomToken(ALNUM, 14)}_${randomToken(ALNUM, 8)}`, marks);
      assert.deepEqual(ids(`blitAppKey := "${value}"`), [], marks);
    }
  });

  it('generic-secret: still a key whose few marks are spread through it', () => {
    // The same marks apart are a generated password's: the rule keeps it.
    for (let i = 0; i < 10; i++) {
      const parts = [0, 1, 2, 3, 4].map(() => randomToken(ALNUM, 6));
      const value = `${parts[0]}%${parts[1]}^${parts[2]}&${parts[3]}*${parts[4]}`;
      if (!/[A-Z]/.test(value) || !/\d/.test(value)) {
        continue;
      }
      assert.deepEqual(ids(`blitAppKey := "${value}"`), ['generic-secret'], value.length.toString());
    }
  });

  it('generic-secret: still a key whose marks are dense (a Django key under another name)', () => {
    // Django's alphabet less `$` and `%`, and no `&&`: a key holding `$(`, `%(`, `%x…%` or `&&` reads as
    // a reference, a format or code to the rule, and `***` or `xxxx` a mask: separate matters from the marks.
    // Under `SECRET_KEY` the key is django-secret-key's, which takes the whole alphabet (frameworkKeys).
    const django = 'abcdefghijklmnopqrstuvwxyz0123456789!@#^&*(-_=+)';
    for (let i = 0; i < 10; i++) {
      let key = randomToken(django, 50);
      while (MASKED.test(key)) {
        key = randomToken(django, 50);
      }
      assert.deepEqual(ids(`SESSION_SECRET = '${key}'`), ['generic-secret'], key.length.toString());
    }
  });

  it('generic-secret: a Django key that opens on a bracket or holds a long lower-case run', () => {
    // Both were read as a label or as words (about 1 draw in 1,300 of Django's alphabet).
    const inner = 'abcdefghijklmnopqrstuvwxyz0123456789!@#^&*-_=+';
    const draw = (make: () => string): string => {
      for (;;) {
        const key = make();
        if (!MASKED.test(key)) {
          return key;
        }
      }
    };
    const marks = '!@#^*-_=+0123456789';
    const keys = [
      draw(() => `(${randomToken(inner, 20)})${randomToken(inner, 20)}#=)`),
      draw(() => `${randomToken(marks, 20)}tamerolinepasu${randomToken(marks, 16)}`),
    ];
    for (const key of keys) {
      assert.deepEqual(ids(`SECRET_KEY = '${key}'`), ['generic-secret'], key);
    }
  });

  it('generic-secret: a regular expression given to a token-like name is a pattern, not a value', () => {
    for (const pattern of [
      '(?![A-Za-z0-9_-])',
      '(?<![A-Za-z0-9_-])',
      `[^'"]{${randomToken(DIGITS, 2)},}\\d+`,
    ]) {
      assert.deepEqual(ids(`export const END_TOKEN = '${pattern}';`), [], pattern);
    }
  });

  it('generic-secret: a value of one-case word parts is a name or a template', () => {
    const value = `${randomToken(ALNUM, 17)}_${oneCase(3)}_${oneCase(4)}_${oneCase(5)}_${oneCase(12)}`;
    assert.deepEqual(ids(`--set kubeconfig.token.token="${value}"`), []);
    assert.deepEqual(ids(`OC_TOKEN=${randomToken(BASE64URL, 50)}`).length, 1);
  });

  it('generic-secret: a name that says the value is not real or not a credential', () => {
    const value = randomToken(ALNUM, 24);
    const notReal = ['nonMatchingToken', 'invalid_api_key', 'FAKE_TOKEN', 'mockSecret'];
    for (const name of [...notReal, 'authenticity_token']) {
      assert.deepEqual(ids(`${name} = "${value}"`), [], name);
    }
    assert.deepEqual(ids(`matchingToken = "${value}"`), ['generic-secret']);
  });

  it('generic-secret: a value holding `=` after a colon is not a type annotation', () => {
    const text = `brandfetch credentials: ${randomToken(ALNUM, 19)}=${randomToken(ALNUM, 20)}`;
    assert.deepEqual(ids(text), []);
    assert.deepEqual(ids(`api_key: str = "${randomToken(ALNUM, 32)}"`), ['generic-secret']);
  });

  it('Hugging Face: hf_ and 34 characters, not 40', () => {
    assert.deepEqual(ids(`HUGGINGFACE_API_TOKEN=hf_${randomToken('abcdefghijklmnopqrstuvwxyz', 40)}`), []);
    assert.deepEqual(ids(`HF_TOKEN=hf_${randomToken(ALNUM, 34)}`), ['huggingface-access-token']);
  });

  it('Hugging Face: random letters that fall into camelCase humps are a token, words are an identifier', () => {
    // A drawn token of capitals each followed by small consonants: camelCase by chance, no words.
    const consonants = 'bcdfghjklmnpqrstvwz';
    const body = [4, 3, 5, 3, 4, 3, 5, 3, 4]
      .map((n) => randomToken(consonants.toUpperCase(), 1) + randomToken(consonants, n - 1))
      .join('');
    assert.deepEqual(ids(`HF_TOKEN=hf_${body}`), ['huggingface-access-token'], body);
    assert.deepEqual(ids('from transformers import 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'), []);
  });

  it('LangSmith: lsv2_ and two hex parts, not other letters', () => {
    const key = `lsv2_pt_${randomToken(HEX, 32)}_${randomToken(HEX, 10)}`;
    assert.deepEqual(ids(key), ['langsmith-api-key']);
    assert.deepEqual(ids(`LANGSMITH_API_KEY=${key}`), ['langsmith-api-key']);
    const typed = `lsv2_pt_${randomToken(HEX, 16)}q${randomToken(HEX, 15)}_${randomToken(HEX, 10)}`;
    assert.deepEqual(ids(typed), []);
    assert.deepEqual(ids(`LANGSMITH_API_KEY=${typed}`), []);
  });

  it('Heroku: HRKU-AA and 58 characters, not 57', () => {
    const body = randomToken(ALNUM, 57);
    assert.deepEqual(ids(`HEROKU_API_KEY=HRKU-AA${body}${randomToken(ALNUM, 1)}`), ['heroku-api-key']);
    assert.deepEqual(ids(`HEROKU_API_KEY=HRKU-AA${body}`), []);
    assert.deepEqual(ids(`  "secret1": "HRKU-AA${body}",`), []);
  });

  it('Cloudflare: cfat_ and 48 characters, not 49', () => {
    const body = randomToken(ALNUM, 40) + randomToken(HEX, 8);
    assert.deepEqual(ids(`cfat_${body}`), ['cloudflare-account-api-token']);
    assert.deepEqual(ids(`cfat_${body}${randomToken(ALNUM, 1)}`), []);
  });

  it('Stripe: a live key ends like a token, not at a dash', () => {
    const text = `Using Key=sk_live_${randomToken(ALNUM, 26)}-${randomToken(ALNUM, 66)}`;
    assert.ok(!ids(text).includes('stripe-secret-key'));
    assert.deepEqual(ids(`Using Key=sk_live_${randomToken(ALNUM, 99)}`), ['stripe-secret-key']);
  });

  it('GitLab: glpat- before 64 hex digits is no personal access token', () => {
    assert.ok(!ids(`client_secret: glpat-${randomToken(HEX, 64)}`).includes('gitlab-pat'));
    assert.deepEqual(ids(`GITLAB_TOKEN=glpat-${randomToken(ALNUM, 20)}`), ['gitlab-pat']);
  });

  it('curl: a few lower-case letters as the password are a stand-in; a real one is reported', () => {
    const word = randomToken('abcdefghijklmnopqrstuvwxyz', 4);
    assert.deepEqual(ids(`curl -i -u 'test:${word}'`), []);
    assert.deepEqual(ids(`curl -i -u 'test:${randomToken(ALNUM, 12)}'`), ['curl-user-password']);
  });

  it('the widened formats: Shopify, Sourcegraph, Notion and Tailscale as the peers test them', () => {
    assert.deepEqual(ids(`shppa_${randomToken(ALNUM, 38)}`), ['shopify-private-app-token']);
    assert.deepEqual(ids(`sgp_${randomToken(UPPER_HEX, 16)}_${randomToken(HEX, 40)}`), [
      'sourcegraph-access-token',
    ]);
    assert.deepEqual(ids(`ntn_${randomToken(ALNUM, 46)}`), ['notion-integration-token']);
    assert.deepEqual(ids(`DATABRICKS_TOKEN=dapi${randomToken(UPPER_HEX, 32)}`), ['databricks-api-token']);
    assert.ok(!ids(`DATABRICKS_TOKEN=dapi${randomToken(UPPER_HEX, 33)}`).includes('databricks-api-token'));
    const ts = `tskey-api-${randomToken(UPPER_HEX, 12)}-${randomToken(UPPER_HEX, 24)}`;
    assert.deepEqual(ids(`MY_${ts}\n${randomToken(DIGITS, 1)}${ts}`), ['tailscale-key', 'tailscale-key']);
    assert.deepEqual(ids(`shppa_${randomToken(LOWER_ALNUM, 20)}`), []);
    assert.deepEqual(ids(`ntn_${randomToken(ALNUM, 47)}`), []);
  });

  it('GitHub fine-grained tokens: 82 word characters after the prefix, not 83', () => {
    assert.deepEqual(ids(`GITHUB_TOKEN=github_pat_${randomToken(LOWER_ALNUM, 82)}`), [
      'github-fine-grained-pat',
    ]);
    assert.ok(!ids(`github_pat_${randomToken(LOWER_ALNUM, 83)}`).includes('github-fine-grained-pat'));
  });

  it('Slack workflow webhooks carry a 24-character secret', () => {
    const url = `https://hooks.slack.com/workflows/T${randomToken(UPPER_HEX, 10)}/A${randomToken(UPPER_HEX, 10)}`;
    assert.deepEqual(ids(`${url}/${numericId(18)}/${randomToken(ALNUM, 24)}`), [
      'slack-workflow-webhook-url',
    ]);
    assert.deepEqual(ids(`${url}/${numericId(18)}/${randomToken(ALNUM, 20)}`), []);
  });

  it('an Authorization header whose whole value is a token, a UUID among them', () => {
    assert.deepEqual(ids(`curl --header 'Authorization: ${uuid()}'`), ['http-authorization-token']);
    assert.deepEqual(ids(`curl -H "Authorization: Token ${randomToken(HEX, 40)}"`), [
      'http-authorization-token',
    ]);
    assert.deepEqual(ids(`request_id: ${uuid()}`), []);
  });

  it('JWT: a signature as long as its algorithm makes, and no other', () => {
    const b64 = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const jwt = (alg: string, signature: number): string =>
      `${b64({ alg, typ: 'JWT' })}.${b64({ sub: randomToken(ALNUM, 12), iat: 1_700_000_000 })}.${randomToken(BASE64URL, signature)}`;
    // HMAC-SHA256/384/512, ECDSA P-256/P-384/P-521, Ed25519, and RSA keys of 2,048 and 4,096 bits.
    const fits: ReadonlyArray<readonly [string, number]> = [
      ['HS256', 43],
      ['HS384', 64],
      ['HS512', 86],
      ['ES256', 86],
      ['ES384', 128],
      ['ES512', 176],
      ['EdDSA', 86],
      ['RS256', 342],
      ['PS512', 683],
    ];
    for (const [alg, n] of fits) {
      assert.deepEqual(ids(`ACCESS_TOKEN=${jwt(alg, n)}`), ['jwt'], alg);
    }
    // A hash cut short or padded, an ECDSA signature of an HMAC's length, RSA below 1,024 bits: no JWT a
    // library issued, so not reported where nothing names it. Under a credential name it is reported as
    // any opaque token there would be (the generic rules leave a value opening with `eyJ` to this rule).
    const misfits: ReadonlyArray<readonly [string, number]> = [
      ['HS256', 40],
      ['HS256', 44],
      ['HS512', 43],
      ['ES256', 43],
      ['RS256', 86],
    ];
    for (const [alg, n] of misfits) {
      assert.deepEqual(ids(`  ${jwt(alg, n)}`), [], `${alg} ${n}`);
      assert.deepEqual(ids(`ACCESS_TOKEN=${jwt(alg, n)}`), ['jwt'], `${alg} ${n} named`);
    }
  });

  it('JWT: an unsigned one (two parts) only under a credential word, and never a cut one', () => {
    const b64 = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: randomToken(ALNUM, 12), iat: 1_700_000_000 })}`;
    assert.deepEqual(ids(`flightlabs_key=${unsigned}`), ['jwt']);
    assert.deepEqual(ids(`web3 access key ${unsigned}`), ['jwt']);
    assert.deepEqual(ids(`{ "storychief_key": "${unsigned}" }`), ['jwt']);
    // Nothing names it; a third part too short to be a signature; a part cut at a `?` (trufflehog's
    // Portainer near miss); `alg: none`.
    assert.deepEqual(ids(`payload = ${unsigned}`), []);
    assert.deepEqual(ids(`token = ${unsigned}.abc`), []);
    assert.deepEqual(ids(`portainer token - '${unsigned}?${randomToken(ALNUM, 30)}'`), []);
    assert.deepEqual(ids(`token = ${b64({ alg: 'none' })}.${b64({ sub: 'a1b2c3d4e5' })}`), []);
  });
});
