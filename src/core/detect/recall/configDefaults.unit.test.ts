import { assertHidden, assertUntouched, fake } from './spanCases';
import { findConfigDefaults } from './configDefaults';

const pw = (): string => `Lugton!${fake(6)}8`;

describe('redact tier: configuration files\u2019 credential places (configDefaults.ts)', () => {
  it('hides a NoEcho parameter\u2019s default, in YAML either way round and in JSON', () => {
    const [p, q, r] = [pw(), pw(), pw()];
    assertHidden(
      findConfigDefaults,
      `Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: ${p}`,
      [p],
    );
    assertHidden(
      findConfigDefaults,
      `Parameters:\n  DBPassword:\n    Default: "${q}"\n    Type: String\n    NoEcho: 'true'`,
      [q],
    );
    assertHidden(
      findConfigDefaults,
      `"Parameters": {"AdminPw": {"Type": "String", "NoEcho": "true", "Default": "${r}"}}`,
      [r],
    );
  });

  it('hides Chef\u2019s, Ansible vault\u2019s, HCL\u2019s, Go tags\u2019, Pulumi\u2019s, ipsec\u2019s and PgBouncer\u2019s values', () => {
    for (const text of [
      (p: string) => `node.default['postgresql']['password']['postgres'] = '${p}'`,
      (p: string) => `# vault.yml\nvault_mysql_root: ${p}\nvault_version: 3`,
      (p: string) => `vault_smtp_pass: "${p}"`,
      (p: string) => `vault_grafana_admin: ${p}`,
      (p: string) => `locals {\n  grafana_admin = "${p}"\n}`,
      (p: string) => 'type Config struct {\n\tDBPassword string `default:"' + p + '"`\n}',
      (p: string) => 'type Config struct {\n\tAPIToken string `env:"API_TOKEN" envDefault:"' + p + '"`\n}',
      (p: string) => `pulumi config set acme:adminPassword ${p} --secret`,
      (p: string) => `alice : EAP "${p}"`,
      (p: string) => `keys:\n  - name: prod\n    value: ${p}`,
    ]) {
      const p = pw();
      assertHidden(findConfigDefaults, text(p), [p]);
    }
    const [a, b] = [pw(), pw()];
    assertHidden(findConfigDefaults, `"app" "${a}"\n"pgbouncer" "${b}"`, [a, b]);
    assertHidden(findConfigDefaults, `# /etc/pgbouncer/userlist.txt\n"app" "${a}"\n"stats" "${b}"`, [a, b]);
  });

  it('leaves parameters that echo, other keys, code, references and values of no password\u2019s shape', () => {
    for (const text of [
      'Parameters:\n  Env:\n    Type: String\n    Default: staging',
      'Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true',
      `node.default['postgresql']['version'] = '15'`,
      `node.default['app']['password_file'] = node['app']['dir'] + '/pw'`.replace(`'/pw'`, 'x'),
      'vault_addr: https://vault.example.io:8200',
      "vault_root_token: \"{{ lookup('env', 'VAULT_TOKEN') }}\"",
      'vault_db_password: !vault |',
      '_M_root = __x._M_root;',
      'grafana_admin = "admin"',
      'db_admin: postgres',
      'type Config struct {\n\tDBHost string `default:"localhost"`\n}',
      'pulumi config set aws:region us-east-1',
      '"pgbouncer" is the name of the pooler',
      'keys:\n  - name: prod\n    value: ${PROD_KEY}',
    ]) {
      assertUntouched(findConfigDefaults, text);
    }
  });
});
