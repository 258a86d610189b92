import { ALNUM, LOWER_ALNUM, randomToken } from '../random';
import type { Rule } from '../rule';
import { tokenRule } from './ruleKit';
import { decodeBase64, isPlausiblePassword, isPrintableAscii } from './valueChecks';

/**
 * Kubernetes Secret manifests in YAML. A Secret's values sit on lines of their own, far from the
 * `kind: Secret` that makes them secret, so the rule matches the whole `data:` / `stringData:` block and
 * reports it as one finding. It reaches the `kind` either before the block (hand-written manifests:
 * the match starts at `kind:`) or right after it (`kubectl get -o yaml`, whose keys are sorted: a
 * lookahead from `data:`). Limits: JSON manifests, a `kind` more than 30 lines before or 80 after the block, and blocks past 16
 * lines are not (fully) covered.
 */

const KIND =
  '[ \\t]{0,8}(?:-[ \\t]{1,3})?kind:[ \\t]{0,3}["\']?Secret["\']?[ \\t]{0,8}(?:#[^\\r\\n]{0,200})?\\r?\\n';
/**
 * Lines walked between `kind:` and the block: not a `---` document break, and not another Secret or
 * block, so each walk stops at the next one and a file of repeats stays linear. The walk inside the
 * match (kind first) takes metadata lines, which are short; the one in the look-ahead (block first)
 * crosses the block's own lines, which may hold a certificate.
 */
const TO_BLOCK = '(?!---|[ \\t]{0,8}(?:-[ \\t]{1,3})?kind:)[^\\r\\n]{0,1024}\\r?\\n';
const TO_KIND = '(?!---|[ \\t]{0,10}(?:data|stringData):)[^\\r\\n]{0,8192}\\r?\\n';
/**
 * Entries of the block: indented lines (values, and block-scalar continuations). Indentation is not
 * compared with the `data:` line's (a backreference would leave the match unbounded), so in a List
 * the finding may run on over the Secret's sibling keys.
 */
const BLOCK = '(?:[ \\t]{1,26}[^\\r\\n]{1,8192}(?:\\r?\\n|$)){1,16}';

const pattern = new RegExp(
  `(?:^${KIND}(?:${TO_BLOCK}){0,30}?(?=[ \\t]{0,10}(?:data|stringData):[ \\t]{0,8}\\r?\\n)|^(?=[ \\t]{0,10}(?:data|stringData):[ \\t]{0,8}\\r?\\n(?:${TO_KIND}){0,80}?${KIND}))` +
    `[ \\t]{0,10}(?:data|stringData):[ \\t]{0,8}\\r?\\n(?<secret>${BLOCK})`,
  'm',
);

