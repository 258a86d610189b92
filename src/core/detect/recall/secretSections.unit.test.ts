import { findSecretSections } from './secretSections';
import { assertHidden, assertUntouched, fake } from './spanCases';

const pw = (): string => `Kilbirnie#${fake(6)}4`;

describe('redact tier: sections named for secrets (secretSections.ts)', () => {
  it('hides every entry of a YAML, INI or JSON section named for secrets, passwords, credentials or tokens', () => {
    const [a, b] = [pw(), pw()];
    for (const text of [
      `secrets:\n  stripe: ${a}\n  github: ${b}`,
      `credentials:\n  smtp: "${a}"\n  ftp: '${b}'\nother: 1`,
      `# pillar\nsecrets:\n  smtp: ${a}  # rotated monthly\n  ldap_bind: ${b}`,
      `[passwords]\nroot = ${a}\nbackup = ${b}`,
      `{\n  "secrets": {\n    "prod": "${a}",\n    "staging": "${b}"\n  }\n}`,
      `{ "passwords": { "admin": "${a}", "ops": "${b}" } }`,
      `tokens:\n  ci: ${a}\n  deploy: ${b}`,
      `basic_auth_users:\n  admin: ${a}\n  grafana: ${b}`,
    ]) {
      assertHidden(findSecretSections, text, [a, b]);
    }
  });

  it('leaves entries that are references or nested maps, the lines after the section, and other sections', () => {
    for (const text of [
      'secrets:\n  stripe: ${STRIPE_KEY}\n  github: "{{ vault_github }}"',
      'secrets:\n  db:\n    name: app',
      'secrets:\n  - name: prod\n    valueFrom: ref',
      'secrets:\nstripe: sk_from_env',
      '[credentials]\n\n[server]\nport = 8080',
      'The secrets: rotate them monthly.',
      'const tokens = { input: 12, output: 30 };',
    ]) {
      assertUntouched(findSecretSections, text);
    }
  });
});
