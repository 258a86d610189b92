import { findNamedLiterals } from './namedLiterals';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, value: string): void => assertHidden(findNamedLiterals, text, [value]);
const leaves = (text: string): void => assertUntouched(findNamedLiterals, text);

describe('redact tier: a password in a log line (logValues.ts)', () => {
  it("hides a chosen word after a password's name in a log line's message or pairs", () => {
    hides('INFO connecting with password=amberwheel', 'amberwheel');
    hides('[2024-05-01 10:00:00] ERROR login failed for admin (password: amberwheel)', 'amberwheel');
    const pw = `tulip-${fake(5)}7`;
    hides(`2024-05-01T10:00:00Z INFO app: user=admin password=${pw} ip=10.0.0.1`, pw);
    hides('time=2024-05-01 level=info msg="login" user=admin password=amberwheel', 'amberwheel');
  });

  it('leaves format strings and templates, prose, and code that is no log line', () => {
    leaves('DEBUG using password=%(pw)s');
    leaves('INFO sending password={password} to the vault');
    leaves('INFO password reset requested for user=admin');
    leaves('if (ok) connect(password=amberwheel)');
  });
});
