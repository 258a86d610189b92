import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_TOKEN, START_TOKEN, prefixedRule, tokenRule } from './ruleKit';

// GitLab's token prefixes (docs.gitlab.com "Token prefixes"). Each kind gets its own id so that an
// ignore comment or a setting can name exactly one.

const revokeUrl = 'https://gitlab.com/-/user_settings/personal_access_tokens';
const TOKEN = `${ALNUM}_-`;

interface Kind {
  readonly id: string;
  readonly prefix: string;
  readonly description: string;
  readonly risk: string;
  readonly body?: string;
  readonly bodyMax?: number;
  readonly make?: () => string;
  readonly validate?: (secret: string) => boolean;
}

function gitlab(k: Kind): Rule {
  return prefixedRule({
    id: k.id,
    provider: 'GitLab',
    description: k.description,
    risk: k.risk,
    prefix: k.prefix,
    body: k.body ?? '[A-Za-z0-9_-]{20}',
    bodyMax: k.bodyMax ?? 20,
    make: k.make ?? (() => randomToken(TOKEN, 20)),
    revokeUrl,
    ...(k.validate ? { validate: k.validate } : {}),
    negatives: [`${k.prefix}XXXXXXXXXX-XXXXXXXXX`],
  });
}

/** A routable token (GitLab 17.x): base64url payload, `.01.` (version), then 9 base36 characters (length and CRC). */
function routable(): string {
  return `${randomToken(BASE64URL, 40)}.01.${randomToken(LOWER_ALNUM, 9)}`;
}

/**
 * Tokens of an instance with a custom prefix, or issued with a partition, run to 50 characters with `_`
 * between their parts (`PREfix_<13>_<6>_…`); a run that ends in `_` or `-` is cut text, not a token.
 */
const LONG_BODY = '[A-Za-z0-9_-]{20,50}';
const LONG_BODY_MAX = 50;
const endsInAlnum = (s: string): boolean => /[A-Za-z0-9]$/.test(s);
function partitioned(): string {
  return randomToken('01', 1) === '0'
    ? `${randomToken(TOKEN, 19)}${randomToken(ALNUM, 1)}`
    : `${randomToken(ALNUM, 6)}_${randomToken(LOWER_ALNUM, 13)}_${randomToken(LOWER_ALNUM, 6)}_${randomToken(LOWER_ALNUM, 6)}`;
}

const ROUTABLE_BODY = '[A-Za-z0-9_-]{20,300}(?:\\.[0-9a-z]{2}\\.[0-9a-z]{9}|\\.[0-9a-z]{9})?';

