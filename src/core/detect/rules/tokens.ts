import { shannonEntropy } from '../entropy';
import { fingerprintOf } from '../finding';
import { ALNUM, BASE64URL, HEX, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { CURL_ARGS, anyCase, tokenRule } from './ruleKit';
import { lettersAndDigits, uuid } from './ruleParts';
import { jwtHeader, jwtHeaderOk, jwtLookAlike, jwtNamed } from './jwtChecks';
import {
  decodeBase64,
  isPlaceholder,
  isPlausiblePassword,
  isPrintableAscii,
  isReference,
} from './valueChecks';

// Credentials that are not tied to one provider: JWTs, HTTP authorization headers and npm registry
// auth. Each one is checked for its structure (decoded JSON, `user:password`), not only its shape.

const HEX_UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const b64url = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A password on a curl command line, as the report tier sees it: plausible, and not a stand-in of a
 * few lower-case letters (`-u 'test:test'`, `--user "xxx:yyy"`), which is how docs and READMEs write
 * one. The redact tier still hides those.
 */
function curlPassword(pw: string): boolean {
  return isPlausiblePassword(pw) && (pw.length >= 8 || !/^[a-z]+$/.test(pw));
}

/** `user:password` in base64, where the password is not a placeholder or a stock default. */
function basicCredentialsOk(encoded: string): boolean {
  const decoded = decodeBase64(encoded);
  if (decoded === undefined || !isPrintableAscii(decoded)) {
    return false;
  }
  const colon = decoded.indexOf(':');
  if (colon <= 0 || isPlaceholder(decoded.slice(0, colon))) {
    return false;
  }
  const user = decoded.slice(0, colon);
  // An empty password is still a whole credential: the header is what the client sends and the server
  // checks, so it signs in as `user` (an API key sent as the user name, as Stripe and Mailgun document
  // it, or an account with no password). The user half must then pass for one: not a stock word.
  return colon === decoded.length - 1
    ? user.length >= 4 &&
        /^[\x21-\x7e]+$/.test(user) &&
        !/^(?:api|access|auth)?[_-]?(?:key|token|secret|pass(?:word)?)$/i.test(user) &&
        isPlausiblePassword(user)
    : isPlausiblePassword(decoded.slice(colon + 1));
}

export function jwtSample(): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url({ alg: 'HS256', typ: 'JWT' });
  const payload = b64url({ sub: randomToken(HEX, 24), scope: 'read write', iat: now, exp: now + 3600 });
  return `${header}.${payload}.${randomToken(BASE64URL, 43)}`;
}

/** Static near misses, built from JSON at load time so no token-shaped literal sits in this file. */
const jwtNegatives = [
  `${b64url({ typ: 'JWT' })}.${b64url({ sub: 'a' })}.${'Q'.repeat(43)}`,
  `${b64url({ alg: 'none' })}.${b64url({ sub: 'a' })}.${'Q'.repeat(43)}`,
  `${b64url({ alg: 'HS256' })}.${b64url({ name: 'John Doe', sub: '1' })}.${'Q'.repeat(43)}`,
  `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ iss: 'supabase', role: 'anon' })}.${'Q'.repeat(43)}`,
  'Authorization: Bearer eyJhbGciOi...',
  'const token = "eyJ" + header + "." + payload;',
];

/**
 * sha256 of RFC 6750's example access token (section 2.1), which OAuth libraries quote in their docs
 * (`Authorization: Bearer …` in oauthlib's docstrings): published, so no secret.
 */
const RFC6750_EXAMPLE_SHA256 = 'b8e148545b13c78bc74da2f1a7275dd71e56ddece129d7d2f7b3ecc06f7994da';

