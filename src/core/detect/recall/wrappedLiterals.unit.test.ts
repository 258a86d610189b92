import { ALNUM, randomToken } from '../random';
import { findWrappedLiterals } from './wrappedLiterals';
import { assertHidden, assertUntouched } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findWrappedLiterals, text, values);
const leaves = (text: string): void => assertUntouched(findWrappedLiterals, text);
const password = (): string => `${randomToken(ALNUM, 7)}#${randomToken(ALNUM, 6)})!`;
const b64 = (s: string): string => Buffer.from(s).toString('base64');
const hex = (s: string): string => Buffer.from(s).toString('hex');
const reversed = (s: string): string => [...s].reverse().join('');

describe('redact tier: a secret stored encoded under a credential name', () => {
  it('hides base64 and hex literals decoded into a credential', () => {
    const pw = password();
    hides(`const token = atob("${b64(pw)}");`, b64(pw));
    hides(`const password: string = await atob('${b64(pw)}')`, b64(pw));
    hides(`db_password = base64.b64decode(b"${b64(pw)}").decode()`, b64(pw));
    hides(`token = bytes.fromhex("${hex(pw)}").decode()`, hex(pw));
    hides(`secret = binascii.unhexlify('${hex(pw)}')`, hex(pw));
    hides(`const apiKey = Buffer.from("${b64(pw)}", "base64").toString();`, b64(pw));
    hides(`const apiKey = Buffer.from('${hex(pw)}', 'hex').toString();`, hex(pw));
    hides(`String password = new String(Base64.getDecoder().decode("${b64(pw)}"));`, b64(pw));
    hides(`password, _ := base64.StdEncoding.DecodeString("${b64(pw)}")`, b64(pw));
    hides(`key, _ := hex.DecodeString("${hex(pw)}")`, hex(pw));
    hides(`{"client_secret": base64.b64decode("${b64(pw)}")}`, b64(pw));
  });

  it("hides a reversed literal given to a credential, JS's split, reverse, join", () => {
    const pw = password();
    hides(`const key = '${reversed(pw)}'.split('').reverse().join('');`, reversed(pw));
    hides(`let apiToken = "${reversed(pw)}".split("").reverse().join("")`, reversed(pw));
  });

  it('leaves encoded literals under other names, placeholders, binary and plain text', () => {
    const pw = password();
    leaves(`const logo = atob("${b64(pw)}");`);
    leaves(`const title = 'dlrow olleh'.split('').reverse().join('');`);
    leaves(`const key = 'dlrow olleh'.split('').reverse().join('');`);
    leaves(`password = base64.b64decode("${b64('changeme')}")`);
    leaves(`password = base64.b64decode("${b64('<your-password>')}")`);
    leaves(`token = bytes.fromhex("${randomToken('0123456789abcdef', 8)}00ff10")`);
    leaves(`const password = Buffer.from("${b64(pw)}");`);
    leaves(`const public_key = atob("${b64(pw)}");`);
    leaves(`data = base64.b64decode("${b64(pw)}")`);
  });
});
