import { ALNUM, HEX, UPPER_HEX, randomToken, randomFraction } from '../random';
import type { FoundValue, Rule } from '../rule';
import { isAlnum } from './placedFormats';
import { END_ALNUM, START_TOKEN, contextRule, prefixedRule, tokenRule } from './ruleKit';

// Code hosts other than GitHub's prefixed tokens (github.ts) and GitLab (gitlab.ts): Atlassian and
// Bitbucket, Azure DevOps, Gitea/Forgejo, Sourcegraph, and GitHub's pre-2021 40-hex tokens.

const repoRisk = (host: string): string =>
  `anyone with this file can read and push to your ${host} repositories within the token’s scopes`;
const TOKEN = `${ALNUM}_-`;

/** Atlassian's newer tokens: a fixed 12-character head, ~171 base64url characters, `=` and an 8-hex checksum. */
function atlassianToken(head: string): () => string {
  return () => `${head}${randomToken(TOKEN, 171)}=${randomToken('0123456789ABCDEF', 8)}`;
}

/** Azure DevOps' identifiable PAT: 76 characters, the `AZDO` tag, 4 more. */
const AZDO_AT = 76;
const AZDO_LENGTH = 84;

/**
 * Every Azure DevOps PAT in [from, to), found from its `AZDO` tag: one `indexOf` pass and a bounded check
 * at each tag (84 characters at most), so no keyword is needed within reach of the token's start. The tag
 * at its place is the proof: a random run of 84 holds it there once in 15 million. Microsoft's `JQQJ9` at
 * 52 is not required; Nosey Parker reads the token without it.
 */
function azureDevOpsTokens(text: string, from: number, to: number): FoundValue[] {
  const out: FoundValue[] = [];
  // The tag is searched from its `Z`, and its `A` read: a native search stops at each place the pattern's
  // first character stands, and `A` fills base64 (zero bytes, small numbers: a bot token's id opens with
  // `MTAwMDAw`), where `Z` is one character in 64 (a megabyte of bot tokens: 0.75 ms -> 0.08 ms).
  for (
    let z = text.indexOf('ZDO', from + AZDO_AT + 1);
    z !== -1 && z - 1 < to;
    z = text.indexOf('ZDO', z + 1)
  ) {
    if (text.charCodeAt(z - 1) !== 65) {
      continue;
    }
    const i = z - 1;
    const start = i - AZDO_AT;
    const end = start + AZDO_LENGTH;
    if (
      end > text.length ||
      (start > 0 && isAlnum(text.charCodeAt(start - 1))) ||
      isAlnum(text.charCodeAt(end))
    ) {
      continue;
    }
    let ok = true;
    for (let k = start; k < end && ok; k++) {
      ok = isAlnum(text.charCodeAt(k));
    }
    if (ok) {
      out.push({ start, end, provider: 'Azure DevOps' });
    }
  }
  return out;
}

