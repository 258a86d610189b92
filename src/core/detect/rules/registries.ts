import { ALNUM, BASE64URL, HEX, LOWER_ALNUM, randomToken, randomFraction } from '../random';
import type { Rule } from '../rule';
import { START_TOKEN, contextRule, prefixedRule, tokenRule } from './ruleKit';
import { lettersAndDigits, uuid } from './ruleParts';

// Package and artifact registries: whoever holds a publish token can ship code to everyone who
// installs the package, so these are supply-chain keys.

const publish = (registry: string): string =>
  `anyone with this file can publish packages as you on ${registry}, to everyone who installs them`;

/** `user:password` (or `user:token`) once base64-decoded: the shape of a Docker config `auth`. */
function decodesToCredentials(value: string): boolean {
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return (
    /^[\x21-\x7e]{1,128}:[\x20-\x7e]{4,200}$/.test(decoded) &&
    !/^[^:]*:(?:password|<[^>]*>|\$\{?\w+\}?)$/i.test(decoded)
  );
}

/**
 * An `auth` value inside a Docker config's `auths` block that `decodesToCredentials` leaves: one too long
 * for it (a GCP `_json_key:` with the whole service account key after the colon) or one whose bytes are
 * no text (a registry's opaque token, or a value a generator filled at random). Its place names it: the
 * `auth` of a registry entry is the login. Text without a `user:` head is still left (a label, a note).
 */
function registryAuthOk(value: string): boolean {
  if (value.length < 32 || decodesToCredentials(value)) {
    return false;
  }
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  const text = decoded.replace(/[^\x20-\x7e\t\r\n]/g, '').length >= decoded.length * 0.9;
  return text ? /^[\x21-\x7e]{1,128}:[\x20-\x7e\t\r\n]{4,}$/.test(decoded) : lettersAndDigits(value);
}

