import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findNamedLiterals, text, [value]);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: YAML flow mappings (flowMaps.ts)', () => {
  it('hides a bare word given to a credential name inside a one-line map', () => {
    // Word-like values, as people choose them: the drawn ones were hidden already.
    hides('db: {user: app, password: amber-wheel-42}', 'amber-wheel-42');
    hides('db: {user: app, password: amberwheel}', 'amberwheel');
    hides('- creds: {username: deploy, password: amberwheel }', 'amberwheel');
    hides('services: {db: {password: galaxy.marble.summit}}', 'galaxy.marble.summit');
    hides('x: {a: {b: 1}, secret_key: copperkettle}', 'copperkettle');
    // The same password in two maps is a value twice, not a name.
    hides('db: {user: app, password: amberwheel}\ncache: {user: app, password: amberwheel}', 'amberwheel');
  });

  it('leaves a JavaScript object that names a variable, references, and values outside the map', () => {
    leaves('const cfg = {\n  db: {user: app, password: pass},\n};\nconst pass = read();');
    leaves('login({ user, password: pass });\nfunction f(pass) {}\n  auth: {user: u, password: pass}');
    leaves('  db: {user: app, password: process.env.DB_PASSWORD}');
    leaves('  db: {user: app, password: ${DB_PASSWORD}}');
    leaves('  db: {user: app, password: "{{ vault_db_password }}"}');
    leaves('x: {a: {b: 1}}, password: amberwheel');
    leaves('  password: {type: string, minLength: 12}');
  });
});
