import { shannonEntropy } from '../entropy';
import { BASE64, HEX, randomToken } from '../random';
import type { Rule, Severity } from '../rule';
import { tokenRule } from './ruleKit';
import { bech32Sample } from './bech32';

// Private key blocks. Each PEM rule matches one label from BEGIN to the same END; the body class has no
// `-`, so a scan from a BEGIN stops at the next dash and the pattern stays linear however the block is
// broken. Public keys and certificates have other labels and never match. Bodies may be wrapped, indented
// (YAML) or carry `\n` escapes (a key pasted into JSON, as in a GCP service-account file).

const keyRisk = 'anyone with this file can decrypt, sign and log in as the holder of this key';
/** Base64 body characters plus the whitespace and `\n` escapes a pasted key carries. */
const BODY = '[A-Za-z0-9+/=\\s\\\\]';
/** `Proc-Type` / `DEK-Info` headers of a legacy passphrase-encrypted PEM key. */
const LEGACY_HEADERS =
  '(?:(?:\\s|\\\\[rn]){1,4}Proc-Type: ?4,ENCRYPTED(?:\\s|\\\\[rn]){1,4}DEK-Info: ?[A-Z0-9-]{3,40},[A-Fa-f0-9]{16,64}(?:\\s|\\\\[rn]){1,6})?';
/** Avoids the words the engine reads as placeholders (`xxxx`, `here`…), so samples never trip them by chance. */
const CLEAN = /xxxx|here|your|fake|mock|todo|fixme|enter|insert|sample/i;

/** The base64 of a PEM body without line breaks, escapes or headers. */
function pemBody(block: string): string {
  const start = block.indexOf('-----', 10) + 5;
  const end = block.lastIndexOf('-----END');
  return block
    .slice(start, end)
    .replace(/\\[rn]/g, '\n')
    .replace(/^(?:Proc-Type|DEK-Info):[^\n]*$/gm, '')
    .replace(/\s+/g, '');
}

/**
 * A real key body is random-looking key material; a filler of one repeated unit is not. Its DER or
 * OpenSSH header is not required: generated look-alikes of real keys would then pass for fakes.
 */
function bodyLooksReal(body: string): boolean {
  return body.length >= 64 && shannonEntropy(body) >= 4.5;
}

function wrap(b64: string): string {
  return b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
}

/** A fresh random body of `length` base64 characters beginning with `head`, wrapped as PEM. */
function body(head: string, length: number): string {
  for (;;) {
    const out = head + randomToken(BASE64, length - head.length);
    if (!CLEAN.test(out)) {
      return wrap(out);
    }
  }
}

interface PemSpec {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly head: string;
  readonly severity?: Severity;
  readonly legacyHeaders?: boolean;
  readonly bodyMax?: number;
}

function pemRule(p: PemSpec): Rule {
  const label = p.label;
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  const bodyMax = p.bodyMax ?? 8192;
  const headers = p.legacyHeaders ? LEGACY_HEADERS : '';
  return tokenRule({
    id: p.id,
    provider: 'Private key',
    description: p.description,
    risk: keyRisk,
    severity: p.severity ?? 'error',
    keywords: [`begin ${p.label.toLowerCase()}`],
    pattern: new RegExp(`${begin}${headers}${BODY}{64,${bodyMax}}${end}`),
    maxLength: begin.length + end.length + bodyMax + 200,
    validate: (block) => bodyLooksReal(pemBody(block)),
    sample: () => `${begin}\n${body(p.head, 1200)}\n${end}`,
    lines: (key) => [
      `${key}\n`,
      `  "private_key": "${key.replace(/\n/g, '\\n')}\\n",`,
      `ssh_key: |\n  ${key.replace(/\n/g, '\n  ')}\n`,
    ],
    negatives: negativesFor(label),
  });
}

