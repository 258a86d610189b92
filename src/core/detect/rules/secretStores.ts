import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, UPPER_ALNUM, randomFraction, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_TOKEN, START_TOKEN, anyCase, contextRule, prefixedRule, tokenRule } from './ruleKit';
import { uuid } from './ruleParts';

// Secret managers and infrastructure-as-code services: a leaked token here opens every other secret.
// Facts on the formats come from the vendors' documentation and the public rule sets (gitleaks,
// trufflehog); the patterns follow this engine's contract.

const vaultRisk =
  'anyone with this file can read the secrets this token is allowed to in your HashiCorp Vault';
const vaultRevoke = 'https://developer.hashicorp.com/vault/docs/commands/token/revoke';
const dopplerRisk = 'anyone with this file can read the secrets of your Doppler projects';
const dopplerRevoke = 'https://dashboard.doppler.com/workplace/tokens';
const opRisk = 'anyone with this file can read the items of your 1Password vaults';

function doppler(id: string, kind: string, description: string, body = '[A-Za-z0-9]{40,44}'): Rule {
  return prefixedRule({
    id,
    provider: 'Doppler',
    description,
    risk: dopplerRisk,
    prefix: `dp.${kind}.`,
    body,
    bodyMax: 86,
    make: () => randomToken(ALNUM, 43),
    revokeUrl: dopplerRevoke,
  });
}

