import { HEX, randomToken } from '../random';
import { findProsePasswords } from './prosePasswords';
import { assertHidden, assertUntouched, fake } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findProsePasswords, text, values);
const leaves = (text: string): void => assertUntouched(findProsePasswords, text);

describe('redact tier: passwords given in prose', () => {
  it('hides a quoted password a sentence gives', () => {
    const pw = fake(9);
    hides(`echo "The password is '${pw}'"`, pw);
    hides(`The default Password is '${pw}'`, pw);
    hides(`ensure the password is "${pw}" and press the "On" button!`, pw);
    hides(`2. Ensure the password for user 'postgres' is '${pw}' or change .env file.`, pw);
    hides(`The default password for the user "pyne-user" is "${pw}".`, pw);
    hides(`The admin passphrase was set to: \`${pw}\``, pw);
  });

  it('hides a generated password shown alone on the line after "the following password"', () => {
    const pw = randomToken(HEX, 32);
    hides(
      `Please use the following password to proceed to installation:\n\n${pw}\n\nThis may also be found at: x`,
      pw,
    );
    hides(`Use the following token:\r\n  ${pw}`, pw);
  });

  it('hides a bare password a sentence gives, when it holds a digit or a mark', () => {
    // A digit in the middle: drawn letters alone read as a word, which bare prose never takes.
    const pw = `${fake(7)}4${fake(4)}`;
    hides(`The password is ${pw}`, pw);
    hides(`the password is: ${pw}.`, pw);
    hides(`# staging pw is ${pw} for now`, pw);
    hides(`use password ${pw} to log in`, pw);
    hides(`log in with the password Tr0ub4dor&3 please`, 'Tr0ub4dor&3');
    hides('The PIN password was set to 40817236.', '40817236');
  });

  it('leaves a bare word, a length, a count and an algorithm in such sentences', () => {
    for (const text of [
      'the password is required',
      'The password is hashed with bcrypt12 before it is stored',
      'the password is sha256-hashed',
      'the password is 16chars at least',
      'Your password is 8 characters or more.',
      'the password is stored in $PASSWORD_FILE',
    ]) {
      leaves(text);
    }
  });

  it('leaves prose that gives no value, references and placeholders', () => {
    for (const text of [
      'Your password is "required"',
      'The password is "$PASSWORD"',
      "if password is '<your password>':",
      'The password is too short. It is "weak".',
      'password = "x"; the user is "admin"',
      '* Added support for passing in a passphrase for decrypting the signing key to `Sign.sign()`.',
      'Use a passphrase to unlock it, or pass it to `openssl`.',
      'Please use the following password to proceed:\n\nthe one you chose at setup',
      'The following key bindings:\n\nctrl-shift-p',
    ]) {
      leaves(text);
    }
  });

  it('hides a value set for a credential variable in a note, and one a chat gives after "my key:"', () => {
    const pw = `${fake(6)}(${fake(4)}*${fake(3)}`;
    hides(`Set \`DB_PASSWORD\` to \`${pw}\` in the dashboard, then restart.`, pw);
    hides(`set "SERVICE_TOKEN" to "${pw}" before the deploy`, pw);
    hides(`Here is my key: ${pw}`, pw);
    hides(`ok, our password is: ${pw}.\nthanks`, pw);
  });

  it('leaves settings that name no credential, and "my key:" before a word, a path or a URL', () => {
    for (const text of [
      'Set `LOG_LEVEL` to `debug` in the dashboard.',
      'Set `PASSWORD_MIN_LENGTH` to `12`.',
      'Set `DB_PASSWORD` to `<your password>` first.',
      'my key: required',
      'my key: ~/.ssh/id_ed25519',
      'our token: https://example.org/token/help',
      'Here is my key: ENTER',
    ]) {
      leaves(text);
    }
  });
});
