import * as assert from 'node:assert/strict';
import { HEX, randomToken, randomIndex } from '../random';
import { APPROLE_ID, appRoleMatches, findAppRoleIds } from './appRoleIds';
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

  it('finds what the pattern finds tried at every position', () => {
    // Names at every reach from their UUID, in both cases, and UUID-like runs one character off.
    const pick = (...options: string[]): string => options[randomIndex(options.length)]!;
    // The longest and the shortest name a UUID can have before it.
    for (const name of ['approle_secret_id"    :=    "', 'roleid:']) {
      const text = `${name}${guid()}`;
      assert.deepEqual(
        [...appRoleMatches(text)].map((m) => [m.index, m[0]]),
        [[0, text]],
      );
    }
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let n = randomIndex(5); n > 0; n--) {
        text += pick('', ' ', 'x', '_', '\n', '"');
        text += pick('', 'vault', 'VAULT_', 'approle-', 'approle_', 'ap');
        text += pick('role', 'SECRET', 'secret', 'Role', 'rol');
        text += pick('', '_', '-') + pick('id', 'ID', 'Id', 'i');
        text += pick('', '"', "'") + pick('', ' ', '    ', '     ');
        text += pick(':=', '=>', ':', '=', '-');
        text += pick('', '\t', '    ', '     ') + pick('', '"', "'");
        const id = guid();
        text += pick(id, id.toUpperCase(), id.slice(1), `${id}0`, `${id}-`, `a${id}`, id.replace('-', ''));
      }
      const fast = [...appRoleMatches(text)].map((m) => [m.index, m[0]]);
      const slow = [...text.matchAll(APPROLE_ID)].map((m) => [m.index, m[0]]);
      assert.deepEqual(fast, slow, JSON.stringify(text));
    }
  });
});
