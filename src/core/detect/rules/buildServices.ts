import { BASE64URL, HEX, randomToken } from '../random';
import type { Rule } from '../rule';
import { END_TOKEN, NAME_REACH, anyCase, assignedTo, prefixedRule, tokenRule } from './ruleKit';
import { lettersAndDigits } from './ruleParts';

// CI and build credentials whose proof is the name or header they stand under, or a fixed header:
// CodeClimate's reporter id, TeamCity's access tokens, Jenkins's crumb header, and secrets that Gradle
// compiles into an Android app. Format facts from the vendors'
// documentation and Nosey Parker's rules (codeclimate.yml, teamcity.yml, jenkins.yml); the patterns
// follow this engine's contract.

/** What a context rule's match adds around its value: name, operator, quotes and the wide forms of `assignedTo`. */
const AROUND = 64 + 40 + NAME_REACH;

export const buildServiceRules: readonly Rule[] = [
  tokenRule({
    id: 'codeclimate-reporter-id',
    provider: 'CodeClimate',
    description: 'CodeClimate test reporter id (repository token)',
    risk: 'anyone with this file can upload coverage reports to your CodeClimate repository',
    // An error, not a warning: the name ends in `_ID`, which the generic checks read as an identifier's.
    // 64 hex under the two names CodeClimate's reporters read (`CC_TEST_REPORTER_ID`, and the old
    // `CODECLIMATE_REPO_TOKEN`): a digest elsewhere, a reporter id only here.
    keywords: ['cc_test_reporter_id', 'codeclimate_repo_token'],
    pattern: new RegExp(
      assignedTo(
        `(?:${anyCase('cc_test_reporter_id')}|${anyCase('codeclimate_repo_token')})`,
        '[a-f0-9]{64}',
        END_TOKEN,
        0,
      ),
    ),
    maxLength: AROUND + 64,
    minEntropy: 3,
    revokeUrl: 'https://docs.codeclimate.com/docs/finding-your-test-coverage-token',
    sample: () => randomToken(HEX, 64),
    lines: (t) => [
      `env:\n  CC_TEST_REPORTER_ID: ${t}`,
      `export CC_TEST_REPORTER_ID="${t}"`,
      ` - RAILS_ENV=test CODECLIMATE_REPO_TOKEN=${t}`,
    ],
    negatives: [
      'CC_TEST_REPORTER_ID: ${{ secrets.CC_TEST_REPORTER_ID }}',
      `CC_TEST_REPORTER_ID=${'0'.repeat(64)}`,
      // A digest under another name is no reporter id.
      `sha256: ${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}`,
    ],
  }),
  prefixedRule({
    id: 'teamcity-access-token',
    provider: 'TeamCity',
    description: 'TeamCity access token',
    risk: 'anyone with this file can call the TeamCity REST API as you: read sources and secrets, run and change builds',
    // The header is base64 of `{"typ": "TCV2"}`, fixed for every token; then two base64url parts.
    prefix: 'eyJ0eXAiOiAiVENWMiJ9.',
    body: '[A-Za-z0-9_-]{36}\\.[A-Za-z0-9_-]{48}',
    bodyMax: 85,
    minEntropy: 4,
    make: () => `${randomToken(BASE64URL, 36)}.${randomToken(BASE64URL, 48)}`,
    revokeUrl:
      'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens',
    negatives: ['eyJ0eXAiOiAiVENWMiJ9.short.parts'],
  }),
  tokenRule({
    id: 'jenkins-crumb',
    provider: 'Jenkins',
    description: 'Jenkins CSRF crumb written into a request',
    risk: "with the user's session or API token that a script holds beside it, anyone with this file can send requests that pass Jenkins's CSRF protection",
    severity: 'warning',
    // The header Jenkins reads its crumb from: 32 hex (MD5, before Jenkins 2.176) or 64 (SHA-256).
    keywords: ['jenkins-crumb'],
    pattern: new RegExp(
      `${anyCase('jenkins-crumb')}["']?[ \\t]{0,3}[:=][ \\t]{0,3}["']?(?<secret>[a-f0-9]{64}|[a-f0-9]{32})${END_TOKEN}`,
    ),
    maxLength: 13 + 10 + 64,
    minEntropy: 3,
    revokeUrl: 'https://www.jenkins.io/doc/book/security/csrf-protection/',
    sample: () => randomToken(HEX, 32),
    lines: (t) => [
      `curl -X POST https://ci.internal/job/app/build --user "$JENKINS_USER" -H 'Jenkins-Crumb:${t}'`,
      `headers = {"Jenkins-Crumb": "${t}"}`,
    ],
    negatives: [
      "-H 'Jenkins-Crumb:$CRUMB'",
      'Jenkins-Crumb: <crumb>',
      `-H "Jenkins-Crumb: ${'0'.repeat(32)}"`,
      // A crumb's header name alone, or a commit hash near it, is not one.
      'fetch the Jenkins-Crumb header from /crumbIssuer/api/json first',
    ],
  }),
  tokenRule({
    id: 'gradle-build-config-secret',
    provider: 'Generic',
    description: 'Credential compiled into an Android app through Gradle buildConfigField',
    risk: 'anyone with this file, or with the built app, can read this credential and use it',
    severity: 'warning',
    // `buildConfigField "String", "<NAME>", "\"<value>\""` (Groovy, either quotes; Kotlin with
    // parentheses): the field's name says key, token, secret or password, and the value is a literal.
    keywords: ['buildconfigfield'],
    pattern: new RegExp(
      `${anyCase('buildConfigField')}[ \\t]{0,3}\\(?[ \\t]{0,3}["']String["'][ \\t]{0,3},[ \\t]{0,3}["']` +
        `(?=[A-Za-z0-9_]{0,40}(?:KEY|TOKEN|SECRET|PASSWORD|[Kk]ey|[Tt]oken|[Ss]ecret|[Pp]assword))[A-Za-z0-9_]{1,48}` +
        `["'][ \\t]{0,3},[ \\t]{0,3}["']\\\\?"(?<secret>[A-Za-z0-9_+/=.-]{16,128})\\\\?"`,
    ),
    maxLength: 16 + 8 + 10 + 52 + 10 + 132,
    minEntropy: 3.3,
    validate: lettersAndDigits,
    sample: () => randomToken(HEX, 32),
    lines: (t) => [
      `buildConfigField 'String' , 'API_KEY' , '"${t}"'`,
      `        buildConfigField "String", "MAPS_API_KEY", "\\"${t}\\""`,
      `    buildConfigField("String", "backendToken", "\\"${t}\\"")`,
    ],
    negatives: [
      'buildConfigField "String", "API_KEY", "\\"${apiKey}\\""',
      'buildConfigField "String", "API_KEY", properties.getProperty("apiKey")',
      'buildConfigField "String", "BASE_URL", "\\"https://api.example.com/v1/endpoint\\""',
      `buildConfigField "String", "API_KEY", "\\"${'x'.repeat(32)}\\""`,
    ],
  }),
];