export const registryRules: readonly Rule[] = [
  prefixedRule({
    id: 'npm-access-token',
    provider: 'npm',
    description: 'npm access token',
    risk: publish('npm'),
    prefix: 'npm_',
    // The last 6 characters are a CRC-32 of the first 30, as in GitHub tokens. Generators and corpora
    // rarely get it right, so it is not required: the prefix and length are specific enough.
    body: '[A-Za-z0-9]{36}',
    bodyMax: 36,
    make: () => randomToken(ALNUM, 36),
    revokeUrl: 'https://www.npmjs.com/settings/~/tokens',
    validate: lettersAndDigits,
    negatives: [
      'npm_config_registry=https://registry.npmjs.org/',
      'npm_package_version_string_for_builds_42',
    ],
  }),
  tokenRule({
    id: 'pypi-upload-token',
    provider: 'PyPI',
    description: 'PyPI API token',
    risk: publish('PyPI'),
    // A macaroon: base64 of (version 2, location "pypi.org" or "test.pypi.org", identifier, caveats…).
    keywords: ['pypi-ageichlwas5vcmc', 'pypi-agendgvzdc5wexbplm9yzw'],
    pattern: new RegExp(
      `${START_TOKEN}pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])`,
    ),
    maxLength: 1030,
    minEntropy: 3.5,
    revokeUrl: 'https://pypi.org/manage/account/token/',
    sample: () => `pypi-AgEIcHlwaS5vcmc${randomToken(BASE64URL, 150)}`,
    lines: (s) => [
      `TWINE_PASSWORD=${s}`,
      `[pypi]\n  username = __token__\n  password = ${s}`,
      `  password: '${s}'`,
      s,
    ],
    negatives: ['TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc...', 'password = pypi-<your token>'],
  }),
  prefixedRule({
    id: 'docker-hub-pat',
    provider: 'Docker Hub',
    description: 'Docker Hub personal access token',
    risk: 'anyone with this file can push images to your Docker Hub repositories and pull private ones',
    prefix: 'dckr_pat_',
    body: '[A-Za-z0-9_-]{27}',
    bodyMax: 27,
    make: () => randomToken(`${ALNUM}_-`, 27),
    revokeUrl: 'https://app.docker.com/settings/personal-access-tokens',
  }),
  prefixedRule({
    id: 'docker-hub-oat',
    provider: 'Docker Hub',
    description: 'Docker Hub organization access token',
    risk: 'anyone with this file can push and pull your organization’s Docker Hub images',
    prefix: 'dckr_oat_',
    body: '[A-Za-z0-9_-]{32}',
    bodyMax: 32,
    make: () => randomToken(`${ALNUM}_-`, 32),
    revokeUrl: 'https://app.docker.com/admin',
  }),
  tokenRule({
    id: 'docker-config-auth',
    provider: 'Docker',
    description: 'Registry credentials in a Docker config.json `auth` field',
    risk: 'anyone with this file can log in to the container registry as you',
    keywords: ['"auth"'],
    pattern: /"auth"[ \t]{0,3}:[ \t]{0,3}"(?<secret>[A-Za-z0-9+/]{8,400}={0,2})"/,
    maxLength: 420,
    minEntropy: 3,
    validate: decodesToCredentials,
    revokeUrl: 'https://docs.docker.com/reference/cli/docker/logout/',
    sample: () => Buffer.from(`ci-bot:${randomToken(ALNUM, 24)}`).toString('base64'),
    lines: (s) => [
      `{"auths": {"ghcr.io": {"auth": "${s}"}}}`,
      `{\n  "auths": {\n    "registry.acme.internal": {\n      "auth": "${s}"\n    }\n  }\n}`,
    ],
    negatives: [
      '{"auths": {"ghcr.io": {"auth": ""}}}',
      `{"auth": "${Buffer.from('user:password').toString('base64')}"}`,
      '{"auth": "Bearer"}',
      `{"auth": "${Buffer.from('just-some-text-without-colon').toString('base64')}"}`,
    ],
  }),
  tokenRule({
    id: 'docker-config-registry-auth',
    provider: 'Docker',
    description: 'Registry login in the `auth` of a Docker config `auths` entry',
    risk: 'anyone with this file can log in to the container registry as you',
    keywords: ['"auths"'],
    // `"auths": { "<registry>": {` then at most two other string fields (`email`, `username`) before `auth`.
    pattern: new RegExp(
      '"auths"[ \\t]{0,3}:[ \\t\\r\\n]{0,40}\\{[ \\t\\r\\n]{0,40}"[^"\\r\\n]{1,200}"[ \\t]{0,3}:[ \\t\\r\\n]{0,40}\\{' +
        '(?:[ \\t\\r\\n]{0,40}"(?:email|username|password|identitytoken)"[ \\t]{0,3}:[ \\t]{0,3}"[^"\\r\\n]{0,200}",){0,2}' +
        '[ \\t\\r\\n]{0,40}"auth"[ \\t]{0,3}:[ \\t]{0,3}"(?<secret>[A-Za-z0-9+/]{32,8000}={0,2})"',
    ),
    maxLength: 8930,
    minEntropy: 4,
    validate: registryAuthOk,
    revokeUrl: 'https://docs.docker.com/reference/cli/docker/logout/',
    sample: () =>
      randomFraction() < 0.5
        ? randomToken(ALNUM, 64 + Math.floor(randomFraction() * 3000))
        : Buffer.from(
            `_json_key:{\n  "type": "service_account",\n  "private_key_id": "${randomToken(HEX, 40)}"\n}`,
          ).toString('base64'),
    lines: (s) => [
      `{\n  "auths": {\n  "https://gcr.io": {\n  "auth": "${s}",\n  "email": "puller@project.iam.gserviceaccount.com"\n  }\n  }\n}`,
      `{"auths": {"registry.acme.internal": {"email": "ci@acme.internal", "auth": "${s}"}}}`,
    ],
    negatives: [
      '{"auths": {"ghcr.io": {"auth": ""}}}',
      // Text with no `user:` head, a short value, and an `auth` outside an `auths` entry.
      `{"auths": {"ghcr.io": {"auth": "${Buffer.from('just some text that has no colon in it at all').toString('base64')}"}}}`,
      `{"auths": {"ghcr.io": {"auth": "${'aB3dE'.repeat(6)}"}}}`,
      `{"settings": {"auth": "${'Zq8Xw2Lk'.repeat(8)}"}}`,
      `{"auths": {"ghcr.io": {"auth": "${'a'.repeat(64)}"}}}`,
    ],
  }),
  prefixedRule({
    id: 'rubygems-api-key',
    provider: 'RubyGems',
    description: 'RubyGems API key',
    risk: publish('RubyGems'),
    prefix: 'rubygems_',
    body: '[a-f0-9]{48}',
    bodyMax: 48,
    make: () => randomToken(HEX, 48),
    revokeUrl: 'https://rubygems.org/profile/api_keys',
  }),
  prefixedRule({
    id: 'nuget-api-key',
    provider: 'NuGet',
    description: 'NuGet.org API key',
    risk: publish('NuGet'),
    prefix: 'oy2',
    body: '[a-z0-9]{43}',
    bodyMax: 43,
    make: () => randomToken(LOWER_ALNUM, 43),
    revokeUrl: 'https://www.nuget.org/account/apikeys',
    validate: lettersAndDigits,
  }),
  prefixedRule({
    id: 'crates-io-api-token',
    provider: 'crates.io',
    description: 'crates.io API token',
    risk: publish('crates.io'),
    prefix: 'cio',
    body: '[A-Za-z0-9]{32}',
    bodyMax: 32,
    make: () => randomToken(ALNUM, 32),
    revokeUrl: 'https://crates.io/settings/tokens',
    minEntropy: 3.5,
    validate: (s) => lettersAndDigits(s.slice(3)),
    negatives: ['cioConfigurationManagerFactoryImpl', 'CARGO_REGISTRY_TOKEN=cio...'],
  }),
  prefixedRule({
    id: 'jfrog-api-key',
    provider: 'JFrog',
    description: 'JFrog Artifactory API key',
    risk: 'anyone with this file can read and overwrite the artifacts in your Artifactory repositories',
    prefix: 'AKCp',
    body: '[A-Za-z0-9]{69}',
    bodyMax: 69,
    make: () => randomToken(ALNUM, 69),
    revokeUrl: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    minEntropy: 4,
  }),
  prefixedRule({
    id: 'jfrog-reference-token',
    provider: 'JFrog',
    description: 'JFrog reference token',
    risk: 'anyone with this file can use your JFrog platform with the token’s permissions',
    // Base64 of "reftkn:…": the first five characters are fixed.
    prefix: 'cmVmd',
    body: '[A-Za-z0-9]{59}',
    bodyMax: 59,
    make: () => `GtuOjAxOj${randomToken(ALNUM, 50)}`,
    revokeUrl: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    minEntropy: 4,
    // JFrog issues reference tokens of 64 characters only: a `cmVmd` value of another length is a look-alike.
    exactShape: true,
  }),
  contextRule({
    id: 'jfrog-identity-token',
    provider: 'JFrog',
    description: 'JFrog identity token or API key in context',
    risk: 'anyone with this file can read and overwrite the artifacts in your Artifactory repositories',
    words: ['jfrog', 'artifactory'],
    value: '(?!AKCp|cmVmd)[A-Za-z0-9]{64,73}',
    valueMax: 73,
    make: () => randomToken(ALNUM, 64),
    revokeUrl: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
    minEntropy: 4,
  }),
  tokenRule({
    id: 'packagist-token',
    provider: 'Packagist',
    description: 'Private Packagist authentication token',
    risk: 'anyone with this file can install your private PHP packages, or publish updates with an update token',
    // ort/out (organization read/update), uut (user update), cut (conductor); then 60 random hex and an 8-hex CRC.
    keywords: ['packagist_'],
    pattern: new RegExp(`${START_TOKEN}packagist_(?:ort|out|uut|cut|acs)_[a-f0-9]{64,96}(?![A-Za-z0-9])`),
    maxLength: 110,
    minEntropy: 3,
    revokeUrl: 'https://packagist.com',
    sample: () => `packagist_ort_${randomToken(HEX, 68)}`,
    negatives: ["$token = 'packagist_ort_..........';", 'packagist_url = https://repo.packagist.com/acme/'],
  }),
  prefixedRule({
    id: 'clojars-api-token',
    provider: 'Clojars',
    description: 'Clojars deploy token',
    risk: publish('Clojars'),
    prefix: 'CLOJARS_',
    body: '[A-Za-z0-9]{60}',
    bodyMax: 60,
    make: () => randomToken(LOWER_ALNUM, 60),
    revokeUrl: 'https://clojars.org/tokens',
    validate: (s) => lettersAndDigits(s.slice(8)),
  }),
  contextRule({
    id: 'hex-api-key',
    credentialName: true,
    provider: 'Hex',
    description: 'Hex.pm API key',
    risk: publish('Hex.pm'),
    words: ['hex_api_key', 'hexpm', 'hex_key'],
    value: '[a-f0-9]{32}',
    valueMax: 32,
    make: () => randomToken(HEX, 32),
    revokeUrl: 'https://hex.pm/dashboard/keys',
  }),
  contextRule({
    id: 'chocolatey-api-key',
    credentialName: true,
    provider: 'Chocolatey',
    description: 'Chocolatey community repository API key',
    risk: publish('the Chocolatey community repository'),
    words: ['chocolatey', 'choco_api_key'],
    value: '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}',
    valueMax: 36,
    make: uuid,
    revokeUrl: 'https://community.chocolatey.org/account',
    negatives: ['CHOCOLATEY_API_KEY=00000000-0000-0000-0000-000000000000'],
  }),
];
