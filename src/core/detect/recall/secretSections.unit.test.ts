import * as assert from 'node:assert/strict';
import type { RecallSpan } from './recallSpan';
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

  it("hides the quoted entries of HCL's `tokens {` and of a type named for secrets (Swift, Kotlin, C#)", () => {
    const [a, b] = [pw(), pw()];
    for (const text of [
      `acl {\n  enabled = true\n  tokens {\n    master = "${a}"\n    agent  = "${b}"\n  }\n}\n`,
      `enum Secrets {\n    static let stripe = "${a}"\n    static let mapbox: String = "${b}"\n}\n`,
      `object ApiTokens {\n    const val STRIPE = "${a}"\n    const val MAPBOX = "${b}"\n}\n`,
      `public static class Credentials\n{\n    public const string Stripe = "${a}";\n    public const string Maps = "${b}";\n}\n`,
    ]) {
      assertHidden(findSecretSections, text, [a, b]);
    }
    // An interface's members are types, a value naming the kind is a label, a block ends at its brace.
    assertUntouched(findSecretSections, `interface UsageTokens {\n  type: 'tokens';\n  input: "text";\n}\n`);
    assertUntouched(findSecretSections, `object Tokens {\n  const val KIND = "clientCredentials"\n}\n`);
    assertUntouched(findSecretSections, `enum Secrets {\n  case a\n}\nlet title = "${a}"\n`);
    // A method's body is a block inside the type: its named arguments are no entries (CodeQL's C# test).
    const test = `public class HardCodedCredentialsTest\n{\n    public void TestUnsafe()\n    {\n        var user = new MembershipUser(\n            providerName: "provider",\n            name: "${a}",\n        );\n    }\n    public const string Stripe = "${b}";\n}\n`;
    assertHidden(findSecretSections, test, [b]);
    const spans: RecallSpan[] = [];
    findSecretSections(test, spans);
    assert.deepEqual(
      spans.map((x) => test.slice(x.start, x.end)),
      [b],
    );
  });
});
