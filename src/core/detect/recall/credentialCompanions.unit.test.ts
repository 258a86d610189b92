import * as assert from 'node:assert/strict';
import { ALNUM, randomToken } from '../random';
import { findCredentialCompanions } from './credentialCompanions';
import type { RecallSpan } from './recallSpan';

/**
 * What the detector adds to `text` when another detector has already hidden `hiddenKey` (each occurrence),
 * as the values it hides. It runs last in the tier and reads the spans the others found.
 */
function companions(text: string, hiddenKey?: string): string[] {
  const out: RecallSpan[] = [];
  for (let at = hiddenKey ? text.indexOf(hiddenKey) : -1; at !== -1; at = text.indexOf(hiddenKey!, at + 1)) {
    out.push({ start: at, end: at + hiddenKey!.length, kind: 'key' });
  }
  const before = out.length;
  findCredentialCompanions(text, out);
  return out.slice(before).map((s) => text.slice(s.start, s.end));
}

describe('redact tier: the other half of a credential pair', () => {
  const key = randomToken(ALNUM, 24);

  it('hides the user, and a URL with a path, given beside a hidden key, token, secret or password', () => {
    assert.deepEqual(
      companions(
        `couchbase_domain: "couchbases://cb.example.test"\ncouchbase_username: "admin"\ncouchbase_password: "${key}"`,
        key,
      ),
      ['admin'],
    );
    assert.deepEqual(companions(`azureURL: https://fn.example.test/api/run\nazureFunctionkey: ${key}`, key), [
      'https://fn.example.test/api/run',
    ]);
    assert.deepEqual(companions(`token=${key}\nendpoint=https://svc.example.test/v1?tenant=t1`, key), [
      'https://svc.example.test/v1?tenant=t1',
    ]);
    assert.deepEqual(companions(`Key=${key}\nUser=svc_${randomToken(ALNUM, 12)}`, key).length, 1);
    // Not an address: a value with a mark no host name holds.
    assert.deepEqual(companions(`secret: ${key}\ndomain: 6-Ny0D#7NieK8.ktf`, key), ['6-Ny0D#7NieK8.ktf']);
  });

  it('leaves an address beside a hidden credential: an e-mail, a host name, a URL of a scheme and host only', () => {
    assert.deepEqual(companions(`Key=${key}\nEmail = someone@example.test`, key), []);
    assert.deepEqual(companions(`Key=${key}\nEmail=testUser.1005@example.test`, key), []);
    assert.deepEqual(companions(`token=${key}\nserver=prod-east.example.test`, key), []);
    assert.deepEqual(companions(`API Key: ${key}\nServer: api-secure-03.internal`, key), []);
    assert.deepEqual(companions(`api_key = ${key}\nhost = db.example.test:5432`, key), []);
    assert.deepEqual(companions(`"grafana_secret": "${key}",\n"domain: "stack-1.example.test"`, key), []);
    assert.deepEqual(companions(`Endpoint=https://cfg.example.test;Secret=${key}`, key), []);
    assert.deepEqual(companions(`AZURE_URL=https://test.scm.example.test/\nPASSWORD=${key}`, key), []);
  });

  it('hides an id only when it shares the service prefix of the credential beside it', () => {
    const id = randomToken(ALNUM, 17);
    assert.deepEqual(companions(`"hive_id": "${id}",\n"hive_secret": "${key}"`, key), [id]);
    assert.deepEqual(companions(`"order_id": "${id}",\n"hive_secret": "${key}"`, key), []);
    assert.deepEqual(companions(`"_id": "${id}",\n"hive_secret": "${key}"`, key), []);
  });

  it('finds the pairs on the first and the last line, across CRLF line ends, among many other assignments', () => {
    const filler = Array.from({ length: 300 }, (_, i) => `value_${i} = ${i}; // token bucket ${i}`).join(
      '\n',
    );
    const text =
      `user: first-user\r\nsecret: ${key}\r\n\n${filler}\n\n` +
      `password = "${key}"\nuser_name = "x"\nlogin = "admin"\nemail = "someone@example.test"`;
    assert.deepEqual(companions(text, key), ['first-user', 'admin']);
  });

  it('leaves e-mails and hosts beside no hidden credential, across a blank line, far away, or placeholders', () => {
    assert.deepEqual(companions(`CLOUDFLARE_API_KEY=${key}\nCLOUDFLARE_EMAIL=someone@example.test`), []);
    assert.deepEqual(companions('server=prod-east.example.test\nemail = someone@example.test', key), []);
    assert.deepEqual(companions(`api_key=${key}\n\nhost = db.example.test`, key), []);
    assert.deepEqual(companions(`api_key=${key}\na=1\nb=2\nc=3\nd=4\nhost = db.example.test`, key), []);
    assert.deepEqual(companions(`token=${key}\nhost: $DB_HOST\nurl: \${BASE_URL}\nuser: <user>`, key), []);
    assert.deepEqual(companions(`note=${key}\nemail = someone@example.test`, key), []);
  });
});
