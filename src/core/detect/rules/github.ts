import { githubChecksumOk, githubToken } from '../checksum';
import { ALNUM, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { tokenRule } from './ruleKit';
import { lettersAndDigits, numericId } from './ruleParts';
import { jwtOk } from './jwtChecks';
import { jwtSample } from './tokens';

const risk = 'anyone with this file can act as you on GitHub';
const b64url = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');
const revokeUrl = 'https://github.com/settings/tokens';

/** One rule per new-format prefix; all carry the CRC-32 checksum that tells a real token from a look-alike. */
function prefixed(id: string, prefix: string, description: string): Rule {
  return {
    id,
    provider: 'GitHub',
    description,
    risk,
    severity: 'error',
    keywords: [`${prefix}_`],
    pattern: new RegExp(`\\b${prefix}_[A-Za-z0-9]{36}\\b`),
    maxLength: 40,
    validate: githubChecksumOk,
    proof: 'checksum',
    revokeUrl,
    tests: {
      positives: () => {
        const token = githubToken(prefix, randomToken(ALNUM, 30));
        return [`token = "${token}"`, `export GITHUB_TOKEN=${token}`, token];
      },
      negatives: [
        `${prefix}_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX`,
        `${prefix}_your_token_here`,
        `${prefix}_0123456789abcdefghijABCDEFGHIJ000000`,
        `my${prefix}_token`,
      ],
    },
  };
}

export const githubRules: readonly Rule[] = [
  prefixed('github-pat', 'ghp', 'GitHub personal access token'),
  prefixed('github-oauth-token', 'gho', 'GitHub OAuth access token'),
  prefixed('github-user-to-server-token', 'ghu', 'GitHub App user-to-server token'),
  prefixed('github-server-to-server-token', 'ghs', 'GitHub App installation token'),
  prefixed('github-refresh-token', 'ghr', 'GitHub App refresh token'),
  {
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    description: 'GitHub fine-grained personal access token',
    risk,
    severity: 'error',
    keywords: ['github_pat_'],
    // Issued as 22 and 59 characters around a `_`; gitleaks reads the 82 as any word characters, and a
    // body of that length after this prefix is the token whichever way it is cut.
    pattern: /\bgithub_pat_[A-Za-z0-9_]{82}\b/,
    maxLength: 93,
    minEntropy: 3.5,
    revokeUrl,
    tests: {
      positives: () => {
        const token = `github_pat_${randomToken(ALNUM, 22)}_${randomToken(ALNUM, 59)}`;
        const uncut = `github_pat_${randomToken(LOWER_ALNUM, 82)}`;
        return [`GH_TOKEN: ${token}`, `"${token}"`, `github_token: '${uncut}'`];
      },
      negatives: [
        'github_pat_XXXXXXXXXXXXXXXXXXXXXX_XXXX',
        'github_pat_<your token>',
        'const github_pat_prefix = 1',
      ],
    },
  },
  tokenRule({
    id: 'github-app-installation-token',
    provider: 'GitHub',
    description: 'GitHub App installation token (JWT format)',
    risk: 'anyone with this file can act as your GitHub App on the repositories it is installed on, until the token expires',
    keywords: ['ghs_'],
    // GitHub's new installation tokens (changelog, 2026-04-24): `ghs_`, the app's numeric id, `_`, a JWT.
    // The JWT's header must decode and name an algorithm, as the jwt rule asks.
    pattern:
      /(?<![A-Za-z0-9_])ghs_[0-9]{1,20}_eyJ[A-Za-z0-9_-]{10,2000}\.e[wy][A-Za-z0-9_-]{8,8000}\.[A-Za-z0-9_-]{16,1400}(?![A-Za-z0-9_-])/,
    maxLength: 11440,
    minEntropy: 4,
    validate: (t) => jwtOk(t.slice(t.indexOf('_', 4) + 1)),
    revokeUrl: 'https://docs.github.com/en/rest/apps/installations',
    sample: () => `ghs_${numericId(7)}_${jwtSample()}`,
    lines: (t) => [
      `GITHUB_TOKEN=${t}`,
      `  "token": "${t}",`,
      `git clone https://x-access-token:${t}@github.com/acme/tools.git`,
      t,
    ],
    negatives: [
      'ghs_12345_eyJhbGciOi...',
      'token = "ghs_<app id>_<jwt>"',
      // The classic 36-character form is github-server-to-server-token's.
      'ghs_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX',
      // A header that names no algorithm is no JWT (built here, so no token-shaped literal is stored).
      `ghs_4821907_${b64url({ typ: 'JWT' })}.${b64url({ iss: '4821907' })}.${'Q'.repeat(43)}`,
    ],
  }),
  tokenRule({
    id: 'github-token-in-url',
    provider: 'GitHub',
    description: 'GitHub token given as the user name of a URL, with x-oauth-basic as the password',
    risk,
    keywords: ['x-oauth-basic'],
    // GitHub documents `https://<token>:x-oauth-basic@github.com/…` for cloning with a token: the fixed
    // password says the user name is a token, in any of GitHub's formats (40 hex, ghp_…, gho_…).
    pattern: /:\/\/(?<secret>[A-Za-z0-9_]{20,255}):x-oauth-basic@/,
    maxLength: 280,
    minEntropy: 3,
    validate: lettersAndDigits,
    revokeUrl,
    sample: () => randomToken(LOWER_ALNUM, 40),
    lines: (t) => [
      `git clone https://${t}:x-oauth-basic@github.com/acme/tools.git`,
      `"private-pkg": "git+https://${t}:x-oauth-basic@github.com/acme/private-pkg.git#v1.0.0"`,
    ],
    negatives: [
      'git clone https://${GITHUB_TOKEN}:x-oauth-basic@github.com/acme/tools.git',
      'https://<token>:x-oauth-basic@github.com/acme/tools.git',
      'https://YOUR_PERSONAL_ACCESS_TOKEN:x-oauth-basic@github.com/acme/tools.git',
      'https://xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx:x-oauth-basic@github.com/acme/tools.git',
      'https://octocat:hunter2@github.com/acme/tools.git',
    ],
  }),
];
