import { HEX, randomToken } from '../random';
import type { RecallDetector } from './recallSpan';
import { findRecallSpans } from './recallTier';
import { assertHidden, assertUntouched, fake, uuidDraw } from './spanCases';

/** The whole tier, as the redactor runs it: the value may be taken by a named literal or a call's argument. */
const tier: RecallDetector = (text, out) => {
  out.push(...findRecallSpans(text));
};
const hides = (text: string, value: string): void => assertHidden(tier, text, [value]);
const leaves = (text: string): void => assertUntouched(tier, text);

describe('redact tier: a value a formatter moved to the line after its name', () => {
  it('hides a literal on the line after an `=` or `:=` that ends its line', () => {
    const password = `${fake(10)}-${fake(6)}`;
    const key = randomToken(HEX, 64);
    const secret = `${fake(20)}/${fake(19)}`;
    hides(`    private static final String DB_PASSWORD =\n        "${password}";\n`, password);
    hides(`var aws_secret_access_key =\n    "${secret}";\n`, secret);
    hides(`const signingKey =\r\n  '${key}';\r\n`, key);
    hides(`    this.hmac_key =\n        "${key}";\n`, key);
    hides(`val adminPassword: String =\n    "${password}"\n`, password);
    hides(`apiToken :=\n\t"${key}"\n`, key);
    hides(`client = Client(\n    api_key=\n        "${key}",\n)\n`, key);
  });

  it("hides a value after a `\\` continuation: Python's quoted, a .properties file's bare", () => {
    const token = uuidDraw();
    const password = fake(14);
    hides(`SERVICE_TOKEN = \\\n    "${token}"\n`, token);
    hides(`db.password=\\\n    ${password}\n`, password);
  });

  it("hides a call's credential argument wrapped after its `(` or its name's `,`", () => {
    const password = `${fake(9)}!${fake(6)}`;
    const key = uuidDraw();
    hides(`dataSource.setPassword(\n    "${password}");\n`, password);
    hides(`props.put("encryption_key",\n          "${key}");\n`, key);
    hides(`os.environ.setdefault(\n    "PGPASSWORD",\n    "${password}",\n)\n`, password);
  });

  it('leaves a wrapped literal that is no value, and code whose next line is another statement', () => {
    leaves('const passwordHint =\n  "Use at least eight characters";\n');
    leaves('const tokenizer =\n  "word";\n');
    leaves(`PASSWORD=\n"$cmd" --flag ${fake(12)}\n`);
    leaves('label.setPasswordVisible(\n    true);\n');
    leaves('if (password ==\n    "") {\n  return;\n}\n');
    leaves('secret_name =\n    "prod/app/config"\n');
    leaves(`total =\n    "${fake(16)}";\n`);
  });
});