/** True when at least one entry holds a real value: not empty, templated, a placeholder or a stock default. */
function hasRealValue(block: string): boolean {
  for (const line of block.split(/\r?\n/)) {
    const m = /^\s*[\w.-]{1,253}:[ \t]*(.*?)\s*$/.exec(line);
    const raw = (m ? m[1]! : line.trim()).replace(/^["']|["']$/g, '');
    if (raw === '' || raw === '|' || raw === '>' || /^[|>][-+]?$/.test(raw) || raw.startsWith('#')) {
      continue;
    }
    const decoded = /^[A-Za-z0-9+/]{4,}={0,2}$/.test(raw) ? decodeBase64(raw) : undefined;
    const plain = decoded !== undefined && isPrintableAscii(decoded) && decoded.length > 0 ? decoded : raw;
    if (isPlausiblePassword(plain) && plain.length >= 6) {
      return true;
    }
  }
  return false;
}

function secretYaml(values: Record<string, string>, kindFirst: boolean): string {
  const data = Object.entries(values)
    .map(([k, v]) => `  ${k}: ${Buffer.from(v).toString('base64')}`)
    .join('\n');
  return kindFirst
    ? `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\n  namespace: prod\ntype: Opaque\ndata:\n${data}\n`
    : `apiVersion: v1\ndata:\n${data}\nkind: Secret\nmetadata:\n  name: db-credentials\ntype: Opaque\n`;
}

export const kubernetesRules: readonly Rule[] = [
  tokenRule({
    id: 'kubernetes-secret',
    provider: 'Kubernetes',
    description: 'Kubernetes Secret manifest with data',
    risk: 'anyone with this file holds the credentials this Secret gives your workloads',
    // Every match holds `data:` at its start (block first) or `Secret` on its first line (kind first).
    keywords: ['data:', 'secret'],
    pattern,
    maxLength: 162600,
    validate: hasRealValue,
    revokeUrl: 'https://kubernetes.io/docs/concepts/configuration/secret/',
    sample: () => randomToken(ALNUM, 20),
    lines: (pw) => [
      secretYaml({ username: 'app', password: pw }, true),
      secretYaml({ password: pw, host: 'db.internal' }, false),
      `apiVersion: v1\nkind: Secret\nmetadata:\n  name: api\nstringData:\n  API_TOKEN: "${pw}"\n`,
    ],
    negatives: [
      secretYaml({ username: 'admin', password: 'password' }, true),
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: "{{ .Values.db.password }}"\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: {{ .Values.password | b64enc }}\n',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  LOG_LEVEL: debug\n  FEATURE_FLAGS: a1b2c3d4e5f6g7h8\n',
      'apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ntype: Opaque\n',
      'kind: Secret\nstringData:\n  password: ${DB_PASSWORD}\n',
      'kind: Secret\nmetadata:\n  name: a\n---\nkind: ConfigMap\ndata:\n  BUILD_ID: 9f8e7d6c5b4a3f2e1d\n',
    ],
  }),
  tokenRule({
    id: 'kubernetes-bootstrap-token',
    provider: 'Kubernetes',
    description: 'Kubernetes bootstrap token',
    risk: 'anyone with this file can join nodes to your cluster and read its cluster-info',
    // `<token id>.<token secret>` (6 and 16 lower-case letters and digits) a few characters after the word
    // `token` or `bootstrap` (`--token`, `--tls-bootstrap-token`, `BOOTSTRAP_TOKEN:`): alone it is any
    // dotted pair. The prefilter's keywords are `bootstrap` and `--token` (`kubeadm join --token`), not
    // `token`: that word is in most source files, and as a keyword it ran this rule's look-behind at every
    // one of them (the engine fell from ~275 to ~105 MB/s on the bench tree). The keyword stands before the
    // match, so the window it opens must reach past the value: up to 21 characters of keyword and gap, then
    // the 23 of the token.
    keywords: ['bootstrap', '--token'],
    // kubeadm's default configuration prints the id `abcdef`, which many clusters keep: the id is public
    // (it names the token's Secret), so behind that id the finding is the secret part alone, whose
    // sequence-free randomness the placeholder check can judge (`abcdef.…` whole reads as a placeholder).
    pattern:
      /(?<=(?:[Tt]oken|TOKEN|[Bb]ootstrap|BOOTSTRAP)[^\r\n]{0,12})(?<![A-Za-z0-9.])(?:abcdef\.(?<secret>[a-z0-9]{16})|(?!abcdef\.)[a-z0-9]{6}\.[a-z0-9]{16})(?![A-Za-z0-9.])/,
    maxLength: 48,
    minEntropy: 3,
    // kubeadm's documented example secret is `0123456789abcdef`, after the id `abcdef` or alone.
    validate: (t) => {
      const secret = t.length === 16 ? t : t.slice(7);
      return secret !== '0123456789abcdef' && /[0-9]/.test(t) && /[a-z]/.test(secret);
    },
    revokeUrl: 'https://kubernetes.io/docs/reference/access-authn-authz/bootstrap-tokens/',
    sample: () => `${randomToken(LOWER_ALNUM, 6)}.${randomToken(LOWER_ALNUM, 14)}7q`,
    lines: (t) => [
      `kubeadm join 10.0.0.1:6443 --token ${t} --discovery-token-unsafe-skip-ca-verification`,
      `--tls-bootstrap-token abcdef.${t.slice(7)}`,
      `--tls-bootstrap-token ${t}`,
      `BOOTSTRAP_TOKEN: "${t}"`,
    ],
    negatives: [
      'kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef',
      'abcdef.0123456789abcdef',
      'token_url: https://login.example.com/oauth2/token',
      'the token lives in config.yaml under server.settings',
    ],
  }),
];
