import * as assert from 'node:assert/strict';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { ALNUM, DIGITS, randomToken } from '../random';
import {
  hasNotRealBody,
  isBracketedPlaceholder,
  isCommandSubstitution,
  isHostName,
  isHostUrl,
  isShellReference,
  repeatsToEnd,
} from './nonSecretForms';

/** A generated key whose class mix never depends on the draw. */
const key = (n = 24): string => `${randomToken(ALNUM, n - 4)}7q3Z`;
const redact = (text: string): string => redactText(text, new RedactionMap()).text;

/** Asserts the whole tier (report and redact) hides every one of `values` in `text`. */
function hides(text: string, ...values: string[]): void {
  const sent = redact(text);
  for (const v of values) {
    assert.ok(!sent.includes(v), `${JSON.stringify(v)} was sent in ${JSON.stringify(sent)}`);
  }
}

/** Asserts the whole tier sends `text` as it is. */
function leaves(text: string): void {
  assert.equal(redact(text), text);
}

describe('redact tier: forms that hold no credential', () => {
  it('reads shell references, command substitutions, bracketed placeholders and hosts', () => {
    for (const v of ['$1', '$2$3', '$GITHUB_PASSWORD$GITHUB_URL', '${password}']) {
      assert.ok(isShellReference(v), v);
    }
    for (const v of ['$', '$uperS3cret!', `p$${key()}`, '$1:$2']) {
      assert.ok(!isShellReference(v), v);
    }
    for (const t of [
      '$(gcloud auth print-access-token)',
      '`etcdctl get /app/secret`',
      '`vault kv get -field=x a`',
    ]) {
      assert.ok(isCommandSubstitution(t, 0), t);
    }
    for (const t of [`\`${key()}\``, '`correct horse battery staple`', '`my pass word`', '`Get /x`']) {
      assert.ok(!isCommandSubstitution(t, 0), t);
    }
    for (const v of ['<user:password>', '<token>', '[PASSWORD]', '[db password]']) {
      assert.ok(isBracketedPlaceholder(v), v);
    }
    for (const v of [`[${key()}]`, `<${key()}>`, '{API_KEY}', '[a', 'pass]word[']) {
      assert.ok(!isBracketedPlaceholder(v), v);
    }
    for (const v of ['api.example.com', 'db-1.internal.corp:5432', 'api.SAaiuc8123.com:12345']) {
      assert.ok(isHostName(v), v);
    }
    for (const v of ['example.com', key(40), `${key(20)}.${key(20)}.${key(10)}`, 'a.b.c0m']) {
      assert.ok(!isHostName(v), v);
    }
    assert.ok(isHostUrl('https://api.example.com:8443/'));
    for (const v of ['https://api.example.com/v1', `https://u:${key()}@api.example.com`, 'api.example.com']) {
      assert.ok(!isHostUrl(v), v);
    }
  });

  it('reads a prefix with a not-real body, and a body that repeats a short unit to its end', () => {
    for (const v of ['sk-lf-invalid', 'ghp_fake', 'key-dummy', 'sk_test_placeholder']) {
      assert.ok(hasNotRealBody(v), v);
    }
    for (const v of [`sk-lf-${key()}`, 'invalid', 'invalid-key-format', `fake_${key()}`, 'sk_test']) {
      assert.ok(!hasNotRealBody(v), v);
    }
    for (const v of ['GR134894112312312312312312312', `x${'ab'.repeat(6)}`, `${key()}${'9f3a'.repeat(3)}`]) {
      assert.ok(repeatsToEnd(v), v);
    }
    for (let i = 0; i < 50; i++) {
      assert.ok(!repeatsToEnd(key(40)));
    }
    assert.ok(!repeatsToEnd(`${key()}${'A'.repeat(16)}`), 'zero bytes in base64 are left to the run checks');
  });

  it('leaves curl pairs given as shell references, templates or bracketed placeholders', () => {
    leaves('   curl -sL --user "$1:$2" "$3" > "$4"');
    leaves('curl -sL --user "$GITHUB_USERNAME:$GITHUB_PASSWORD" "$GITHUB_URL" > "$TESTS_PATH"');
    leaves('curl --fail --user "{{ $.Values.username }}:{{ $.Values.password }}" https://repo');
    leaves('curl -u <user:password> https://test.com/endpoint');
    leaves('curl --user neo4j:[PASSWORD] http://[IP]:7474/db/data/');
  });

  it('still hides curl passwords that are literals, bracketed or not, and a key given as the user', () => {
    const pw = key();
    hides(`curl -u admin:${pw} https://api.test`, pw);
    hides(`curl -u user:[${pw}] https://api.test`, pw);
    const id = [8, 4, 4, 4, 12].map((n) => randomToken('0123456789abcdef', n)).join('-');
    hides(`curl -X POST --user "{${id}}":"{${key(14)}}" https://api.test`, id);
  });

  it('leaves command substitutions under credential names and in headers, and hides literals there', () => {
    leaves('-e SUMO_ACCESS_KEY=`etcdctl get /sumologic_secret`');
    leaves('curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://x.test/v1');
    const k = key(32);
    hides(`-e SUMO_ACCESS_KEY=\`${k}\``, k);
    hides(`curl -H "Authorization: Bearer ${k}" https://x.test/v1`, k);
    hides('PASSWORD=`correct horse battery staple`', 'correct horse battery staple');
  });

  it('leaves a Helm template, a prefix with a not-real body, and a repeated-unit sample', () => {
    leaves('password: "{{ $.Values.password }}"');
    leaves('langfuse_secret_2k8t = sk-lf-invalid');
    leaves('GR134894112312312312312312312');
    const body = `${key(16)}${randomToken(DIGITS, 4)}`;
    hides(`GR1348941${body}`, body);
    const k = key();
    hides(`langfuse_secret_2k8t = sk-lf-${k}`, k);
  });

  it('leaves a URL host after a credential word, and still hides a token there', () => {
    leaves("portainer token - 'https://api.SAaiuc8123.com:12345'");
    leaves("portainer token - '?ttp://api.SAaiuc8123.com:12345'");
    leaves('GATEWAY_TOKEN_URL=https://auth.internal.example.org/');
    leaves('the token service lives at //auth.internal.example.org:8443');
    const k = key(32);
    hides(`portainer token - '${k}'`, k);
    hides(`the token is //${k}`, k);
  });

  it('leaves values under names that say they are wrong or an anti-forgery nonce, and hides their twins', () => {
    const g = key(40);
    leaves(`wrongStart := "${g}"`);
    leaves(`invalidPassword = "${g}"`);
    leaves(`<input type="hidden" name="authenticity_token" value="${key(20)}-${key(60)}" />`);
    leaves(`csrf_token = "${g}"`);
    hides(`apiStart := "${g}"`, g);
    hides(`auth_token = "${g}"`, g);
    hides(`<input type="hidden" name="api_token" value="${g}" />`, g);
  });
});
