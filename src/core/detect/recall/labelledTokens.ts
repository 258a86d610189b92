import { alnumTable, longRuns } from './charRuns';
import type { RecallDetector } from './recallSpan';
import { cleanTokenEnd, looksRandom, UUID } from './tokenShape';

/**
 * Generated values on a labelled line: a line that opens with a word (a provider's name, a YAML key, a
 * log field) and then holds a generated value, `mixpanel <token>`, `loggly '<uuid>'`, `cloze: <hex>`,
 * `  cloudsmith: "<hex>"`. The report tier wants proof (a provider's format, a credential name); the redact
 * tier hides on shape. Assignments in code (`x = …`, `x := …`) are left to the named-literal detector,
 * which judges the name: a random value under any code name would hide hashes and ids all over a file.
 */

/**
 * Line start, a label of one or two words, `:` or `-` or only spaces, an optional quote, then a value. The
 * first word may be an e-mail address, an account's (`user@example.com mrticktock <token>`, `user@example.com
 * <token>`): a login and what it signs in with, as credential lists and trufflehog's cases write them.
 */
export const LABELLED =
  /^[ \t]{0,32}(?:[-*][ \t]{1,4})?([A-Za-z][\w.-]{1,40}|[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,4})(?:[ \t]{1,4}[A-Za-z][\w-]{1,20})?(?:[ \t]{0,4}:|[ \t]{1,4}-)?[ \t]{1,8}(["'`]?)(?=[A-Za-z0-9+/_-]{16})/gm;

/** Labels whose value is a digest, an id, a version or a reference, or words that open prose and code. */
const NOT_A_CREDENTIAL = new Set(
  (
    'sha sha1 sha256 sha512 md5 hash digest checksum integrity commit rev revision ref head parent tree ray ' +
    // An OpenSSH public key's algorithm (`ssh-ed25519 AAAA… deploy@host`, `ecdsa-sha2-nistp256 AAAA…`).
    'rsa dss ed25519 ed448 nistp256 nistp384 nistp521 ' +
    'blob oid object etag id uuid guid version build nonce salt iv fingerprint thumbprint kid request trace ' +
    'span correlation image resolved from to at in is on of the a an and or if for while return import ' +
    'export use using let const var def class func function new await yield case default echo print ' +
    'run cd git npm docker image tag name title description url uri host domain path file dir email user ' +
    'interface type enum struct extends implements declare namespace module package except raise throw ' +
    'license licence files copyright ' +
    // C, C++, Perl and Vim open declarations with these (`typedef struct X509V3_CONF_METHOD_st {`,
    // `extern Tk_CanvasTextInfo *…`, `syn match ncfSetCommandsNum "…"`, `hi FilterMenuLineNr guifg=…`).
    'typedef extern static inline constexpr virtual friend unsigned signed bool int void char long short ' +
    'union goto sub syn syntax hi highlight'
  ).split(' '),
);

/** What follows a name declared in code: `;`, a parameter list, or a `,` that ends the line. */
const DECLARED = /^[ \t]*(?:;|\(|,[ \t]*(?:\r?\n|$))/;

/** `LABELLED` tried at one line start only. */
const LABELLED_AT = new RegExp(LABELLED.source, 'my');
/** What the value's look-ahead reads. */
const VALUE_CHARS = alnumTable('+/_-');
/** The most `LABELLED` reads before its value: 32 + 5 + 64 + 1 + 63 + 4 × 64 (an e-mail label) + 25 + 5 + 8 + 1. */
const LABEL_REACH = 460;

/** What ends a line for `LABELLED`'s `^` (flag `m`). */
const BREAKS = ['\n', '\r', '\u2028', '\u2029'];

/**
 * The matches of `LABELLED`, found from its values. A value opens a run of 16 value characters or more
 * (a blank or a quote before it), at most `LABEL_REACH` after its line's start: only the starts of such
 * lines are tried. Tried at every position, the pattern cost more than any other of the tier.
 */
export function* labelledMatches(text: string): Generator<RegExpExecArray> {
  const runs = longRuns(text, VALUE_CHARS, 16);
  let tried = -1;
  // The start of the line a run is on, found by one forward pass over the text up to the last run: a walk
  // back from each run cost `LABEL_REACH` a run on a long line of tokens (36 against 15 ms on 1 MB at 460).
  // The pass finds each line break character (`\n`, `\r`, U+2028, U+2029) by `indexOf`, a native search: a
  // loop over every character was a fifth of this detector's time on 100 KB of code.
  const next = runs.length === 0 ? [] : BREAKS.map((b) => text.indexOf(b));
  let line = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const at = runs[r]!;
    for (let b = 0; b < next.length; b++) {
      for (let nl = next[b]!; nl !== -1 && nl < at; nl = next[b]!) {
        line = Math.max(line, nl + 1);
        next[b] = text.indexOf(BREAKS[b]!, nl + 1);
      }
    }
    if (at - line > LABEL_REACH || line <= tried) {
      continue;
    }
    tried = line;
    LABELLED_AT.lastIndex = line;
    const m = LABELLED_AT.exec(text);
    if (m !== null) {
      yield m;
    }
  }
}

export const findLabelledTokens: RecallDetector = (text, out) => {
  for (const m of labelledMatches(text)) {
    // `client_id:`, `image-digest:`: the label's last word says what the value is. A label that is itself
    // generated (`k8Fq…Zx <value>`) is a value, not a label.
    const label = m[1]!;
    // The last word of a name in any case style: `client_id`, `image-digest`, `cloudProjectId`.
    const last = label
      .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
      .toLowerCase()
      .split(/[_.-]/)
      .pop()!;
    if (NOT_A_CREDENTIAL.has(last) || looksRandom(label)) {
      continue;
    }
    const start = m.index + m[0].length;
    const end = cleanTokenEnd(text, start);
    const value = text.slice(start, end).replace(/[.:=-]+$/, '');
    // A quoted value must close with its quote: anything else is a longer string cut here.
    const quote = m[2]!;
    if (end === start || (quote !== '' && text[start + value.length] !== quote)) {
      continue;
    }
    // Unquoted and followed by `;`, `(` or a `,` ending the line: a declaration, a prototype or a
    // parameter in code (`CARD8 xf86vidmodeReqType;`, `GLboolean glXSet3DfxModeMESA (GLint mode);`).
    if (quote === '' && DECLARED.test(text.slice(start + value.length, start + value.length + 8))) {
      continue;
    }
    // A host name (`truffle-security.org.a6z81.mng`) ends in a dotted word.
    if ((UUID.test(value) || looksRandom(value)) && !/\.[a-z]{2,12}$/.test(value)) {
      out.push({ start, end: start + value.length, kind: 'token' });
    }
  }
};
