import { findPrintedStructs } from './printedStructs';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findPrintedStructs, text, [value]);
const leaves = (text: string): void => assertUntouched(findPrintedStructs, text);

describe('redact tier: a Go struct printed with %+v (printedStructs.ts)', () => {
  it('hides the unquoted value of a field whose name holds a credential word', () => {
    hides('{Host:db Password:amberwheel Port:5432}', 'amberwheel');
    hides('panic: &{User:app Password:amberwheel}', 'amberwheel');
    const pw = `tulip-${fake(5)}7`;
    hides(`2024/05/01 config loaded: main.Config{Host:db DBPassword:${pw} Debug:false}`, pw);
    hides('{Name:app APIKey:tulipfield7 Region:eu}', 'tulipfield7');
  });

  it('leaves other fields, empty values, code and C++ scopes', () => {
    leaves('{Host:db Port:5432 User:app}');
    const empty = '';
    leaves(`{Host:db Password:${empty} Port:5432}`);
    leaves('const t={Token:e.token}');
    leaves('std::map{Key::Value}');
  });

  it("hides Java's and Kotlin's printed objects and PHP's print_r, and leaves keyword arguments in code", () => {
    hides(
      'DatabaseConfig(url=jdbc:mysql://db:3306/app, username=app, password=amberwheel, poolSize=10)',
      'amberwheel',
    );
    hides('ApiCredentials(clientId=orders-svc, clientSecret=tulipfield, scope=orders.read)', 'tulipfield');
    hides('Array\n(\n    [driver] => mysql\n    [password] => amberwheel\n)', 'amberwheel');
    leaves('urllib.request.HTTPBasicAuthHandler(password_mgr=auth)');
    leaves('conn = Connection(host=host, password=password)');
    leaves('    [password] => Array');
  });

  it('hides Java records, Java maps and Go maps as printed, and leaves code and templates', () => {
    const pw = `maple-${fake(6)}`;
    hides(`INFO DbConfig[user=app, password=${pw}, poolSize=10]`, pw);
    hides(`props loaded: {db.user=app, db.password=${pw}, db.pool=10}`, pw);
    hides(`Config{user=app, apiKey=${pw}}`, pw);
    hides(`fmt: map[api_key:${pw} host:db]`, pw);
    // Minified code: one "field", then neither `, ` nor the closer.
    leaves('function f(e){e.password=null;let i=await g(lr,n,pr)}');
    leaves('const {password=defaultPass, user} = opts');
    leaves('{{password=x}}');
    leaves('map[string]string{"password": p}');
    leaves('items[i=0, password=x');
  });
});
