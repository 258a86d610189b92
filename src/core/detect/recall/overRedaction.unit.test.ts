import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { loadNegatives } from '../../../../test/corpus/corpus';
import { freshPem } from '../../../../test/support/fakePem';
import { HEX, randomToken } from '../random';
import { redactText } from '../../pipeline/redact';
import { RedactionMap } from '../../pipeline/redactionMap';
import { decodedViewDetector } from './decodedViews';
import { encodedSecretDetector } from './encodedSecrets';
import { kubernetesDetector } from './kubernetes';
import { lookAlikeDetector } from './lookAlikes';
import { findServiceParts } from './serviceParts';
import { wrappedPemDetector } from './wrappedPem';

// The decoding detectors together, views running the others inside them as the tier does, and the
// service-part reading (a passphrase after a service's word).
const mine = [
  wrappedPemDetector,
  kubernetesDetector,
  encodedSecretDetector,
  lookAlikeDetector,
  findServiceParts,
];
const detectors = [decodedViewDetector(() => mine), ...mine];
const changed = (text: string): boolean =>
  redactText(text, new RedactionMap(), { recallDetectors: detectors }).text !==
  redactText(text, new RedactionMap(), { recall: false }).text;

describe('redact tier: what the decoding detectors leave alone', () => {
  it('changes none of the corpus’s hard negatives, alone or as whole files', () => {
    const negatives = loadNegatives();
    assert.ok(negatives.length >= 300);
    assert.deepEqual(
      negatives.filter((n) => changed(n.text)).map((n) => `${n.source}/${n.name}`),
      [],
    );
    const files = new Map<string, string>();
    for (const n of negatives) {
      files.set(n.source, `${files.get(n.source) ?? ''}# ${n.name}\n${n.text}`);
    }
    assert.deepEqual(
      [...files].filter(([, text]) => changed(text)).map(([source]) => source),
      [],
    );
  });

  it('leaves images, integrity and lock-file hashes, certificates, escaped JSON and git SHAs alone', () => {
    const b64 = (n: number): string => randomBytes(n).toString('base64');
    const samples = [
      `.logo { background: url("data:image/png;base64,${b64(3000)}"); }`,
      `<link rel="stylesheet" href="x.css" integrity="sha384-${b64(48)}" crossorigin="anonymous">`,
      `"node_modules/x": {\n  "version": "1.2.3",\n  "integrity": "sha512-${b64(64)}"\n}`,
      `x@^1.0.0:\n  version "1.0.0"\n  resolved "https://registry.yarnpkg.com/x/-/x-1.0.0.tgz#${randomToken(HEX, 40)}"`,
      `ca.crt: |\n${freshPem('CERTIFICATE')
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n')}`,
      `ssh-ed25519 ${b64(51)} dev@laptop`,
      '{"text": "line one\\nline \\"two\\"\\ttabbed", "url": "https:\\/\\/example.com\\/a", "e": "caf\\u00e9"}',
      `commit ${randomToken(HEX, 40)}\nMerge: ${randomToken(HEX, 7)} ${randomToken(HEX, 7)}`,
      `"sha256": "${randomToken(HEX, 64)}", "etag": "W/\\"${randomToken(HEX, 32)}\\""`,
    ];
    assert.deepEqual(samples.filter(changed), []);
  });
});
