import { githubChecksumOk, githubToken } from '../checksum';
import { ALNUM, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';

const risk = 'anyone with this file can act as you on GitHub';
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
];
