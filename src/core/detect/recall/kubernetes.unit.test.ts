import * as assert from 'node:assert/strict';
import { freshPem } from '../../../../test/support/fakePem';
import { ALNUM, BASE64, randomToken } from '../random';
import type { RecallSpan } from './recallSpan';
import { kubernetesDetector } from './kubernetes';

const spans = (text: string): RecallSpan[] => {
  const out: RecallSpan[] = [];
  kubernetesDetector(text, out);
  return out;
};
const hidden = (text: string): string[] => spans(text).map((s) => text.slice(s.start, s.end));
const b64 = (s: string): string => Buffer.from(s).toString('base64');

describe('redact tier: Kubernetes Secrets and kubeconfig credentials', () => {
  it('hides a kubeconfig user’s key, token and password, and leaves its certificate', () => {
    const key = b64(freshPem());
    const cert = b64(freshPem('CERTIFICATE'));
    const token = randomToken(ALNUM, 40);
    const pw = randomToken(ALNUM, 14);
    const text = [
      'apiVersion: v1',
      'clusters:',
      '- cluster:',
      `    certificate-authority-data: ${cert}`,
      '    server: https://10.0.0.1:6443',
      '  name: prod',
      'kind: Config',
      'users:',
      '- name: admin',
      '  user:',
      `    client-certificate-data: ${cert}`,
      `    client-key-data: ${key}`,
      '- name: ci',
      '  user:',
      `    token: ${token}`,
      '- name: basic',
      '  user:',
      `    password: "${pw}"`,
    ].join('\n');
    assert.deepEqual(
      spans(text).map((s) => [text.slice(s.start, s.end), s.kind]),
      [
        [key, 'private-key'],
        [token, 'token'],
        [pw, 'password'],
      ],
    );
  });

  it('hides every value of a Secret, past 16 entries, in block scalars and with kind after data', () => {
    const values = Array.from({ length: 20 }, () => b64(randomToken(ALNUM, 12)));
    const entries = values.map((v, i) => `  KEY_${i}: ${v}`).join('\n');
    const block = [randomToken(BASE64, 40), randomToken(BASE64, 40)];
    const text = `apiVersion: v1\ndata:\n${entries}\n  config.json: |\n    ${block[0]}\n    ${block[1]}\nkind: Secret\nmetadata:\n  name: app\n---\napiVersion: v1\nkind: Secret\nstringData:\n  DB_URL: "postgres://app:${values[0]}@db/app"\n  MODE: 'simple words'\n`;
    assert.deepEqual(hidden(text), [
      ...values,
      ...block,
      `postgres://app:${values[0]}@db/app`,
      'simple words',
    ]);
  });

  it('hides the values of a JSON Secret', () => {
    const v = b64(randomToken(ALNUM, 16));
    const text = `{"apiVersion": "v1", "kind": "Secret", "data": {\n  "password": "${v}",\n  "user": "${b64('app')}"\n}, "type": "Opaque"}`;
    assert.deepEqual(hidden(text), [v, b64('app')]);
  });

  it('leaves ConfigMaps, templated or omitted values, certificates and other manifests alone', () => {
    const negatives = [
      'apiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: debug\n  BUILD: a1b2c3d4e5f6\n',
      'apiVersion: v1\nkind: Secret\nstringData:\n  password: "{{ .Values.db.password }}"\n  token: ${API_TOKEN}\n  empty: ""\n',
      'kind: Secret\nmetadata:\n  name: a\n---\nkind: ConfigMap\ndata:\n  BUILD_ID: 9f8e7d6c5b4a\n',
      'apiVersion: v1\nkind: Secret\nstringData:\n  password: ""\n# next\napiVersion: v1\nkind: ConfigMap\ndata:\n  LOG_LEVEL: info\n',
      'users:\n- name: admin\n  user:\n    client-certificate-data: DATA+OMITTED\n    client-key-data: DATA+OMITTED\n    token: REDACTED\n',
      'env:\n  - name: TOKEN_PATH\n    value: /var/run/secrets/token\n',
      'spec:\n  serviceAccountName: builder\n  secretName: tls-cert\n',
    ];
    for (const text of negatives) {
      assert.deepEqual(hidden(text), [], text);
    }
  });

  it('stays correct on hostile input', function () {
    this.timeout(120_000); // a shared machine can be slow; correctness, not speed, is what this checks
    const docs = 'kind: Secret\ndata:\n  a: \n---\n'.repeat(20_000);
    assert.deepEqual(hidden(docs), []);
    const json = `{"kind": "Secret", "data": {${' '.repeat(150)}"a": "b"${'"data": {'.repeat(20_000)}`;
    assert.deepEqual(hidden(json), ['b']);
  });
});
