import { shannonEntropy } from '../entropy';
import { ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { CURL_ARGS, tokenRule } from './ruleKit';
import { uuid } from './ruleParts';
import { isKeywordValue, isPlaceholder, isReference } from './valueChecks';

/**
 * Credentials on an HTTP client's command line that curl-user-password and the Authorization rules do
 * not read: a custom header whose name says it holds a key or token (`-H "X-Api-Key: …"`, `--header
 * "Api-Token: …"`, or `Authorization:` with no scheme), and an API key given as curl's user name with an
 * empty password (`curl -u sk_…:`, as Stripe, Mailgun and Elasticsearch document it). The format facts
 * are gitleaks' curl-auth-header and curl-auth-user rules; the patterns are this project's.
 */

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** A header value that can be a credential: no reference or placeholder, mixed, and not a word. */
function headerValueOk(v: string): boolean {
  return (
    !isReference(v) &&
    !isPlaceholder(v) &&
    !isKeywordValue(v) &&
    /[0-9]/.test(v) &&
    /[A-Za-z]/.test(v) &&
    shannonEntropy(v) >= 3
  );
}

/** A user name that is a key: long, letters and digits mixed, random-looking; not a person's login. */
function userTokenOk(v: string): boolean {
  return headerValueOk(v) && v.length >= 10 && /[A-Z]/.test(v) && /[a-z]/.test(v);
}

/** A UUID-shaped user name a service generated (letters and digits in both halves, not a run of one). */
function generatedUserOk(v: string): boolean {
  return /[0-9]/.test(v) && /[a-zA-Z]/.test(v) && shannonEntropy(v.replace(/-/g, '')) >= 3;
}

export const curlCredentialRules: readonly Rule[] = [
  tokenRule({
    id: 'curl-header-credential',
    provider: 'HTTP',
    description: 'Key or token in a custom header on an HTTP client command line',
    risk: 'anyone with this file can call this API as the key holder',
    severity: 'warning',
    keywords: ['-h "', "-h '", '--header'],
    // The header name holds a credential word (`apikey`, `X-Api-Key`, `Api-Token`, `X-Octopus-ApiKey`,
    // `Authorization` with no scheme); CSRF tokens and Basic/Bearer values have their own readings.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])(?:-H|--header)(?:[ \\t]{1,3}|=)["'](?![Xx]-(?:CSRF|csrf|XSRF|xsrf))[A-Za-z0-9-]{0,30}` +
        `(?:[Kk]ey|KEY|[Tt]oken|TOKEN|[Ss]ecret|SECRET|[Aa]uthorization)[A-Za-z0-9-]{0,12}:[ \\t]{0,3}` +
        `(?![Bb]earer[ \\t]|[Bb]asic[ \\t])(?<secret>${UUID}|[A-Za-z0-9._~+/@=-]{8,500})(?=["'])`,
    ),
    maxLength: 580,
    validate: headerValueOk,
    expectsUuid: true,
    sample: () => (randomFraction() < 0.3 ? uuid() : `${randomToken(ALNUM, 6)}7${randomToken(ALNUM, 16)}`),
    lines: (v) => [
      `curl -X GET https://api.internal/v1/items \\\n     -H "apikey: ${v}" \\`,
      `curl -X POST --header "Api-Token: ${v}" https://api.internal/v1`,
      `curl -H 'X-Octopus-ApiKey: ${v}' https://deploy.internal/api`,
    ],
    negatives: [
      'curl -H "apikey: $API_KEY" https://api.internal',
      'curl -H "X-Api-Key: ${API_KEY}" https://api.internal',
      'curl -H "X-Api-Key: <your-api-key>" https://api.internal',
      'curl -H "X-CSRF-Token: a1b2c3d4e5f6g7h8" https://app.internal',
      'curl -H "Accept: application/json" https://api.internal',
      'curl -H "X-Request-Id: 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b" https://api.internal',
      'curl -H "Token-Type: accesstoken" https://api.internal',
    ],
  }),
  tokenRule({
    id: 'curl-user-token',
    provider: 'HTTP',
    description: 'API key passed to curl as the user name, with an empty password',
    risk: 'anyone with this file can call this API with the key on the command line',
    severity: 'warning',
    keywords: ['curl'],
    // `-u KEY:` with nothing after the colon: the documented way to send a key as HTTP Basic's user.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])curl${CURL_ARGS}[ \\t](?:-u|--user)(?:[ \\t]{1,3}|=)["']?(?<secret>[A-Za-z0-9_.!~+/=-]{10,128}):(?=["']?(?:[ \\t]|$))`,
      'm',
    ),
    maxLength: 750,
    validate: userTokenOk,
    sample: () => `${randomToken(ALNUM, 8)}4Q${randomToken(ALNUM, 14)}`,
    lines: (v) => [
      `curl -u "${v}:" https://search.internal:9200`,
      `curl https://api.internal/v1/charges -u ${v}:`,
    ],
    negatives: [
      'curl -u "$API_KEY:" https://api.internal',
      'curl -u admin: https://localhost:9200',
      'curl -u deploy:s3cretPassw0rd https://ci.internal',
      'curl -u ${STRIPE_KEY}: https://api.stripe.com',
    ],
  }),
  tokenRule({
    id: 'curl-user-generated-id',
    provider: 'HTTP',
    description: 'Service-generated user id passed to curl with its password',
    risk: 'anyone with this file can sign in to this service with the generated user id and password on the command line',
    severity: 'warning',
    keywords: ['curl'],
    // Some services issue both halves of a login (IBM Cloud's old service credentials: a UUID user name
    // and a random password), and their docs write them as `--user "{username}":"{password}"`, so a
    // filled-in line keeps the braces. The user is reported when a password of 8 or more characters with
    // a digit follows, not a reference (`$…`, `<…>`, `{{…}}`); curl-user-password reads the password.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])curl${CURL_ARGS}[ \\t](?:-u|--user)(?:[ \\t]{1,3}|=)["']?\\{?(?<secret>[A-Za-z0-9]{8}(?:-[A-Za-z0-9]{4}){3}-[A-Za-z0-9]{12})\\}?["']?:["']?` +
        `\\{?(?=[A-Za-z0-9!@#%^*._~+=-]{0,127}[0-9])[A-Za-z0-9!@#%^*._~+=-]{8,128}\\}?["']?(?=[ \\t]|$)`,
      'm',
    ),
    maxLength: 820,
    validate: generatedUserOk,
    expectsUuid: true,
    sample: uuid,
    lines: (v) => [
      `curl -X POST --user "{${v}}":"{Zq4kVr${randomToken(ALNUM, 8)}}" --header "Accept: application/json" https://gateway.example.net/api`,
      `curl -u ${v}:Wd9${randomToken(ALNUM, 12)} https://api.internal/v1`,
    ],
    negatives: [
      'curl -u "{username}":"{password}" https://api.internal',
      'curl -u 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b:$API_PASSWORD https://api.internal',
      'curl -u "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b:{{ password }}" https://api.internal',
      'curl -u 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b:password https://api.internal',
      'curl -u 6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b: https://api.internal',
      // Built from halves: whole, the password would be this repo's own finding.
      `curl -u 00000000-0000-0000-0000-000000000000:${'Zq4kVr' + '12abcd'} https://api.internal`,
    ],
  }),
];
