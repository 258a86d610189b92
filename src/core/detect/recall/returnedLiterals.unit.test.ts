import { findReturnedLiterals } from './returnedLiterals';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findReturnedLiterals, text, [value]);
const leaves = (text: string): void => assertUntouched(findReturnedLiterals, text);

describe('redact tier: a literal a credential-named function returns (returnedLiterals.ts)', () => {
  it('hides the first statement of a fixture, a getter or a method that returns a literal', () => {
    const v = `${fake(6)}-${fake(6)}`;
    hides(`@pytest.fixture\ndef api_key():\n    return "${v}"\n`, v);
    hides(`def get_password(self) -> str:\n    return '${v}'\n`, v);
    hides(`function getApiKey() {\n  return '${v}';\n}`, v);
    hides(`  get password() { return "${v}"; }`, v);
    hides(`  public String getAuthToken() {\n    return "${v}";\n  }`, v);
    hides(`func secretKey() string {\n\treturn "${v}"\n}`, v);
  });

  it("hides Ruby's implicit return and an expression body", () => {
    const v = `${fake(5)} ${fake(7)}`;
    hides(`  def api_token\n    "${v}"\n  end`, v);
    hides(`fun apiKey() = "${v}"`, v);
    hides(`  def clientSecret: String = "${v}"`, v);
  });

  it('leaves other names, later statements, placeholders and references', () => {
    const v = fake(12);
    leaves(`def api_url():\n    return "${v}"\n`);
    leaves(`def get_tokenizer():\n    return "${v}"\n`);
    leaves(`def check_password(p):\n    if not p:\n        return "Invalid password"\n`);
    leaves('def api_key():\n    return os.environ["API_KEY"]\n');
    leaves('def api_key():\n    return "<your-api-key>"\n');
    leaves('function getApiKey() {\n  return process.env.API_KEY;\n}');
    // An operand, not the statement (a type guard in @typespec/ts-http-runtime).
    leaves('function isBearerToken(credential) {\n  return "getBearerToken" in credential;\n}');
    leaves(`  def api_token\n    "${v}" + suffix\n  end`);
  });
});