/** Near misses built from pieces, so no complete key-shaped block sits in this file. */
function negativesFor(label: string): string[] {
  const begin = `-----BEGIN ${label}-----`;
  const end = `-----END ${label}-----`;
  const filler = 'QUJD'.repeat(40);
  return [
    `${begin}\n...\n${end}`,
    `${begin}\n<your private key here>\n${end}`,
    `${begin}\n${wrap('A'.repeat(256))}\n${end}`,
    `${begin}\n${wrap(filler)}\n${end}`,
    `const header = "${begin}";`,
    `-----BEGIN PUBLIC KEY-----\n${wrap('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' + filler)}\n-----END PUBLIC KEY-----`,
    `-----BEGIN CERTIFICATE-----\n${wrap('MIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBa' + filler)}\n-----END CERTIFICATE-----`,
  ];
}

export const privateKeyRules: readonly Rule[] = [
  pemRule({
    id: 'private-key-rsa',
    label: 'RSA PRIVATE KEY',
    description: 'RSA private key (PKCS#1 PEM)',
    head: 'MII',
    legacyHeaders: true,
  }),
  pemRule({
    id: 'private-key-ec',
    label: 'EC PRIVATE KEY',
    description: 'EC private key (SEC1 PEM)',
    head: 'M',
    legacyHeaders: true,
  }),
  pemRule({
    id: 'private-key-dsa',
    label: 'DSA PRIVATE KEY',
    description: 'DSA private key (PEM)',
    head: 'MII',
    legacyHeaders: true,
  }),
  pemRule({
    id: 'private-key-openssh',
    label: 'OPENSSH PRIVATE KEY',
    description: 'OpenSSH private key',
    // Every OpenSSH key body starts with the base64 of its magic string `openssh-key-v1`.
    head: 'b3BlbnNzaC1rZXktdjE',
  }),
  pemRule({
    id: 'private-key-pkcs8',
    label: 'PRIVATE KEY',
    description: 'Private key (PKCS#8 PEM)',
    head: 'M',
  }),
  pemRule({
    id: 'private-key-encrypted',
    label: 'ENCRYPTED PRIVATE KEY',
    description: 'Passphrase-encrypted private key (PKCS#8 PEM)',
    head: 'MII',
    severity: 'warning',
  }),
  tokenRule({
    id: 'private-key-other',
    provider: 'Private key',
    description: 'Private key (other PEM label)',
    risk: keyRisk,
    keywords: ['private key-----'],
    // Any other `BEGIN <LABEL> PRIVATE KEY` (ED25519, SSH2, vendor labels), closed by the same label.
    pattern: new RegExp(
      `-----BEGIN (?!(?:RSA|EC|DSA|OPENSSH|ENCRYPTED|PGP) PRIVATE)(?<label>[A-Z0-9]{1,20}(?: [A-Z0-9]{1,20}){0,1}) PRIVATE KEY-----${BODY}{64,8192}-----END \\k<label> PRIVATE KEY-----`,
    ),
    maxLength: 8500,
    validate: (block) => bodyLooksReal(pemBody(block)),
    sample: () =>
      `-----BEGIN ED25519 PRIVATE KEY-----\n${body('MC4CAQAwBQYDK2VwBCIEI', 64)}\n-----END ED25519 PRIVATE KEY-----`,
    lines: (key) => [`${key}\n`, `signing_key: |\n  ${key.replace(/\n/g, '\n  ')}\n`],
    negatives: [
      ...negativesFor('ED25519 PRIVATE KEY'),
      `-----BEGIN ED25519 PRIVATE KEY-----\n${wrap('QUJD'.repeat(20))}\n-----END X25519 PRIVATE KEY-----`,
    ],
  }),
  tokenRule({
    id: 'private-key-pgp',
    provider: 'Private key',
    description: 'PGP private key block',
    risk: 'anyone with this file can decrypt messages sent to this key and sign as its owner',
    keywords: ['begin pgp private key block'],
    pattern: new RegExp(
      '-----BEGIN PGP PRIVATE KEY BLOCK-----(?:\\s|\\\\[rn]){1,4}(?:[ \\t]{0,16}[A-Za-z][A-Za-z-]{0,30}: [^\\r\\n\\\\]{0,200}(?:\\r?\\n|\\\\r?\\\\n)){0,8}' +
        `${BODY}{64,20000}-----END PGP PRIVATE KEY BLOCK-----`,
    ),
    maxLength: 22200,
    validate: (block) => {
      const b = pemBody(block.replace(/^[ \t]*[A-Za-z][A-Za-z-]{0,30}: .*$/gm, ''));
      return b.length >= 64 && shannonEntropy(b) >= 4.5;
    },
    sample: () =>
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\nComment: deploy key\n\n${body('lQ', 3000)}\n=${randomToken(BASE64, 4)}\n-----END PGP PRIVATE KEY BLOCK-----`,
    lines: (key) => [`${key}\n`, `GPG_PRIVATE_KEY: |\n  ${key.replace(/\n/g, '\n  ')}\n`],
    negatives: [
      ...negativesFor('PGP PRIVATE KEY BLOCK'),
      `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n${wrap('mQINBF' + 'QUJD'.repeat(40))}\n-----END PGP PUBLIC KEY BLOCK-----`,
    ],
  }),
  tokenRule({
    id: 'private-key-putty',
    provider: 'Private key',
    description: 'PuTTY private key file (.ppk)',
    risk: keyRisk,
    keywords: ['putty-user-key-file-'],
    pattern: new RegExp(
      'PuTTY-User-Key-File-[23]: [A-Za-z0-9@.-]{3,64}\\r?\\n(?:[A-Za-z-]{1,30}: [^\\r\\n]{0,200}\\r?\\n){1,6}' +
        '[A-Za-z0-9+/=\\r\\n]{20,4096}(?:[A-Za-z-]{1,30}: [^\\r\\n]{0,200}\\r?\\n){0,6}' +
        'Private-Lines: [0-9]{1,3}\\r?\\n[A-Za-z0-9+/=\\r\\n]{20,8192}Private-MAC: [a-f0-9]{40,64}',
    ),
    maxLength: 15300,
    validate: (file) => {
      const priv = file
        .slice(file.indexOf('Private-Lines:'), file.indexOf('Private-MAC:'))
        .split('\n')
        .slice(1)
        .join('');
      return shannonEntropy(priv) >= 4.5;
    },
    sample: () =>
      [
        'PuTTY-User-Key-File-3: ssh-ed25519',
        'Encryption: none',
        `Comment: eddsa-key-${randomToken('0123456789', 8)}`,
        'Public-Lines: 2',
        body('AAAAC3NzaC1lZDI1NTE5AAAAI', 68),
        'Private-Lines: 2',
        body('AAAAI', 120),
        `Private-MAC: ${randomToken(HEX, 64)}`,
      ].join('\n'),
    lines: (file) => [`${file}\n`],
    negatives: [
      'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: <comment>\nPublic-Lines: 2\n...\nPrivate-Lines: 1\n...\nPrivate-MAC: ...',
      'Save the key as a PuTTY-User-Key-File-2 (.ppk) file.',
    ],
  }),
  tokenRule({
    id: 'age-secret-key',
    provider: 'age',
    description: 'age encryption secret key',
    risk: 'anyone with this file can decrypt every file encrypted to this age identity',
    keywords: ['age-secret-key-1'],
    // The body is bech32 (32 of the upper-case letters and digits); any upper-case letter or digit is
    // taken, so a key mistyped or cut and pasted back together is still reported: the prefix is the format.
    pattern: /AGE-SECRET-KEY-1[0-9A-Z]{58}(?![A-Za-z0-9])/,
    maxLength: 74,
    minEntropy: 4,
    sample: () => bech32Sample('age-secret-key-', 52).toUpperCase(),
    negatives: [
      'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
      'AGE-SECRET-KEY-1...',
      '# AGE-SECRET-KEY-1 lines hold the identity',
    ],
  }),
];
