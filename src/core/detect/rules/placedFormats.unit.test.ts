import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, BASE64URL, HEX, LOWER_ALNUM } from '../random';
import { scan } from '../scanner';
import { fresh, mixed } from '../../../../test/support/freshValues';
import { uuid } from './ruleParts';

// Formats whose structure or place is the proof, from Nosey Parker's rules and examples; every value
// is drawn here from its shape, never stored.
const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);
/** Lower-case letters and digits, both present. */
const lowerMixed = (n: number): string => {
  for (;;) {
    const v = fresh(LOWER_ALNUM, n);
    if (/[a-z]/.test(v) && /[0-9]/.test(v)) {
      return v;
    }
  }
};

describe('formats proved by their structure or place', () => {
  it('Salesforce session ids alone and in `sf org display` output, not near misses', () => {
    for (let i = 0; i < 10; i++) {
      const t = `00${mixed(13)}!${mixed(96, `${ALNUM}._`)}`;
      assert.deepEqual(ids(t), ['salesforce-session-id']);
      assert.deepEqual(
        ids(`KEY               VALUE\nAccess Token      ${t}\nClient Id         PlatformCLI\n`),
        ['salesforce-session-id'],
      );
      assert.deepEqual(ids(`${t.slice(0, -1)}`), []);
      assert.deepEqual(ids(`1${t}`), []);
      assert.deepEqual(ids(`${t}x`), []);
    }
  });

  it('an Okta token as a Terraform variable default, not a default under another name', () => {
    for (let i = 0; i < 10; i++) {
      const t = `00${mixed(40, BASE64URL)}`;
      assert.deepEqual(ids(`variable "corp_okta_api_token" {\n  default = "${t}"\n}\n`), [
        'okta-api-token-variable',
      ]);
      assert.deepEqual(ids(`variable "region_name" {\n  default = "${t}"\n}\n`), []);
    }
  });

  it('ThingsBoard provisioning key and secret, not other JSON fields', () => {
    for (let i = 0; i < 10; i++) {
      const k = lowerMixed(20);
      const s = lowerMixed(20);
      const text = `{"deviceName": "DEVICE_NAME", "provisionDeviceKey": "${k}", "provisionDeviceSecret": "${s}"}`;
      assert.deepEqual(ids(text), ['thingsboard-provision-key', 'thingsboard-provision-key']);
      assert.deepEqual(ids(`{"deviceName": "${k}"}`), []);
    }
  });

  it('an Azure Storage key of any length in a connection string, with a loopback endpoint too', () => {
    for (let i = 0; i < 10; i++) {
      const key = `${mixed(54, BASE64)}/${mixed(11)}==`;
      const text = `DefaultEndpointsProtocol=http;AccountName=testacc1;\nAccountKey=${key};\nBlobEndpoint=http://127.0.0.1:8440/testacc1;\n`;
      assert.deepEqual(ids(text), ['azure-storage-connection-key']);
      // The 88-character key stays the account-key rule's, loopback endpoint or not.
      const full = `${mixed(86, BASE64)}==`;
      assert.deepEqual(ids(text.replace(key, full)), ['azure-storage-account-key']);
      // Without the account's name before it, a short value is not read as a key.
      assert.deepEqual(ids(`AccountKey=${key};`), []);
    }
  });

  it('Figma tokens with 4 to 6 hex digits before the UUID', () => {
    for (let i = 0; i < 10; i++) {
      for (const n of [4, 6]) {
        const t = `${fresh(HEX, n)}-${uuid()}`;
        assert.deepEqual(ids(`FIGMA_TOKEN=${t}`), ['service-api-key']);
        assert.deepEqual(ids(`figma_id: ${t}`), []);
        assert.ok(!ids(`FIGMA_TOKEN=${fresh(HEX, 3)}-${uuid()}`).includes('service-api-key'));
      }
    }
  });

  it('a JWT-form session token under AWS_SESSION_TOKEN, not under another name', () => {
    for (let i = 0; i < 10; i++) {
      const t = `eyJ${mixed(33, BASE64URL)}.eyJ${mixed(900, BASE64URL)}.${mixed(86, BASE64URL)}`;
      assert.deepEqual(ids(`export AWS_SESSION_TOKEN="${t}"`), ['aws-session-token-jwt']);
      assert.ok(!ids(`export ID_TOKEN_CACHE="${t}"`).includes('aws-session-token-jwt'));
    }
  });

  it('a Blynk OAuth client secret after its client id, on a continued curl line or in a query', () => {
    for (let i = 0; i < 10; i++) {
      const id = `oa2-client-id_${mixed(32, BASE64URL)}`;
      const secret = mixed(40);
      assert.deepEqual(ids(`curl -X POST https://fra1.blynk.cloud/oauth2/token \\\n-u ${id}:${secret}\n`), [
        'blynk-oauth-client-secret',
      ]);
      assert.deepEqual(ids(`?grant_type=client_credentials&client_id=${id}&client_secret=${secret}`), [
        'blynk-oauth-client-secret',
      ]);
      assert.ok(!ids(`-u ${id}:${secret.slice(0, 30)}`).includes('blynk-oauth-client-secret'));
    }
  });
});