export const secretStoreRules: readonly Rule[] = [
  prefixedRule({
    id: 'vault-service-token',
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault service token',
    risk: vaultRisk,
    prefix: 'hvs.',
    // 24 characters without server-side consistency, about 95 with it.
    body: '[A-Za-z0-9_-]{24,120}',
    bodyMax: 120,
    minEntropy: 4,
    make: () => `CAESI${randomToken(BASE64URL, 90)}`,
    revokeUrl: vaultRevoke,
  }),
  prefixedRule({
    id: 'vault-batch-token',
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault batch token',
    risk: vaultRisk,
    prefix: 'hvb.',
    // About 140 characters as Vault issues them; Nosey Parker's rule and its example take 24 and more,
    // as for `hvs.`: nothing else writes 24 random characters behind `hvb.`.
    body: '[A-Za-z0-9_-]{24,300}',
    bodyMax: 300,
    minEntropy: 3.5,
    make: () => `AAAAAQ${randomToken(BASE64URL, 150)}`,
    revokeUrl: vaultRevoke,
  }),
  prefixedRule({
    id: 'vault-recovery-token',
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault recovery token',
    risk: 'anyone with this file can operate on the storage of your HashiCorp Vault in recovery mode',
    prefix: 'hvr.',
    body: '[A-Za-z0-9_-]{24,120}',
    bodyMax: 120,
    minEntropy: 3.5,
    make: () => randomToken(BASE64URL, 90),
    revokeUrl: vaultRevoke,
  }),
  contextRule({
    id: 'vault-legacy-token',
    credentialName: true,
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault token (pre-1.10 format)',
    risk: vaultRisk,
    // Given to a Vault name, or to any token name (`token: s.…`): the `s.` and 24 mixed characters are the
    // format, and the name only says it is a credential.
    words: ['vault', 'token'],
    value: 's\\.[A-Za-z0-9]{24}',
    valueMax: 26,
    minEntropy: 3.3,
    make: () => `s.${randomToken(ALNUM, 24)}`,
    revokeUrl: vaultRevoke,
    negatives: ['VAULT_ADDR=https://vault.example.com:8200', 'vault_token: s.xxxxxxxxxxxxxxxxxxxxxxxx'],
  }),
  tokenRule({
    id: 'vault-named-token',
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault token (pre-1.10 service, batch or recovery format) under a Vault name',
    severity: 'warning',
    risk: vaultRisk,
    // `s.`, `b.` or `r.` and 24 to 128 token characters (longer with server-side consistency), given to a
    // Vault name (`VAULT_CLIENT_TOKEN="b.…"`, `-vaultToken s.…`), where a blank also separates name
    // and value. The letters alone are common (`r.headers`), so the name is what makes it a token, and
    // the body must mix upper case, lower case and digits as a random one does.
    keywords: ['vault'],
    pattern: new RegExp(
      `${anyCase('vault')}[\\w.-]{0,24}["'\`]?[ \\t]{0,3}(?:=>|:=|=|:|[ \\t])[ \\t]{0,3}["'\`]?` +
        `(?<secret>[sbr]\\.[A-Za-z0-9_-]{24,128})${END_TOKEN}`,
    ),
    maxLength: 5 + 24 + 10 + 130,
    minEntropy: 3.3,
    validate: (t) => /[A-Z]/.test(t.slice(2)) && /[a-z]/.test(t.slice(2)) && /[0-9]/.test(t.slice(2)),
    revokeUrl: vaultRevoke,
    sample: () =>
      randomFraction() < 0.5
        ? `${randomToken('sbr', 1)}.${randomToken(ALNUM, 26)}`
        : `s.${randomToken(ALNUM, 26)}-${randomToken(ALNUM, 4)}_${randomToken(BASE64URL, 70)}`,
    lines: (t) => [`VAULT_CLIENT_TOKEN="${t}"`, `\`-vaultToken ${t}"\``, `  vault_token: '${t}'`],
    negatives: [
      'vault.token = r.headersForTheRequestToTheVaultServer',
      'vaultToken = s.getServerAddressByClientCIDRs',
      'VAULT_CLIENT_TOKEN="b.xxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'b.AAAAAQJgxDgqsGNorpoORpZ5SUynBvCl764jyRP_fnX8WvkdkDzGjbLNGd',
    ],
  }),
  tokenRule({
    id: 'vault-approle-secret-id',
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault AppRole secret ID',
    risk: 'anyone with this file and the role ID can log in to your HashiCorp Vault as the AppRole',
    // A UUID given to `secret_id` (`vault write auth/approle/login role_id=… secret_id=…`). A `secret_id`
    // elsewhere may be a record's key, so the name says Vault or AppRole, or one of those words or a
    // `role_id` comes in the 300 characters before it. The redact tier hides both ids wherever they are.
    keywords: ['secret_id', 'secret-id', 'secretid'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:${anyCase('vault')}[_-]?|${anyCase('approle')}[_-]?)?${anyCase('secret')}[_-]?${anyCase('id')}` +
        `["']?[ \\t]{0,4}(?::=|=>|[:=])[ \\t]{0,4}["']?` +
        '(?<secret>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?![0-9a-fA-F-])',
    ),
    maxLength: 20 + 10 + 36,
    expectsUuid: true,
    inContext: (text, start) =>
      /vault|approle|role[_-]?id/i.test(text.slice(Math.max(0, start - 300), start)),
    revokeUrl: 'https://developer.hashicorp.com/vault/docs/auth/approle',
    sample: uuid,
    lines: (t) => [
      `VAULT_SECRET_ID=${t}`,
      `role_id = "$ROLE_ID"\nsecret_id = "${t}"`,
      `vault write auth/approle/login role_id="$ROLE_ID" secret_id="${t}"`,
    ],
    negatives: [
      // A UUID one digit short (the file's own Vault words would name one that is whole).
      'secret_id = "3fa85f64-5717-4562-b3fc-2c963f66afa"',
      'VAULT_SECRET_ID=12345678-1234-1234-1234-123456789012',
      'vault_secret_id: ${VAULT_SECRET_ID}',
    ],
  }),
  tokenRule({
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform Cloud',
    description: 'Terraform Cloud / Enterprise API token',
    risk: 'anyone with this file can run plans and applies, and read state and variables, in your Terraform workspaces',
    keywords: ['atlasv1'],
    pattern: new RegExp(`${START_TOKEN}[A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_=-]{60,70}${END_TOKEN}`),
    maxLength: 93,
    minEntropy: 4,
    revokeUrl: 'https://app.terraform.io/app/settings/tokens',
    sample: () => `${randomToken(ALNUM, 14)}.atlasv1.${randomToken(BASE64URL, 67)}`,
    negatives: [
      'xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'token = "<org>.atlasv1.<token>"',
    ],
  }),
  doppler('doppler-personal-token', 'pt', 'Doppler personal token'),
  doppler(
    'doppler-service-token',
    'st',
    'Doppler service token',
    '(?:[a-z0-9_-]{1,40}\\.)?[A-Za-z0-9]{40,44}',
  ),
  doppler('doppler-cli-token', 'ct', 'Doppler CLI token'),
  doppler('doppler-service-account-token', 'sa', 'Doppler service account token'),
  tokenRule({
    id: 'doppler-scim-audit-token',
    provider: 'Doppler',
    description: 'Doppler SCIM or audit token',
    risk: 'anyone with this file can manage the users of your Doppler workplace or read its audit log',
    keywords: ['dp.scim.', 'dp.audit.'],
    pattern: new RegExp(`${START_TOKEN}dp\\.(?:scim|audit)\\.[A-Za-z0-9]{40,44}${END_TOKEN}`),
    maxLength: 53,
    minEntropy: 3.5,
    revokeUrl: dopplerRevoke,
    sample: () => `dp.scim.${randomToken(ALNUM, 43)}`,
    negatives: ['dp.scim.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'DOPPLER_SCIM_TOKEN=dp.scim.<token>'],
  }),
  prefixedRule({
    id: '1password-service-account-token',
    provider: '1Password',
    description: '1Password service account token',
    risk: opRisk,
    prefix: 'ops_',
    // The body is base64 of a JSON object (`eyJ…`) when issued; a body without it, as long and as random,
    // is taken too: nothing else puts 250 base64 characters after `ops_`.
    body: '[A-Za-z0-9+/_-]{250,1500}={0,2}',
    bodyMax: 1505,
    minEntropy: 4.5,
    make: () =>
      Buffer.from(
        JSON.stringify({
          signInAddress: `${randomToken(LOWER_ALNUM, 8)}.1password.com`,
          userAuth: {
            method: 'SRPg-4096',
            alg: 'PBES2g-HS256',
            iterations: 650000,
            salt: randomToken(BASE64URL, 22),
          },
          email: `${randomToken(LOWER_ALNUM, 12)}@${randomToken(LOWER_ALNUM, 12)}.1passwordserviceaccounts.com`,
          srpX: randomToken(HEX, 64),
          muk: {
            alg: 'A256GCM',
            ext: true,
            k: randomToken(BASE64URL, 43),
            key_ops: ['encrypt', 'decrypt'],
            kty: 'oct',
            kid: 'mp',
          },
          secretKey: `A3-${randomToken(UPPER_ALNUM, 6)}-${randomToken(UPPER_ALNUM, 6)}`,
          deviceUuid: randomToken(LOWER_ALNUM, 26),
        }),
      )
        .toString('base64')
        .replace(/=+$/, ''),
    revokeUrl: 'https://my.1password.com/developer-tools/infrastructure-secrets/serviceaccount',
  }),
  tokenRule({
    id: '1password-secret-key',
    provider: '1Password',
    description: '1Password account secret key',
    risk: 'anyone with this file and your account password can sign in to your 1Password account',
    keywords: ['a3-'],
    pattern: new RegExp(
      `${START_TOKEN}A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}${END_TOKEN}`,
    ),
    maxLength: 40,
    minEntropy: 3.5,
    revokeUrl: 'https://support.1password.com/secret-key/',
    sample: () =>
      `A3-${randomToken(UPPER_ALNUM, 6)}-${randomToken(UPPER_ALNUM, 6)}-${[5, 5, 5, 5].map((n) => randomToken(UPPER_ALNUM, n)).join('-')}`,
    negatives: ['A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX', 'A3-ABCDEF-GHIJKL', 'model: A3-2024-EDITION'],
  }),
  prefixedRule({
    id: 'pulumi-access-token',
    provider: 'Pulumi',
    description: 'Pulumi access token',
    risk: 'anyone with this file can read your Pulumi stacks, their state and secrets, and run updates',
    prefix: 'pul-',
    body: '[a-f0-9]{40}',
    bodyMax: 40,
    minEntropy: 3,
    make: () => randomToken(HEX, 40),
    revokeUrl: 'https://app.pulumi.com/account/tokens',
  }),
];
