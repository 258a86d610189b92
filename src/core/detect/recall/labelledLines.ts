import { credentialKind } from './credentialName';
import { pushLiteral } from './literalValue';
import type { RecallDetector, RecallSpan } from './recallSpan';
import { looksRandom } from './tokenShape';

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
/** A label's form: a line ending in `:`, a Markdown heading, or a command at a shell's or a REPL's prompt. */
const LABEL_FORM = /:[ \t]*$|^[ \t]{0,3}#{1,6}[ \t]|^[ \t]*(?:\$|>>>|>|PS[^>\n]{0,60}>|In \[\d+\]:)[ \t]/;
/** A multipart body's field header, its name group 1. */
const FORM_FIELD = /\bform-data;[^\n]{0,120}?\bname=["']([^"'\n]{1,64})["']/i;
/** A line of one value: optionally quoted or backticked, 8 to 512 characters without blanks. */
const VALUE_LINE = /^[ \t]{0,8}([`'"]?)([^\s`'"]{8,512})\1[ \t]*$/;
/** A line between label and value that holds nothing: blank, or a Markdown code fence. */
const FILLER = /^[ \t]*(?:```[\w-]{0,20})?[ \t]*$/;

export const findLabelledLines: RecallDetector = (text, out) => {
  let label: { kind: string; field: boolean } | undefined;
  let gap = 0;
  for (let at = 0; at < text.length;) {
    const nl = text.indexOf('\n', at);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (label !== undefined && FILLER.test(line) && gap < 2 && line.length < 200) {
      gap++;
    } else {
      if (label !== undefined) {
        takeValue(text, at, line, label, out);
      }
      label = line.length <= 200 ? labelOf(line) : undefined;
      gap = 0;
    }
    at = end + 1;
  }
};

/** What the line labels, if it is a label. */
function labelOf(line: string): { kind: string; field: boolean } | undefined {
  const field = FORM_FIELD.exec(line);
  if (field !== null) {
    const kind = credentialKind(field[1]!);
    return kind === undefined ? undefined : { kind, field: true };
  }
  const word = WORD.exec(line);
  if (word === null || !LABEL_FORM.test(line)) {
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
  const value = m[2]!;
  const credential =
    label.field ||
    looksRandom(value) ||
    /^[0-9a-f]{32,}$/i.test(value) ||
    (label.kind === 'password' && /[A-Za-z]/.test(value) && /[^A-Za-z_.-]/.test(value));
  if (credential) {
    const start = at + line.indexOf(value);
    pushLiteral(text, { start, end: start + value.length, quoted: m[1] !== '' }, label.kind, true, out);
  }
}
