import * as assert from 'node:assert/strict';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { ALNUM, BASE64, HEX, randomToken } from '../random';

// What AI tooling and editor artifacts hold in a credential's place that is no credential: references a
// platform resolves, variables' namespaces, API objects' ids, public keys, encoded data (hunt O, 2026-12-08,
// whose negatives the whole redact pipeline changed 20 of 136 before, 9 now). Checked through `redactText`,
// as a request is: nothing of these may change.

const sent = (text: string): string => redactText(text, new RedactionMap()).text;
const untouched = (text: string): void => assert.equal(sent(text), text);

describe('redact tier: references, ids and data in AI tooling and editor files are left', () => {
  it('leaves secret stores and variables a platform or an editor resolves', () => {
    untouched(
      '{\n  "AzureOpenAI": {\n    "ApiKey": "@Microsoft.KeyVault(SecretUri=https://demo-kv.vault.azure.net/secrets/openai-key/)"\n  }\n}',
    );
    untouched('<env name="PAYMENTS_DB_PASSWORD" value="$PAYMENTS_DB_PASSWORD$" />');
    untouched(
      "mqtt:\n  server: mqtt://192.168.1.20:1883\n  user: '!secret user'\n  password: '!secret password'",
    );
    untouched('"env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${input:github_token}" }');
    untouched('      OPENAI_API_KEY: ${OPENAI_API_KEY:?set OPENAI_API_KEY in .env}');
    untouched(
      'SQLALCHEMY_DATABASE_URI = f"postgresql://superset:{os.environ[\'DB_PASS\']}@db:5432/superset"',
    );
  });

  it("leaves an API response's object ids, a request's trace headers and an embedding's data", () => {
    untouched(`{\n  "id": "chatcmpl-${randomToken(ALNUM, 29)}",\n  "object": "chat.completion"\n}`);
    untouched(
      `{"id": "msg_01${randomToken(ALNUM, 22)}", "content": [{"type": "tool_use", "id": "toolu_01${randomToken(ALNUM, 22)}"}]}`,
    );
    untouched(`x-request-id: req_${randomToken(HEX, 32)}\ncf-ray: ${randomToken(HEX, 16)}-FRA`);
    const floats = `${randomToken(BASE64, 60)}k7Q+/x3M${randomToken(BASE64, 60)}`;
    untouched(`{"object":"embedding","index":0,"embedding":"${floats}"}`);
  });

  it('leaves an id under a camelCase name and an OpenSSH public key', () => {
    untouched(`  cloudProjectId: ${[8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-')}`);
    untouched(`ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomToken(ALNUM, 43)} deploy@buildbox`);
  });

  it('still hides the default a dev container gives a password, and a key in the same files', () => {
    const pw = `Tulip7${randomToken(ALNUM, 10)}`;
    assert.ok(!sent(`"POSTGRES_PASSWORD": "\${localEnv:POSTGRES_PASSWORD:${pw}}"`).includes(pw));
    const key = `${randomToken(ALNUM, 20)}7q3Z`;
    assert.ok(!sent(`{\n  "AzureOpenAI": {\n    "ApiKey": "${key}"\n  }\n}`).includes(key));
    assert.ok(!sent(`<env name="PAYMENTS_DB_PASSWORD" value="${pw}" />`).includes(pw));
  });
});
