import { ALNUM, BASE64, BASE64URL, DIGITS, HEX, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { tokenRule } from './ruleKit';
import { lettersAndDigits } from './ruleParts';

// Credentials with no prefix of their own that the place they sit in names: a provider's API URL that
// carries the token as a query parameter or a path segment, a command's password flag, a config key that
// only ever holds a key. The place is the proof a bare random value needs ("warn on proof"), so each is a
// warning. Every gap is bounded and lazy, and every value has a fixed alphabet and length.

/** A query string up to the parameter: lazy and bounded, and the parameter must start a pair. */
const QUERY_TO = (param: string): string => `\\?[^\\s"'#]{0,200}?(?<=[?&])${param}=`;
/** A path after a host: no query, no quotes, no spaces. */
const PATH = `/[^\\s"'?#]{0,100}`;
/**
 * A password after a command's flag: no variable, placeholder bracket or flag, no quotes (backquotes too: a
 * Markdown or doc comment's `psexec -u U -p X`) or spaces.
 */
const FLAG_VALUE = `(?<secret>[^\\s"'\\x60$%<{(\\-][^\\s"'\\x60<>]{2,63})(?![^\\s"'\\x60<>])`;

/**
 * Six characters or more (as the literal rules ask, `literalOk`: `-p X` in a usage line is no proof), not a
 * run of one character, and more than one kind of character when short.
 */
function plausiblePassword(value: string): boolean {
  return value.length >= 6 && new Set(value).size >= Math.min(5, value.length - 1);
}

export const placedCredentialRules: readonly Rule[] = [
  tokenRule({
    id: 'blynk-auth-token',
    provider: 'Blynk',
    description: 'Blynk device auth token in a Blynk Cloud API URL',
    risk: 'anyone with this file can read and write the pins of your Blynk device',
    severity: 'warning',
    keywords: ['blynk.cloud'],
    pattern: new RegExp(
      `blynk\\.cloud/external/api${PATH}${QUERY_TO('token')}(?<secret>[A-Za-z0-9_-]{32})(?![\\w-])`,
    ),
    maxLength: 400,
    minEntropy: 3.5,
    validate: lettersAndDigits,
    revokeUrl: 'https://docs.blynk.io/en/blynk.cloud/device-auth-token',
    sample: () => randomToken(BASE64URL, 32),
    lines: (t) => [
      `curl "https://blynk.cloud/external/api/get?token=${t}&V1"`,
      `GET https://fra1.blynk.cloud/external/api/update?token=${t}&v1=1`,
    ],
    negatives: [
      'curl "https://blynk.cloud/external/api/get?token={token}&V1"',
      'https://blynk.cloud/external/api/get?devtoken=abcdefghijklmnopqrstuvwxyz012345',
    ],
  }),
  tokenRule({
    id: 'thingsboard-access-token',
    provider: 'ThingsBoard',
    description: 'ThingsBoard device access token in a device API URL',
    risk: 'anyone with this file can publish telemetry and attributes as your ThingsBoard device',
    severity: 'warning',
    keywords: ['thingsboard'],
    // The device API puts the token in the path: `/api/v1/<token>/telemetry`.
    pattern: new RegExp(
      `thingsboard[A-Za-z0-9.-]{0,40}(?::[0-9]{1,5})?/api/v1/(?<secret>[A-Za-z0-9]{20})/(?:telemetry|attributes|rpc|claim)\\b`,
    ),
    maxLength: 110,
    minEntropy: 3,
    validate: lettersAndDigits,
    revokeUrl: 'https://thingsboard.io/docs/user-guide/access-token/',
    sample: () => randomToken(LOWER_ALNUM, 20),
    lines: (t) => [
      `http://thingsboard.cloud/api/v1/${t}/telemetry`,
      `coap://coap.thingsboard.cloud/api/v1/${t}/attributes`,
    ],
    negatives: [
      'https://thingsboard.cloud/api/v1/$ACCESS_TOKEN/telemetry',
      'https://thingsboard.cloud/api/v1/deviceAccessTokenHere/telemetry',
    ],
  }),
  tokenRule({
    id: 'particle-access-token',
    provider: 'Particle',
    description: 'Particle access token in a Particle Cloud API URL',
    risk: 'anyone with this file can call and flash the devices of your Particle account',
    severity: 'warning',
    keywords: ['api.particle.io'],
    pattern: new RegExp(
      `api\\.particle\\.io${PATH}${QUERY_TO('access_token')}(?<secret>[a-f0-9]{40})(?![\\w-])`,
    ),
    maxLength: 400,
    revokeUrl: 'https://docs.particle.io/reference/cloud-apis/access-tokens/',
    sample: () => randomToken(HEX, 40),
    lines: (t) => [
      `curl "https://api.particle.io/v1/devices/events?access_token=${t}"`,
      `https://api.particle.io/v1/devices/0123/led?format=raw&access_token=${t}`,
    ],
    negatives: ['curl "https://api.particle.io/v1/devices?access_token=$PARTICLE_TOKEN"'],
  }),
  tokenRule({
    id: 'nasa-api-key',
    provider: 'NASA',
    description: 'NASA Open APIs key in an api.nasa.gov URL',
    risk: 'anyone with this file can spend the request quota of your NASA API key',
    severity: 'warning',
    keywords: ['api.nasa.gov'],
    pattern: new RegExp(`api\\.nasa\\.gov${PATH}${QUERY_TO('api_key')}(?<secret>[A-Za-z0-9]{40})(?![\\w-])`),
    maxLength: 400,
    minEntropy: 3.5,
    validate: lettersAndDigits,
    revokeUrl: 'https://api.nasa.gov/',
    sample: () => randomToken(ALNUM, 40),
    lines: (t) => [`fetch('https://api.nasa.gov/planetary/apod?api_key=${t}')`],
    negatives: ["fetch('https://api.nasa.gov/planetary/apod?api_key=DEMO_KEY')"],
  }),
  tokenRule({
    id: 'truenas-api-key',
    provider: 'TrueNAS',
    description: 'TrueNAS API key passed to auth.login_with_api_key',
    risk: 'anyone with this file can manage your TrueNAS system and its data',
    severity: 'warning',
    keywords: ['login_with_api_key'],
    // `<id>-<64 letters and digits>`, the first parameter of the login call (JSON-RPC or a client call).
    pattern: new RegExp(
      `auth\\.login_with_api_key["']?[^\\[\\]\\n]{0,40}?(?:\\n[^\\[\\]\\n]{0,40}?)?\\[?[ \\t\\r\\n]{0,20}["']?(?<secret>[0-9]{1,6}-[A-Za-z0-9]{64})(?![\\w-])`,
    ),
    maxLength: 200,
    minEntropy: 3.5,
    validate: (t) => lettersAndDigits(t.slice(t.indexOf('-') + 1)),
    revokeUrl: 'https://www.truenas.com/docs/scale/scaletutorials/toptoolbar/managingapikeys/',
    sample: () => `${randomToken(DIGITS, 1)}-${randomToken(ALNUM, 64)}`,
    lines: (t) => [
      `{"msg":"method", "method":"auth.login_with_api_key", "params":["${t}"]}`,
      `{\n  "method": "auth.login_with_api_key",\n  "params": [\n    "${t}"\n  ]\n}`,
      `c.call("auth.login_with_api_key", "${t}")`,
    ],
    negatives: ['{"method":"auth.login_with_api_key", "params":["$TRUENAS_API_KEY"]}'],
  }),
  tokenRule({
    id: 'vault-unseal-key',
    provider: 'HashiCorp Vault',
    description: 'HashiCorp Vault unseal key share',
    risk: 'with enough shares, anyone holding this file can unseal your Vault and read every secret in it',
    severity: 'warning',
    keywords: ['unseal key', 'operator unseal'],
    // `vault operator init` prints `Unseal Key 1: <base64 of 33 bytes>`; `vault operator unseal` takes one.
    pattern: new RegExp(
      `(?:[Uu]nseal [Kk]ey [0-9]{1,2}:|operator unseal)[ \\t]{1,4}(?<secret>[A-Za-z0-9+/]{44})(?![A-Za-z0-9+/=])`,
    ),
    maxLength: 70,
    minEntropy: 4,
    validate: lettersAndDigits,
    revokeUrl: 'https://developer.hashicorp.com/vault/docs/commands/operator/rekey',
    sample: () => randomToken(BASE64, 44),
    lines: (t) => [`Unseal Key 2: ${t}`, `kubectl exec -ti vault-0 -- vault operator unseal ${t}`],
    negatives: ['vault operator unseal $UNSEAL_KEY', 'Unseal Key 1: <redacted>'],
  }),
  tokenRule({
    id: 'wireguard-preshared-key',
    provider: 'WireGuard',
    description: 'WireGuard preshared key',
    risk: 'anyone with this file and a peer key can decrypt the tunnel traffic the preshared key protects',
    severity: 'warning',
    keywords: ['presharedkey'],
    // A Curve25519-sized key: 32 bytes, so 43 base64 characters and one `=` (the key name is the proof,
    // so the last character's spare bits are not checked).
    pattern: new RegExp(`PresharedKey[ \\t]{0,3}=[ \\t]{0,3}(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`),
    maxLength: 64,
    minEntropy: 4,
    revokeUrl: 'https://www.wireguard.com/quickstart/',
    sample: () => `${randomToken(BASE64, 42)}${randomToken('AEIMQUYcgkosw048', 1)}=`,
    lines: (t) => [`[Peer]\nPresharedKey = ${t}\nAllowedIPs = 0.0.0.0/0`],
    negatives: ['PresharedKey = <preshared key>', 'PresharedKey = $(wg genpsk)'],
  }),
  tokenRule({
    id: 'wireguard-private-key',
    provider: 'WireGuard',
    description: 'WireGuard private key',
    risk: 'anyone with this file can impersonate this WireGuard peer and read the traffic sent to it',
    severity: 'warning',
    keywords: ['privatekey'],
    // `wg genkey` prints a Curve25519 key as 43 base64 characters and one `=`, which `wg-quick` reads
    // from `PrivateKey =` in the `[Interface]` section. The name spelt as WireGuard spells it, the exact
    // length and the `=` are the proof; a leading `+` or `/` is as likely as any other character.
    pattern: new RegExp(`PrivateKey[ \\t]{0,3}=[ \\t]{0,3}(?<secret>[A-Za-z0-9+/]{43}=)(?![A-Za-z0-9+/=])`),
    maxLength: 64,
    minEntropy: 4,
    revokeUrl: 'https://www.wireguard.com/quickstart/',
    sample: () => `${randomToken(BASE64, 42)}${randomToken('AEIMQUYcgkosw048', 1)}=`,
    lines: (t) => [
      `[Interface]\nAddress = 10.0.0.2/32\nPrivateKey = ${t}\nDNS = 10.0.0.1`,
      `PrivateKey=+${t.slice(1)}`,
      `PrivateKey = /${t.slice(1)}`,
    ],
    negatives: [
      'PrivateKey = <private key>',
      'PrivateKey = $(cat /etc/wireguard/private.key)',
      'PrivateKey = /etc/wireguard/private.key',
      // A different length is another kind of key.
      'PrivateKey = MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj',
    ],
  }),
  tokenRule({
    id: 'psexec-password',
    provider: 'PsExec',
    description: 'Password on a PsExec command line',
    risk: 'anyone with this file can log in to the remote Windows host as the account it names',
    severity: 'warning',
    keywords: ['psexec'],
    pattern: new RegExp(
      `[Pp][Ss][Ee][Xx][Ee][Cc](?:64)?(?:\\.exe)?[ \\t][^\\r\\n]{0,160}?[ \\t][-/]p[ \\t]{1,3}${FLAG_VALUE}`,
    ),
    maxLength: 250,
    minEntropy: 2,
    validate: plausiblePassword,
    literalSyntax: true,
    revokeUrl: 'https://learn.microsoft.com/en-us/sysinternals/downloads/psexec',
    sample: () => randomToken(ALNUM, 10),
    lines: (t) => [`PsExec.exe \\\\10.0.0.12 -u Administrator -p ${t} cmd /c whoami`],
    negatives: ['psexec \\\\host -u admin -p %ADMIN_PASSWORD% cmd', 'psexec \\\\host -u admin -p $pass cmd'],
  }),
  tokenRule({
    id: 'powercli-password',
    provider: 'VMware',
    description: 'Password on a PowerCLI Connect-VIServer command',
    risk: 'anyone with this file can log in to your vCenter or ESXi host as the account it names',
    severity: 'warning',
    keywords: ['connect-viserver'],
    pattern: new RegExp(
      `[Cc]onnect-[Vv][Ii][Ss]erver[ \\t][^\\r\\n]{0,200}?[ \\t]-[Pp]assword[ \\t]{1,3}${FLAG_VALUE}`,
    ),
    maxLength: 300,
    minEntropy: 2,
    validate: plausiblePassword,
    literalSyntax: true,
    revokeUrl: 'https://developer.broadcom.com/powercli',
    sample: () => `${randomToken(ALNUM, 9)}!`,
    lines: (t) => [`Connect-VIServer -Server vc.lab.local -User administrator@vsphere.local -Password ${t}`],
    negatives: [
      'Connect-VIServer -Server vc -User admin -Password $password',
      'Connect-VIServer -Server vc -User admin -Password (Get-Secret vc)',
    ],
  }),
  tokenRule({
    id: 'jenkins-initial-admin-password',
    provider: 'Jenkins',
    description: 'Jenkins initial admin password, as the setup banner prints it',
    risk: 'anyone with this file can finish the setup of your Jenkins server and become its admin',
    severity: 'warning',
    keywords: ['proceed to installation'],
    // The banner's own line, then the 32-hex password alone on a line of its own.
    pattern: new RegExp(
      `proceed to installation:[ \\t]{0,3}\\r?\\n[ \\t\\r\\n]{0,24}(?<secret>[a-f0-9]{32})(?![\\w-])`,
    ),
    maxLength: 110,
    revokeUrl: 'https://www.jenkins.io/doc/book/installing/linux/#unlocking-jenkins',
    sample: () => randomToken(HEX, 32),
    lines: (t) => [
      `Please use the following password to proceed to installation:\n\n${t}\n\nThis may also be found at: /var/jenkins_home/secrets/initialAdminPassword`,
    ],
    negatives: ['Please use the following password to proceed to installation:\n\n<password>\n'],
  }),
  tokenRule({
    id: 'newrelic-yml-license-key',
    provider: 'New Relic',
    description: 'New Relic license key in the stock newrelic.yml',
    risk: 'anyone with this file can send data into your New Relic account',
    severity: 'warning',
    keywords: ['new relic account'],
    // The agent's stock file says what the next line holds: `# … associated with your New Relic account.`
    // and then `license_key: <40 hex>` (the format before the `…NRAL` keys).
    pattern: new RegExp(
      `New Relic account\\.?[ \\t]{0,3}\\r?\\n[ \\t]{0,8}license_key:[ \\t]{0,3}['"]?(?<secret>[a-f0-9]{40})(?![\\w-])`,
    ),
    maxLength: 100,
    revokeUrl: 'https://one.newrelic.com/api-keys',
    sample: () => randomToken(HEX, 40),
    lines: (t) => [`# Required license key associated with your New Relic account.\nlicense_key: ${t}\n`],
    negatives: [
      '# Required license key associated with your New Relic account.\nlicense_key: <%= license_key %>\n',
    ],
  }),
];