/** `Authorization: Bearer `, quoted or not, right before a value. */
const AUTHORIZATION_BEFORE = /authorization["']?[ \t]{0,3}[:=,][ \t]{0,3}["']?bearer[ \t]{1,3}$/i;

export const tokenRules: readonly Rule[] = [
  tokenRule({
    id: 'jwt',
    provider: 'JSON Web Token',
    description: 'JSON Web Token',
    risk: 'anyone with this file can call the services that accept this token as its subject until it expires',
    keywords: ['eyj'],
    // Claims of any shape, signed or not (two parts, and then the value's end: a blank, a quote, a
    // separator or the text's end, so that no cut token counts): JSON claims under a signature that fits
    // are reported wherever they are, the rest only where a credential word names them (`jwtNamed`).
    pattern:
      /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,8000}(?:\.[A-Za-z0-9_-]{16,1400}(?![A-Za-z0-9_-])|(?![^\s"'`,;)\]}<>]))/,
    maxLength: 11410,
    minEntropy: 4,
    validate: jwtHeaderOk,
    inContext: jwtNamed,
    revokeUrl: 'https://datatracker.ietf.org/doc/html/rfc7009',
    sample: jwtSample,
    lines: (t) => [
      `ACCESS_TOKEN=${t}`,
      `  "id_token": "${t}"`,
      `curl -H "Authorization: Bearer ${t}" https://api.internal/v1`,
    ],
    negatives: jwtNegatives,
  }),
  tokenRule({
    id: 'http-basic-auth',
    provider: 'HTTP',
    description: 'HTTP Basic authorization credentials',
    risk: 'anyone with this file can sign in to this service with the encoded user name and password',
    keywords: ['basic'],
    pattern: new RegExp(
      // A value that runs on past a dot (`eyJ….….…`, a JWT under the wrong scheme) is not base64 of a
      // `user:password`, though its first part may decode to text with a colon.
      `(?<![A-Za-z0-9])${anyCase('basic')}[ \\t]{1,3}(?<secret>[A-Za-z0-9+/]{6,400}={0,2})(?![A-Za-z0-9+/=]|\\.[A-Za-z0-9_-])`,
    ),
    maxLength: 420,
    validate: basicCredentialsOk,
    revokeUrl: 'https://datatracker.ietf.org/doc/html/rfc7617',
    sample: () =>
      Buffer.from(
        `deploy-${randomToken(HEX, 4)}:${randomFraction() < 0.3 ? '' : randomToken(ALNUM, 18)}`,
      ).toString('base64'),
    lines: (b) => [
      `Authorization: Basic ${b}`,
      `curl -H 'Authorization: Basic ${b}' https://ci.internal/api`,
      `headers: { Authorization: "Basic ${b}" }`,
    ],
    negatives: [
      'Authorization: Basic ${CREDENTIALS}',
      `Authorization: Basic ${Buffer.from('user:password').toString('base64')}`,
      `Authorization: Basic ${Buffer.from('username:changeme').toString('base64')}`,
      'Basic authentication is configured in nginx.conf',
      'Basic Example of the client',
      `Authorization: Basic ${Buffer.from('no colon in this one').toString('base64')}`,
      // An empty password after a stock or placeholder user name, or after none.
      `Authorization: Basic ${Buffer.from('admin:').toString('base64')}`,
      `Authorization: Basic ${Buffer.from('username:').toString('base64')}`,
      `Authorization: Basic ${Buffer.from('<user>:').toString('base64')}`,
      `Authorization: Basic ${Buffer.from('abc:').toString('base64')}`,
      `Authorization: Basic ${Buffer.from('apikey:').toString('base64')}`,
      `Authorization: Basic ${Buffer.from(':').toString('base64')}`,
      'headers["Authorization"] = "Basic " + base64(user + ":" + pass)',
    ],
  }),
  tokenRule({
    id: 'http-bearer-token',
    provider: 'HTTP',
    description: 'HTTP bearer token',
    risk: 'anyone with this file can call this API as the token holder',
    severity: 'warning',
    keywords: ['bearer'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])${anyCase('bearer')}[ \\t]{1,3}(?<secret>[A-Za-z0-9._~+/-]{14,1000}={0,2})(?![A-Za-z0-9._~+/=-])`,
    ),
    maxLength: 1020,
    minEntropy: 3.3,
    // Under 20 characters only in an Authorization header (RFC 6750's example token is 15, and is
    // refused itself): after a bare `Bearer` in prose or code, a short run is more often a word or a name.
    inContext: (text, start, secret) => {
      if (secret.length >= 20) {
        return true;
      }
      const published = secret.length === 15 && fingerprintOf(secret) === RFC6750_EXAMPLE_SHA256;
      return !published && AUTHORIZATION_BEFORE.test(text.slice(Math.max(0, start - 40), start));
    },
    // A JWT (its header decodes to JSON) has its own structure-checked rule, and a hand-edited one is
    // none; this one is for opaque tokens, an `eyJ…` whose header is random bytes included.
    validate: (t) => jwtHeader(t) === undefined && !jwtLookAlike(t) && lettersAndDigits(t) && !isReference(t),
    // A line below sends the token's first 15 characters alone: those must read as a draw too (15 random
    // letters and digits hold no digit about once in 14 draws).
    sample: () => {
      for (;;) {
        const t = randomToken(ALNUM, 40);
        const head = t.slice(0, 15);
        if (lettersAndDigits(head) && shannonEntropy(head) >= 3.3) {
          return t;
        }
      }
    },
    lines: (t) => [
      `Authorization: Bearer ${t}`,
      `curl -H "Authorization: Bearer ${t}" https://api.internal/v2/items`,
      `  headers: { authorization: 'Bearer ${t}' },`,
      `GET /resource HTTP/1.1\nHost: server.example.com\nAuthorization: Bearer ${t.slice(0, 15)}`,
    ],
    negatives: [
      'Authorization: Bearer YOUR_ACCESS_TOKEN_HERE',
      'Authorization: Bearer ${ACCESS_TOKEN}',
      'Authorization: Bearer <token>',
      '"Authorization": "Bearer " + accessToken',
      'Bearer token authentication is required for all endpoints',
      'Authorization: Bearer abcdefghijklmnopqrstuvwxyz',
      // Short, and not in a header.
      'const scheme = "Bearer " + tok; // Bearer Xk3pQ9zLm2Wv7R',
      // RFC 6750's example, as oauthlib's docstrings quote it.
      '            Authorization: Bearer mF_9.B5f-4.1JqM',
    ],
  }),
  tokenRule({
    id: 'curl-user-password',
    provider: 'HTTP',
    description: 'Password passed to curl with -u / --user',
    risk: 'anyone with this file can sign in to this service with the user name and password on the command line',
    keywords: ['curl'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])curl${CURL_ARGS}[ \\t](?:-u|--user)(?:[ \\t]{1,3}|=)["']?[^\\s:'"]{0,64}["']?:["']?(?<secret>[^\\s'"]{3,128})`,
    ),
    maxLength: 820,
    validate: curlPassword,
    sample: () => `${randomToken(ALNUM, 14)}!`,
    lines: (pw) => [
      `curl -u deploy:${pw} https://ci.internal/api/v1/builds`,
      `curl -sS --user 'svc-report:${pw}' -X POST https://reports.internal/upload`,
      // An empty user name (a token as the password), and quotes around either half.
      `curl -u ":${pw}" https://search.internal:9200`,
      `curl --user ops:'${pw}' -iX PATCH https://api.internal/v1/items`,
      `curl --user "ops":"${pw}" https://api.internal/v1/items`,
    ],
    negatives: [
      'curl -u "$USER:$PASSWORD" https://api.internal',
      'curl -u admin:admin http://localhost:8080',
      'curl -u user:password https://httpbin.org/basic-auth/user/password',
      'curl -u ${API_USER}:${API_TOKEN} https://api.internal',
      'curl --user <username>:<password> https://api.internal',
      'curl -u :$(cat token) https://api.internal',
      "curl -i -u 'test:wxyq'",
      'curl --user "xxx:msg"',
      'curl -u ":" https://localhost:9200',
    ],
  }),
  tokenRule({
    id: 'http-authorization-token',
    provider: 'HTTP',
    description: 'Token in an HTTP Authorization header',
    risk: 'anyone with this file can call this API as the token holder',
    severity: 'warning',
    keywords: ['authorization'],
    // The header's value is the credential: bare (`Authorization: <token>`) or after a `Token`, `Api-Token`,
    // `ApiKey` or `SSWS` scheme (Bearer and Basic have their own rules). It must end the header, so a
    // scheme with parameters (`AWS4-HMAC-SHA256 Credential=…`, `Digest username=…`) is not taken for one.
    // Twenty characters at least, as for a bearer token: a short value there is more often a test's.
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])${anyCase('authorization')}["']?[ \\t]{0,3}[:=,][ \\t]{0,3}["'\`]?` +
        `(?:(?:${['token', 'api-token', 'apikey', 'api-key', 'ssws'].map(anyCase).join('|')})[ \\t]{1,3})?` +
        // A UUID is spelled out: many APIs issue their keys as UUIDs, which the engine otherwise reads as ids.
        `(?<secret>${HEX_UUID}|[A-Za-z0-9._~+/-]{20,1000}={0,2})(?![A-Za-z0-9._~+/=-])(?=["'\`]|[ \\t]{0,3}(?:$|[\\r\\n,;)}\\]]))`,
      'm',
    ),
    maxLength: 1040,
    minEntropy: 3.3,
    // A dotted path (`this.config.authHeader`) or a reference is code, and a JWT has its own rule.
    validate: (t) =>
      jwtHeader(t) === undefined &&
      !jwtLookAlike(t) &&
      lettersAndDigits(t) &&
      !isReference(t) &&
      !/^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(t),
    sample: () => (randomToken('01', 1) === '0' ? randomToken(HEX, 40) : uuid()),
    lines: (t) => [
      `curl -H "Authorization: Token ${t}" https://api.internal/v1/items`,
      `curl --header 'Authorization: ${t}' https://api.internal/v1/items`,
      `headers = {"Authorization": "Api-Token ${t}"}`,
      `Authorization: SSWS ${t}`,
    ],
    negatives: [
      'Authorization: Token ${API_TOKEN}',
      'Authorization: Token <your-api-token>',
      '"Authorization": "Token " + apiToken',
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request',
      'Authorization: Digest username="Mufasa", realm="testrealm@host.com"',
      'headers["Authorization"] = this.settings.authorizationHeader',
      'Authorization: Negotiate',
      'Authorization: Token abcdefghijklmnopqrstuvwxyz',
    ],
  }),
  tokenRule({
    id: 'netrc-password',
    provider: '.netrc',
    description: 'Password in a .netrc entry',
    risk: 'anyone with this file can sign in to this host as the named login',
    keywords: ['machine'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9_-])machine[ \\t]{1,8}[A-Za-z0-9._-]{1,253}(?:\\s{1,40}(?:login|account)\\s{1,8}[^\\s]{1,128}){0,2}\\s{1,40}password\\s{1,8}(?<secret>[^\\s]{2,255}[^\\s"'])`,
    ),
    maxLength: 950,
    validate: isPlausiblePassword,
    sample: () => randomToken(ALNUM, 24),
    lines: (pw) => [
      `machine api.heroku.com\n  login ops@corp.internal\n  password ${pw}\n`,
      `machine git.internal.corp login ci-bot password ${pw}`,
    ],
    negatives: [
      'machine example.com login user password password',
      'machine api.internal login me password $NETRC_PASSWORD',
      'The machine learning model uses a password manager.',
      'machine host.internal\n  login anonymous\n',
      // Vim's netrw documents the line's form.
      ':Nread "machine id password path"		uses ftp',
    ],
  }),
  tokenRule({
    id: 'npmrc-auth-token',
    provider: 'npm registry',
    description: 'npm registry auth token in .npmrc',
    risk: 'anyone with this file can publish packages as you to this registry and read your private ones',
    keywords: ['_authtoken'],
    pattern: new RegExp(
      `${anyCase('_authToken')}[ \\t]{0,3}=[ \\t]{0,3}["']?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[A-Za-z0-9._~+/=-]{16,512})(?![A-Za-z0-9._~+/=-])`,
    ),
    maxLength: 540,
    minEntropy: 3,
    validate: (t) => !isPlaceholder(t) && !isReference(t),
    revokeUrl: 'https://www.npmjs.com/settings/~/tokens',
    sample: () => `npm_${randomToken(ALNUM, 36)}`,
    lines: (t) => [
      `//registry.npmjs.org/:_authToken=${t}`,
      `//npm.pkg.github.com/:_authToken="${t}"`,
      `//registry.internal.corp/repository/npm/:_authToken = ${t}`,
    ],
    negatives: [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//registry.npmjs.org/:_authToken=$NPM_TOKEN',
      '//registry.npmjs.org/:_authToken=<your-token>',
      'npm config set //registry.npmjs.org/:_authToken YOUR_NPM_TOKEN',
    ],
  }),
  tokenRule({
    id: 'npmrc-basic-auth',
    provider: 'npm registry',
    description: 'npm registry _auth or _password in .npmrc',
    risk: 'anyone with this file can sign in to this package registry as you',
    keywords: ['_auth', '_password'],
    pattern: new RegExp(
      `(?<![A-Za-z0-9])(?:${anyCase('_auth')}|${anyCase('_password')})[ \\t]{0,3}=[ \\t]{0,3}["']?(?<secret>[A-Za-z0-9+/]{4,400}={0,2})(?![A-Za-z0-9+/=])`,
    ),
    maxLength: 440,
    // `_auth` is base64 of `user:password`; `_password` is the base64 of the password alone.
    validate: (v) => {
      const decoded = decodeBase64(v);
      return (
        decoded !== undefined &&
        isPrintableAscii(decoded) &&
        (basicCredentialsOk(v) ||
          (!decoded.includes(':') && isPlausiblePassword(decoded) && shannonEntropy(decoded) >= 2.5))
      );
    },
    sample: () => Buffer.from(`ci-bot:${randomToken(ALNUM, 20)}`).toString('base64'),
    lines: (v) => [
      `_auth=${v}`,
      `//nexus.internal/repository/npm-group/:_auth="${v}"`,
      `//registry.internal/:_password=${Buffer.from(randomToken(HEX, 24)).toString('base64')}`,
    ],
    negatives: [
      '_auth=${NPM_AUTH}',
      `_auth=${Buffer.from('user:pass').toString('base64')}`,
      '_password=',
      'always-auth=true',
    ],
  }),
];