export const codeHostRules: readonly Rule[] = [
  tokenRule({
    id: 'atlassian-api-token',
    provider: 'Atlassian',
    description: 'Atlassian API token (Jira, Confluence, Bitbucket)',
    risk: 'anyone with this file can act as you in Jira, Confluence and Bitbucket',
    // `ATATT3` and ~180 characters; a shorter body counts when it ends in the `=<8>` checksum, as
    // trufflehog's detector reads it.
    keywords: ['atatt'],
    pattern: new RegExp(
      `${START_TOKEN}ATATT(?:3[A-Za-z0-9_=-]{150,250}|[A-Za-z0-9_-]{30,250}=[A-Za-z0-9]{8})(?![A-Za-z0-9_=-])`,
    ),
    maxLength: 264,
    minEntropy: 4,
    revokeUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens',
    sample: () =>
      randomFraction() < 0.5
        ? atlassianToken('ATATT3xFfGF0')()
        : `ATATT${randomToken(ALNUM, 44)}=${randomToken(UPPER_HEX, 8)}`,
    negatives: [
      'JIRA_API_TOKEN=ATATT3xFfGF0...',
      'ATATT3xFfGF0<your-token>',
      'ATATTabcdefghijklmnopqrstuvwxyzABCDEFGHIJKL0123',
    ],
  }),
  tokenRule({
    id: 'bitbucket-access-token',
    provider: 'Bitbucket',
    description: 'Bitbucket repository, project or workspace access token',
    risk: repoRisk('Bitbucket'),
    keywords: ['atctt3'],
    pattern: new RegExp(`${START_TOKEN}ATCTT3[A-Za-z0-9_=-]{150,250}(?![A-Za-z0-9_=-])`),
    maxLength: 256,
    minEntropy: 4,
    revokeUrl: 'https://bitbucket.org/account/settings/',
    sample: atlassianToken('ATCTT3xFfGN0'),
    negatives: ['BITBUCKET_TOKEN=ATCTT3xFfGN0...'],
  }),
  prefixedRule({
    id: 'bitbucket-app-password',
    provider: 'Bitbucket',
    description: 'Bitbucket app password',
    risk: repoRisk('Bitbucket'),
    prefix: 'ATBB',
    body: '[A-Za-z0-9_=.-]{24,48}',
    bodyMax: 48,
    make: () => randomToken(ALNUM, 32),
    revokeUrl: 'https://bitbucket.org/account/settings/app-passwords/',
    validate: (s) => /\d/.test(s.slice(4)),
  }),
  contextRule({
    id: 'atlassian-legacy-api-token',
    provider: 'Atlassian',
    description: 'Atlassian API token (unprefixed 24-character format)',
    risk: 'anyone with this file can act as you in Jira, Confluence and Bitbucket',
    words: ['atlassian', 'jira', 'confluence'],
    value: '[A-Za-z0-9]{24}',
    valueMax: 24,
    make: () => randomToken(ALNUM, 24),
    revokeUrl: 'https://id.atlassian.com/manage-profile/security/api-tokens',
  }),
  {
    ...tokenRule({
      id: 'azure-devops-pat',
      provider: 'Azure DevOps',
      description: 'Azure DevOps personal access token',
      risk: repoRisk('Azure DevOps'),
      // Microsoft's identifiable format: 52 random, `JQQJ9` + version, 18 more, the `AZDO` tag, 4 more.
      keywords: [],
      // Documents what the finder accepts; the engine runs `finder`, never this pattern.
      pattern: new RegExp(`(?<![A-Za-z0-9])[A-Za-z0-9]{${AZDO_AT}}AZDO[A-Za-z0-9]{4}${END_ALNUM}`),
      maxLength: AZDO_LENGTH,
      minEntropy: 3.5,
      revokeUrl: 'https://dev.azure.com/_usersSettings/tokens',
      sample: () =>
        randomFraction() < 0.5
          ? `${randomToken(ALNUM, 52)}JQQJ99${randomToken(ALNUM, 18)}AZDO${randomToken(ALNUM, 4)}`
          : `${randomToken(ALNUM, AZDO_AT)}AZDO${randomToken(ALNUM, 4)}`,
      negatives: ['AZURE_DEVOPS_PAT=<84 characters ending in AZDO…>', 'JQQJ99AZDO'],
    }),
    finder: azureDevOpsTokens,
  },
  contextRule({
    id: 'azure-devops-legacy-pat',
    provider: 'Azure DevOps',
    description: 'Azure DevOps personal access token (52-character format)',
    risk: repoRisk('Azure DevOps'),
    words: ['azure_devops', 'azdo', 'ado_pat', 'ado_token', 'vsts', 'devops_pat', 'system_accesstoken'],
    // Base32 as issued (`[a-z2-7]`); Nosey Parker's rule takes any lower-case letters and digits.
    value: '[a-z0-9]{52}',
    valueMax: 52,
    make: () => randomToken('abcdefghijklmnopqrstuvwxyz234567', 52),
    revokeUrl: 'https://dev.azure.com/_usersSettings/tokens',
  }),
  contextRule({
    id: 'gitea-access-token',
    credentialName: true,
    provider: 'Gitea',
    description: 'Gitea or Forgejo access token',
    risk: repoRisk('Gitea/Forgejo'),
    words: ['gitea', 'forgejo', 'codeberg'],
    value: '[a-f0-9]{40}',
    valueMax: 40,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://gitea.com/user/settings/applications',
  }),
  contextRule({
    id: 'github-legacy-token',
    credentialName: true,
    provider: 'GitHub',
    description: 'GitHub OAuth token or client secret (40-hex format)',
    risk: 'anyone with this file can act as you, or as your OAuth app, on GitHub',
    // A 40-hex value is usually a commit SHA; only a token-ish GitHub name makes it a credential.
    words: [
      'github_token',
      'gh_token',
      'github_pat',
      'github_oauth',
      'github_access_token',
      'github_api_token',
      'github_api_key',
      'github_auth_token',
      'github_client_secret',
      'github_secret',
    ],
    value: '[a-f0-9]{40}',
    valueMax: 40,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://github.com/settings/tokens',
    negatives: ['GITHUB_SHA=0123456789abcdef0123456789abcdef01234567'],
    lines: (s) => [`GITHUB_TOKEN=${s}`, `{"github_client_secret": "${s}"}`, `const githubToken = '${s}';`],
  }),
  tokenRule({
    id: 'sourcegraph-access-token',
    provider: 'Sourcegraph',
    description: 'Sourcegraph access token',
    risk: 'anyone with this file can search your private code on Sourcegraph as you',
    keywords: ['sgp_'],
    // Hex in either case, as gitleaks reads it: the `sgp_` prefix and the lengths identify the format.
    // Kingfisher's examples write both an instance id and `local` (`sgp_<16>_local_<40>`).
    pattern: new RegExp(`${START_TOKEN}sgp_(?:[a-fA-F0-9]{16}_)?(?:local_)?[a-fA-F0-9]{40}${END_ALNUM}`),
    maxLength: 67,
    minEntropy: 3,
    revokeUrl: 'https://sourcegraph.com/user/settings/tokens',
    sample: () => {
      const hex = randomToken('01', 1) === '0' ? HEX : UPPER_HEX;
      return `sgp_${randomToken(hex, 16)}_${randomToken(hex, 40)}`;
    },
    negatives: ['SRC_ACCESS_TOKEN=sgp_...', 'sgp_local_<token>'],
  }),
];
