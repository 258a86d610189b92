import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway self-signed certificate for `hosts`, made at test time (no key material in the repo). */
export interface TestCert {
  readonly cert: string;
  readonly key: string;
  /** A PEM file of the certificate, for `caFiles` / `SECURE_GPT_CA_FILE`. */
  readonly caFile: string;
  dispose(): void;
}

/** Creates the certificate with the `openssl` command (a P-256 key, valid one day). */
export function makeTestCert(hosts: readonly string[]): TestCert {
  const dir = mkdtempSync(join(tmpdir(), 'sgpt-cert-'));
  const san = hosts.map((h) => (/^[\d.]+$|:/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      `/CN=${hosts[0] ?? 'localhost'}`,
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'ignore' },
  );
  return {
    cert: readFileSync(join(dir, 'cert.pem'), 'utf8'),
    key: readFileSync(join(dir, 'key.pem'), 'utf8'),
    caFile: join(dir, 'cert.pem'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
