import * as assert from 'node:assert/strict';
import { ALNUM, HEX, randomToken } from '../random';
import { findLabelledLines } from './labelledLines';
import { assertHidden, assertUntouched, fake, spansOf } from './spanCases';

const hides = (text: string, ...values: string[]): void => assertHidden(findLabelledLines, text, values);
const leaves = (text: string): void => assertUntouched(findLabelledLines, text);
const hiddenIn = (text: string): string[] =>
  spansOf(findLabelledLines, text).map((s) => text.slice(s.start, s.end));

describe('redact tier: a value alone on the line after its label (labelledLines.ts)', () => {
  it('hides a value under a chat label, a heading, a command and a REPL line', () => {
    const key = randomToken(ALNUM, 36);
    hides(`here's the OpenAI key for the demo:\n${key}\n`, key);
    hides(`### API Key\n\n\`\`\`\n${key}\n\`\`\`\n`, key);
    hides(`$ kubectl get secret db -o jsonpath='{.data.password}' | base64 -d\n${key}\n`, key);
    const hex = randomToken(HEX, 32);
    hides(`>>> os.environ['SLACK_SIGNING_SECRET']\n'${hex}'\n`, hex);
    const pw = `${fake(8)}!${fake(3)}7`;
    hides(`Password for the vault:\r\n${pw}\r\n`, pw);
  });

  it('hides only the value of a name given it on the labelled line, and keeps the name', () => {
    const key = `sk-${randomToken(ALNUM, 48)}`;
    const text = `  # This is a regular OpenAI key, not an admin key\n  OPENAI_API_KEY=${key}\n`;
    hides(text, key);
    assert.deepEqual(hiddenIn(text), [key]);
    const pw = `${fake(8)}!${fake(3)}7`;
    assert.deepEqual(hiddenIn(`Password for the vault:\nadmin:${pw}\n`), [pw]);
    // A URL and a random value keep their whole: `https:` and a token's first part are no name.
    const url = `https://${fake(8)}.example.test/${randomToken(ALNUM, 32)}`;
    assert.deepEqual(hiddenIn(`here's the webhook token:\n${url}\n`), [url]);
    const pair = `${randomToken(ALNUM, 20)}:${randomToken(ALNUM, 40)}`;
    assert.deepEqual(hiddenIn(`the API key:\n${pair}\n`), [pair]);
  });

  it("hides a multipart body's credential field, whatever its value looks like", () => {
    hides(
      '------B\r\nContent-Disposition: form-data; name="password"\r\n\r\nhunterhunter\r\n------B--\r\n',
      'hunterhunter',
    );
  });

  it('leaves code and prose under such labels, and values without a label', () => {
    leaves('Returns the token:\n    return self._token\n');
    leaves('Password for the vault:\nsee the team wiki\n');
    leaves('### API Key\n\nSet it in your shell profile.\n');
    leaves(`${randomToken(ALNUM, 36)}\n`);
    leaves('------B\r\nContent-Disposition: form-data; name="comment"\r\n\r\nhello there\r\n');
  });
});
