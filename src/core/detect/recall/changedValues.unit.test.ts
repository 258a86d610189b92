import { findChangedValues } from './changedValues';
import { assertHidden, assertUntouched, fake } from './spanCases';

describe('redact tier: a credential changed in place, as a plan shows it (changedValues.ts)', () => {
  it('hides the new value after the arrow of a Terraform, Pulumi or Ansible diff line', () => {
    const old = fake(10);
    const value = fake(14);
    for (const line of [
      `      ~ password = "${old}" -> "${value}"`,
      `      ~ "master_password" = "${old}" -> "${value}"`,
      `    ~ dbPassword: "${old}" => "${value}"`,
      `db_password: ${old} -> ${value}`,
      `  + api_token = '${old}' -> '${value}'`,
    ]) {
      assertHidden(findChangedValues, line, [value]);
    }
  });

  it('leaves what a plan does not show, names that hold no credential, references and code', () => {
    const old = fake(10);
    for (const text of [
      `      ~ password = "${old}" -> null`,
      `      ~ password = "${old}" -> (known after apply)`,
      '      ~ master_password = (sensitive value)',
      `      ~ password = (sensitive value) -> (sensitive value)`,
      '      ~ name     = "old-db" -> "new-db"',
      '  ~ token = "${var.old}" -> "${var.new}"',
      'token = t => t.trim()',
      '  password: p => hash(p),',
      '  apiKey: key => keyMap[key],',
      '  token: tok => tokens.push(tok)',
    ]) {
      assertUntouched(findChangedValues, text);
    }
  });
});
