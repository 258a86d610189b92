import { findHclVariables } from './hclVariables';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findHclVariables, text, values);
const leaves = (text: string): void => assertUntouched(findHclVariables, text);

describe('redact tier: Terraform variables with a default', () => {
  it('hides the default of a variable whose label names a credential', () => {
    const pw = fake(14);
    hides(`variable "db_password" {\n  type    = string\n  default = "${pw}"\n}`, pw);
    hides(`variable "corp_okta_api_token" {\n  default = "00${pw}"\n}`, `00${pw}`);
    hides(
      `variable "github_pat" {\r\n  description = "PAT"\r\n  sensitive   = true\r\n  default     = "${pw}"\r\n}`,
      pw,
    );
  });

  it('leaves other variables, empty defaults and references', () => {
    const id = fake(14);
    leaves(`variable "region" {\n  default = "${id}"\n}`);
    leaves('variable "db_password" {\n  type = string\n  default = ""\n}');
    leaves('variable "api_token" {\n  default = "${var.token}"\n}');
    leaves(`variable "db_password" {\n  validation {\n    condition = true\n  }\n  default = "x"\n}`);
  });
});
