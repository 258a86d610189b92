import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { charClasses } from './valueChecks';
import { passwordOk } from './genericValues';
import { anyCase, contextRule, tokenRule } from './ruleKit';

// Values that only the service's name beside them identifies, in the shapes the service key table
// (`serviceKeys.ts`) does not read: mixed-case hex, a lower-case alphabet with `-` and `_`, a key in a
// URL's query, a password that holds blanks. Formats and words are facts from trufflehog's and gitleaks'
// detectors; the patterns and their guards are our own. All are warnings: a name, not a prefix, says it.

/** 40 hex digits in both letter cases: what no digest prints (a commit SHA is lower-case). */
function mixedCaseHex(v: string): boolean {
  return /[a-f]/.test(v) && /[A-F]/.test(v) && /[0-9]/.test(v);
}

/**
 * A quoted password that may hold blanks (a passphrase, or a generated one with marks): data as the
 * generic password rule reads it, at most two blanks, and a first piece of eight or more characters
 * that mixes two character classes, so a sentence (`"Use the vault!"`) is not one.
 */
function spacedPasswordOk(v: string): boolean {
  const pieces = v.split(' ');
  const first = pieces[0] ?? '';
  const c = charClasses(first);
  const mixed = [c.lower, c.upper, c.digit, c.special].filter(Boolean).length;
  return pieces.length <= 3 && first.length >= 8 && mixed >= 2 && passwordOk(v);
}

