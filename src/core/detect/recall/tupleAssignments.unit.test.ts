import { assertHidden, assertUntouched, fake } from './spanCases';
import { findTupleAssignments } from './tupleAssignments';

const hides = (text: string, ...values: string[]): void => assertHidden(findTupleAssignments, text, values);
const leaves = (text: string): void => assertUntouched(findTupleAssignments, text);

describe('redact tier: several names given several values in one statement', () => {
  it('hides the value at the credential name’s place: Go, Python, Perl', () => {
    for (const make of [
      (p: string) => `const dbUser, dbPassword string = "admin", "${p}"`,
      (p: string) => `user, pw := "admin", "${p}"`,
      (p: string) => `user, password = 'admin', '${p}'`,
      (p: string) => `    user, password = ("admin", "${p}")`,
      (p: string) => `my ($user, $pass) = ("admin", "${p}");`,
      (p: string) => `var apiKey, region = "${p}", "eu-west-1"`,
    ]) {
      const p = fake();
      hides(make(p), p);
    }
    // Two credentials: both hidden, the name between them left.
    const [a, b] = [fake(), fake()];
    hides(`token, host, secret = "${a}", "db.internal", "${b}"`, a, b);
  });

  it('leaves values unpacked from a call, swaps, references and lists with no credential name', () => {
    for (const text of [
      'user, password = get_credentials()',
      'a, b = b, a',
      'host, port = "localhost", 5432',
      'token, err := client.Token(ctx)',
      'api_key, secret = os.environ["A"], os.environ["B"]',
      'user, password = "admin", "${DB_PASSWORD}"',
      `x, y = "${fake()}", "${fake()}"`,
      'if user, ok := m["password"]; ok {',
    ]) {
      leaves(text);
    }
  });
});
