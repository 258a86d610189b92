import { credentialKind } from './credentialName';
import { pushLiteral, readQuoted } from './literalValue';
import type { RecallDetector } from './recallSpan';
import { holdsWord, wordPlaces, wordSet } from './wordIndex';

// A value printed under the expression that named it (hunt K, class A2): a REPL's echo of an environment
// read (`>>> os.environ["DB_PASS"]` then `'…'`, irb's `ENV["SECRET_KEY"]` then `=> "…"`), and a notebook
// cell's result of the same read, which .ipynb JSON writes before the cell's source. The value is a bare
// literal; only the expression names it.

/** An environment read by name: Python's, Ruby's, Node's, PHP's, Java's, Go's. The name is group 1. */
const ENV_READ = String.raw`(?:os\.environ(?:\.get)?|os\.getenv|ENV(?:\.fetch)?|process\.env|getenv|System\.getenv|os\.Getenv)(?:\[|\(|\.)[ \t]{0,2}(?:\\?["'])?([A-Za-z_][A-Za-z0-9_]{0,63})(?:\\?["'])?[ \t]{0,2}[\])]?`;
/**
 * A REPL's prompt (Python's `>>>`, IPython's `In [3]:`, irb's `irb(main):001>`, pry's `[1] pry(main)>`, Node's
 * `>` before `process.env.X`), the read, and on the next line the echoed literal (irb's `=> `, IPython's `Out[3]: ` before it).
 */
const REPL_ECHO = new RegExp(
  String.raw`[ \t]{0,8}(?:>>>|In \[\d{1,5}\]:|irb\([\w ]{0,32}\):\d{1,5}[>*]|\[\d{1,5}\] pry\([\w ]{0,32}\)>|>(?=[ \t]{1,4}process\.env\.))[ \t]{1,4}${ENV_READ}[ \t]{0,4}\r?\n(?:=>[ \t]{0,4}|Out\[\d{1,5}\]:[ \t]{0,4})?(?=["'])`,
  'y',
);
/** What each prompt holds (pry's `[1] pry(main)>` starts with its number), lower-case for the word search. */
const PROMPTS = wordSet(['>>> ', 'in [', 'irb(', 'pry(', '> process.env.']);
const RESULTS = wordSet(['"text/plain"']);
/** A notebook cell's source that is the read alone: `"source": [ "os.environ[\"X\"]" ]`. */
const CELL_SOURCE = new RegExp(String.raw`"source":[ \t]{0,4}\[\s{0,64}"${ENV_READ}"\s{0,64}\]`, 'g');
/** The cell's result before its source: `"text/plain": [ "'…'" ]`, a quoted repr inside a JSON string. */
const CELL_RESULT = /"text\/plain":[ \t]{0,4}\[\s{0,64}"(?=['\\])/g;
/** How far before its source a cell's result may stand (its outputs' metadata and counts between). */
const RESULT_REACH = 1200;

export const findEchoedValues: RecallDetector = (text, out) => {
  // Each prompt found by the shared word search, the pattern tried once at its line's start: a pattern
  // tried at every line, or a substring search per prompt, cost 0.1-0.2 ms of 100 KB of code.
  let done = -1;
  for (const i of wordPlaces(text, PROMPTS)) {
    // The prompt starts its line, after at most a few characters (pry's `[1] `): looked back so far only.
    let start = i;
    while (start > 0 && i - start < 16 && text[start - 1] !== '\n') {
      start--;
    }
    if ((start > 0 && text[start - 1] !== '\n') || start === done) {
      continue;
    }
    done = start;
    REPL_ECHO.lastIndex = start;
    const m = REPL_ECHO.exec(text);
    const kind = m === null ? undefined : credentialKind(m[1]!);
    if (m !== null && kind !== undefined) {
      pushLiteral(text, readQuoted(text, REPL_ECHO.lastIndex), kind, false, out);
    }
  }
  if (!holdsWord(text, RESULTS)) {
    return;
  }
  for (const m of text.matchAll(CELL_SOURCE)) {
    const kind = credentialKind(m[1]!);
    const from = Math.max(0, m.index - RESULT_REACH);
    const before = text.slice(from, m.index);
    // The last result before the source, in the same cell (no other cell's source between).
    const results = [...before.matchAll(CELL_RESULT)];
    const last = results[results.length - 1];
    if (kind === undefined || last === undefined || before.includes('"source"', last.index)) {
      continue;
    }
    // The repr's quote, escaped or not (`"'…'"`, `"\"…\""`), holds the value.
    const at = from + last.index + last[0].length;
    const quote = text[at] === '\\' ? at + 1 : at;
    const v = readQuoted(text, quote);
    pushLiteral(text, { ...v, end: text[v.end - 1] === '\\' ? v.end - 1 : v.end }, kind, false, out);
  }
};
