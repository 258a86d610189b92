import { credentialKind } from './credentialName';
import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';
import { forEachLineWith, wordSet } from './wordIndex';

/**
 * A value alone on its line, labelled by the line before: a chat or an e-mail (`here's the OpenAI key for
 * the demo:` then the key), a runbook's heading (`### API Key`, a code fence, the key), a terminal's output
 * under the command that printed it (`$ kubectl get secret db … | base64 -d`, `>>> os.environ['…SECRET']`),
 * a multipart body's field (`Content-Disposition: form-data; name="password"`, a blank line, the value).
 * Up to two blank or fence lines may stand between. The value must read as a credential: generated, or
 * letters with a digit or a mark under a password label; a multipart field's value is taken as it is.
 */

/** A credential word in a label, alone or in a name (`SLACK_SIGNING_SECRET`). */
const WORD =
  /(?<![A-Za-z])(?:password|passphrase|passwd|pwd|pw|pin|token|secret|api[ _-]?key|key|credentials?|creds)(?![a-z])/i;
/** Where a label may be: a credential word's first letters, or a form field's header. */
const WORD_START = wordSet([
  'pass',
  'pwd',
  'pw',
  'pin',
  'token',
  'secret',
  'api',
  'key',
  'cred',
  'form-data;',
]);
/** A label's form: a line ending in `:`, a Markdown heading, or a command at a shell's or a REPL's prompt. */
const LABEL_FORM = /:[ \t]*$|^[ \t]{0,3}#{1,6}[ \t]|^[ \t]*(?:\$|>>>|>|PS[^>\n]{0,60}>|In \[\d+\]:)[ \t]/;
/** A multipart body's field header, its name group 1. */
const FORM_FIELD = /\bform-data;[^\n]{0,120}?\bname=["']([^"'\n]{1,64})["']/i;
/** A line of one value: optionally quoted or backticked, 8 to 512 characters without blanks. */
const VALUE_LINE = /^[ \t]{0,8}([`'"]?)([^\s`'"]{8,512})\1[ \t]*$/;
/**
 * A value line that is a name, `=` or `:`, and a value (group 2): not a URL's `https://`, nor a base64 value's
 * padding (the value must follow the sign).
 */
const NAMED_VALUE = /^([A-Za-z_][A-Za-z0-9_.-]{0,63})[=:](?!\/\/)(.+)$/;
/** A line between label and value that holds nothing: blank, or a Markdown code fence. */
const FILLER = /^[ \t]*(?:```[\w-]{0,20})?[ \t]*$/;

export const findLabelledLines: RecallDetector = (text, out) => {
  // Only lines that hold a credential word (or a form field) can label: found in one pass, then read.
  forEachLineWith(text, WORD_START, (from, end) => {
    const line = lineText(text, from, end);
    const label = line.length <= 200 ? labelOf(line) : undefined;
    if (label === undefined) {
      return;
    }
    // The value's line: the next one, past up to two blank or fence lines.
    for (let at = end + 1, gap = 0; at < text.length && gap <= 2; gap++) {
      const next = text.indexOf('\n', at);
      const e = next === -1 ? text.length : next;
      const valueLine = lineText(text, at, e);
      if (!FILLER.test(valueLine) || gap === 2) {
        takeValue(text, at, valueLine, label, out);
        break;
      }
      at = e + 1;
    }
  });
};

/** The line [from, end) without its carriage return. */
function lineText(text: string, from: number, end: number): string {
  return text.slice(from, end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
}

/** What the line labels, if it is a label. */
function labelOf(line: string): { kind: string; field: boolean } | undefined {
  const field = line.includes('form-data;') ? FORM_FIELD.exec(line) : null;
  if (field !== null) {
    const kind = credentialKind(field[1]!);
    return kind === undefined ? undefined : { kind, field: true };
  }
  if (!LABEL_FORM.test(line)) {
    return undefined;
  }
  const word = WORD.exec(line);
  if (word === null) {
    return undefined;
  }
  return { kind: /pass|pwd|pw|pin/i.test(word[0]) ? 'password' : 'token', field: false };
}

function takeValue(
  text: string,
  at: number,
  line: string,
  label: { kind: string; field: boolean },
  out: RecallSpan[],
): void {
  const m = VALUE_LINE.exec(line);
  if (m === null) {
    return;
  }
  // A name given the value on the same line (`OPENAI_API_KEY=sk-…` under `# This is a regular OpenAI
  // key`): the value is what the label points at; the name stays, for the reader of the code.
  const named = m[1] === '' ? NAMED_VALUE.exec(m[2]!) : null;
  const value = named !== null && !looksRandom(named[1]!) ? named[2]! : m[2]!;
  const credential =
    label.field ||
    looksRandom(value) ||
    /^[0-9a-f]{32,}$/i.test(value) ||
    (label.kind === 'password' && /[A-Za-z]/.test(value) && /[^A-Za-z_.-]/.test(value));
  if (credential) {
    const start = at + line.lastIndexOf(value);
    pushLiteral(text, { start, end: start + value.length, quoted: m[1] !== '' }, label.kind, true, out);
  }
}
