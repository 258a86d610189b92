import { findFormatArguments } from './formatArguments';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findFormatArguments, text, values);
const leaves = (text: string): void => assertUntouched(findFormatArguments, text);

describe('redact tier: a literal that fills a credential’s slot in a format string', () => {
  it('hides the argument at a Password= or URL-password slot: .format, %, Sprintf, String.format', () => {
    for (const make of [
      (p: string) => `url = "postgres://admin:{}@db/prod".format("${p}")`,
      (p: string) => `conn = "Server=db;User={};Password={}".format("admin", "${p}")`,
      (p: string) => `conn = "Server=db;Password={1};User={0}".format("admin", '${p}')`,
      (p: string) => `x = "Password={pw}".format(pw="${p}")`,
      (p: string) => `dsn = "host=db user=%s password=%s" % ("admin", "${p}")`,
      (p: string) => `dsn = "password=%s" % "${p}"`,
      (p: string) => `s := fmt.Sprintf("postgres://%s:%s@db:5432/app", "admin", "${p}")`,
      (p: string) => `String.format("jdbc:mysql://db/app?user=%s&password=%s", "root", "${p}");`,
    ]) {
      const p = fake();
      hides(make(p), p);
    }
  });

  it('leaves other slots, references, escaped percent signs and templates with no credential slot', () => {
    for (const text of [
      'msg = "Hello {}, your order {} is ready".format("Ann", "A1B2C3d4E5f6")',
      'conn = "Password={}".format(os.environ["DB_PASS"])',
      'conn = "User={};Password={}".format("admin", password)',
      'print("%d%% done" % pct)',
      `s := fmt.Sprintf("https://%s/api?page=%d", "${fake()}", 3)`,
      `label = "{{password}}: {}".format("${fake()}")`,
    ]) {
      leaves(text);
    }
  });
});
