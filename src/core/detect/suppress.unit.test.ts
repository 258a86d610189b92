import * as assert from 'node:assert/strict';
import { drawnUntil } from '../../../test/support/freshValues';
import { ALNUM, BASE64, HEX, randomToken } from './random';
import { randomLetterRun } from './rules/letterPairs';
import { randomLetters } from './rules/letterRuns';
import type { RuleTraits } from './suppress';
import { scan } from './scanner';
import { ContextMemo, suppressedByContext } from './suppress';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PROVIDER: RuleTraits = { generic: false, expectsUuid: false, anchored: false, literalSyntax: false };
const GENERIC: RuleTraits = { generic: true, expectsUuid: false, anchored: false, literalSyntax: false };
const UUID_RULE: RuleTraits = { generic: false, expectsUuid: true, anchored: false, literalSyntax: false };
/** A provider rule every match of which opens with its literal prefix (`pypi-AgEI…`, `ghp_`). */
const PREFIXED: RuleTraits = { generic: false, expectsUuid: false, anchored: true, literalSyntax: false };
/** A generic rule whose value follows a command-line flag (`psexec … -p VALUE`). */
const FLAG: RuleTraits = { generic: true, expectsUuid: false, anchored: false, literalSyntax: true };

/** Whether the candidate `secret`, at its first occurrence in `text`, is suppressed by its context. */
function suppressed(text: string, secret: string, traits: RuleTraits = PROVIDER): boolean {
  const start = text.indexOf(secret);
  assert.notEqual(start, -1, 'fixture must hold the candidate');
  return suppressedByContext(text, start, start + secret.length, secret, traits, new ContextMemo(text));
}

const uuid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');

