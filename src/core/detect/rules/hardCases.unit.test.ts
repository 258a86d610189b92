import * as assert from 'node:assert/strict';
import { ALNUM, BASE64, HEX, randomToken } from '../random';
import { serviceRules } from '../catalog';
import { scan } from '../scanner';
import { connectionStringRules } from './connectionStrings';
import { genericRules } from './generic';
import { kubernetesRules } from './kubernetes';

// Cross-rule cases for the messaging, payment, ops, key, token, connection-string and generic rules:
// whole files and lines of the kinds a scanner meets, where no rule of this set may fire (hard
// negatives), and realistic files where exactly the expected rule must. Values are generated here.

const rules = [...serviceRules, ...kubernetesRules, ...connectionStringRules, ...genericRules];

const uuid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');
const wrap = (b64: string): string => b64.replace(/(.{64})/g, '$1\n').trim();
const b64url = (v: object): string => Buffer.from(JSON.stringify(v)).toString('base64url');

function hardNegatives(): string[] {
  const sha = randomToken(HEX, 40);
  return [
    `"integrity": "sha512-${randomToken(BASE64, 86)}=="`,
    `commit ${sha}\nAuthor: Dev <dev@corp.example>`,
    `"resolved": "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz#${sha}"`,
    `  "id": "${uuid()}",\n  "requestId": "${uuid()}"`,
    `<img src="data:image/png;base64,${randomToken(BASE64, 400)}">`,
    `-----BEGIN CERTIFICATE-----\n${wrap('MIID' + randomToken(BASE64, 1200))}\n-----END CERTIFICATE-----`,
    `-----BEGIN PUBLIC KEY-----\n${wrap('MIIB' + randomToken(BASE64, 390))}\n-----END PUBLIC KEY-----`,
    `ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI${randomToken(BASE64, 43)} dev@laptop`,
    `-----BEGIN PGP SIGNATURE-----\n\n${wrap('iQIz' + randomToken(BASE64, 800))}\n-----END PGP SIGNATURE-----`,
    'git clone git@github.com:org/repo.git && curl https://user@host.internal/api',
    'mailto:ops@corp.example?subject=password%20reset',
    'url = f"postgres://{db_user}:{db_pw}@{db_host}/app"',
    'const url = `mongodb://${user}:${pass}@${host}/db`;',
    'dsn := fmt.Sprintf("mysql://%s:%s@tcp(%s)/%s", user, pass, host, name)',
    'uri = "amqp://#{user}:#{password}@#{host}"',
    'token: ${{ secrets.NPM_TOKEN }}\npassword: ${{ secrets.REGISTRY_PASSWORD }}',
    'API_KEY=\nDB_PASSWORD=\nSTRIPE_SECRET_KEY=\nSLACK_BOT_TOKEN=',
    'password = var.db_password\ntoken    = data.vault_generic_secret.ci.data["token"]',
    'password: {{ .Values.postgresql.auth.password | quote }}',
    `const header = ${JSON.stringify(b64url({ typ: 'JWT' }))} + "." + body;`,
    '# Rotate tokens: xoxb-…, sk_live_…, SG.…, ghp_… are revoked at once.',
    'color: #1e90ff; --accent: #ff00aa; version: 4.18.2',
    'const passwordStrength = zxcvbn(password).score; const tokenCount = tokens.length;',
    'if (secret == null) { throw new Error("secret is required"); }',
    'Authorization: Basic <base64(user:password)>',
    'Authorization: Bearer <access_token>',
    `kind: ConfigMap\ndata:\n  checksum: ${sha}\n  release: v2.3.1`,
    'password_reset_token_ttl = 3600\nsession_token_cookie = "__Host-session"',
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: tls\ntype: kubernetes.io/tls\ndata: {}',
    'jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;MODE=PostgreSQL',
    'Server=(localdb)\\mssqllocaldb;Database=App;Trusted_Connection=True;',
    'redis://cache:6379/0\npostgres://localhost/app\namqp://rabbitmq',
    `kind: Secret\ndata:\n  password: ${Buffer.from('password').toString('base64')}`,
    'REDIS_URL=redis://default:redispw@localhost:6379\nMYSQL_ROOT_PASSWORD=my-secret-pw',
    'Server=myServer;Database=myDB;User Id=myUser;Password=myPassword;',
    'curl -u user:password https://httpbin.org/basic-auth/user/password',
  ];
}

function pem(label: string, head: string): string {
  return `-----BEGIN ${label}-----\n${wrap(head + randomToken(BASE64, 1500))}\n-----END ${label}-----\n`;
}

/** Realistic files, each with the rule id that must report it (once). */
function realisticPositives(): [string, string][] {
  const pw = `${randomToken(ALNUM, 10)}!${randomToken(ALNUM, 5)}`;
  const sa = {
    type: 'service_account',
    project_id: 'acme-prod',
    private_key_id: randomToken(HEX, 40),
    private_key: pem('PRIVATE KEY', 'MIIE'),
    client_email: 'deployer@acme-prod.iam.gserviceaccount.com',
  };
  return [
    ['private-key-pkcs8', JSON.stringify(sa, null, 2)],
    ['private-key-openssh', `# ~/.ssh/id_ed25519\n${pem('OPENSSH PRIVATE KEY', 'b3BlbnNzaC1rZXktdjEAAAAA')}`],
    [
      'postgres-connection-password',
      `services:\n  api:\n    environment:\n      DATABASE_URL: postgres://api:${pw}@db:5432/api\n`,
    ],
    ['generic-password', `[database]\nhost = db.internal\nuser = reporting\npassword = ${pw}\n`],
    [
      'kubernetes-secret',
      `apiVersion: v1\ndata:\n  password: ${Buffer.from(pw).toString('base64')}\n  user: ${Buffer.from('svc').toString('base64')}\nkind: Secret\nmetadata:\n  name: db\n`,
    ],
    [
      'jwt',
      // An RS256 signature is as long as the key: 342 base64url characters for RSA-2048.
      `id_token=${b64url({ alg: 'RS256', kid: 'k1' })}.${b64url({ sub: uuid(), aud: 'api' })}.${randomToken(ALNUM, 342)}`,
    ],
    ['stripe-secret-key', `Stripe::Key = "sk_live_51${randomToken(ALNUM, 97)}"`],
  ];
}

describe('messaging, payments, ops, keys, tokens and generic rules on whole files', () => {
  it('report nothing on hard negatives', () => {
    for (const text of hardNegatives()) {
      const found = scan(text, { rules }).map((f) => f.ruleId);
      assert.deepEqual(found, [], `fired on: ${text.slice(0, 120)}`);
    }
  });

  it('report each realistic file once, under the expected rule', () => {
    for (const [id, text] of realisticPositives()) {
      const found = scan(text, { rules }).map((f) => f.ruleId);
      assert.deepEqual(found, [id], `for ${id}`);
    }
  });
});
