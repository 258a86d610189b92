import { findCredentialPairs } from './credentialPairs';
import { assertHidden, assertUntouched, fake } from './spanCases';

const pw = (): string => `Tern&${fake(7)}1`;

describe('redact tier: a user and a password as a pair (credentialPairs.ts)', () => {
  it('hides the password after an account\u2019s name or an address, slash- or colon-parted', () => {
    for (const line of [
      (p: string) => `Login for the router: admin / ${p}`,
      (p: string) => `admin / ${p}`,
      (p: string) => `sure \u2014 admin@example.io / ${p}`,
      (p: string) => `jdoe@example.io:${p}`,
      (p: string) => `Invalid credentials: elastic:${p}`,
      (p: string) => `root:${p}`,
      (p: string) => `\u2022 Grafana \u2014 admin / ${p}`,
    ]) {
      const p = pw();
      assertHidden(findCredentialPairs, line(p), [p]);
    }
  });

  it('leaves records, paths, ports and prose', () => {
    for (const text of [
      'postgres:x:101:104:PostgreSQL administrator,,,:/var/lib/postgresql:/bin/bash',
      'git clone git@github.com:example/project.git',
      'ssh admin@example.io:22',
      'the ratio is admin / total',
      'root: true',
      'admin / operators',
    ]) {
      assertUntouched(findCredentialPairs, text);
    }
  });
});