export const gitlabRules: readonly Rule[] = [
  gitlab({
    id: 'gitlab-pat',
    prefix: 'glpat-',
    description: 'GitLab personal access token',
    risk: 'anyone with this file can act as you on GitLab: read and push code, within the token’s scopes',
    // Legacy tokens are 20 characters; routable ones are longer and end in `.<version><crc>`.
    body: ROUTABLE_BODY,
    bodyMax: 313,
    make: () => (randomToken('01', 1) === '0' ? randomToken(TOKEN, 20) : routable()),
    // A longer body without the routable `.<version><crc>` tail is neither format: `glpat-` before 64 hex
    // digits is an OAuth application secret (`gloas-`) under the wrong prefix.
    validate: (s) => s.length === 'glpat-'.length + 20 || s.includes('.'),
  }),
  gitlab({
    id: 'gitlab-deploy-token',
    prefix: 'gldt-',
    description: 'GitLab deploy token',
    risk: 'anyone with this file can read (and possibly write) your repository, packages and container images',
    body: LONG_BODY,
    bodyMax: LONG_BODY_MAX,
    make: partitioned,
    validate: endsInAlnum,
  }),
  gitlab({
    id: 'gitlab-runner-token',
    prefix: 'glrt-',
    description: 'GitLab runner authentication token',
    risk: 'anyone with this file can register a runner that receives your CI jobs, their code and secrets',
    body: ROUTABLE_BODY,
    bodyMax: 313,
    make: () => `t1_${routable()}`,
  }),
  tokenRule({
    id: 'gitlab-runner-registration-token',
    provider: 'GitLab',
    description: 'GitLab runner registration token (legacy)',
    risk: 'anyone with this file can register a runner that receives your CI jobs, their code and secrets',
    keywords: ['gr1348941'],
    pattern: new RegExp(`${START_TOKEN}GR1348941${LONG_BODY}${END_TOKEN}`),
    maxLength: 9 + LONG_BODY_MAX,
    minEntropy: 3,
    validate: endsInAlnum,
    revokeUrl,
    sample: () => `GR1348941${partitioned()}`,
    negatives: ['GR1348941XXXXXXXXXXXXXXXXXXXX', 'registration-token: GR1348941...'],
  }),
  gitlab({
    id: 'gitlab-pipeline-trigger-token',
    prefix: 'glptt-',
    description: 'GitLab pipeline trigger token',
    risk: 'anyone with this file can start your pipelines, with their deploy jobs and secrets',
    // 40 hex digits when issued; the peers' cases also hold 40 base64url characters.
    body: '[A-Za-z0-9_-]{40}',
    bodyMax: 40,
    make: () =>
      randomToken('01', 1) === '0'
        ? randomToken(HEX, 40)
        : `${randomToken(TOKEN, 39)}${randomToken(ALNUM, 1)}`,
    validate: endsInAlnum,
  }),
  gitlab({
    id: 'gitlab-scim-token',
    prefix: 'glsoat-',
    description: 'GitLab SCIM token',
    risk: 'anyone with this file can provision and remove users in your GitLab group',
    body: LONG_BODY,
    bodyMax: LONG_BODY_MAX,
    make: partitioned,
    validate: endsInAlnum,
  }),
  gitlab({
    id: 'gitlab-ci-job-token',
    prefix: 'glcbt-',
    description: 'GitLab CI/CD job token',
    risk: 'anyone with this file can reach your projects and packages as a running CI job',
    // The partition id before `_` is optional: tokens issued before partitioning are the 20 characters alone.
    body: '(?:[A-Za-z0-9]{1,5}_)?[A-Za-z0-9_-]{20}',
    bodyMax: 26,
    make: () => `${randomToken('01', 1) === '0' ? `${randomToken(ALNUM, 2)}_` : ''}${randomToken(TOKEN, 20)}`,
  }),
  gitlab({
    id: 'gitlab-feed-token',
    prefix: 'glft-',
    description: 'GitLab feed token',
    risk: 'anyone with this file can read your GitLab activity and issue feeds, including private projects',
    body: LONG_BODY,
    bodyMax: LONG_BODY_MAX,
    make: partitioned,
    validate: endsInAlnum,
  }),
  gitlab({
    id: 'gitlab-incoming-mail-token',
    prefix: 'glimt-',
    description: 'GitLab incoming email token',
    risk: 'anyone with this file can create issues and merge requests in your name by email',
    body: '[A-Za-z0-9_-]{25}',
    bodyMax: 25,
    make: () => randomToken(TOKEN, 25),
  }),
  gitlab({
    id: 'gitlab-agent-token',
    prefix: 'glagent-',
    description: 'GitLab agent for Kubernetes token',
    risk: 'anyone with this file can impersonate your cluster agent and reach the projects it serves',
    // 50 characters at least; newer agents' tokens run longer.
    body: '[A-Za-z0-9_-]{50,300}',
    bodyMax: 300,
    make: () => randomToken(TOKEN, randomToken('01', 1) === '0' ? 50 : 59),
  }),
  gitlab({
    id: 'gitlab-oauth-app-secret',
    prefix: 'gloas-',
    description: 'GitLab OAuth application secret',
    risk: 'anyone with this file can impersonate your OAuth application to GitLab users',
    body: '[A-Za-z0-9_-]{64}',
    bodyMax: 64,
    make: () => randomToken(TOKEN, 64),
  }),
  gitlab({
    id: 'gitlab-feature-flags-token',
    prefix: 'glffct-',
    description: 'GitLab feature flags client token',
    risk: 'anyone with this file can read your feature flags and user lists',
  }),
  tokenRule({
    id: 'gitlab-session-cookie',
    provider: 'GitLab',
    description: 'GitLab session cookie',
    risk: 'anyone with this file is logged in to GitLab as you until the session ends',
    keywords: ['_gitlab_session='],
    pattern: /_gitlab_session=(?<secret>[0-9a-f]{32})(?![0-9a-z])/,
    maxLength: 48,
    minEntropy: 3,
    revokeUrl: 'https://gitlab.com/-/user_settings/active_sessions',
    sample: () => randomToken(HEX, 32),
    lines: (s) => [
      `Cookie: _gitlab_session=${s}; path=/`,
      `curl -b "_gitlab_session=${s}" https://gitlab.com/api/v4/user`,
    ],
    negatives: ['_gitlab_session=<cookie>', '_gitlab_session=00000000000000000000000000000000'],
  }),
];