describe('context suppression', () => {
  it('drops references to where a value lives instead of a value', () => {
    assert.ok(suppressed('const key = process.env.OPENAI_API_KEY;', 'process.env.OPENAI_API_KEY', GENERIC));
    assert.ok(suppressed('const key = process.env.OPENAI_API_KEY;', 'OPENAI_API_KEY', GENERIC));
    assert.ok(suppressed('api_key = os.environ["OPENAI_API_KEY"]', 'OPENAI_API_KEY', GENERIC));
    assert.ok(suppressed('token = os.getenv("GH_TOKEN")', 'GH_TOKEN'));
    assert.ok(suppressed('password: ${DB_PASSWORD}', 'DB_PASSWORD'));
    assert.ok(suppressed('token: {{ .Values.token }}', '.Values.token'));
    assert.ok(suppressed('GITHUB_TOKEN: ${{ secrets.GH_PAT }}', 'GH_PAT'));
    assert.ok(suppressed('export TOKEN=$VAULT_TOKEN', 'VAULT_TOKEN'));
    assert.ok(suppressed('set KEY=%NUGET_API_KEY%', 'NUGET_API_KEY'));
    assert.ok(suppressed('set KEY="%NUGET_API_KEY%"', 'NUGET_API_KEY'));
  });

  it('keeps a prefixed provider token pasted where a reference names its secret', () => {
    const token = `pypi-AgEIcHlwaS5vcmc${randomToken(ALNUM, 60)}`;
    for (const text of [
      `password: \${{ secrets.${token}}}`,
      `password: \${{ secrets.${token} }}`,
      `TOKEN=\${${token}}`,
    ]) {
      assert.ok(!suppressed(text, token, PREFIXED), text);
      // A rule that cannot tell a token from a name still reads it as a reference.
      assert.ok(suppressed(text, token, PROVIDER), text);
    }
    // Through the whole scan: the token is reported (so the redact tier hides it), a secret's name is not.
    assert.deepEqual(
      scan(`password: \${{ secrets.${token}}}`).map((f) => f.ruleId),
      ['pypi-upload-token'],
    );
    assert.deepEqual(scan('password: ${{ secrets.PYPI_API_TOKEN }}'), []);
  });

  it('keeps a literal after a space that follows another `%VAR%` (it is no reference)', () => {
    const key = `oy2${randomToken(ALNUM, 43).toLowerCase()}`;
    assert.ok(!suppressed(`nuget push %filename% ${key} -Source https://api.nuget.org/v3/index.json`, key));
    assert.ok(!suppressed(`dotnet nuget push "%PKG%" --api-key ${key}`, key));
  });

  it('drops lockfile integrity hashes and digests', () => {
    const b64 = randomToken(BASE64, 86);
    assert.ok(suppressed(`      "integrity": "sha512-${b64}==",`, b64));
    assert.ok(suppressed(`  integrity sha1-${b64.slice(0, 27)}=`, b64.slice(0, 27)));
    const hex = randomToken(HEX, 64);
    assert.ok(suppressed(`FROM node:20@sha256:${hex}`, hex));
    assert.ok(suppressed(`checksum = "sha256:${hex}"`, hex));
  });

  it('drops git SHAs and hashes where the line says so', () => {
    const sha = randomToken(HEX, 40);
    assert.ok(suppressed(`  resolved "https://codeload.github.com/x/y/tar.gz/${sha}"`, sha));
    assert.ok(suppressed(`    "commit": "${sha}",`, sha));
    assert.ok(suppressed(`rev = "${sha}"`, sha));
    assert.ok(suppressed(`"version": "git+https://github.com/x/y.git#${sha}"`, sha));
    assert.ok(!suppressed(`GITHUB_TOKEN=${sha}`, sha), 'a 40-hex token under a token name stays');
    assert.ok(suppressed(`parent_commit_sha: ${sha}`, sha));
    assert.ok(suppressed(`  "commitId": "${sha}",`, sha));
    assert.ok(suppressed(`git rev-parse HEAD  # ${sha}`, sha));
  });

  it('reads a hash word inside a longer name as part of that name, not as the line saying hash', () => {
    // Nosey Parker's Jenkins example: "Parent" is a hump of a job's name, and the crumb is a credential.
    const crumb = randomToken(HEX, 32);
    const line = `sh "curl -X POST 'http://ci.example.com/job/\${Paths.updateParentVersionsJob}/build' -H 'Jenkins-Crumb:${crumb}'"`;
    assert.ok(!suppressed(line, crumb));
    assert.ok(!suppressed(`const revisionTimeoutMs = 10; const apiToken = "${crumb}";`, crumb));
  });

  it('drops UUIDs unless the rule expects one', () => {
    const id = uuid();
    assert.ok(suppressed(`client_secret = "${id}"`, id, GENERIC));
    assert.ok(suppressed(`token: ${id}`, id, PROVIDER));
    assert.ok(!suppressed(`HEROKU_API_KEY=${id}`, id, UUID_RULE));
  });

  it('drops base64 inside media data URIs, however long the run', () => {
    const body = randomToken(BASE64, 5000);
    const inner = body.slice(3000, 3040);
    const text = `.logo { background: url("data:image/png;base64,${body}"); }`;
    assert.ok(suppressed(text, inner));
    const memo = new ContextMemo(text);
    const at = text.indexOf(inner);
    // A second candidate further along the same run reuses the memo.
    const later = body.slice(4000, 4040);
    const at2 = text.indexOf(later);
    assert.ok(suppressedByContext(text, at, at + 40, inner, PROVIDER, memo));
    assert.ok(suppressedByContext(text, at2, at2 + 40, later, PROVIDER, memo));
    assert.ok(!suppressed(`const blob = "data:application/json;base64,${body}"`, inner), 'only media types');
  });

  it('drops public key material', () => {
    const blob = `AAAAB3NzaC1yc2E${randomToken(BASE64, 360)}`;
    assert.ok(suppressed(`ssh-rsa ${blob} dev@laptop`, blob.slice(100, 140)));
    const line = randomToken(BASE64, 64);
    const pem = ['-----BEGIN', 'CERTIFICATE-----'].join(' ');
    const end = ['-----END', 'CERTIFICATE-----'].join(' ');
    assert.ok(suppressed(`${pem}\n${randomToken(BASE64, 64)}\n${line}\n${end}\n`, line));
  });

  it('drops what generic rules mistake for values: names, paths, URLs and calls', () => {
    assert.ok(suppressed('password = config.database.password', 'config.database.password', GENERIC));
    assert.ok(suppressed('token: PASSWORD_FIELD', 'PASSWORD_FIELD', GENERIC));
    assert.ok(suppressed('secret = passwordInput', 'passwordInput', GENERIC));
    assert.ok(suppressed('key_file = ./certs/server.key', './certs/server.key', GENERIC));
    assert.ok(
      suppressed('auth_url = https://login.example.org/oauth', 'https://login.example.org/oauth', GENERIC),
    );
    assert.ok(suppressed('token = getToken2(user)', 'getToken2', GENERIC));
    // After a command-line flag the shell passes a code-name shape as written: a value. Paths stay dropped.
    const joined = `dev_${randomToken('bcdfghjklmnpqrstvwxz', 6)}`;
    assert.equal(suppressed(`psexec \\\\host -u admin -p ${joined} cmd`, joined, FLAG), false);
    assert.ok(suppressed(`psexec \\\\host -u admin -p ${joined} cmd`, joined, GENERIC));
    assert.ok(suppressed('psexec \\\\host -u admin -p ./certs/pw.txt cmd', './certs/pw.txt', FLAG));
  });

  it('drops the code after a string the name stood in, and keeps a value whose quote opens its own', () => {
    const pw = `${randomToken(ALNUM, 10)}7q!`;
    // PHP, and a labels object: the quote before the "value" closes the string holding the name.
    assert.ok(suppressed("echo 'password = '.$cfg['x7!'].", '.$cfg[', GENERIC));
    assert.ok(suppressed('passwordLabel:"Password:",remember7Label:"x"', ',remember7Label:', GENERIC));
    assert.equal(suppressed(`cfg = {'password': '${pw}'}`, pw, GENERIC), false);
    assert.equal(suppressed(`echo "password: '${pw}'"`, pw, GENERIC), false);
    // Through the whole scan: the PHP line is no finding, the dictionary's password is one.
    assert.deepEqual(scan("echo 'password = '.$cfg['daemon_password7'].\"\\n\";"), []);
    assert.equal(scan(`cfg = {'password': '${pw}'}`).length, 1);
  });

  it('reads only a quote as the end of a string: a bare value after an odd count of blanks is a value', () => {
    // A Vault unseal key opens with `+` about once in 64: three blanks before it on the line are no string.
    const key = `+${randomToken(BASE64, 43)}`;
    assert.equal(suppressed(`abc vault operator unseal ${key}`, key, GENERIC), false);
    assert.deepEqual(
      scan(`kubectl exec -ti vault-0 -- vault operator unseal ${key}`).map((f) => f.ruleId),
      ['vault-unseal-key'],
    );
  });

  it('keeps mixed-case letters that read as random: a value, not a camelCase name', () => {
    const letters = (n: number): string => {
      for (;;) {
        const v = randomToken('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', n);
        if (randomLetters(v)) {
          return v;
        }
      }
    };
    const key = letters(12);
    assert.equal(suppressed(`parsehub token = '${key}'`, key, GENERIC), false);
    const joined = `${letters(20)}_${letters(12)}`;
    assert.equal(suppressed(`codemagic_key: "${joined}"`, joined, GENERIC), false);
    assert.ok(suppressed('api_token = getParseHubTokenFromEnv', 'getParseHubTokenFromEnv', GENERIC));
    assert.ok(suppressed('secret = ProductionSecretKey', 'ProductionSecretKey', GENERIC));
    // Capitals alone: a constant's name, unless 16 or more whose pairs no language writes.
    assert.ok(suppressed('password = ADMINPASSWORD', 'ADMINPASSWORD', GENERIC));
    assert.ok(suppressed('token = PRODUCTIONSERVICETOKEN', 'PRODUCTIONSERVICETOKEN', GENERIC));
    assert.ok(suppressed('token = QTNMWXOTCUOUEZC', 'QTNMWXOTCUOUEZC', GENERIC));
    assert.equal(suppressed('token = QTNMWXOTCUOUEZCXYFDM', 'QTNMWXOTCUOUEZCXYFDM', GENERIC), false);
    // Quoted, a string: ten capitals whose pairs no language writes are a value; words stay a label. The
    // capitals are drawn here: written out, a quoted one under `password` is a finding of the repo's own scan.
    const caps = (n: number): string => drawnUntil(UPPER, n, randomLetterRun);
    const ten = caps(10);
    assert.equal(suppressed(`"password": "${ten}"`, ten, GENERIC), false);
    const fifteen = caps(15);
    assert.equal(suppressed(`token = '${fifteen}'`, fifteen, GENERIC), false);
    assert.ok(suppressed('"password": "ADMINPASSWORD"', 'ADMINPASSWORD', GENERIC));
    const nine = caps(9);
    assert.ok(suppressed(`"token": "${nine}"`, nine, GENERIC));
  });

  it('keeps a base64 value that starts with a slash: one in 64 does, and a path has no + = or random segment', () => {
    for (let i = 0; i < 50; i++) {
      const value = `/${randomToken(BASE64, 63)}`;
      assert.equal(suppressed(`client_secret = ${value}`, value, GENERIC), false, value);
    }
    const slashed = `/${randomToken(ALNUM, 20)}/${randomToken(ALNUM, 20)}`;
    assert.equal(suppressed(`api_secret: ${slashed}`, slashed, GENERIC), false);
    assert.ok(suppressed('secret_file = /run/secrets/db_password', '/run/secrets/db_password', GENERIC));
    assert.ok(suppressed('key_path = ~/keys/deploy-key.pem', '~/keys/deploy-key.pem', GENERIC));
    assert.ok(suppressed('cert = C:\\certs\\prod\\client.pfx', 'C:\\certs\\prod\\client.pfx', GENERIC));
  });

  it('drops what generic rules find under names that say public, id or hash', () => {
    const value = randomToken(ALNUM, 32);
    for (const name of [
      'PUBLIC_KEY',
      'recaptchaSiteKey',
      'api_key_id',
      'token_hash',
      'passwordDigest',
      'cache_key',
      'NEXT_PUBLIC_API_KEY',
      'hashed_secret',
    ]) {
      assert.ok(suppressed(`${name} = "${value}"`, value, GENERIC), name);
    }
    for (const name of [
      'AZURE_PRIMARY_KEY',
      'HASH_SECRET',
      'SITE_SECRET',
      'ID_TOKEN',
      'INDEX_API_KEY',
      'client_secret',
      'vault_secret_id',
    ]) {
      assert.ok(!suppressed(`${name} = "${value}"`, value, GENERIC), name);
    }
    assert.ok(
      !suppressed(`PUBLIC_KEY = "${value}"`, value, PROVIDER),
      'provider formats are judged by their rule',
    );
  });

  it('keeps live-looking values in ordinary assignments', () => {
    const value = randomToken(ALNUM, 32);
    assert.ok(!suppressed(`API_KEY=${value}`, value, GENERIC));
    assert.ok(!suppressed(`const apiKey = "${value}";`, value, PROVIDER));
    assert.ok(!suppressed(`password: "${value}"`, value, GENERIC));
    assert.ok(!suppressed(`Authorization: Bearer ${value}`, value, PROVIDER));
  });
});
