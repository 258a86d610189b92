import * as assert from 'node:assert/strict';
import { randomToken } from '../random';
import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched, spansOf } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findNamedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

const WORDS = [
  'copper',
  'raven',
  'maple',
  'river',
  'summit',
  'crystal',
  'biscuit',
  'staple',
  'pencil',
  'galaxy',
];
/** Three words joined as people join them (`copper-raven-maple`, `RiverSummitCrystal`), drawn fresh. */
function wordPassword(join: string): string {
  const pick = (): string => WORDS[Number.parseInt(randomToken('0123456789', 1), 10)]!;
  const words = [pick(), pick(), pick()];
  return join === ''
    ? words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')
    : words.join(join) + randomToken('0123456789', 2);
}

describe('redact tier: an assignment after what tools print before it (statementStart.ts)', () => {
  it('hides a bare value after a diff mark, a CI timestamp or a shell history number', () => {
    const a = wordPassword('-');
    hides(`+SMTP_PASSWORD=${a}\n`, a);
    const b = wordPassword('_');
    hides(`-DB_PASSWORD=${b}\n+DB_PASSWORD=${b}x\n`, b, `${b}x`);
    const c = `${wordPassword('')}?`;
    hides(`2024-03-04T10:11:12.1250000Z   DEPLOY_KEY: ${c}\n`, c);
    const d = wordPassword('-');
    hides(`  512  export API_TOKEN=${d}\n`, d);
  });

  it("hides a bare value after a shell's prompt, and in a comment after code on its line", () => {
    const a = wordPassword('');
    hides(`$ export DB_PASS=${a}\n`, a);
    hides(`deploy@web-1:~/app$ export DB_PASS=${a}\n`, a);
    hides(`[deploy@web-1 app]$ DB_PASS=${a}\n`, a);
    hides(`ssh admin@bastion  # password: ${a}\n`, a);
    hides(`connect(host);  // password: ${a}\n`, a);
    hides(`+ export DB_PASSWORD=${a}\n`, a);
    hides(`++ DB_PASS=${a}\n`, a);
    hides(`~/code/bot main* \u276f export OPENAI_API_KEY=${a}\n`, a);
    hides(`\u279c  bot git:(main) \u2717 export OPENAI_API_KEY=${a}\n`, a);
    // A shell's variable before a command: the first word, when the rest is no value of words.
    hides(`PGPASSWORD=${a} psql -h db.internal -U reporting -c '\\dt'\n`, a);
    // An .npmrc registry's scope before the name.
    hides(`//registry.npmjs.org/:_authToken=${a}\n`, a);
    // Not a prompt: a variable's `$` and an expansion in code.
    leaves('echo $ DB_PASS');
    leaves('print(f"{a} # password: {b}")');
    leaves('x = $password;');
  });

  it("hides a bare value in a secret store's command after its other pairs", () => {
    const a = wordPassword('');
    hides(`vault kv put secret/db password=${a}\n`, a);
    hides(`vault write database/config/app user=app password=${a} ttl=1h\n`, a);
    hides(`railway variables set DB_PASSWORD=${a}\n`, a);
  });

  it('hides a command line’s NAME=value up to the next blank, and leaves the rest of the command', () => {
    const a = wordPassword('-');
    const text = `docker run --rm -e DB_PASSWORD=${a} -p 5432:5432 postgres:16`;
    hides(text, a);
    const [span] = spansOf(findNamedLiterals, text);
    assert.equal(text.slice(span!.end), ' -p 5432:5432 postgres:16');
    const b = `${wordPassword('')}!`;
    hides(`helm upgrade api ./chart --set auth.password=${b} --set replicas=2`, b);
    const c = wordPassword('_');
    hides(`Environment=DB_PASSWORD=${c}\n`, c);
    const d = wordPassword('.');
    hides(`C:\\> set DB_PASSWORD=${d}\n`, d);
  });

  it("hides a JVM's -D property and a .NET key's value after its sections", () => {
    const a = `${wordPassword('')}#`;
    const text = `JAVA_OPTS="-Xmx1g -Ddb.password=${a}"`;
    hides(text, a);
    // The quote that closes JAVA_OPTS's string stays.
    assert.equal(text.slice(spansOf(findNamedLiterals, text)[0]!.end), '"');
    const b = wordPassword('_');
    hides(`java -Dspring.datasource.password=${b} -Dfile.encoding=UTF-8 -jar app.jar`, b);
    const c = `${wordPassword('-')}!`;
    hides(`$ dotnet user-secrets list\nStripe:SecretKey = ${c}\n`, c);
    leaves('java -Ddb.password=${DB_PASSWORD} -Dapi.token=$API_TOKEN -jar app.jar');
    leaves('cmake -DENABLE_AUTH=ON -DUSE_PASSWORD_HASH=OFF ..');
    leaves('Stripe:SecretKey = <your-secret-key>\nLogging:LogLevel:Default = Information\n');
  });

  it("hides docker history's ENV, both columns of diff -y and a sed replacement's value", () => {
    const a = `${wordPassword('')}!`;
    const history = `<missing>   2 days ago   /bin/sh -c #(nop)  ENV NPM_TOKEN=${a}                0B\n`;
    hides(history, a);
    assert.equal(history.slice(spansOf(findNamedLiterals, history)[0]!.end), '                0B\n');
    const [b, c] = [wordPassword('-'), `=${wordPassword('_')}?`];
    hides(`APP_ENV=prod            APP_ENV=prod\nAPI_SECRET=${b}      |  API_SECRET=${c}\n`, b, c);
    hides(`                                  >  DB_PASSWORD=${b}\n`, b);
    const d = `${wordPassword('')}\\&x`;
    const sed = `sed -i 's/^DB_PASSWORD=.*/DB_PASSWORD=${d}/' .env`;
    hides(sed, d);
    assert.equal(sed.slice(spansOf(findNamedLiterals, sed)[0]!.end), "/' .env");
    leaves("sed -i 's/^DB_PASSWORD=.*/DB_PASSWORD=${NEW_PASSWORD}/' .env");
    leaves('APP_ENV=prod            |  DB_PASSWORD=$DB_PASSWORD\n');
  });

  it('leaves code, whose bare value after a name is an expression', () => {
    leaves('result = connect(host, password=user_password)\n');
    leaves('db = open(url, token=session.token)\n');
    leaves('    return login(username=name, password=password)\n');
    leaves('Config::SECRET_KEY = ENV.fetch(key)\n');
    leaves('    if (password==expected) { ok(); }\n');
  });
});
