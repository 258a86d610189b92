import { ALNUM, randomToken } from '../random';
import { findLoginPairs } from './loginPairs';
import { assertHidden, assertUntouched } from './spanCases';
import { looksRandom, spellsWords } from './tokenShape';

const hides = (text: string, value: string): void => assertHidden(findLoginPairs, text, [value]);
const leaves = (text: string): void => assertUntouched(findLoginPairs, text);

/**
 * A draw of 24 base62 characters shaped as camelCase humps (a lower-case head, each capital a hump) whose
 * letters are not mostly words (about one such draw in 20 spells words as a name does, and is left).
 */
function humpedDraw(): string {
  for (;;) {
    const v = randomToken(ALNUM, 24);
    if (
      /^[a-z]+(?:[A-Z][a-z0-9]*){1,12}$/.test(v) &&
      looksRandom(v) &&
      !spellsWords(v, v.replace(/[^A-Za-z]/g, '').length)
    ) {
      return v;
    }
  }
}

describe('redact tier: a user and a password written as a pair for a reader (loginPairs.ts)', () => {
  it('hides the password of a labelled pair and of a pair prose names', () => {
    hides('login: admin / amberwheel', 'amberwheel');
    hides('Credentials: deploy/Tulip-field', 'Tulip-field');
    hides('LOGIN: root/amberwheel\nnext line', 'amberwheel');
    hides('Sign in: deploy:amberwheel', 'amberwheel');
    hides('credentials are admin:amberwheel', 'amberwheel');
    hides('Use admin/amberwheel to log in.', 'amberwheel');
    hides('Log in with ops@example.org / amberwheel, then open the console.', 'amberwheel');
  });

  it("leaves a menu's path, a placeholder, a path and prose with no pair", () => {
    leaves('Login: Settings / Preferences');
    leaves('login: admin / password');
    leaves('login: <user> / <password>');
    leaves('see login: docs/auth.md for details');
    leaves('Log in with your account, then choose a project.');
    leaves('use src/index.ts to log output');
  });

  it("hides a well-known account's pair alone on its line, and leaves YAML, owners and paths", () => {
    hides('admin:amberwheel', 'amberwheel');
    hides('default credentials\n  root / Tulip-field-88\n', 'Tulip-field-88');
    hides('postgres:s3cret!x', 's3cret!x');
    leaves('admin: true');
    leaves('root:x:0:0:root:/root:/bin/bash');
    leaves('admin/settings');
    leaves('admin:12345');
    leaves('chown root:wheel /etc/app.conf');
    leaves('sysadmin:admin');
  });

  it('hides a pair written user / password near a word for an account or a network (hunt N)', () => {
    hides('Vendor portal: acme_ops / Tulip7orbit', 'Tulip7orbit');
    hides('old laptop login: jsmith / Tulip7orbit (need to wipe before return)', 'Tulip7orbit');
    hides('tim: ok new staging creds \u2192 admin@stg / Tulip7orbit', 'Tulip7orbit');
    hides(
      'I logged into the switch with the local account (netadmin / Tulip7orbit) since TACACS was down',
      'Tulip7orbit',
    );
    hides(
      '[Mon 08:15] frank: wifi in the new office?\n[Mon 08:16] gina: Acme-Guest / otter-maple-cinder',
      'otter-maple-cinder',
    );
    // A menu, a list of alternatives, code, a fraction.
    leaves('Sign in / Sign up');
    leaves('login / logout buttons');
    leaves('To account for verbatim / LaTeX-like / and R-like areas');
    leaves('ratio = account_total / count2;');
    leaves('account usage: 10 / 20 GB');
  });

  it('hides a secret a step has the reader type, a user named with `as`, and a basic-auth pair', () => {
    hides(
      'Step 5 \u2013 unlock the disk: at the LUKS prompt type maple7otter and press Enter.',
      'maple7otter',
    );
    hides('3. When asked for the PAT, paste Tulip7orbit', 'Tulip7orbit');
    hides('3. Enter Tulip7orbit as the management key when prompted', 'Tulip7orbit');
    // A chosen word typed in a step reads as prose does (`the token type classes`), and stays.
    leaves('3. Enter mapleotter as the management key when prompted');
    leaves('insert before the token type classes.');
    hides('2. Log in as `wikiadmin` with mapleotter', 'mapleotter');
    hides('the staging basic-auth is stg:mapleotter (browser will prompt)', 'mapleotter');
    hides('Staging admin login: `admin` / `mapleotter`', 'mapleotter');
    // What the step names instead of a value, a command, a key of the keyboard.
    leaves('Type your password and press Enter.');
    leaves('Enter the password when prompted');
    leaves('type make install to build');
    leaves('Paste the token into the field');
    leaves('At the prompt, type yes and press Enter.');
    leaves('Log in as admin with your SSO account');
  });

  it('hides a draw of base62 a step has the reader type, humps and all, and leaves a camelCase name there', () => {
    // Draws whose humps read as an identifier's (`fh` `D` `F` `Fn` `N` `Cz` …), as about one in six of 24 do.
    for (const v of Array.from({ length: 3 }, humpedDraw)) {
      hides(`3. Enter ${v} as the management key when prompted.`, v);
      hides(`at the LUKS prompt type ${v} and press Enter.`, v);
      hides(`3. When asked for the PAT, paste ${v}\n4. Choose pool "Linux-Default"`, v);
    }
    leaves('Type FlowPasswordRequiredResultV2 as the token type');
    leaves('Enter PasswordResetTokenExpiry as the key name when prompted');
  });
});
