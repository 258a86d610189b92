import * as assert from 'node:assert/strict';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { ALNUM, DIGITS, randomToken } from '../random';
import { uuid } from '../rules/ruleParts';
import {
  hasNotRealBody,
  isBracketedPlaceholder,
  isCommandSubstitution,
  isElided,
  isFileName,
  isSentence,
  isShellReference,
  isSlotsOnly,
  isWordsOfCode,
  repeatsToEnd,
  spellsItsName,
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
  it('reads shell references, command substitutions and bracketed placeholders', () => {
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
    // A passphrase in inline code is no command: built here so that the file holds no credential literal.
    const phrase = ['correct', 'horse', 'battery', 'staple'].join(' ');
    hides(`PASSWORD=\`${phrase}\``, phrase);
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

  it('leaves a fixture file named after a provider shape, and hides the shape itself', () => {
    const id = `${randomToken('0123456789abcdef', 8)}_2kox_h0e9_5uy6_${randomToken('0123456789abcdef', 12)}`;
    assert.ok(isFileName(`api_org_${id}.json`));
    for (const v of [
      `api_org_${key(34)}`,
      `pat.${key(22)}.${key(24)}.${key(17)}`,
      `sl.${key(40)}`,
      'a.json',
    ]) {
      assert.ok(!isFileName(v), v);
    }
    leaves(`        body = self.fixtures.load("api_org_${id}.json")`);
    const k = `${randomToken('abcdefghijklmnopqrstuvwxyz', 30)}Q7z3`;
    hides(`HF_TOKEN = "api_org_${k}"`, k);
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

  it('leaves a token shown cut short, and hides the whole one', () => {
    const head = `ops_${key(32)}`;
    assert.ok(isElided(`${head}...`, 0, head.length + 3));
    assert.ok(isElided(`${head}\u2026`, 0, head.length));
    assert.ok(!isElided(`${head}.`, 0, head.length + 1));
    assert.ok(!isElided('...', 0, 3));
    leaves(`: export OP_SERVICE_ACCOUNT_TOKEN=${head}...`);
    leaves(`  serviceAccountToken: ${head}\u2026`);
    leaves(`Your token is ${head}... (shown once)`);
    const whole = `ops_${key(60)}`;
    hides(`: export OP_SERVICE_ACCOUNT_TOKEN=${whole}`, whole);
    hides(`Your token is ${whole}. Keep it safe.`, whole);
  });

  it('leaves the URL a command-substituted token is sent to, and hides a URL credential', () => {
    const ids = `executions/${uuid()}/callbacks/${uuid()}_${uuid()}`;
    leaves(
      `curl -X GET -H "Authorization: Bearer $(gcloud auth print-access-token)" https://workflowexecutions.googleapis.com/v1/projects/${randomToken(DIGITS, 12)}/locations/us-central1/workflows/sample-workflow/${ids}`,
    );
    const k = key(26);
    hides(`the token https://deploy:${k}@registry.internal/v2/`, k);
    hides(`the token https://api.internal/v1?key=${k}`, k);
  });

  it('reads a constant that spells its name, words of code, and slots of a template', () => {
    // Seen in installed code: MSAL's constants and event names, 1DS's keys, a lexer, URL and format templates.
    for (const [name, value] of [
      ['REFRESH_TOKEN', 'refresh_token'],
      ['strParentContextKey', 'ParentContextKey'],
      ['PASSWORD_TOO_WEAK', 'password_too_weak'],
      ['ACQUIRE_TOKEN_START', 'msal:acquireTokenStart'],
      ['IDTOKEN_TOKEN_REFRESHTOKEN', 'id_token token refresh_token'],
      // The whole name again, one word: a slot (Earlybird's `<passphrase>passphrase</passphrase>`).
      ['password', 'password'],
      ['db.passphrase', 'Passphrase'],
    ]) {
      assert.equal(spellsItsName(name!, value!), true, value);
    }
    for (const [name, value] of [
      ['password', 'hunter_password'],
      ['apiKey', 'apiKey1'],
      ['API_TOKEN', 'my_api_token_value'],
      ['token', 'tok'],
    ]) {
      assert.equal(spellsItsName(name!, value!), false, value);
    }
    for (const value of ['punctuator', 'operator', 'link_close', 'get-yargs-completions', 'linkified']) {
      assert.equal(isWordsOfCode(value), true, value);
    }
    for (const value of ['abcd-efgh-ijkl', 'mysecrettoken', 'xkcdqwrt', 'TOKEN_STRING', `${key(20)}`]) {
      assert.equal(isWordsOfCode(value), false, value);
    }
    for (const value of [
      '${r.username||""}:${r.password||""}',
      '{0}:{1}',
      '%s:%s',
      '${user}@${host}',
      // Whispers' fixtures write these as compliant: Jinja's, Go's and a spaced slot.
      '{{ password }}',
      '{{ .Values.db.password }}',
      '{ password }',
    ]) {
      assert.equal(isSlotsOnly(value), true, value);
    }
    for (const value of [
      '${user}:hunter-2',
      '{0}:s3cr3t',
      'plain',
      'Basic ${b64}',
      '{{ password }}x9Qz',
      '{ a b }',
    ]) {
      assert.equal(isSlotsOnly(value), false, value);
    }
  });

  it('reads a sentence in any language, and not a passphrase or a generated value', () => {
    for (const value of [
      'Token inesperado.',
      'Unerwartetes Token.',
      '予期しないトークンです。',
      'Did you mean a token?',
    ]) {
      assert.equal(isSentence(value), true, value);
    }
    for (const value of [
      'correct horse battery staple',
      'lantern 99.',
      'Token.',
      `${key(20)} x.`,
      'p4 $$ w0 rd!',
    ]) {
      assert.equal(isSentence(value), false, value);
    }
  });
});