export const serviceNamedValueRules: readonly Rule[] = [
  contextRule({
    id: 'sourcegraph-named-token',
    provider: 'Sourcegraph',
    description: 'Sourcegraph access token under a Sourcegraph name (40 hex digits)',
    risk: 'anyone with this file can search your private code on Sourcegraph as you',
    // Sourcegraph's older tokens are 40 hex digits with no prefix, as gitleaks reads them after the word
    // `sourcegraph`. A lower-case run there may be a pinned commit, so only both letter cases are taken.
    words: ['sourcegraph'],
    value: '[a-fA-F0-9]{40}',
    valueMax: 40,
    validate: mixedCaseHex,
    make: () => {
      for (;;) {
        const v = [...randomToken(HEX, 40)]
          .map((c) => (randomFraction() < 0.5 ? c.toUpperCase() : c))
          .join('');
        if (mixedCaseHex(v)) {
          return v;
        }
      }
    },
    revokeUrl: 'https://sourcegraph.com/user/settings/tokens',
    lines: (s) => [`sourcegraph: ${s}`, `SOURCEGRAPH_TOKEN=${s}`, `"sourcegraphAccessToken": "${s}"`],
    negatives: [
      `sourcegraph: ${'3f9a1c2b4d5e6f708192'.repeat(2)}`,
      `sourcegraph_commit = "${'3F9A1C2B4D5E6F708192'.repeat(2)}"`,
      `sourcegraph: ${'3f9a1C2b4d5e6f708192'.repeat(2)}0`,
      `token: ${'b4a7525F91Cab626E85F'.repeat(2)}`,
    ],
  }),
  contextRule({
    id: 'exportsdk-api-secret',
    provider: 'ExportSDK',
    description: 'ExportSDK API secret',
    risk: 'anyone with this file can render documents through your ExportSDK account, on your bill',
    // A lower-case head, `_` and 36 lower-case letters, digits and dashes (42 to 52 in all); read under an
    // ExportSDK credential name only: the 36-character id beside it (`exportsdk_id`) is not a secret.
    words: ['exportsdk'],
    credentialName: true,
    value: '[a-z0-9][a-z0-9_-]{35,51}',
    valueMax: 52,
    make: () => `${randomToken(LOWER_ALNUM, 8)}_${randomToken(`${LOWER_ALNUM}-`, 36)}`,
    revokeUrl: 'https://exportsdk.com',
    lines: (s) => [`  exportsdk_secret: "${s}"`, `EXPORTSDK_API_KEY=${s}`],
    negatives: [
      `  exportsdk_id: "${'4hzdkaj8fgx2'.repeat(3)}"`,
      `exportsdk_secret: "${'my-exportsdk-secret-goes-in-the-vault-now'}"`,
      `exportsdk_secret: "${'Q6L59I_DD8W6'.repeat(4)}"`,
    ],
  }),
  tokenRule({
    id: 'coinlib-api-key',
    provider: 'Coinlib',
    description: 'Coinlib API key in a request URL',
    risk: 'anyone with this URL can spend your Coinlib API quota',
    severity: 'warning',
    // 16 lower-case letters and digits in the `key` parameter of a URL on Coinlib's host.
    keywords: ['coinlib.'],
    pattern: new RegExp(
      `${anyCase('coinlib')}\\.[a-z]{2,3}/[A-Za-z0-9/._-]{0,80}\\?(?:[A-Za-z0-9_.%=-]{0,40}&){0,4}key=(?<secret>[a-z0-9]{16})(?![A-Za-z0-9_-])`,
    ),
    maxLength: 13 + 80 + 4 * 41 + 4 + 16,
    // 2.5 bits, not 3: Coinlib's host and the `key` parameter say what the value is, and 16 random letters fall
    // under 3 bits one time in 85 (under 2.5 one in 50,000); a filler (`aaaa…`) stays far below.
    minEntropy: 2.5,
    revokeUrl: 'https://coinlib.io/apidocs',
    sample: () => randomToken('abcdefghijklmnopqrstuvwxyz', 16),
    lines: (k) => [
      `  base_url: "https://api.coinlib.com/v1/user?key=${k}"`,
      `fetch('https://coinlib.io/api/v1/coin?pref=USD&key=${k}&symbol=BTC')`,
    ],
    negatives: [
      'https://coinlib.io/api/v1/coin?key=aaaaaaaaaaaaaaaa',
      'https://coinlib.io/api/v1/coin?key=yourapikeyhere00',
      `https://coinlib.io/api/v1/coin?key=${'kzkwpobucjnfub'}x7q`,
      `https://example.com/v1/user?key=${'kzkwpobucjnfub'}q7`,
      `https://coinlib.io/api/v1/coin?monkey=${'kzkwpobucjnfub'}q7`,
    ],
  }),
  tokenRule({
    id: 'couchbase-password',
    provider: 'Couchbase',
    description: 'Couchbase password under a Couchbase name',
    risk: 'anyone with this file can read and change the data in your Couchbase cluster',
    severity: 'warning',
    // The quoted value whole: unlike the generic password rule, blanks are read inside it (a
    // passphrase, or a generated password with marks), which only the Couchbase name makes safe to take.
    keywords: ['couchbase'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])${anyCase('couchbase')}[A-Za-z0-9_.-]{0,20}?(?:${anyCase('password')}|${anyCase('passwd')}|${anyCase('pass')}|${anyCase('pwd')})["']?[ \\t]{0,3}[:=][ \\t]{0,3}["'](?<secret>[^\\s"'](?:[^"'\\r\\n]{0,98}[^\\s"'])?)["']`,
    ),
    maxLength: 147,
    validate: spacedPasswordOk,
    revokeUrl: 'https://cloud.couchbase.com',
    sample: () => `${randomToken(ALNUM, 12)}${randomToken('0123456789', 2)} rf@V[4,L/?2}`,
    lines: (p) => [`  couchbase_password: "${p}"`, `COUCHBASE_PASSWORD='${p.split(' ')[0]!}'`],
    negatives: [
      'couchbase_password: "Use the vault!"',
      'couchbase_password: "${COUCHBASE_PASSWORD}"',
      'couchbase_password: "<your password here>"',
      'couchbase_username: "usrpS@d>p"',
      'couchbase_password: "this is not a password at all"',
    ],
  }),
  contextRule({
    id: 'azure-function-named-key',
    provider: 'Azure',
    description: 'Azure Functions key under a function key name',
    risk: 'anyone with this file can invoke your Azure Function',
    // 20 to 56 base64url characters and up to two `=`, under a name of an Azure function and a key
    // (`azureFunctionKey`, `x-functions-key`); the key in a function URL's `code=` is azure-function-key.
    // `function_key` alone is a keyboard's too (`FUNCTION_KEY_NAMES = "F1F2…"`): Azure's names only.
    words: ['azure_function', 'functions_key'],
    credentialName: true,
    // The value ends the line, or a quote or separator ends it: a run that goes on in marks (`…!…/`) is
    // a corrupted or partial one, which trufflehog refuses for want of the function's URL beside it.
    value: '[A-Za-z0-9_-]{20,56}={0,2}(?=[\\s"\'`,;)}\\]]|$)',
    valueMax: 58,
    make: () => `${randomToken(BASE64URL, 54)}==`,
    revokeUrl: 'https://portal.azure.com',
    lines: (k) => [
      `  azureFunctionkey: ${k}`,
      `AZURE_FUNCTION_KEY=${k}`,
      `headers: { "x-functions-key": "${k}" }`,
    ],
    negatives: [
      'azure_function_name: billing-export-fn-2024-westeurope',
      'azureFunctionKey: <function-key>',
      'FUNCTION_KEY_NAMES = "F1F2F3F4F5F6F7F8F9F10F11F12"',
      `azureFunctionkey: ${'Kd8sPq2LmZx4Vn7R'}`,
      `azureFunctionkey: ${'Kd8sPq2LmZx4Vn7R'.repeat(2)}!${'Vn7RKd8sPq2LmZx4'.repeat(2)}/`,
    ],
  }),
  contextRule({
    id: 'fileio-api-key',
    provider: 'File.io',
    description: 'File.io API key',
    risk: 'anyone with this file can upload and read files through your File.io account',
    // 27 upper-case letters and digits, a `.` and 11 more (39 in all), under a File.io credential name.
    words: ['fileio', 'file_io'],
    credentialName: true,
    value: '[A-Z0-9]{27}\\.[A-Z0-9]{11}',
    valueMax: 39,
    make: () => `${randomToken(UPPER_ALNUM, 27)}.${randomToken(UPPER_ALNUM, 11)}`,
    revokeUrl: 'https://www.file.io',
    lines: (k) => [`  "fileio_secret": "${k}"`, `FILEIO_API_KEY=${k}`],
    negatives: [
      `fileio_secret: "${'FILEIOKEYA1B2C3'.repeat(2)}"`,
      `fileio_secret: "${'A1B2C3D4E5F6G7H8J9K0L1M2N3P'}.${'a1b2c3d4e5f'}"`,
      `FILEIO_URL=${'A1B2C3D4E5F6G7H8J9K0L1M2N3P'}.${'Q4R5S6T7U8V'}`,
    ],
  }),
  contextRule({
    id: 'formbucket-api-token',
    provider: 'FormBucket',
    description: 'FormBucket API token',
    risk: 'anyone with this file can read the form submissions of your FormBucket account',
    // A long base62 body, a `.` and a base64url tail (`<105>.<4>_<11>` in trufflehog's test), under a
    // FormBucket credential name.
    words: ['formbucket'],
    credentialName: true,
    value: '[A-Za-z0-9]{40,200}\\.[A-Za-z0-9_-]{8,60}',
    valueMax: 261,
    make: () => `${randomToken(ALNUM, 105)}.${randomToken(ALNUM, 4)}_${randomToken(ALNUM, 11)}`,
    revokeUrl: 'https://formbucket.com',
    lines: (k) => [`  "formbucket_secret": "${k}"`, `FORMBUCKET_TOKEN=${k}`],
    negatives: [
      `formbucket_url: "${'FormBucketHost42'.repeat(4)}.${'example1'}"`,
      `formbucket_secret: "${'Kd8sPq2LmZx4Vn7R'.repeat(2)}.${'Ab1_Cd2-Ef3'}"`,
    ],
  }),
];
