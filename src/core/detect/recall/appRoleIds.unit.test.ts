import { HEX, randomToken } from '../random';
import { findAppRoleIds } from './appRoleIds';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findAppRoleIds, text, values);
const leaves = (text: string): void => assertUntouched(findAppRoleIds, text);
const guid = (): string => [8, 4, 4, 4, 12].map((n) => randomToken(HEX, n)).join('-');

describe('redact tier: Vault AppRole ids', () => {
  it('hides a role id and a secret id given as UUIDs, in any assignment syntax', () => {
    const role = guid();
    const secret = guid();
    hides(`role_id = '${role}'\nsecret_id = '${secret}'`, role, secret);
    hides(`VAULT_ROLE_ID=${role}`, role);
    hides(`{"role_id": "${role}", "secret_id": "${secret}"}`, role, secret);
    hides(`roleId := "${role}"`, role);
  });

  it('leaves other ids, names, references and UUIDs under other names', () => {
    for (const text of [
      `user_id = '${guid()}'`,
      `request_id: ${guid()}`,
      'role_id = admin',
      'role_id = "$ROLE_ID"',
      `parole_id = '${guid()}'`,
      `role_ids = ['${guid()}']`,
    ]) {
      leaves(text);
    }
  });

  it('leaves a documented example id, and still hides a drawn one beside it', () => {
    leaves("vault role_id = '12345678-1234-1234-1234-123456789abc'");
    leaves('secret_id: 00000000-0000-0000-0000-000000000000');
    const role = guid();
    hides(`vault role_id = '${role}'`, role);
  });
});
