import * as assert from 'node:assert/strict';
import { scan } from '../scanner';
import { uuid } from './ruleParts';

const ids = (text: string): string[] => scan(text).map((f) => f.ruleId);

describe('secret stores (report tier)', () => {
  it('Vault AppRole: a UUID given to secret_id under a Vault, AppRole or role_id word', () => {
    const id = uuid();
    assert.deepEqual(ids(`VAULT_SECRET_ID=${id}`), ['vault-approle-secret-id']);
    assert.deepEqual(ids(`approle:\n  role-id: "$ROLE_ID"\n  secret-id: ${id}`), ['vault-approle-secret-id']);
    assert.deepEqual(ids(`vault hashicorp:\n role_id = '${uuid()}'\nsecret_id = '${id.toUpperCase()}'`), [
      'vault-approle-secret-id',
    ]);
    // A `secret_id` with no Vault word near is any record's key; the redact tier still hides it.
    assert.deepEqual(ids(`secret_id = '${id}'`), []);
    assert.deepEqual(ids(`${'x'.repeat(300)}vault\n${'y'.repeat(300)}\nsecret_id = '${id}'`), []);
    // Not a UUID, a reference or a documented example's run: no finding.
    assert.deepEqual(ids(`VAULT_SECRET_ID=${id.slice(0, 35)}`), []);
    assert.deepEqual(ids('VAULT_SECRET_ID=${SECRET_ID}'), []);
    assert.deepEqual(ids('VAULT_SECRET_ID=12345678-1234-1234-1234-123456789012'), []);
  });
});
